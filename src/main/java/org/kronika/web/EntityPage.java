package org.kronika.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kronika.model.Article;

/**
 * An entity's page: its spellings, the entities met with it most, its stories over time, what
 * it said and what others said of it (grouped by story), and its articles. A function of the
 * {@link Catalog}; stateless and thread-safe.
 */
final class EntityPage {
  /** Companions listed: the entities sharing most articles with this one. */
  static final int COMPANIONS = 12;
  /** Shared stories linked per companion; the rest are counted. */
  private static final int SHARED_STORIES = 3;
  /** Quotes shown per section; the quotes view has them all. */
  static final int QUOTES = 60;

  private EntityPage() {}

  /**
   * Another entity named in articles with this one: how many, in which languages, and the
   * stories of those articles, those with most of them first.
   */
  record Companion(String id, String name, int articles, TreeSet<String> langs, List<String> stories) {}

  static String render(Catalog c, Catalog.Entity e, int page) {
    Html h = Pages.start(e.name(), null, Feeds.path("entities", e.id()));
    h.element("h1", e.name());
    h.open("p", "class", "meta").text((e.type() == null ? "" : e.type() + " · ") + Pages.count(e.articles().size(), "article")
        + " · " + Pages.count(e.stories().size(), "story") + " · " + Pages.count(e.quotes().size(), "quote")
        + (e.articles().isEmpty() ? " (central to these stories; its mentions are not marked in articles yet)" : "")).close("p");
    h.open("p").link("/search?q=" + Html.encode(e.name()), "Search for “" + e.name() + "”").text(" · ")
        .link("/search?q=" + Html.encode(e.name()) + "&entity=" + Html.encode(e.id()), "Articles about this entity")
        .close("p");

    h.raw("<section aria-labelledby=\"spellings\">").element("h2", "Spellings", "id", "spellings");
    if (!e.storyNames().isEmpty()) {
      h.element("p", "Named in stories as: " + String.join(", ", e.storyNames()));
    }
    if (e.spellingsByLang().isEmpty()) {
      h.element("p", "No article of this store marks its mentions yet.");
    } else {
      h.raw("<table><thead><tr><th scope=\"col\">Language</th><th scope=\"col\">Spellings</th></tr></thead><tbody>");
      e.spellingsByLang().forEach((lang, forms) ->
          h.open("tr").element("th", Pages.language(lang), "scope", "row").element("td", String.join(", ", forms), "lang", lang)
              .close("tr"));
      h.raw("</tbody></table>");
    }
    h.raw("</section>\n");

    companions(c, e, h);

    h.raw("<section aria-labelledby=\"stories\">").element("h2", "Stories over time", "id", "stories");
    h.raw("<ol class=\"stories\">");
    for (String id : e.stories()) {
      Catalog.StoryView v = c.storyById.get(id);
      if (v != null) {
        h.raw("<li>");
        Pages.storyCard(c, v, h);
        h.raw("</li>");
      }
    }
    h.raw("</ol></section>\n");

    quotes(c, h, "said", "What " + e.name() + " said", e.quotes(), "No quotes of this entity found.",
        "/quotes?speaker=" + Html.encode(e.id()), false);
    quotes(c, h, "said-about", "What was said about " + e.name(), e.quotedAbout(),
        "No quote of another naming this entity found.", "/quotes?about=" + Html.encode(e.id()), true);

    if (!e.articles().isEmpty()) {
      h.raw("<section aria-labelledby=\"articles\">").element("h2", "Articles", "id", "articles").raw("<ul class=\"articles\">");
      for (String id : Pages.slice(e.articles(), page, Pages.ARTICLES_PER_PAGE)) {
        h.raw("<li>");
        Pages.articleItem(c.articleById.get(id), null, h);
        h.raw("</li>");
      }
      h.raw("</ul>");
      Pages.pager(h, Html.path("entity", e.id()) + "?", page, e.articles().size(), Pages.ARTICLES_PER_PAGE);
      h.raw("</section>");
    }
    return Pages.end(h);
  }

  /**
   * The entities named most often in the articles that name {@code e}, most first: counted
   * over articles, so a report and its translations count once each, in any language.
   */
  static List<Companion> companions(Catalog c, Catalog.Entity e) {
    Map<String, String> names = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    Map<String, TreeSet<String>> langs = new HashMap<>();
    Map<String, Map<String, Integer>> stories = new HashMap<>();
    for (String id : e.articles()) {
      Catalog.Summary a = c.articleById.get(id);
      Set<String> seen = new java.util.HashSet<>();
      for (Article.EntityMention m : a.entities()) {
        if (!m.id().equals(e.id()) && seen.add(m.id())) {
          names.putIfAbsent(m.id(), m.name());
          counts.merge(m.id(), 1, Integer::sum);
          langs.computeIfAbsent(m.id(), k -> new TreeSet<>()).add(a.lang());
          if (a.story() != null && c.storyById.containsKey(a.story())) {
            stories.computeIfAbsent(m.id(), k -> new LinkedHashMap<>()).merge(a.story(), 1, Integer::sum);
          }
        }
      }
    }
    return counts.keySet().stream()
        .sorted(Comparator.comparingInt((String id) -> -counts.get(id)).thenComparing(names::get).thenComparing(id -> id))
        .limit(COMPANIONS)
        .map(id -> new Companion(id, names.get(id), counts.get(id), langs.get(id), mostFirst(stories.getOrDefault(id, Map.of()))))
        .toList();
  }

  /** The keys by count, highest first; ties keep their order (stories met first, first). */
  private static List<String> mostFirst(Map<String, Integer> counts) {
    List<String> keys = new ArrayList<>(counts.keySet());
    keys.sort(Comparator.comparingInt((String k) -> -counts.get(k)));
    return keys;
  }

  private static void companions(Catalog c, Catalog.Entity e, Html h) {
    List<Companion> found = companions(c, e);
    h.raw("<section aria-labelledby=\"companions\">").element("h2", "Appears most with", "id", "companions");
    if (found.isEmpty()) {
      h.element("p", "No other entity is marked in its articles.");
      h.raw("</section>\n");
      return;
    }
    h.raw("<ol class=\"companions\">");
    for (Companion o : found) {
      h.open("li").link(Html.path("entity", o.id()), o.name())
          .text(" · " + Pages.count(o.articles(), "article") + " together, in " + String.join(", ", o.langs()));
      if (!o.stories().isEmpty()) {
        h.raw("<br>").element("span", "Shared stories: ", "class", "meta");
        String sep = "";
        for (String id : o.stories().subList(0, Math.min(SHARED_STORIES, o.stories().size()))) {
          h.text(sep).link(Html.path("story", id), c.storyById.get(id).title());
          sep = " · ";
        }
        if (o.stories().size() > SHARED_STORIES) {
          h.text(" and " + (o.stories().size() - SHARED_STORIES) + " more");
        }
      }
      h.close("li");
    }
    h.raw("</ol></section>\n");
  }

  /** Quotes grouped by story (stories in the order of their first quote), up to {@link #QUOTES}. */
  private static void quotes(Catalog c, Html h, String id, String heading, List<Catalog.QuoteAt> quotes, String none,
                             String all, boolean showSpeaker) {
    h.raw("<section aria-labelledby=\"" + id + "\">").element("h2", heading, "id", id);
    if (quotes.isEmpty()) {
      h.element("p", none);
      h.raw("</section>\n");
      return;
    }
    Map<String, List<Catalog.QuoteAt>> byStory = new LinkedHashMap<>();
    for (Catalog.QuoteAt q : quotes.subList(0, Math.min(QUOTES, quotes.size()))) {
      byStory.computeIfAbsent(q.story() != null && c.storyById.containsKey(q.story()) ? q.story() : "", k -> new ArrayList<>())
          .add(q);
    }
    byStory.forEach((story, group) -> {
      if (story.isEmpty()) {
        h.element("h3", "In no story");
      } else {
        h.open("h3").link(Html.path("story", story), c.storyById.get(story).title()).close("h3");
      }
      h.raw("<ol class=\"quotes\">");
      for (Catalog.QuoteAt q : group) {
        h.raw("<li>");
        QuotePages.quote(c, q, showSpeaker, false, h);
        h.raw("</li>");
      }
      h.raw("</ol>");
    });
    if (quotes.size() > QUOTES) {
      h.open("p").link(all, "All " + quotes.size() + " quotes").close("p");
    }
    h.raw("</section>\n");
  }
}
