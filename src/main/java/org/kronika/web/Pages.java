package org.kronika.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.model.Why;

/**
 * The HTML pages: home, story, search, article and errors, each a function of the
 * {@link Catalog} and what the request asked, and the frame and helpers every page shares
 * ({@link EntityPage}, {@link StorylinePages} and {@link QuotePages} hold the others).
 * Semantic markup (one {@code h1}, landmarks, labelled forms and charts) that reads on a
 * phone and works from the keyboard; all content escaped by {@link Html}. Stateless and
 * thread-safe.
 */
final class Pages {
  static final int STORIES_PER_PAGE = 30;
  static final int ARTICLES_PER_PAGE = 50;
  static final int HITS_PER_PAGE = 20;

  private Pages() {}

  // ---- home ----

  static String home(Catalog c, int page) {
    Html h = start("Kronika: current stories", null);
    h.element("h1", "Current stories");
    h.element("p", c.stories.size() + " stories from " + c.articles.size() + " articles, biggest and freshest first.",
        "class", "meta");
    List<Catalog.StoryView> shown = slice(c.stories, page, STORIES_PER_PAGE);
    h.raw("<ol class=\"stories\">\n");
    for (Catalog.StoryView v : shown) {
      h.raw("<li>");
      storyCard(c, v, h);
      h.raw("</li>\n");
    }
    h.raw("</ol>\n");
    pager(h, "/?", page, c.stories.size(), STORIES_PER_PAGE);
    return end(h);
  }

  /** A story in a list: title, sizes, span, central entities, its storyline when it has others, and its chart. */
  static void storyCard(Catalog c, Catalog.StoryView v, Html h) {
    Story s = v.story();
    h.raw("<article class=\"story\">");
    h.open("h2").link(Html.path("story", s.id()), v.title()).close("h2");
    h.open("p", "class", "meta").text(count(s.articles().size(), "article") + " · " + count(v.sources(), "source")
        + " · " + String.join(", ", s.languages())
        + " · " + span(s.first(), s.last())).close("p");
    Catalog.StorylineView line = s.storyline() == null ? null : c.storylineById.get(s.storyline());
    if (line != null && line.stories().size() > 1) {
      h.open("p", "class", "meta").text("Storyline: ").link(Html.path("storyline", s.storyline()), line.title())
          .text(" (" + count(line.stories().size(), "story") + ")").close("p");
    }
    entities(s.entities(), h);
    Charts.sparkline(v, h, 180, 32);
    h.raw("</article>");
  }

  static void entities(List<Story.EntityRef> refs, Html h) {
    if (refs.isEmpty()) {
      return;
    }
    h.raw("<ul class=\"entities\" aria-label=\"Central entities\">");
    for (Story.EntityRef e : refs) {
      h.open("li").link(Html.path("entity", e.id()), e.name()).close("li");
    }
    h.raw("</ul>");
  }

  // ---- story ----

  static String story(Catalog c, Catalog.StoryView v) {
    Story s = v.story();
    Html h = start(v.title(), null, Feeds.path("stories", v.story().id()));
    h.element("h1", v.title());
    h.open("p", "class", "meta").text(count(s.articles().size(), "article") + " · " + count(v.sources(), "source") + " · "
        + String.join(", ", s.languages()) + " · " + span(s.first(), s.last())).close("p");
    Catalog.StorylineView line = s.storyline() == null ? null : c.storylineById.get(s.storyline());
    if (line != null) {
      h.open("p", "class", "storyline").text("Part of the storyline ").link(Html.path("storyline", s.storyline()), line.title())
          .text(" (" + count(line.stories().size(), "story") + ", " + span(line.line().first(), line.line().last()) + ")")
          .close("p");
      why(s.why(), "storyline", h);
    }
    entities(s.entities(), h);
    List<Catalog.Summary> members = c.storyArticles.getOrDefault(s.id(), List.of());

    h.raw("<section aria-labelledby=\"timeline\">").element("h2", "Timeline", "id", "timeline");
    if (s.first() == null) {
      h.element("p", "None of its articles is dated.");
    }
    Charts.timeline(h, "story-chart", "Articles", s.first(), s.last(), v.daysPerBar(), Map.of("articles", v.perDay()));
    Map<LocalDate, List<Catalog.Summary>> byDay = new TreeMap<>();
    members.stream().filter(a -> a.date() != null).forEach(a -> byDay.computeIfAbsent(a.date(), d -> new ArrayList<>()).add(a));
    h.raw("<ol class=\"timeline\">");
    for (Map.Entry<LocalDate, List<Catalog.Summary>> day : byDay.entrySet()) {
      Catalog.Summary firstOfDay = day.getValue().get(0);
      h.open("li").element("time", day.getKey(), "datetime", day.getKey().toString())
          .text(" · " + day.getValue().size() + (day.getValue().size() == 1 ? " article · " : " articles · "))
          .link(Html.path("article", firstOfDay.id()), firstOfDay.headline()).close("li");
    }
    h.raw("</ol></section>\n");

    Map<String, Catalog.Summary> inStory = new HashMap<>();
    members.forEach(a -> inStory.put(a.id(), a));
    Map<String, List<Catalog.Summary>> copies = new HashMap<>();
    Map<String, List<Catalog.Summary>> translations = new HashMap<>();
    Map<String, List<Catalog.Summary>> byLang = new TreeMap<>();
    for (Catalog.Summary a : members) {
      Article.Duplicate copyOf = a.duplicates().stream()
          .filter(d -> !"translation".equals(d.kind()) && inStory.containsKey(d.id())).findFirst().orElse(null);
      if (copyOf != null) {
        copies.computeIfAbsent(copyOf.id(), k -> new ArrayList<>()).add(a);
        continue;
      }
      a.duplicates().stream().filter(d -> "translation".equals(d.kind()) && inStory.containsKey(d.id()))
          .forEach(d -> translations.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(a));
      byLang.computeIfAbsent(a.lang(), l -> new ArrayList<>()).add(a);
    }
    for (Map.Entry<String, List<Catalog.Summary>> lang : byLang.entrySet()) {
      String heading = language(lang.getKey()) + " (" + lang.getValue().size() + ")";
      h.open("section", "aria-label", heading).element("h2", heading).raw("<ul class=\"articles\">\n");
      for (Catalog.Summary a : lang.getValue()) {
        h.raw("<li>");
        articleItem(a, a.lead(), h);
        why(a.why(), "story", h);
        List<Catalog.Summary> linked = new ArrayList<>(translations.getOrDefault(a.id(), List.of()));
        a.duplicates().stream().filter(d -> "translation".equals(d.kind()) && inStory.containsKey(d.id()))
            .forEach(d -> linked.add(inStory.get(d.id())));
        if (!linked.isEmpty()) {
          h.raw("<p class=\"translations\">Translations: ");
          for (Catalog.Summary t : linked) {
            h.link(Html.path("article", t.id()), t.headline() + " [" + t.lang() + "]").raw(" ");
          }
          h.raw("</p>");
        }
        List<Catalog.Summary> dups = copies.getOrDefault(a.id(), List.of());
        if (!dups.isEmpty()) {
          h.raw("<details><summary>").text(dups.size() + (dups.size() == 1 ? " copy" : " copies") + " from other sources")
              .raw("</summary><ul>");
          for (Catalog.Summary d : dups) {
            h.raw("<li>");
            articleItem(d, null, h);
            h.raw("</li>");
          }
          h.raw("</ul></details>");
        }
        h.raw("</li>\n");
      }
      h.raw("</ul></section>\n");
    }
    return end(h);
  }

  /**
   * The "Why here?" line: the similarity that placed an article in its story (or a story in its
   * storyline) and the shared features that made it; nothing for the group's first member.
   */
  private static void why(Why why, String group, Html h) {
    if (why == null) {
      return;
    }
    h.open("p", "class", "why").element("strong", "Why here?").text(" Similarity to the " + group + " "
        + String.format(java.util.Locale.ROOT, "%.2f", why.story()));
    String sep = why.evidence().isEmpty() ? "" : "; shared: ";
    for (Why.Evidence e : why.evidence()) {
      h.text(sep + e.kind() + " ").element("q", e.value())
          .text(" " + String.format(java.util.Locale.ROOT, "%.2f", e.weight()));
      sep = ", ";
    }
    h.close("p");
  }

  /** Linked title, source, date and language, and the lead when one is given. */
  static void articleItem(Catalog.Summary a, String lead, Html h) {
    h.open("h3").link(Html.path("article", a.id()), a.headline(), "lang", a.lang()).close("h3");
    h.open("p", "class", "meta").text(a.site()).text(" · ");
    date(a.date(), h);
    h.text(" · " + a.lang()).close("p");
    if (lead != null) {
      h.element("p", lead, "class", "snippet", "lang", a.lang());
    }
  }

  // ---- search ----

  static String search(Catalog c, FacetedSearch.Request r, FacetedSearch.Result result, int page) {
    Html h = start(r.query().isEmpty() ? "Search" : "Search: " + r.query(), r.query(),
        r.query().isEmpty() ? null : "/feeds/search.atom?q=" + Html.encode(r.query())
            + (r.lang() == null ? "" : "&lang=" + Html.encode(r.lang())));
    h.element("h1", r.query().isEmpty() ? "Search" : "Results for “" + r.query() + "”");
    if (!r.query().isEmpty()) {
      String also = "q=" + Html.encode(r.query()) + (r.lang() == null ? "" : "&lang=" + Html.encode(r.lang()));
      h.open("p", "class", "meta").text("Follow this search: ").link("/feeds/search.atom?" + also, "Atom feed")
          .text(" · ").link("/alerts?" + also, "alert me").close("p");
    }
    h.raw("<form class=\"filters\" action=\"/search\" method=\"get\">");
    h.element("label", "Words", "for", "fq").open("input", "id", "fq", "name", "q", "type", "search", "value", r.query());
    h.element("label", "From", "for", "from")
        .open("input", "id", "from", "name", "from", "type", "date", "value", r.from() == null ? null : r.from().toString());
    h.element("label", "To", "for", "to")
        .open("input", "id", "to", "name", "to", "type", "date", "value", r.to() == null ? null : r.to().toString());
    hidden(h, "lang", r.lang());
    hidden(h, "source", r.source());
    hidden(h, "entity", r.entity());
    h.raw("<button type=\"submit\">Search</button></form>\n");
    if (r.query().isEmpty()) {
      return end(h);
    }
    h.element("p", result.total() + (result.total() == 1 ? " article" : " articles")
        + (result.first() == null ? "" : ", " + span(result.first(), result.last())), "class", "meta", "role", "status");

    h.raw("<div class=\"results\"><aside aria-label=\"Facets\">");
    facet(h, "Language", "lang", r.lang(), result.langs(), r);
    facet(h, "Source", "source", r.source(), result.sources(), r);
    facet(h, "Entity", "entity", r.entity(), result.entities(), r);
    h.raw("</aside><ol class=\"hits\">\n");
    for (FacetedSearch.Hit hit : result.hits()) {
      Catalog.Summary a = hit.article();
      h.raw("<li>");
      articleItem(a, null, h);
      h.open("p", "class", "snippet", "lang", a.lang()).raw(hit.snippet().html()).close("p");
      h.raw("</li>\n");
    }
    h.raw("</ol></div>");
    pager(h, searchUrl(r, null, null) + "&", page, result.total(), HITS_PER_PAGE);
    return end(h);
  }

  /** A hidden form field, left out when {@code value} is {@code null}. */
  static void hidden(Html h, String name, String value) {
    if (value != null) {
      h.open("input", "type", "hidden", "name", name, "value", value);
    }
  }

  private static void facet(Html h, String label, String param, String chosen, List<FacetedSearch.Count> counts,
                            FacetedSearch.Request r) {
    h.open("nav", "aria-label", label).element("h2", label).raw("<ul>");
    if (chosen != null) {
      h.open("li").link(searchUrl(r, param, null), "✕ any " + label.toLowerCase(Locale.ROOT)).close("li");
    }
    for (FacetedSearch.Count count : counts) {
      h.open("li");
      String text = count.label() + " (" + count.count() + ")";
      if (count.value().equals(chosen)) {
        h.element("strong", text, "aria-current", "true");
      } else {
        h.link(searchUrl(r, param, count.value()), text);
      }
      h.close("li");
    }
    h.raw("</ul></nav>");
  }

  /** The search URL for {@code r} with one parameter changed ({@code null} removes it). */
  private static String searchUrl(FacetedSearch.Request r, String param, String value) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("q", r.query());
    p.put("lang", r.lang());
    p.put("source", r.source());
    p.put("from", r.from() == null ? null : r.from().toString());
    p.put("to", r.to() == null ? null : r.to().toString());
    p.put("entity", r.entity());
    if (param != null) {
      p.put(param, value);
    }
    StringBuilder b = new StringBuilder("/search?");
    p.forEach((k, v) -> {
      if (v != null) {
        b.append(b.length() > 8 ? "&" : "").append(k).append('=').append(Html.encode(v));
      }
    });
    return b.toString();
  }

  // ---- article ----

  static String article(Catalog c, Article a) {
    String headline = Catalog.headline(a.title(), a.body());
    Html h = start(headline, null);
    h.raw("<article>");
    h.element("h1", headline, "lang", a.lang());
    h.open("p", "class", "meta").text(a.source()).text(" · ");
    date(a.date(), h);
    h.text(" · " + language(a.lang()));
    if (!a.authors().isEmpty()) {
      h.text(" · " + String.join(", ", a.authors()));
    }
    h.close("p");
    h.raw("<p class=\"links\">");
    String original = Html.externalUrl(a.url() != null ? a.url() : a.source());
    if (original != null) {
      h.link(original, "Original", "rel", "noopener noreferrer nofollow").text(" · ");
    }
    Catalog.StoryView story = a.story() == null ? null : c.storyById.get(a.story());
    if (story != null) {
      h.text("Story: ").link(Html.path("story", a.story()), story.title());
    }
    h.raw("</p>");
    why(a.why(), "story", h);
    for (Article.Duplicate d : a.duplicates()) {
      Catalog.Summary other = c.articleById.get(d.id());
      h.open("p", "class", "meta").text(("translation".equals(d.kind()) ? "Translation of " : "Copy (" + d.kind() + ") of "))
          .link(Html.path("article", d.id()), other == null ? d.id() : other.headline()).close("p");
    }
    if (a.bodyless()) {
      h.open("p", "class", "meta").text("Headline only: the source gave no body"
          + (a.body().isEmpty() ? "." : "; its lead follows.")).close("p");
    }
    h.open("div", "class", "body", "lang", a.lang());
    ArticleText.render(a, h);
    if (a.truncated()) {
      h.open("p", "class", "meta").text("The body is cut here: the source was longer than Kronika keeps.").close("p");
    }
    h.close("div");
    if (!a.entities().isEmpty()) {
      h.raw("<section aria-labelledby=\"named\">").element("h2", "Named in this article", "id", "named").raw("<ul class=\"entities\">");
      for (Article.EntityMention e : a.entities()) {
        h.open("li").link(Html.path("entity", e.id()), e.name(), "class", "entity " + e.type()).close("li");
      }
      h.raw("</ul></section>");
    }
    h.raw("</article>");
    return end(h);
  }

  // ---- errors ----

  static String error(int status, String message) {
    Html h = start("Error " + status, null);
    h.element("h1", status == 404 ? "Not found" : "Error " + status);
    h.element("p", message);
    h.open("p").link("/", "Back to the stories").close("p");
    return end(h);
  }

  // ---- frame and helpers ----

  /** The page up to its main content: head, skip link, site navigation and search box. */
  static Html start(String title, String query) {
    return start(title, query, null);
  }

  /** As {@link #start(String, String)}, naming the page's Atom feed ({@link Feeds}) for feed readers. */
  static Html start(String title, String query, String feed) {
    Html h = new Html();
    h.raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    h.element("title", title + (title.startsWith("Kronika") ? "" : " · Kronika"));
    if (feed != null) {
      h.open("link", "rel", "alternate", "type", "application/atom+xml", "title", "Follow: " + title, "href", feed);
    }
    h.raw("<link rel=\"stylesheet\" href=\"/static/style.css\"></head>\n<body>"
        + "<a class=\"skip\" href=\"#main\">Skip to content</a>"
        + "<header><nav aria-label=\"Site\"><a class=\"brand\" href=\"/\">Kronika</a>"
        + "<form role=\"search\" action=\"/search\" method=\"get\">"
        + "<label for=\"q\" class=\"visually-hidden\">Search all articles</label>");
    h.open("input", "id", "q", "name", "q", "type", "search", "placeholder", "Search in any language", "value", query);
    h.raw("<button type=\"submit\">Search</button></form>"
        + "<a href=\"/storylines\">Storylines</a><a href=\"/quotes\">Quotes</a></nav></header>\n<main id=\"main\">\n");
    return h;
  }

  static String end(Html h) {
    return h.raw("\n</main></body></html>\n").toString();
  }

  static void pager(Html h, String base, int page, int total, int perPage) {
    int pages = Math.max(1, (total + perPage - 1) / perPage);
    if (pages == 1) {
      return;
    }
    h.raw("<nav class=\"pager\" aria-label=\"Pages\">");
    if (page > 1) {
      h.link(base + "page=" + (page - 1), "← Previous", "rel", "prev");
    }
    h.element("span", "Page " + page + " of " + pages);
    if (page < pages) {
      h.link(base + "page=" + (page + 1), "Next →", "rel", "next");
    }
    h.raw("</nav>");
  }

  static <T> List<T> slice(List<T> all, int page, int perPage) {
    int from = (int) Math.min(all.size(), (page - 1L) * perPage);
    return all.subList(from, Math.min(all.size(), from + perPage));
  }

  static void date(LocalDate d, Html h) {
    if (d == null) {
      h.text("undated");
    } else {
      h.element("time", d, "datetime", d.toString());
    }
  }

  static String span(LocalDate first, LocalDate last) {
    if (first == null) {
      return "undated";
    }
    return first.equals(last) ? first.toString() : first + " – " + last;
  }

  static String count(int n, String noun) {
    return n + " " + (n == 1 ? noun : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
  }

  static String language(String code) {
    String name = code == null ? "" : Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isEmpty() || name.equals(code) ? String.valueOf(code) : name;
  }
}
