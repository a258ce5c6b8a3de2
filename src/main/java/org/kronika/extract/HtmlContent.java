package org.kronika.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds a page's main text. Three steps, all iterative so that no page can exhaust the stack:
 * <ol>
 *   <li>Chrome is removed by what it is (scripts, forms, navigation, asides, figures) and by what
 *       publishers call it (class and id words such as share, related, comments, cookie,
 *       newsletter), except where those words mark the article body itself.</li>
 *   <li>The remaining text is cut into blocks at block-level tags and {@code <br>}; each block is
 *       judged on its own (length, link density, sentence punctuation, CJK counted by
 *       information rather than characters) as prose, link chrome or short, and its value is
 *       added to every ancestor. The element with the greatest sum is the article: it has the
 *       most prose net of chrome, so it is neither a paragraph nor the whole page.</li>
 *   <li>Inside it, blocks are kept by class and context, as in jusText: prose is kept, link
 *       chrome dropped, and short blocks (subheadings, one-line paragraphs) kept only between
 *       prose blocks.</li>
 * </ol>
 * Semantic containers ({@code [itemprop=articleBody]}, {@code article}, {@code main}) are
 * preferred when they hold the bulk of the chosen text. Linear in the page size (times the tree
 * depth for step 2). Stateless and thread-safe.
 */
final class HtmlContent {
  private static final Set<String> DROP_TAGS = Set.of("script", "style", "noscript", "template",
      "iframe", "object", "embed", "svg", "canvas", "button", "select", "input", "textarea",
      "nav", "aside", "footer", "figure", "figcaption", "menu", "dialog", "head", "video", "audio",
      "picture", "map", "label");
  private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main",
      "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
      "table", "tr", "td", "th", "tbody", "thead", "caption", "header", "address", "center", "hr",
      "br", "body", "details", "summary", "fieldset", "figure", "html");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> NEVER_DROPPED = Set.of("html", "body", "main", "article");

  /** Class and id words that always mark chrome: other people's text or calls to action. */
  private static final Pattern CHROME = Pattern.compile(
      "(?i)(?:^|[\\s_-])(?:comments?|commentlist|disqus|share|sharing|social|socials|related|"
      + "recommend\\w*|newsletter|subscribe|cookies?|consent|gdpr|outbrain|taboola|"
      + "breadcrumbs?|tagcloud|most-?read|read-?more|more-?stories|see-?also|also-?read|"
      + "caption|byline|signup|login|top-?stories|donate|photo-?credit|"
      + "printfriendly|share-?bar|social-?share|newsletter-?signup)(?:$|[\\s_-])");
  /**
   * Class and id words that usually mark chrome but are also found on layout wrappers around
   * the article (a "content-with-sidebar" column, a "paywall" body): such an element is only
   * removed when it holds a minor share of the page's text.
   */
  private static final Pattern LAYOUT_CHROME = Pattern.compile(
      "(?i)(?:^|[\\s_-])(?:banner|advert\\w*|ads?|adv|promo\\w*|sponsor\\w*|sidebar|tags?|"
      + "keywords|popular|trending|footer|masthead|menu|nav|navbar|navigation|widget|author|"
      + "authors|print|toolbar|rating|pagination|pager|hidden|skip|jump|tools|utility|meta|"
      + "infobox|latest|teaser|teasers|bottom|copyright|disclaimer|partners?|paywall|"
      + "subscription|follow|crumbs|credits?|slider|carousel|gallery|thumbs?|player|rubric|"
      + "header|topbar|popup|modal)(?:$|[\\s_-])");
  /** Below this much prose (weighted characters) a page is judged by its short lines. */
  private static final int MIN_PROSE = 300;
  /** The share of the page's text above which a layout-chrome element is kept. */
  private static final double LAYOUT_GUARD = 0.25;
  /** Class and id words that mark the article body; such elements are never dropped. */
  private static final Pattern BODY = Pattern.compile(
      "(?i)article-?body|articlebody|article-?content|article-?text|story-?body|story-?content|"
      + "entry-?content|post-?content|post-?body|post-?text|main-?content|content-?body|"
      + "news-?text|news-?body|text-?content|body-?text|article__body|article__text|articletext|"
      + "field-?body|single-?content|td-post-content|materia|story-?text");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;。！？：；»\"”]\\s*$|[.!?。！？]\\s");
  private static final Pattern CHROME_TEXT = Pattern.compile(
      "(?i)^(?:advertisement|реклама|read more|читайте также|читайте також|читати також|"
      + "share( this)?|поделиться|поширити|related( articles| stories| news)?|"
      + "follow us.*|подпишитесь.*|підпишіться.*|"
      + "click here.*|sign up.*|subscribe.*|загрузка\\.*|loading\\.*)$");

  private static final Pattern COPYRIGHT = Pattern.compile(
      "(?i)^(?:©|\\(c\\)|copyright\\b)|all rights reserved|все права защищены|усі права захищені");

  /** What a block of text is, judged on its own. */
  enum Kind { PROSE, SHORT, HEADING, CHROME }

  /** A run of text between block boundaries, with the innermost block element holding it. */
  static final class Block {
    final Element owner;
    final String text;
    final int weight;
    final double linkDensity;
    Kind kind;

    Block(Element owner, String text, int weight, double linkDensity) {
      this.owner = owner;
      this.text = text;
      this.weight = weight;
      this.linkDensity = linkDensity;
    }
  }

  private HtmlContent() {}

  /** The main text of the page body, paragraphs separated by a blank line; "" when none. */
  static String extract(Element body, String title) {
    removeChrome(body);
    List<Block> blocks = blocks(body);
    if (blocks.isEmpty()) {
      return "";
    }
    boolean prosePage = blocks.stream().filter(b -> b.kind == Kind.PROSE).mapToInt(b -> b.weight).sum() >= MIN_PROSE;
    if (!prosePage) {
      // a list, a table, a calendar: no prose to go by, so every plain short line counts as text
      for (Block b : blocks) {
        if (b.kind == Kind.SHORT) {
          b.kind = Kind.PROSE;
        }
      }
    }
    Element best = bestContainer(body, blocks);
    return keep(blocks, best, title);
  }

  /** Removes chrome in place, iteratively. */
  static void removeChrome(Element root) {
    int pageText = root.text().length();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof org.jsoup.nodes.Comment) {
          return FilterResult.REMOVE;
        }
        if (!(node instanceof Element e) || node == root) {
          return FilterResult.CONTINUE;
        }
        String tag = e.normalName();
        if (DROP_TAGS.contains(tag) || e.hasAttr("hidden")
            || e.attr("style").replace(" ", "").contains("display:none")
            || "true".equals(e.attr("aria-hidden"))) {
          return e.is("[itemprop=articleBody]") ? FilterResult.CONTINUE : FilterResult.REMOVE;
        }
        if (NEVER_DROPPED.contains(tag)) {
          return FilterResult.CONTINUE;
        }
        if (tag.equals("form") && !holdsArticle(e, pageText)) {
          return FilterResult.REMOVE;
        }
        String names = e.className() + " " + e.id();
        if (names.isBlank() || e.hasAttr("itemprop") && e.attr("itemprop").equals("articleBody")) {
          return FilterResult.CONTINUE;
        }
        if (BODY.matcher(names).find()) {
          return FilterResult.CONTINUE;
        }
        if (CHROME.matcher(names).find()) {
          return e.selectFirst("[itemprop=articleBody]") == null ? FilterResult.REMOVE : FilterResult.CONTINUE;
        }
        if ((tag.equals("form") || LAYOUT_CHROME.matcher(names).find()) && !holdsArticle(e, pageText)) {
          return FilterResult.REMOVE;
        }
        return FilterResult.CONTINUE;
      }
    }, root);
  }

  /**
   * Whether a layout wrapper holds the article: two or more paragraphs of prose, or a large
   * share of the page's text. Chrome (a sidebar, a menu, a search form) holds neither.
   */
  private static boolean holdsArticle(Element e, int pageText) {
    int prose = 0;
    for (Element p : e.getElementsByTag("p")) {
      if (p.text().length() >= 100 && ++prose >= 2) {
        return true;
      }
    }
    return e.text().length() >= LAYOUT_GUARD * pageText;
  }

  /** Cuts the text under {@code root} into blocks, in document order, iteratively. */
  static List<Block> blocks(Element root) {
    List<Block> blocks = new ArrayList<>();
    NodeTraversor.traverse(new NodeVisitor() {
      private final List<Element> open = new ArrayList<>();
      private final StringBuilder text = new StringBuilder();
      private int linkDepth;
      private int linkChars;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          String s = t.getWholeText();
          int before = text.length();
          appendNormalised(s);
          if (linkDepth > 0) {
            linkChars += text.length() - before;
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
      }

      @Override
      public void tail(Node node, int depth) {
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
      }

      private void appendNormalised(String s) {
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (Character.isWhitespace(c) || c == '\u00a0') {
            if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
              text.append(' ');
            }
          } else {
            text.append(c);
          }
        }
      }

      private void flush() {
        String s = text.toString().strip();
        if (!s.isEmpty() && !open.isEmpty()) {
          Element owner = open.get(open.size() - 1);
          blocks.add(new Block(owner, s, weight(s), Math.min(1.0, (double) linkChars / s.length())));
        }
        text.setLength(0);
        linkChars = 0;
      }
    }, root);
    for (Block b : blocks) {
      b.kind = kind(b);
    }
    return blocks;
  }

  /** Characters, with each CJK character counted as three: it carries about a word. */
  static int weight(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      w += Character.isIdeographic(c) || (c >= '\u3040' && c <= '\u30ff') || (c >= '\uac00' && c <= '\ud7af') ? 3 : 1;
    }
    return w;
  }

  private static Kind kind(Block b) {
    if (b.linkDensity > 0.5 || (b.linkDensity > 0.3 && b.weight < 200)
        || (b.weight < 80 && CHROME_TEXT.matcher(b.text).matches())
        || (b.weight < 300 && COPYRIGHT.matcher(b.text).find())) {
      return Kind.CHROME;
    }
    if (HEADINGS.contains(b.owner.normalName())) {
      return Kind.HEADING;
    }
    boolean sentence = SENTENCE_END.matcher(b.text).find();
    if (b.weight >= 200 || (b.weight >= 70 && sentence)) {
      return Kind.PROSE;
    }
    return Kind.SHORT;
  }

  /** The element whose blocks sum to the most prose net of chrome. */
  static Element bestContainer(Element root, List<Block> blocks) {
    Map<Element, double[]> score = new IdentityHashMap<>();
    for (Block b : blocks) {
      double v = switch (b.kind) {
        case PROSE -> b.weight * (1 - b.linkDensity);
        case CHROME -> -b.weight;
        case SHORT -> -Math.min(b.weight, 40) * 0.2;
        case HEADING -> 0;
      };
      for (Element e = b.owner; e != null; e = e.parent()) {
        score.computeIfAbsent(e, k -> new double[1])[0] += v;
        if (e == root) {
          break;
        }
      }
    }
    Element best = root;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Map.Entry<Element, double[]> e : score.entrySet()) {
      if (e.getValue()[0] > bestScore) {
        bestScore = e.getValue()[0];
        best = e.getKey();
      }
    }
    // a semantic article body inside the winner that holds nearly all its score is the more exact answer
    for (Element semantic : best.select("[itemprop=articleBody], article, main")) {
      double[] s = score.get(semantic);
      if (semantic != best && s != null && s[0] >= 0.9 * bestScore) {
        best = semantic;
        break;
      }
    }
    return best;
  }

  /** The blocks under {@code container} worth keeping, judged in context. */
  static String keep(List<Block> all, Element container, String title) {
    List<Block> inside = new ArrayList<>();
    for (Block b : all) {
      if (isInside(b.owner, container)) {
        inside.add(b);
      }
    }
    int n = inside.size();
    boolean[] keep = new boolean[n];
    int[] prevProse = new int[n];
    int last = -1;
    for (int i = 0; i < n; i++) {
      prevProse[i] = last;
      if (inside.get(i).kind == Kind.PROSE) {
        last = i;
      } else if (inside.get(i).kind == Kind.CHROME) {
        last = -1;
      }
    }
    int next = -1;
    for (int i = n - 1; i >= 0; i--) {
      Block b = inside.get(i);
      switch (b.kind) {
        case PROSE -> keep[i] = true;
        case SHORT -> keep[i] = prevProse[i] >= 0 && next >= 0;
        case HEADING -> keep[i] = next >= 0 && !b.text.equalsIgnoreCase(title == null ? "" : title.strip())
            && !b.owner.normalName().equals("h1");
        case CHROME -> keep[i] = false;
      }
      if (b.kind == Kind.PROSE) {
        next = i;
      } else if (b.kind == Kind.CHROME) {
        next = -1;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        if (out.length() > 0) {
          out.append("\n\n");
        }
        out.append(inside.get(i).text);
      }
    }
    return out.toString();
  }

  private static boolean isInside(Element e, Element container) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == container) {
        return true;
      }
    }
    return false;
  }
}
