package org.kronika.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kronika.model.Story;
import org.kronika.model.Storyline;

/**
 * The storyline pages: the list of storylines (largest and freshest first) and a page per
 * storyline with its span, languages and sources, a timeline of its articles by day and
 * language, its stories in date order, and its central entities period by period. Functions
 * of the {@link Catalog}; stateless and thread-safe.
 */
final class StorylinePages {
  static final int STORYLINES_PER_PAGE = 30;
  /** Periods the entity table splits a storyline's span into, at most. */
  private static final int PERIODS = 4;
  /** Entities the entity table follows: the storyline's most named. */
  private static final int TRACKED = 8;

  private StorylinePages() {}

  static String list(Catalog c, int page) {
    Html h = Pages.start("Kronika: storylines", null);
    h.element("h1", "Storylines");
    h.element("p", c.storylines.size() + " storylines: long-running developments, each a chain of stories, "
        + "largest and freshest first.", "class", "meta");
    h.raw("<ol class=\"stories\">\n");
    for (Catalog.StorylineView v : Pages.slice(c.storylines, page, STORYLINES_PER_PAGE)) {
      Storyline l = v.line();
      h.raw("<li><article class=\"story\">");
      h.open("h2").link(Html.path("storyline", l.id()), v.title()).close("h2");
      meta(v, h);
      Pages.entities(l.entities(), h);
      if (v.stories().size() > 1) {
        Catalog.StoryView latest = latest(v.stories());
        h.open("p", "class", "meta").text("Latest story: ").link(Html.path("story", latest.story().id()), latest.title())
            .close("p");
      }
      h.raw("</article></li>\n");
    }
    h.raw("</ol>\n");
    Pages.pager(h, "/storylines?", page, c.storylines.size(), STORYLINES_PER_PAGE);
    return Pages.end(h);
  }

  /** The story with the latest news (an undated one only when none is dated). */
  private static Catalog.StoryView latest(List<Catalog.StoryView> stories) {
    return stories.stream().max(Comparator.comparing((Catalog.StoryView v) -> v.story().last(),
        Comparator.nullsFirst(Comparator.naturalOrder()))).orElseThrow();
  }

  private static void meta(Catalog.StorylineView v, Html h) {
    Storyline l = v.line();
    h.open("p", "class", "meta").text(Pages.count(v.stories().size(), "story") + " · " + Pages.count(l.articles().size(), "article")
        + " · " + Pages.count(v.sources(), "source") + " · " + String.join(", ", l.languages()) + " · "
        + Pages.span(l.first(), l.last())).close("p");
  }

  static String page(Catalog c, Catalog.StorylineView v) {
    Storyline l = v.line();
    Html h = Pages.start(v.title(), null, Feeds.path("storylines", v.line().id()));
    h.element("p", "Storyline", "class", "kicker");
    h.element("h1", v.title());
    meta(v, h);
    h.element("p", "Languages: " + String.join(", ", l.languages().stream().map(Pages::language).toList()), "class", "meta");
    Pages.entities(l.entities(), h);

    h.raw("<section aria-labelledby=\"timeline\">").element("h2", "Timeline", "id", "timeline");
    int dated = 0;
    for (int[] counts : v.perDayByLang().values()) {
      for (int n : counts) {
        dated += n;
      }
    }
    if (dated < l.articles().size()) {
      h.element("p", dated == 0 ? "None of its articles is dated." : "Of its " + l.articles().size() + " articles, "
          + dated + " are dated and shown here; its stories below count them all.", "class", "meta");
    }
    Charts.timeline(h, "storyline-chart", "Articles", l.first(), l.last(), v.daysPerBar(), v.perDayByLang());
    h.raw("</section>\n");

    h.raw("<section aria-labelledby=\"stories\">").element("h2", "Its stories, in order", "id", "stories");
    h.raw("<ol class=\"chain\">\n");
    for (Catalog.StoryView s : v.stories()) {
      Story st = s.story();
      h.raw("<li>");
      h.open("h3").link(Html.path("story", st.id()), s.title()).close("h3");
      h.open("p", "class", "meta").text(Pages.span(st.first(), st.last()) + " · " + Pages.count(st.articles().size(), "article")
          + " · " + Pages.count(s.sources(), "source") + " · " + String.join(", ", st.languages())).close("p");
      h.raw("</li>\n");
    }
    h.raw("</ol></section>\n");

    entitiesOverTime(c, v, h);
    return Pages.end(h);
  }

  /**
   * The storyline's most named entities and the articles naming each in every period of its
   * span: who the development was about, and when.
   */
  private static void entitiesOverTime(Catalog c, Catalog.StorylineView v, Html h) {
    Storyline l = v.line();
    int days = l.first() == null ? 1 : (int) ChronoUnit.DAYS.between(l.first(), l.last()) + 1;
    int periods = Math.min(PERIODS, days);
    int perPeriod = (days + periods - 1) / periods;
    periods = (days + perPeriod - 1) / perPeriod;
    Map<String, int[]> counts = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Catalog.StoryView s : v.stories()) {
      for (Catalog.Summary a : c.storyArticles.getOrDefault(s.story().id(), List.of())) {
        LocalDate day = a.date() != null ? a.date() : s.story().first(); // undated: as its story's first article
        if (day == null) {
          continue;
        }
        int period = (int) (ChronoUnit.DAYS.between(l.first(), day) / perPeriod);
        for (Story.EntityRef e : c.about.get(a.id()).entities()) {
          names.putIfAbsent(e.id(), e.name());
          counts.computeIfAbsent(e.id(), k -> new int[PERIODS])[period]++;
        }
      }
    }
    h.raw("<section aria-labelledby=\"central\">").element("h2", "Who it is about, over time", "id", "central");
    if (counts.isEmpty()) {
      h.element("p", "No entity is marked in its dated articles.");
      h.raw("</section>\n");
      return;
    }
    List<String> tracked = counts.keySet().stream()
        .sorted(Comparator.comparingInt((String id) -> -total(counts.get(id))).thenComparing(id -> id))
        .limit(TRACKED).toList();
    h.element("p", "Articles naming each of its most named entities, period by period (an undated article counts "
        + "in the period its story began).", "class", "meta");
    h.raw("<div class=\"scroll\"><table class=\"over-time\"><thead><tr><th scope=\"col\">Entity</th>");
    for (int p = 0; p < periods; p++) {
      LocalDate from = l.first().plusDays((long) p * perPeriod);
      h.element("th", Pages.span(from, min(from.plusDays(perPeriod - 1), l.last())), "scope", "col");
    }
    h.raw("</tr></thead><tbody>");
    for (String id : tracked) {
      int[] row = counts.get(id);
      int max = 0;
      for (int n : row) {
        max = Math.max(max, n);
      }
      h.open("tr").open("th", "scope", "row").link(Html.path("entity", id), names.get(id)).close("th");
      for (int p = 0; p < periods; p++) {
        h.element("td", row[p], "class", row[p] == max && max > 0 ? "peak" : null);
      }
      h.close("tr");
    }
    h.raw("</tbody></table></div></section>\n");
  }

  private static int total(int[] counts) {
    int sum = 0;
    for (int n : counts) {
      sum += n;
    }
    return sum;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
