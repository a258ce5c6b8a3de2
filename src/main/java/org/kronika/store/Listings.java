package org.kronika.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.kronika.model.Story;
import org.kronika.model.Storyline;
import org.kronika.story.ArticleFeatures;
import org.kronika.story.StoryProfile;

/**
 * Stories and storylines as the command line and the web list them, assembled from what every
 * store holds: one row per article and the profiles of the groups. Shared by the stores so
 * both list alike.
 */
final class Listings {
  private Listings() {}

  /** The fields of an article that stories and storylines are listed from. */
  record ArticleRow(String id, String story, String lang, LocalDate date) {}

  /**
   * Every story holding articles, largest first. An article whose story was merged into another
   * (stories opened at once by two workers) is listed in the one that absorbed it.
   */
  static List<Story> stories(List<ArticleRow> rows, List<StoryProfile> stories, List<StoryProfile> storylines) {
    Map<String, StoryProfile> storyById = new HashMap<>();
    stories.forEach(p -> storyById.put(p.id(), p));
    Map<String, List<ArticleRow>> members = new LinkedHashMap<>();
    for (ArticleRow row : rows) {
      String story = StoryProfile.follow(row.story(), storyById::get).map(StoryProfile::id).orElse(row.story());
      members.computeIfAbsent(story, k -> new ArrayList<>()).add(row);
    }
    Map<String, StoryProfile> storylineById = new HashMap<>();
    storylines.forEach(l -> storylineById.put(l.id(), l));
    List<Story> out = new ArrayList<>();
    for (StoryProfile p : stories) {
      List<ArticleRow> own = members.get(p.id());
      if (own != null && p.mergedInto() == null) {
        Span span = Span.of(own);
        out.add(new Story(p.id(), p.title(), own.stream().map(ArticleRow::id).toList(), span.langs(),
            span.first(), span.last(), centralEntities(p),
            StoryProfile.follow(p.storyline(), storylineById::get).map(StoryProfile::id).orElse(p.storyline()),
            p.why()));
      }
    }
    out.sort(Comparator.comparingInt((Story st) -> st.articles().size()).reversed()
        .thenComparing(st -> st.last() == null ? LocalDate.MIN : st.last(), Comparator.reverseOrder())
        .thenComparing(Story::id));
    return out;
  }

  /** Every storyline holding stories, largest first, then freshest (the latest news of equals leads). */
  static List<Storyline> storylines(List<Story> stories, List<StoryProfile> storylines) {
    Map<String, List<Story>> members = new LinkedHashMap<>();
    for (Story story : stories) {
      members.computeIfAbsent(story.storyline(), k -> new ArrayList<>()).add(story);
    }
    List<Storyline> out = new ArrayList<>();
    for (StoryProfile p : storylines) {
      List<Story> parts = members.get(p.id());
      if (parts != null) {
        TreeSet<String> langs = new TreeSet<>();
        parts.forEach(st -> langs.addAll(st.languages()));
        LocalDate first = parts.stream().map(Story::first).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = parts.stream().map(Story::last).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        // titled after its largest story (parts come largest first): the story readers meet first
        String title = parts.stream().map(Story::title).filter(Objects::nonNull).findFirst().orElse(null);
        out.add(new Storyline(p.id(), title, parts.stream().map(Story::id).toList(),
            parts.stream().flatMap(st -> st.articles().stream()).toList(), new ArrayList<>(langs), first, last,
            centralEntities(p)));
      }
    }
    out.sort(Comparator.comparingInt((Storyline l) -> l.articles().size()).reversed()
        .thenComparing(l -> l.last() == null ? LocalDate.MIN : l.last(), Comparator.reverseOrder())
        .thenComparing(Storyline::id));
    return out;
  }

  /** Languages and date span of some articles. */
  private record Span(List<String> langs, LocalDate first, LocalDate last) {
    static Span of(List<ArticleRow> rows) {
      TreeSet<String> langs = new TreeSet<>();
      LocalDate first = null;
      LocalDate last = null;
      for (ArticleRow a : rows) {
        langs.add(a.lang());
        if (a.date() != null) {
          first = first == null || a.date().isBefore(first) ? a.date() : first;
          last = last == null || a.date().isAfter(last) ? a.date() : last;
        }
      }
      return new Span(new ArrayList<>(langs), first, last);
    }
  }

  /** The group's strongest recognised entities, or its strongest name keys when it has none. */
  private static List<Story.EntityRef> centralEntities(StoryProfile p) {
    List<String> names = p.centralNames(30).stream().filter(p.displayNames()::containsKey).toList();
    List<String> entities = names.stream().filter(ArticleFeatures::isEntity).toList();
    return (entities.isEmpty() ? names : entities).stream().limit(5)
        .map(k -> new Story.EntityRef(ArticleFeatures.entityId(k), p.displayNames().get(k))).toList();
  }
}
