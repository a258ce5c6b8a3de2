package org.kronika.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Step 1 of {@link HtmlContent}: tells chrome elements by what they are (scripts, navigation,
 * asides, figures, hidden elements) and by what publishers call them (class and id words), except
 * where those words mark the article body or a layout wrapper that holds it. Judges; never
 * modifies the tree. Stateless and thread-safe.
 */
final class Pruner {
  private static final Set<String> DROP_TAGS = Set.of("script", "style", "noscript", "template",
      "iframe", "object", "embed", "svg", "canvas", "button", "select", "input", "textarea",
      "nav", "aside", "footer", "figure", "figcaption", "menu", "dialog", "head", "video", "audio",
      "picture", "map", "label");
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
  /** Class and id words that mark the article body; such elements are never dropped. */
  private static final Pattern BODY = Pattern.compile(
      "(?i)article-?body|articlebody|article-?content|article-?text|story-?body|story-?content|"
      + "entry-?content|post-?content|post-?body|post-?text|main-?content|content-?body|"
      + "news-?text|news-?body|text-?content|body-?text|article__body|article__text|articletext|"
      + "field-?body|single-?content|td-post-content|materia|story-?text");
  /** Words one of which every name {@link #BODY} matches contains: most names hold none, and are not searched. */
  private static final List<String> BODY_WORDS = List.of("body", "content", "text", "materia");
  /** The classes social networks' embed codes give the blockquote of a quoted post. */
  static final Pattern EMBEDDED_POST = Pattern.compile("twitter-tweet|instagram-media|tiktok-embed|fb-xfbml-parse");

  private Pruner() {}

  /** What the chrome test needs to know of an element's subtree, gathered bottom-up. */
  static final class Subtree {
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
  static List<Subtree> subtrees(Element root, HtmlContent.Options o) {
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
          if (chars >= o.proseChars() && !(t.parent() != null && t.parent().normalName().equals("p"))) {
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
        if (tag.equals("p") && own.textChars >= o.proseChars()) {
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
      if (!Markup.isWhitespace(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /**
   * Whether an element is chrome, judged by its tag, its class and id, and its subtree.
   * {@code names} keeps the {@link #chromeWords} of the class and id values seen on the page so
   * far: a page repeats a few dozen of them on thousands of elements.
   */
  static boolean isChrome(Element e, Subtree sub, int pageText, Map<String, Integer> names, HtmlContent.Options o) {
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
    boolean holdsArticle = sub.proseParagraphs >= 2 || sub.hasH1 || sub.textChars >= o.layoutGuard() * pageText
        || sub.hasEmbeddedPost;
    if (tag.equals("form")) {
      return !holdsArticle;
    }
    String className = e.className();
    String id = e.id();
    int classWords = className.isEmpty() ? NONE : names.computeIfAbsent(className, Pruner::chromeWords);
    int idWords = id.isEmpty() ? NONE : names.computeIfAbsent(id, Pruner::chromeWords);
    if (classWords == BODY_NAME || idWords == BODY_NAME) {
      return false; // names of the article body overrule
    }
    int words = Math.max(classWords, idWords);
    return words == STRONG || words == LAYOUT && !holdsArticle
        || words == TRAILER && !sub.hasH1 && (sub.textChars < o.layoutGuard() * pageText || sub.proseParagraphs < 2);
  }

  /** A name of the article body ({@link #BODY}), which overrules any chrome word beside it. */
  private static final int BODY_NAME = -1;
  private static final int NONE = 0;
  private static final int LAYOUT = 1;
  private static final int TRAILER = 2;
  private static final int STRONG = 3;

  /**
   * Whether class and id name the article body ({@link #BODY_NAME}), chrome ({@link #STRONG}),
   * closing matter ({@link #TRAILER}), maybe chrome ({@link #LAYOUT}), or neither. The answer is
   * kept for the page, so the body's names are searched for once per name.
   */
  private static int chromeWords(String names) {
    String lower = names.toLowerCase(Locale.ROOT);
    for (String word : BODY_WORDS) {
      if (lower.contains(word)) {
        if (BODY.matcher(names).find()) {
          return BODY_NAME;
        }
        break;
      }
    }
    int found = NONE;
    boolean strong = false;
    boolean page = false;
    String previous = null;
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      boolean separator = c == ' ' || c == '-' || c == '_' || Markup.isWhitespace(c);
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
}
