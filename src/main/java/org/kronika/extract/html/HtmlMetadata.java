package org.kronika.extract.html;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What a page says about itself in markup meant for machines, read before any cleaning:
 * schema.org JSON-LD (the article object, also inside {@code @graph}), OpenGraph and the
 * usual meta tags, microdata, then the URL. Only publication dates count (never "modified"
 * ones), and never a future one. A timestamp near midnight, whose day depends on the time zone,
 * is left to a later source that is sure of the day (another field, the URL, a date element),
 * never to a line of the article's text ({@link #dayInDoubt}). Costs one pass over the tree.
 * Not thread-safe (one instance a page).
 */
final class HtmlMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Longer than this, an element holding a date is prose or a list, not a date line. */
  private static final int SHORT_LINE = 120;
  /** How far up from the headline {@link #dateUnderHeadline} looks for the line under it. */
  private static final int UNDER_HEADLINE_LEVELS = 3;
  private static final String[] META_KEYS = {"name", "property", "itemprop", "http-equiv"};
  private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting",
      "reportagenews", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
      "socialmediaposting", "liveblogposting", "scholarlyarticle", "webpage", "report");
  /** Meta tags that carry the publication date, as attribute=value, most specific first. */
  private static final String[] DATE_META = {
      "property=article:published_time", "property=og:published_time",
      "property=og:article:published_time", "name=article:published_time",
      "itemprop=datepublished", "name=pubdate", "name=publishdate",
      "name=publish-date", "name=publish_date", "name=publication_date",
      "name=date", "name=dc.date.issued", "name=dc.date", "name=dcterms.date",
      "name=dcterms.created", "name=dc.date.created", "name=sailthru.date",
      "name=parsely-pub-date", "name=article.published", "name=published-date",
      "name=originalpublicationdate", "name=citation_publication_date",
      "property=rnews:datepublished", "name=og:published_time",
      "name=cxenseparse:recs:publishtime", "name=ptime", "name=pdate",
      "name=datepublished", "property=datepublished", "name=published",
      "name=created", "http-equiv=date",
  };
  private static final Pattern RELATED = Pattern.compile(
      "(?i)related|recommend|popular|trending|latest|more|other|sidebar|teaser|list|feed|widget|comment");
  private static final Pattern SITE_SUFFIX = Pattern.compile("\\s+[|\u2013\u2014:\u00bb-]\\s+[^|\u2013\u2014:\u00bb-]{2,60}$");

  final String title;
  /** The page's own summary of the article (description meta tags), or {@code null}. */
  final String description;
  final List<String> authors;
  final String lang;
  /** The publication date declared in markup or the URL, or {@code null}. */
  final LocalDate date;
  /**
   * Whether the markup dates the page only near midnight (see {@link HtmlDates.Stamp}) and
   * nothing settled the day: a date read from the page's text would be a guess.
   */
  final boolean dayInDoubt;

  private final Document doc;
  /** Every meta tag's content by {@code attribute=value} (lower-cased), read in one pass. */
  private final Map<String, List<String>> metas = new HashMap<>();
  private final LocalDate today;
  private String ldHeadline;
  private LocalDate ldDate;
  /** Whether some timestamp gave only an uncertain day. */
  private boolean uncertain;
  /** The day of the first meta tag whose stamp left its day in doubt, to compare with JSON-LD's. */
  private LocalDate metaDayInDoubt;
  private final Set<String> ldAuthors = new LinkedHashSet<>();
  private String ldLang;
  // what the one pass over the tree found, in document order
  private final List<Element> ldScripts = new ArrayList<>();
  /** Elements with itemprop=datePublished. */
  private final List<Element> published = new ArrayList<>();
  /** Time elements and elements whose class or id names a date. */
  private final List<Element> dated = new ArrayList<>();
  /** Names inside itemprop=author, and rel=author links. */
  private final List<Element> authorElements = new ArrayList<>();
  /** The h1, h2 and h3 elements, where the headline is looked for. */
  private final List<Element> headings = new ArrayList<>();
  private Element h1;
  private String htmlLang = "";

  HtmlMetadata(Document doc, String url, LocalDate today) {
    this.doc = doc;
    this.today = today;
    NodeTraversor.traverse(new NodeVisitor() {
      /** The outermost open element with itemprop=author: names inside it are the authors'. */
      private Element authorScope;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) {
          String itemprop = collect(e, authorScope != null);
          if (authorScope == null && itemprop.equalsIgnoreCase("author")) {
            authorScope = e;
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node == authorScope) {
          authorScope = null;
        }
      }
    }, doc);
    for (Element script : ldScripts) {
      readJsonLd(script.data());
    }
    this.title = title();
    this.description = description();
    this.authors = authors();
    this.lang = lang();
    LocalDate d = metaDate();
    LocalDate metaDay = d != null ? d : metaDayInDoubt;
    if (metaDay != null && ldDate != null && Math.abs(metaDay.toEpochDay() - ldDate.toEpochDay()) == 1) {
      // one moment written in two time zones (23:59Z in a meta tag, 01:59+02:00 in JSON-LD):
      // which day is the publisher's cannot be told
      d = null;
      uncertain = true;
    } else if (d == null) {
      d = ldDate;
    }
    if (d == null) {
      d = HtmlDates.fromUrl(url, today);
    }
    if (d == null) {
      Element headline = headline();
      d = elementDate(headline);
      if (d == null && !uncertain) { // a line of text would only guess the day the markup left open
        d = dateUnderHeadline(headline);
      }
    }
    this.date = d;
    this.dayInDoubt = d == null && uncertain;
  }

  /** A machine-readable value's day when it is certain; notes an uncertain one. */
  private LocalDate certainDay(String value) {
    HtmlDates.Stamp s = HtmlDates.stamp(value, today);
    if (s == null) {
      return null;
    }
    uncertain |= !s.certain();
    return s.certain() ? s.day() : null;
  }

  /**
   * Files an element under what it may tell: meta tags, JSON-LD, dates, authors, headline.
   * Returns its itemprop ("" when none), which the caller needs too.
   */
  private String collect(Element e, boolean inAuthor) {
    String tag = e.normalName();
    switch (tag) {
      case "meta" -> {
        for (String key : META_KEYS) {
          if (e.hasAttr(key)) {
            metas.computeIfAbsent(key + "=" + e.attr(key).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(e.attr("content"));
          }
        }
      }
      case "script" -> {
        if (e.attr("type").equalsIgnoreCase("application/ld+json")) {
          ldScripts.add(e);
        }
      }
      case "html" -> htmlLang = e.attr("lang");
      case "h1" -> {
        h1 = h1 == null ? e : h1;
        headings.add(e);
      }
      case "h2", "h3" -> headings.add(e);
      default -> { }
    }
    if (e.attributesSize() == 0) {
      if (tag.equals("time")) {
        dated.add(e);
      }
      return "";
    }
    String itemprop = e.attr("itemprop");
    if (itemprop.equalsIgnoreCase("datePublished")) {
      published.add(e);
    }
    if (inAuthor && itemprop.equalsIgnoreCase("name") || e.attr("rel").equalsIgnoreCase("author")) {
      authorElements.add(e);
    }
    if (tag.equals("time") || namesDate(e.className(), true) || namesDate(e.id(), false)) {
      dated.add(e);
    }
    return itemprop;
  }

  /**
   * Whether a class (or id) names a date: date, time, publish, posted, dateline. One scan for all
   * the words, in any case: this runs on every element's class and id.
   */
  private static boolean namesDate(String name, boolean posted) {
    for (int i = 0; i < name.length(); i++) {
      boolean found = switch (Markup.toLowerCase(name.charAt(i))) {
        case 'd' -> name.regionMatches(true, i, "date", 0, 4);
        case 't' -> name.regionMatches(true, i, "time", 0, 4);
        case 'p' -> name.regionMatches(true, i, "publish", 0, 7) || posted && name.regionMatches(true, i, "posted", 0, 6);
        default -> false;
      };
      if (found) {
        return true;
      }
    }
    return false;
  }

  private void readJsonLd(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json.strip());
    } catch (JacksonException e) {
      return; // broken JSON-LD is common; the meta tags still speak
    }
    List<JsonNode> pending = new ArrayList<>();
    pending.add(root);
    int visited = 0;
    while (!pending.isEmpty() && visited++ < 200) {
      JsonNode node = pending.remove(pending.size() - 1);
      if (node == null) {
        continue;
      }
      if (node.isArray()) {
        node.forEach(pending::add);
        continue;
      }
      if (!node.isObject()) {
        continue;
      }
      if (node.has("@graph")) {
        pending.add(node.get("@graph"));
      }
      if (isArticle(node.get("@type"))) {
        readArticle(node);
      } else if (node.has("mainEntity")) {
        pending.add(node.get("mainEntity"));
      }
    }
  }

  private static boolean isArticle(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticle(t)) {
          return true;
        }
      }
      return false;
    }
    return ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
  }

  private void readArticle(JsonNode a) {
    boolean isPage = "webpage".equalsIgnoreCase(a.path("@type").asText());
    if (ldHeadline == null && !isPage && a.path("headline").isTextual()) {
      ldHeadline = a.get("headline").asText().strip();
    }
    if (ldDate == null || !isPage) {
      LocalDate d = certainDay(a.path("datePublished").asText(null));
      if (d == null) {
        d = certainDay(a.path("dateCreated").asText(null));
      }
      if (d != null && (ldDate == null || !isPage)) {
        ldDate = d;
      }
    }
    JsonNode author = a.get("author");
    List<JsonNode> people = new ArrayList<>();
    if (author != null && author.isArray()) {
      author.forEach(people::add);
    } else if (author != null) {
      people.add(author);
    }
    for (JsonNode p : people) {
      String name = p.isTextual() ? p.asText() : p.path("name").asText("");
      if (!"organization".equalsIgnoreCase(p.path("@type").asText()) && isName(name)) {
        ldAuthors.add(name.strip());
      }
    }
    if (ldLang == null && a.path("inLanguage").isTextual()) {
      ldLang = a.get("inLanguage").asText();
    }
  }

  private String title() {
    String t = ldHeadline;
    if (t == null || t.isEmpty()) {
      t = meta("property=og:title");
    }
    if (t == null) {
      t = meta("name=twitter:title");
    }
    if (t == null) {
      t = h1 == null ? null : h1.text();
    }
    if (t == null || t.isBlank()) {
      t = SITE_SUFFIX.matcher(doc.title()).replaceFirst("");
    }
    return t == null || t.isBlank() ? null : t.strip();
  }

  private String description() {
    for (String key : new String[] {"property=og:description", "name=description", "name=twitter:description"}) {
      String d = meta(key);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private List<String> authors() {
    Set<String> names = new LinkedHashSet<>(ldAuthors);
    if (names.isEmpty()) {
      for (String key : new String[] {"name=author", "property=article:author", "name=byl",
          "name=sailthru.author", "name=parsely-author"}) {
        for (String content : metas.getOrDefault(key, List.of())) {
          String v = content.replaceFirst("(?i)^by\\s+", "").strip();
          if (isName(v)) {
            names.add(v);
          }
        }
      }
    }
    if (names.isEmpty()) {
      for (Element e : authorElements) {
        if (isName(e.text())) {
          names.add(e.text().strip());
        }
      }
    }
    return names.stream().limit(5).toList();
  }

  /** A person's name, not a URL, a site or a paragraph. */
  private static boolean isName(String s) {
    String v = s == null ? "" : s.strip();
    return v.length() >= 3 && v.length() <= 60 && !v.contains("://") && !v.contains("@")
        && !v.startsWith("www.") && v.chars().anyMatch(Character::isLetter);
  }

  private String lang() {
    String l = htmlLang;
    if (l.isBlank()) {
      l = ldLang;
    }
    if (l == null || l.isBlank()) {
      l = meta("http-equiv=content-language");
    }
    if (l == null || l.isBlank()) {
      l = meta("property=og:locale");
    }
    if (l == null || l.length() < 2 || !Character.isLetter(l.charAt(0)) || !Character.isLetter(l.charAt(1))) {
      return null;
    }
    return l.substring(0, 2).toLowerCase(Locale.ROOT);
  }

  private LocalDate metaDate() {
    for (String key : DATE_META) {
      for (String content : metas.getOrDefault(key, List.of())) {
        HtmlDates.Stamp s = HtmlDates.stamp(content, today);
        if (s != null && s.certain()) {
          return s.day();
        }
        if (s != null && metaDayInDoubt == null) {
          metaDayInDoubt = s.day();
          uncertain = true;
        }
      }
    }
    for (Element e : published) {
      String v = e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text();
      LocalDate d = certainDay(v);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * The first date shown in a time element or an element named for dates, outside lists of
   * other news (related, latest, popular: their dates are other articles'; a container of the
   * headline is the article's own, whatever its class) and outside the site's own header, where
   * a date is the day of the visit.
   */
  private LocalDate elementDate(Element headline) {
    Set<Element> headlineContainers = Collections.newSetFromMap(new IdentityHashMap<>());
    if (headline != null) {
      headlineContainers.addAll(headline.parents());
    }
    for (Element e : dated) {
      if (e.text().length() > SHORT_LINE || insideNewsList(e, headlineContainers) || visitDate(e)) {
        continue;
      }
      LocalDate d = e.hasAttr("datetime") ? HtmlDates.fromValue(e.attr("datetime"), today) : null;
      if (d == null) {
        d = HtmlDates.fromText(e.text(), today);
      }
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * A date on the short lines right after the headline, where bylines and "posted" rows stand
   * when their markup names no date (a list of links classed "nav meta"). The headline's
   * following siblings are read, then its container's, up to {@value #UNDER_HEADLINE_LEVELS}
   * levels up, until the first line long enough to be the article's text. Only under a heading
   * that shows the article's title: a first h1 may be the site's name, over the day's date.
   */
  private LocalDate dateUnderHeadline(Element headline) {
    Element at = headline != null && headline.text().strip().equals(title) ? headline : null;
    for (int level = 0; at != null && level < UNDER_HEADLINE_LEVELS; level++, at = at.parent()) {
      for (Element next = at.nextElementSibling(); next != null; next = next.nextElementSibling()) {
        String text = next.text();
        if (text.length() > SHORT_LINE) {
          return null;
        }
        LocalDate d = visitDate(next) ? null : HtmlDates.fromText(text, today);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /** The element showing the article's title (a blog's h1 is the blog's name), else the first h1. */
  private Element headline() {
    if (title != null) {
      for (Element h : headings) {
        if (h.text().strip().equals(title)) {
          return h;
        }
      }
    }
    return h1;
  }

  private static boolean insideNewsList(Element e, Set<Element> headlineContainers) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (headlineContainers.contains(p)) {
        return false; // the headline's own container is the article's, whatever its class says ("has-sidebar")
      }
      String tag = p.normalName();
      if (tag.equals("li") || tag.equals("aside") || tag.equals("nav") || tag.equals("footer")
          || RELATED.matcher(p.className() + " " + p.id()).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a date shown in this element is the day of the visit: the site's clock, in a
   * "today" box or in the site's header (a header outside any article and without the
   * headline: an article's own header holds its date).
   */
  static boolean visitDate(Element e) {
    boolean header = false;
    for (Element p = e; p != null; p = p.parent()) {
      String tag = p.normalName();
      if (p.attributesSize() > 0
          && (Markup.containsIgnoreCase(p.className(), "today") || Markup.containsIgnoreCase(p.id(), "today"))) {
        return true;
      }
      if (tag.equals("article") || tag.equals("main")) {
        return false;
      }
      header |= tag.equals("header") && p.getElementsByTag("h1").isEmpty();
    }
    return header;
  }

  private String meta(String key) {
    for (String v : metas.getOrDefault(key, List.of())) {
      if (!v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

}
