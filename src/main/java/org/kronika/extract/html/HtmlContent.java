package org.kronika.extract.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 *   <li>Chrome is skipped by what it is (scripts, navigation, asides, figures, hidden elements)
 *       and by what publishers call it (class and id words such as share, related, comments,
 *       cookie, newsletter), except where those words mark the article body itself or a layout
 *       wrapper that holds it. The DOM is not modified.</li>
 *   <li>The remaining text is cut into blocks at block-level tags and {@code <br>}; each block is
 *       judged on its own (length, link density, sentence punctuation, CJK counted by
 *       information rather than characters) as prose, link chrome or short, and its value is
 *       added to every ancestor. The element with the greatest sum is the article: it has the
 *       most prose net of chrome, so it is neither a paragraph nor the whole page.</li>
 *   <li>Inside it, blocks are kept by class and context, as in jusText: prose is kept, link
 *       chrome dropped, and short blocks (subheadings, one-line paragraphs) kept only between
 *       prose blocks. The article ends at a long run of links, at a heading that opens readers'
 *       comments, or at one over other articles ("See also").</li>
 * </ol>
 * Other articles' teasers (a headline link and a summary, again and again) and legal text
 * (a copyright sign) are chrome even though they read as prose.
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

  /**
   * Class and id words (split at spaces, hyphens and underscores, lower-cased) that always mark
   * chrome: other people's text or calls to action. Two-word names are matched as neighbours.
   */
  private static final Set<String> CHROME_WORDS = Set.of("comment", "comments", "commentlist",
      "disqus", "share", "sharing", "social", "socials", "related", "newsletter", "subscribe",
      "cookie", "cookies", "consent", "gdpr", "outbrain", "taboola", "breadcrumb", "breadcrumbs",
      "tagcloud", "mostread", "readmore", "morestories", "seealso", "alsoread", "caption",
      "byline", "signup", "login", "topstories", "donate", "printfriendly", "sharebar",
      "tooltip", "most-read", "read-more", "more-stories", "see-also", "also-read",
      "top-stories", "photo-credit");
  /** The first words of the two-word names above ("most" of most-read). */
  private static final Set<String> PAIR_STARTS = CHROME_WORDS.stream().filter(w -> w.contains("-"))
      .map(w -> w.substring(0, w.indexOf('-'))).collect(java.util.stream.Collectors.toUnmodifiableSet());
  /**
   * Class and id words that usually mark chrome but are also found on layout wrappers around
   * the article (a "content-with-sidebar" column, a "paywall" body): such an element is only
   * dropped when it does not hold the article.
   */
  private static final Set<String> LAYOUT_WORDS = Set.of("banner", "ad", "ads", "adv", "sidebar",
      "tag", "tags", "keywords", "popular", "trending", "footer", "masthead", "menu", "nav",
      "navbar", "navigation", "widget", "author", "authors", "print", "toolbar", "rating",
      "pagination", "pager", "hidden", "skip", "jump", "tools", "utility", "meta", "infobox",
      "latest", "teaser", "teasers", "bottom", "partner", "partners",
      "paywall", "subscription", "follow", "crumbs", "credit", "credits", "slider", "carousel",
      "gallery", "thumb", "thumbs", "player", "rubric", "header", "topbar", "popup", "modal");
  /**
   * Class and id words of a wrapper around a whole page view: with a chrome word beside them
   * ("comments_page_wrapper") they name the page that also has comments, so the chrome word only
   * counts as a layout word. Not "wrapper" alone: a "comments-wrapper" is the comments' box.
   */
  private static final Set<String> PAGE_WORDS = Set.of("page");
  /**
   * Class and id words of the site's closing matter (imprint, legal notes), whose paragraphs read
   * like prose: such an element is only kept when it holds the headline or a large share of the
   * page in several paragraphs, as a page-wide wrapper does (one long notice can outweigh a short
   * article).
   */
  private static final Set<String> TRAILER_WORDS = Set.of("footer", "foot", "copyright", "disclaimer", "imprint", "legal");
  /** Word beginnings that mark chrome (recommendations, advertisement, promo-box, sponsored). */
  private static final List<String> CHROME_PREFIXES = List.of("recommend");
  private static final List<String> LAYOUT_PREFIXES = List.of("advert", "promo", "sponsor");

  /** How much prose before the headline counts against a container: it is other articles'. */
  private static final double BEFORE_TITLE = 0.3;
  /**
   * The most one block of link chrome counts against its container: a news list inside the
   * article's box should not outweigh the article, while a menu of many links still does.
   */
  private static final int CHROME_CAP = 60;
  /** The share of link chrome under which an article's box counts as clean. */
  private static final double CLEAN_CHROME = 0.05;
  /** Prose (weighted characters) after which a long run of links ends the article. */
  private static final int ARTICLE_DONE = 500;
  /** Link text (weighted characters) in a row that ends an article. */
  private static final int LINK_RUN = 300;
  /** How many blocks of links in a row end an article. */
  private static final int LINK_RUN_BLOCKS = 2;
  /**
   * A line before the text's first paragraph this long (weighted characters) is its lead, though
   * it lacks a full stop; kickers, bylines and dates are shorter.
   */
  private static final int LEAD_LINE = 100;
  /** The shortest standfirst (weighted characters) kept beside the first paragraph: longer than a byline. */
  private static final int STANDFIRST = 40;
  /**
   * The longest block (weighted characters) a copyright sign marks as the site's legal text:
   * long enough for the paragraphs of terms in a footer, short of a long paragraph citing a
   * source.
   */
  private static final int COPYRIGHT_BLOCK = 1000;
  /** The shortest heading (weighted characters) that is a paragraph set in a heading's type. */
  private static final int PARAGRAPH_HEADING = 200;
  /** How many levels above the headline the article's text is looked for. */
  private static final int TITLE_REACH = 3;
  /** How much prose (weighted characters) under the headline counts double. */
  private static final int UNDER_TITLE = 2000;
  /** How many small lines (an author, a time) may stand between a teaser's headline and its summary. */
  private static final int TEASER_GAP = 2;
  /** How many teasers in a row make a list of other articles. */
  private static final int TEASER_RUN = 3;
  /** Link text (weighted characters) that makes a line a headline. */
  private static final int HEADLINE_LINK = 20;
  /** The longest line (weighted characters) that a teaser's headline or its author and time fill. */
  private static final int TEASER_LINE = 150;
  /** The shortest block (weighted characters) that reads as a sentence citing linked sources. */
  private static final int LINKED_SENTENCE = 100;
  /** Visible characters that make a paragraph of prose for the chrome test. */
  private static final int PROSE_CHARS = 80;
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
  /** The classes social networks' embed codes give the blockquote of a quoted post. */
  private static final Pattern EMBEDDED_POST = Pattern.compile("twitter-tweet|instagram-media|tiktok-embed|fb-xfbml-parse");
  /** Characters that end a sentence at the end of a text, and those that end one within it. */
  private static final String SENTENCE_END_CHARS = ".!?…:;。！？：；»\"”";
  private static final String SENTENCE_STOPS = ".!?。！？";
  private static final Pattern CHROME_TEXT = Pattern.compile(
      "(?iu)^(?:advertisement|реклама|read more|читайте также|читайте також|читати також|"
      + "share( this)?|поделиться|поширити|related( articles| stories| news)?|"
      + "follow us.*|подпишитесь.*|підпишіться.*|"
      + "click here.*|sign up.*|subscribe.*|загрузка\\.*|loading\\.*|"
      + "rate this.*|оцените.*|оцініть.*|related links:?|"
      + "(?:ссылки|новости|материалы|статьи) по теме:?|(?:посилання|новини|матеріали|статті) по темі:?)$");

  /**
   * A line that opens the readers' comments: "Comments (12)", "Комментарии", "Leave a comment",
   * "Обсуждение статьи" (discussion of the article), perhaps with an asterisk that refers to the
   * site's disclaimer of what readers write.
   */
  private static final Pattern COMMENTS_HEADING = Pattern.compile("(?iu)(?:\\d+\\s+)?(?:(?:leave|add|post|write)\\s+a\\s+|"
      + "(?:добавить|оставить|написать|додати|залишити|dodaj|napisz)\\s+)?(?:comments?|reader comments|"
      + "комментари[йияе]в?|коментар[іяі]в?|komentarz[eyy]?|σχόλια|评论|評論|留言|kommentare?|commentaires?|"
      + "comentários?|comentarios?|commenti|yorumlar|"
      + "(?:discussion|обсуждение|обговорення|dyskusja)(?:\\s+(?:статьи|статті|материала|новости))?)"
      + "(?:\\s*\\(\\d+\\))?\\s*[:*]?");

  /**
   * A heading over other articles: "See also", "Смотрите также", "Больше по теме" (more on the
   * topic); an inline "read also" line is a paragraph, not a heading. Not Polish "Zobacz też":
   * Polish sites head boxes inside the article with it, and the text goes on below.
   */
  private static final Pattern SEE_ALSO_HEADING = Pattern.compile("(?iu)(?:see also|related (?:articles|stories|news)|"
      + "(?:смотрите|читайте|дивіться) також|(?:смотрите|читайте) также|more on this (?:story|topic)|"
      + "(?:больше|ещё|еще|материалы|ссылки|новости|статьи) по теме|(?:більше|ще|матеріали|новини|статті) по темі|"
      + "δείτε επίσης|相关新闻|相關新聞|延伸阅读|延伸閱讀)\\s*:?");

  /** What a block of text is, judged on its own. */
  enum Kind { PROSE, SHORT, HEADING, CHROME }

  /** A run of text between block boundaries, with the innermost block element holding it. */
  static final class Block {
    final Element owner;
    final String text;
    final int weight;
    final double linkDensity;
    /** Characters of link text the block opens with (a teaser's headline, when it shares the block). */
    final int leadLink;
    Kind kind;

    Block(Element owner, String text, int weight, double linkDensity, int leadLink) {
      this.owner = owner;
      this.text = text;
      this.weight = weight;
      this.linkDensity = linkDensity;
      this.leadLink = leadLink;
    }
  }

  private HtmlContent() {}

  /**
   * The main text of the page body, paragraphs separated by a blank line ("" when none), and,
   * when {@code wantDateLines}, the lines to look for its date in.
   */
  static Main extract(Element body, String title, String pageTitle, boolean wantDateLines) {
    List<Block> blocks = blocks(body);
    if (blocks.isEmpty()) {
      return new Main("", List.of());
    }
    int anchor = titleAnchor(blocks, title, pageTitle);
    markTeasers(blocks, anchor);
    int prose = blocks.stream().filter(b -> b.kind == Kind.PROSE).mapToInt(b -> b.weight).sum();
    int shortLines = blocks.stream().filter(b -> b.kind == Kind.SHORT).mapToInt(b -> b.weight).sum();
    if (prose == 0 || prose < MIN_PROSE && shortLines > 2 * prose) {
      // a list, a table, a calendar: no prose to go by, so every plain short line counts as text
      for (Block b : blocks) {
        if (b.kind == Kind.SHORT) {
          b.kind = Kind.PROSE;
        }
      }
    }
    Element best = bestContainer(body, blocks, anchor);
    return new Main(keep(blocks, best, anchor, title), wantDateLines ? dateLines(blocks, best, anchor) : List.of());
  }

  /**
   * The page's main text and the short lines where its date is usually printed: around the
   * headline first, then at the edges of the article.
   */
  record Main(String body, List<String> dateLines) {}

  private static List<String> dateLines(List<Block> blocks, Element container, int anchor) {
    List<Integer> order = new ArrayList<>();
    if (anchor >= 0) {
      for (int i = anchor; i <= anchor + 6; i++) {
        order.add(i);
      }
      for (int i = anchor - 1; i >= anchor - 3; i--) {
        order.add(i);
      }
    }
    List<Integer> inside = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (isInside(blocks.get(i).owner, container)) {
        inside.add(i);
      }
    }
    order.addAll(inside.subList(0, Math.min(3, inside.size())));
    order.addAll(inside.subList(Math.max(0, inside.size() - 3), inside.size()));
    List<String> lines = new ArrayList<>();
    for (int i : order) {
      if (i >= 0 && i < blocks.size() && blocks.get(i).kind != Kind.CHROME && blocks.get(i).weight < 200
          && !HtmlMetadata.visitDate(blocks.get(i).owner)) {
        lines.add(blocks.get(i).text);
      }
    }
    return lines;
  }

  /** What the chrome test needs to know of an element's subtree, gathered bottom-up. */
  private static final class Subtree {
    int textChars;
    int proseParagraphs;
    boolean hasH1;
    boolean hasArticleBody;
    /** A post quoted from a social network with its embed code ({@code blockquote.twitter-tweet}). */
    boolean hasEmbeddedPost;
    /** The document-order index just past the element's last descendant: where a skip resumes. */
    int end;
  }

  /**
   * Every element's {@link Subtree}, in one iterative pass, indexed by the element's position in
   * document order (the root is 0). A list rather than a map by element: the pass that uses it
   * walks the same tree in the same order, so a counter finds each element's entry.
   */
  private static List<Subtree> subtrees(Element root) {
    List<Subtree> stats = new ArrayList<>();
    List<Subtree> open = new ArrayList<>(); // the elements from root to the current node
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element) {
          Subtree own = new Subtree();
          stats.add(own);
          open.add(own);
        } else if (node instanceof TextNode t && !open.isEmpty()) {
          int chars = visibleChars(t.getWholeText());
          Subtree sub = open.get(open.size() - 1);
          sub.textChars += chars;
          if (chars >= PROSE_CHARS && !(t.parent() != null && t.parent().normalName().equals("p"))) {
            sub.proseParagraphs++; // text set off by <br> rather than <p>
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (!(node instanceof Element e)) {
          return;
        }
        Subtree own = open.remove(open.size() - 1);
        own.end = stats.size();
        String tag = e.normalName();
        if (tag.equals("p") && own.textChars >= PROSE_CHARS) {
          own.proseParagraphs++;
        }
        own.hasH1 |= tag.equals("h1");
        if (e.attributesSize() > 0) {
          own.hasArticleBody |= "articleBody".equals(e.attr("itemprop"));
          own.hasEmbeddedPost |= tag.equals("blockquote") && EMBEDDED_POST.matcher(e.className()).find();
        }
        if (!open.isEmpty()) {
          Subtree up = open.get(open.size() - 1);
          up.textChars += own.textChars;
          up.proseParagraphs += own.proseParagraphs;
          up.hasH1 |= own.hasH1;
          up.hasArticleBody |= own.hasArticleBody;
          up.hasEmbeddedPost |= own.hasEmbeddedPost;
        }
      }
    }, root);
    return stats;
  }

  private static int visibleChars(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!isWhitespace(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /**
   * {@link Character#isWhitespace(char)}, answered at once for the characters above the ASCII
   * space outside U+1680 to U+3000, none of which is white space: the JDK's look-up is a call per
   * character that the JIT cannot inline on pages of mixed scripts, and the passes here run it on
   * every character of the page.
   */
  static boolean isWhitespace(char c) {
    return (c <= ' ' || c >= '\u1680' && c <= '\u3000') && Character.isWhitespace(c);
  }

  /**
   * Whether an element is chrome, judged by its tag, its class and id, and its subtree.
   * {@code names} keeps the {@link #chromeWords} of the class and id values seen on the page so
   * far: a page repeats a few dozen of them on thousands of elements.
   */
  private static boolean isChrome(Element e, Subtree sub, int pageText, Map<String, Integer> names) {
    String tag = e.normalName();
    if (NEVER_DROPPED.contains(tag) || sub.hasArticleBody) {
      return false;
    }
    if (DROP_TAGS.contains(tag)) {
      return true;
    }
    if (e.attributesSize() == 0) {
      return false; // nothing hides it or names it
    }
    if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))
        || e.attr("style").replace(" ", "").contains("display:none")) {
      return true;
    }
    // a layout wrapper holds the article if it has two paragraphs of prose, the headline, or a
    // large share of the page's text; chrome (a sidebar, a menu, a search form) has none of these
    // (or a post the article quotes, in the widget its embed code sits in)
    boolean holdsArticle = sub.proseParagraphs >= 2 || sub.hasH1 || sub.textChars >= LAYOUT_GUARD * pageText
        || sub.hasEmbeddedPost;
    if (tag.equals("form")) {
      return !holdsArticle;
    }
    String className = e.className();
    String id = e.id();
    int words = Math.max(className.isEmpty() ? NONE : names.computeIfAbsent(className, HtmlContent::chromeWords),
        id.isEmpty() ? NONE : names.computeIfAbsent(id, HtmlContent::chromeWords));
    boolean chrome = words == STRONG || words == LAYOUT && !holdsArticle
        || words == TRAILER && !sub.hasH1 && (sub.textChars < LAYOUT_GUARD * pageText || sub.proseParagraphs < 2);
    // names of the article body overrule (tested last, as the costliest test here)
    return chrome && !BODY.matcher(className).find() && !BODY.matcher(id).find();
  }

  private static final int NONE = 0;
  private static final int LAYOUT = 1;
  private static final int TRAILER = 2;
  private static final int STRONG = 3;

  /**
   * Whether class and id name chrome ({@link #STRONG}), closing matter ({@link #TRAILER}),
   * maybe chrome ({@link #LAYOUT}), or neither.
   */
  private static int chromeWords(String names) {
    String lower = names.toLowerCase(Locale.ROOT);
    int found = NONE;
    boolean strong = false;
    boolean page = false;
    String previous = null;
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      boolean separator = c == ' ' || c == '-' || c == '_' || isWhitespace(c);
      if (!separator && start < 0) {
        start = i;
      } else if (separator && start >= 0) {
        String word = lower.substring(start, i);
        start = -1;
        if (CHROME_WORDS.contains(word) || startsWithAny(word, CHROME_PREFIXES)
            || previous != null && PAIR_STARTS.contains(previous) && CHROME_WORDS.contains(previous + "-" + word)) {
          strong = true;
        }
        page |= PAGE_WORDS.contains(word);
        if (TRAILER_WORDS.contains(word)) {
          found = TRAILER;
        } else if (found == NONE && (LAYOUT_WORDS.contains(word) || startsWithAny(word, LAYOUT_PREFIXES))) {
          found = LAYOUT;
        }
        previous = word;
      }
    }
    return strong ? (page ? LAYOUT : STRONG) : found;
  }

  private static boolean startsWithAny(String word, List<String> prefixes) {
    for (String p : prefixes) {
      if (word.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Cuts the text under {@code root} into blocks, in document order, iteratively, skipping
   * chrome and comments.
   */
  static List<Block> blocks(Element root) {
    List<Subtree> stats = subtrees(root);
    int pageText = stats.get(0).textChars;
    List<Block> blocks = new ArrayList<>();
    NodeTraversor.filter(new NodeFilter() {
      private final List<Element> open = new ArrayList<>();
      /** The document-order index of the next element, as in {@link #subtrees}. */
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
          Subtree sub = stats.get(nextElement++);
          if (node != root && isChrome(e, sub, pageText, chromeNames)) {
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

      private void appendNormalised(String s) {
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (isWhitespace(c) || c == '\u00a0') {
            if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
              text.append(' ');
            }
          } else {
            text.append(c);
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
          blocks.add(new Block(owner, s, weight(s), Math.min(1.0, (double) linkChars / s.length()), leadLink));
        }
        text.setLength(0);
        linkChars = 0;
        leadLink = 0;
        leading = true;
      }
    }, root);
    for (Block b : blocks) {
      b.kind = kind(b);
    }
    return blocks;
  }

  /**
   * Marks as chrome the summaries in lists of other articles: a headline link, perhaps an
   * author and a time, then a paragraph that reads as prose, again and again. One or two such
   * pairs are paragraphs after "read also" links inside the article; a longer run is a list.
   * The first paragraph under the headline ({@code anchor}) is the article's own and stays out
   * of any run: a share bar above it looks like a teaser's headline link, and when the site puts
   * the same bar over each of the other articles listed below, they would carry it away.
   */
  static void markTeasers(List<Block> blocks, int anchor) {
    int lead = anchor < 0 ? -1 : firstProse(blocks, anchor);
    List<Integer> prose = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).kind == Kind.PROSE && i != lead) {
        prose.add(i);
      }
    }
    // teaser k follows teaser k - 1 directly when only its headline and small lines stand
    // between, and both are built alike, as the items of one list are
    int[] headline = new int[prose.size()];
    for (int k = 0; k < prose.size(); k++) {
      headline[k] = headlineBefore(blocks, prose.get(k));
    }
    int runStart = 0;
    for (int k = 1; k <= prose.size(); k++) {
      boolean follows = k < prose.size() && headline[k] >= 0 && headline[k - 1] >= 0
          && headline[k] - prose.get(k - 1) <= TEASER_GAP + 1
          && sameKind(blocks.get(headline[k]).owner, blocks.get(headline[k - 1]).owner)
          && sameKind(blocks.get(prose.get(k)).owner, blocks.get(prose.get(k - 1)).owner);
      if (!follows) {
        if (k - runStart >= TEASER_RUN) {
          for (int r = runStart; r < k; r++) {
            blocks.get(prose.get(r)).kind = Kind.CHROME;
          }
        }
        runStart = k;
      }
    }
  }

  /** The index of the first prose block at or after {@code from}, or -1. */
  private static int firstProse(List<Block> blocks, int from) {
    for (int i = from; i < blocks.size(); i++) {
      if (blocks.get(i).kind == Kind.PROSE) {
        return i;
      }
    }
    return -1;
  }

  /** Whether two elements look like the same part of a repeated item: same tag, same class. */
  private static boolean sameKind(Element a, Element b) {
    return a.normalName().equals(b.normalName()) && a.className().equals(b.className());
  }

  /**
   * The index of the headline link that opens block {@code i} or stands just before it, past at
   * most a few small lines, or -1.
   */
  private static int headlineBefore(List<Block> blocks, int i) {
    if (blocks.get(i).leadLink >= HEADLINE_LINK) {
      return i; // headline and summary in one block
    }
    for (int j = i - 1; j >= Math.max(0, i - 1 - TEASER_GAP); j--) {
      Block b = blocks.get(j);
      if (b.kind == Kind.PROSE || b.kind == Kind.HEADING || b.weight >= TEASER_LINE) {
        return -1;
      }
      if (b.linkDensity >= 0.7 && b.weight >= HEADLINE_LINK) {
        return j;
      }
    }
    return -1;
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

  /**
   * A copyright line: a © sign (not glued to a letter, as in the mojibake of é), "(c)" or
   * "copyright" first, "all rights reserved". Takes the block's text lower-cased, as the tests
   * below do: they run on every block, and the JDK's search is fastest on a plain copy.
   */
  private static boolean isCopyright(String lower) {
    for (int at = lower.indexOf('©'); at >= 0; at = lower.indexOf('©', at + 1)) {
      if (at == 0 || !Character.isLetter(lower.charAt(at - 1))) {
        return true;
      }
    }
    return lower.startsWith("(c)")
        || lower.startsWith("copyright") && (lower.length() == 9 || !Character.isLetterOrDigit(lower.charAt(9)))
        || lower.contains("all rights reserved") || lower.contains("все права защищены") || lower.contains("усі права захищені");
  }

  /**
   * The site's terms for reprinting its articles, or its disclaimer of other people's text: "may not
   * be reproduced", "при использовании ссылка обязательна" (a link is required), "не несет
   * ответственности" (is not responsible), "未经授权不得转载" (no reprint without permission). Legal
   * text as a copyright line is, but without the sign.
   */
  private static boolean isReuseNotice(String lower) {
    return lower.contains("may not be reproduced") || lower.contains("without the written permission")
        || lower.contains("перепечат") || lower.contains("передрук")
        || lower.contains("ссылка") && lower.contains("обязательна")
        || lower.contains("посилання") && lower.contains("обов")
        || lower.contains("не несет ответственности") || lower.contains("не несёт ответственности")
        || lower.contains("转载") && (lower.contains("授权") || lower.contains("版权") || lower.contains("本网"));
  }

  /**
   * A typo-report notice ("Found a mistake? Select it and press Ctrl+Enter"), which the widget that
   * sends the selection to the editors puts under the text of many sites.
   */
  private static boolean isTypoReport(String lower) {
    return lower.contains("ctrl") && lower.contains("enter"); // Ctrl+Enter, Ctrl + Enter
  }

  /** Whether {@code text} contains {@code lowerNeedle} in any case, without copying the text. */
  static boolean containsIgnoreCase(String text, String lowerNeedle) {
    char first = lowerNeedle.charAt(0);
    for (int i = 0; i <= text.length() - lowerNeedle.length(); i++) {
      if (toLowerCase(text.charAt(i)) == first && text.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
        return true;
      }
    }
    return false;
  }

  /** {@link Character#toLowerCase(char)}, answered at once for ASCII, as {@link #isWhitespace} is. */
  static char toLowerCase(char c) {
    if (c >= 0x80) {
      return Character.toLowerCase(c);
    }
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Whether a text ends with a full stop, a question or an exclamation mark (not a colon: a label). */
  private static boolean endsSentence(String text) {
    return !text.isEmpty() && SENTENCE_STOPS.indexOf(text.charAt(text.length() - 1)) >= 0;
  }

  /** Whether a text ends as a sentence ends, or has a sentence end followed by more. */
  private static boolean hasSentence(String text) {
    int end = text.length() - 1;
    while (end >= 0 && Character.isWhitespace(text.charAt(end))) {
      end--;
    }
    if (end >= 0 && SENTENCE_END_CHARS.indexOf(text.charAt(end)) >= 0) {
      return true;
    }
    for (int i = 0; i < end; i++) {
      if (SENTENCE_STOPS.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static Kind kind(Block b) {
    if ((b.linkDensity > 0.5 || b.linkDensity > 0.3 && b.weight < 200 && !isLinkedSentence(b)) && !inEmbeddedPost(b.owner)
        || (b.weight < 80 && CHROME_TEXT.matcher(b.text).matches())) {
      return Kind.CHROME;
    }
    if (b.weight < COPYRIGHT_BLOCK) {
      String lower = b.text.toLowerCase(Locale.ROOT);
      if (isCopyright(lower) || isReuseNotice(lower) || b.weight < 200 && isTypoReport(lower)) {
        return Kind.CHROME;
      }
    }
    if (HEADINGS.contains(b.owner.normalName()) && !isParagraphHeading(b)) {
      return Kind.HEADING;
    }
    if (b.weight >= 200 || b.weight >= 70 && hasSentence(b.text)) {
      return Kind.PROSE;
    }
    return Kind.SHORT;
  }

  /**
   * Whether a heading element holds a paragraph: sentences as long as prose, as sites set the
   * article's lead in an {@code <h2>} or {@code <h4>}. Headlines are shorter and end without a full
   * stop; an {@code <h1>} that long, or a heading beside an image, is a photo's caption.
   */
  private static boolean isParagraphHeading(Block b) {
    return b.weight >= PARAGRAPH_HEADING && endsSentence(b.text) && !b.owner.normalName().equals("h1")
        && (b.owner.parent() == null || b.owner.parent().selectFirst("> img") == null);
  }

  /**
   * Whether a block with some links (under half its text) is a sentence of the article that cites
   * its sources, as agencies link earlier reports, rather than a "read also" line: long enough
   * for a sentence and ending as one.
   */
  private static boolean isLinkedSentence(Block b) {
    return b.weight >= LINKED_SENTENCE && hasSentence(b.text);
  }

  /** Whether a block is part of a quoted social-network post, whose links are its text (handles, tags). */
  private static boolean inEmbeddedPost(Element owner) {
    Element e = owner;
    for (int up = 0; up < 3 && e != null; up++, e = e.parent()) {
      if (e.normalName().equals("blockquote") && EMBEDDED_POST.matcher(e.className()).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The element whose blocks sum to the most prose net of chrome. Prose just after the
   * headline, and near it in the tree, counts double and prose before it counts against: an article starts under its
   * title, while legal blurbs and teaser summaries elsewhere can be as long as its paragraphs.
   */
  static Element bestContainer(Element root, List<Block> blocks, int anchor) {
    // jsoup elements compare by identity; insertion order (deepest first, in document order)
    // makes ties go to the innermost, earliest element, the same on every run
    Map<Element, double[]> score = new LinkedHashMap<>();
    Map<Element, double[]> byOwner = new LinkedHashMap<>();
    Element nearTitle = anchor < 0 ? root : blocks.get(anchor).owner;
    for (int up = 0; up < TITLE_REACH && nearTitle != root && nearTitle.parent() != null; up++) {
      nearTitle = nearTitle.parent();
    }
    double proseAfterAnchor = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      double factor = 1;
      if (anchor >= 0 && i < anchor) {
        factor = b.kind == Kind.PROSE ? -BEFORE_TITLE : 1;
      } else if (anchor >= 0 && b.kind == Kind.PROSE && proseAfterAnchor < UNDER_TITLE
          && isInside(b.owner, nearTitle)) {
        factor = 2;
        proseAfterAnchor += b.weight;
      }
      double v = factor * switch (b.kind) {
        case PROSE -> b.weight * (1 - b.linkDensity);
        case CHROME -> -Math.min(b.weight, CHROME_CAP);
        case SHORT -> -Math.min(b.weight, 40) * 0.2;
        case HEADING -> 0;
      };
      double[] o = byOwner.computeIfAbsent(b.owner, k -> new double[2]);
      o[0] += v;
      o[1] += b.kind == Kind.PROSE ? 1 : 0;
    }
    // each owner's sum goes to all its ancestors (owners in document order, as their blocks came)
    for (Map.Entry<Element, double[]> o : byOwner.entrySet()) {
      for (Element e = o.getKey(); e != null; e = e.parent()) {
        double[] s = score.computeIfAbsent(e, k -> new double[2]);
        s[0] += o.getValue()[0];
        s[1] += o.getValue()[1];
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
    // one paragraph is not an article: when its box has more of them, the list of links that
    // sank the box's score (latest news under the text) is dropped later, block by block
    while (best != root && best.parent() != null && score.get(best)[1] <= 1
        && score.containsKey(best.parent()) && score.get(best.parent())[1] >= 3) {
      best = best.parent();
    }
    // a semantic article body inside the winner that holds nearly all its score is the more exact
    // answer; the first in document order, looked for only where there is text
    Element winner = best;
    double threshold = 0.9 * bestScore;
    Element[] semantic = {null};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        double[] s = score.get(e);
        if (s == null) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (e != winner && s[0] >= threshold && (e.normalName().equals("article") || e.normalName().equals("main")
            || e.attr("itemprop").equalsIgnoreCase("articleBody"))) {
          semantic[0] = e;
          return FilterResult.STOP;
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    }, best);
    return semantic[0] != null ? semantic[0] : best;
  }

  /**
   * The index of the block holding the headline: the first heading or short line whose words
   * are the title's (or contain them, with little more), or are part of the page's
   * {@code <title>} (which often carries the site's name too); -1 when there is none. A line after
   * the last paragraph of prose heads nothing: it is the site's name again, in the footer.
   */
  static int titleAnchor(List<Block> blocks, String title, String pageTitle) {
    String t = title == null ? "" : normalise(title);
    String page = pageTitle == null ? "" : normalise(pageTitle);
    int longest = 2 * Math.max(t.length(), page.length()) + 20;
    int lastProse = blocks.size() - 1;
    while (lastProse >= 0 && blocks.get(lastProse).kind != Kind.PROSE) {
      lastProse--;
    }
    for (int i = 0; i < lastProse; i++) {
      Block b = blocks.get(i);
      if (b.kind != Kind.HEADING && b.kind != Kind.SHORT) {
        continue;
      }
      if (b.text.length() < 8 || b.text.length() > longest) {
        continue; // normalising only shortens a line, so these can match neither title
      }
      String h = normalise(b.text);
      if (h.length() < 8) {
        continue;
      }
      if (t.length() >= 8 && (t.contains(h) || h.contains(t) && h.length() <= t.length() * 3 / 2 + 10)
          || h.length() >= 15 && page.contains(h)) {
        return i;
      }
    }
    return -1;
  }

  /** Lower-case letters and digits, every run of anything else one space, none at the ends. */
  private static String normalise(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        out.appendCodePoint(Character.toLowerCase(c));
        gap = false;
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /** The blocks under {@code container} worth keeping, judged in context. */
  static String keep(List<Block> all, Element container, int anchor, String title) {
    int from = anchor >= 0 && isInside(all.get(anchor).owner, container) ? anchor : 0;
    List<Block> inside = new ArrayList<>();
    int firstInside = -1;
    for (int i = from; i < all.size(); i++) {
      if (isInside(all.get(i).owner, container)) {
        firstInside = firstInside < 0 ? i : firstInside;
        inside.add(all.get(i));
      }
    }
    if (firstInside > 0 && firstInside - 1 != anchor && isLeadOf(all.get(firstInside - 1), container)) {
      inside.add(0, all.get(firstInside - 1));
    }
    // a long run of links after a good deal of prose is the news list under the article (one
    // block is not a run: a paragraph can be dense with links, and pop-up cards behind names);
    // a heading that announces comments ends it too, but for the article's own paragraphs
    int prose = 0;
    int linkRun = 0;
    int linkBlocks = 0;
    int runStart = 0;
    for (int i = 0; i < inside.size(); i++) {
      Block b = inside.get(i);
      if (b.kind == Kind.PROSE) {
        prose += b.weight;
        linkRun = 0;
        linkBlocks = 0;
      } else if (prose >= ARTICLE_DONE && b.weight < 60 && COMMENTS_HEADING.matcher(b.text).matches()) {
        inside = beforeComments(inside, i);
        break;
      } else if (prose >= ARTICLE_DONE && b.kind == Kind.HEADING && b.weight < 60
          && SEE_ALSO_HEADING.matcher(b.text).matches()) {
        inside = inside.subList(0, i);
        break;
      } else if (b.kind == Kind.CHROME) {
        runStart = linkBlocks == 0 ? i : runStart;
        linkRun += b.weight;
        linkBlocks++;
        if (prose >= ARTICLE_DONE && linkRun >= LINK_RUN && linkBlocks >= LINK_RUN_BLOCKS) {
          inside = inside.subList(0, runStart);
          break;
        }
      }
    }
    int n = inside.size();
    // in a box without link chrome, short lines (list items, one-line paragraphs) are the article's too
    int chrome = 0;
    int total = 0;
    for (Block b : inside) {
      total += b.weight;
      chrome += b.kind == Kind.CHROME ? b.weight : 0;
    }
    // ... once the text has begun: the short lines above it are kicker, byline and date
    boolean clean = chrome <= CLEAN_CHROME * total;
    int firstProse = n;
    for (int i = n - 1; i >= 0; i--) {
      if (inside.get(i).kind == Kind.PROSE) {
        firstProse = i;
      }
    }
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
        case SHORT -> keep[i] = clean && i > firstProse || prevProse[i] >= 0 && next >= 0
            || i < firstProse && next >= 0 && b.weight >= LEAD_LINE && b.linkDensity == 0
            || isStandfirst(b, i, inside, firstProse) || isCoda(b, i, inside, prevProse[i]);
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
    // a paragraph of prose said again elsewhere is a second copy of the article (a hidden print
    // version); in the same box it is the article's own refrain (an interview's recurring question)
    Map<String, Element> said = new HashMap<>();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Block b = inside.get(i);
      Element first = b.kind == Kind.PROSE && keep[i] ? said.putIfAbsent(b.text, b.owner.parent()) : null;
      if (keep[i] && (first == null || first == b.owner.parent())) {
        if (out.length() > 0) {
          out.append("\n\n");
        }
        out.append(inside.get(i).text);
      }
    }
    return out.toString();
  }

  /**
   * Whether a block just before the container is its lead: sites set the lead apart in a box of its
   * own beside the text's, and text set off by {@code <br>} in one {@code <p>} wins as the article
   * without the {@code <p>} of the lead before it. Prose or a plain line as long as a lead, and not
   * the headline.
   */
  private static boolean isLeadOf(Block b, Element container) {
    Element before = container.previousElementSibling();
    return before != null && isInside(b.owner, before) && b.linkDensity == 0
        && (b.kind == Kind.PROSE || b.kind == Kind.SHORT && b.weight >= LEAD_LINE);
  }

  /**
   * Whether block {@code i} is the article's standfirst: a plain line of some length just before
   * its first paragraph and beside it in the same box, as the text's own first line is. Kickers,
   * bylines and dates stand in boxes of their own, or are shorter.
   */
  private static boolean isStandfirst(Block b, int i, List<Block> inside, int firstProse) {
    return i == firstProse - 1 && firstProse < inside.size() && b.weight >= STANDFIRST && b.linkDensity == 0
        && b.owner.parent() == inside.get(firstProse).owner.parent();
  }

  /**
   * Whether block {@code i} is the article's closing sentence: a short plain sentence right after a
   * paragraph ({@code prose}, or -1) in the same box, though link chrome or a copyright line follows.
   */
  private static boolean isCoda(Block b, int i, List<Block> inside, int prose) {
    return prose == i - 1 && prose >= 0 && b.linkDensity == 0 && b.owner.parent() == inside.get(prose).owner.parent()
        && endsSentence(b.text);
  }

  /**
   * The blocks before the comments heading at {@code heading}, and after it only those that go on
   * in an element holding the article's paragraphs above (a box of the first comments can stand
   * in the middle of an article).
   */
  private static List<Block> beforeComments(List<Block> inside, int heading) {
    Set<Element> articleParents = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Block b : inside.subList(0, heading)) {
      if (b.kind == Kind.PROSE && b.owner.parent() != null) {
        articleParents.add(b.owner.parent());
      }
    }
    List<Block> kept = new ArrayList<>(inside.subList(0, heading));
    for (Block b : inside.subList(heading + 1, inside.size())) {
      if (b.owner.parent() != null && articleParents.contains(b.owner.parent())) {
        kept.add(b);
      }
    }
    return kept;
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
