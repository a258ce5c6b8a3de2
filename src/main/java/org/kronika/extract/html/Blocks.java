package org.kronika.extract.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Step 2 of {@link HtmlContent}, first half: cuts the text a page keeps after {@link Pruner} into
 * blocks at block-level tags and {@code <br>}, each labelled by {@link BlockJudge}. Iterative, so
 * no page can exhaust the stack. Stateless and thread-safe.
 */
final class Blocks {
  private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main",
      "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
      "table", "tr", "td", "th", "tbody", "thead", "caption", "header", "address", "center", "hr",
      "br", "body", "details", "summary", "fieldset", "figure", "html");

  private Blocks() {}

  /**
   * Cuts the text under {@code root} into blocks, in document order, iteratively, skipping
   * chrome and comments.
   */
  static List<Block> cut(Element root, HtmlContent.Options o) {
    List<Pruner.Subtree> stats = Pruner.subtrees(root, o);
    int pageText = stats.get(0).textChars;
    List<Block> blocks = new ArrayList<>();
    NodeTraversor.filter(new NodeFilter() {
      private final List<Element> open = new ArrayList<>();
      /** The document-order index of the next element, as in {@link Pruner#subtrees}. */
      private int nextElement;
      private final Map<String, Integer> chromeNames = new HashMap<>();
      private final StringBuilder text = new StringBuilder();
      private int linkDepth;
      private int linkChars;
      private int leadLink;
      private boolean leading = true;

      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Element e) {
          Pruner.Subtree sub = stats.get(nextElement++);
          if (node != root && Pruner.isChrome(e, sub, pageText, chromeNames, o)) {
            nextElement = sub.end;
            return FilterResult.SKIP_ENTIRELY;
          }
        }
        if (node instanceof TextNode t) {
          String s = t.getWholeText();
          int before = text.length();
          appendNormalised(s);
          if (linkDepth > 0) {
            linkChars += text.length() - before;
            leadLink += leading ? text.length() - before : 0;
          } else if (text.length() > before + 1 || text.length() == before + 1 && text.charAt(before) != ' ') {
            leading = false;
          }
        } else if (node instanceof Element e) {
          String tag = e.normalName();
          if (BLOCK_TAGS.contains(tag)) {
            flush();
            if (!tag.equals("br") && !tag.equals("hr")) {
              open.add(e);
            }
          } else if (tag.equals("a")) {
            linkDepth++;
          } else if (tag.equals("img") && text.length() > 0) {
            text.append(' ');
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e) {
          String tag = e.normalName();
          if (BLOCK_TAGS.contains(tag) && !tag.equals("br") && !tag.equals("hr")) {
            flush();
            if (!open.isEmpty()) {
              open.remove(open.size() - 1);
            }
          } else if (tag.equals("a")) {
            linkDepth--;
          }
        }
        if (node == root) {
          flush();
        }
        return FilterResult.CONTINUE;
      }

      /** Appends {@code s} with each run of white space one space, none at the start: word by word, not char by char. */
      private void appendNormalised(String s) {
        int word = -1;
        for (int i = 0; i <= s.length(); i++) {
          char c = i < s.length() ? s.charAt(i) : ' ';
          if (Markup.isWhitespace(c) || c == '\u00a0') {
            if (word >= 0) {
              text.append(s, word, i);
              word = -1;
            }
            if (i < s.length() && text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
              text.append(' ');
            }
          } else if (word < 0) {
            word = i;
          }
        }
      }

      private void flush() {
        // strip(): the text holds no white space but spaces, and none at its start
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
          end--;
        }
        String s = text.substring(0, end);
        if (!s.isEmpty() && !open.isEmpty()) {
          Element owner = open.get(open.size() - 1);
          blocks.add(new Block(owner, s, Block.weight(s), Math.min(1.0, (double) linkChars / s.length()), leadLink));
        }
        text.setLength(0);
        linkChars = 0;
        leadLink = 0;
        leading = true;
      }
    }, root);
    for (Block b : blocks) {
      b.kind = BlockJudge.kind(b, o);
    }
    return blocks;
  }
}
