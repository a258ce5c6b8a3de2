package org.kronika.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.kronika.model.Why;

/**
 * What Kronika remembers of a story (or a storyline) to decide which articles join it: one
 * {@link Centroid} per feature kind, its languages, dates, size, title, the display names of
 * its name keys, and, for a story, the storyline it belongs to. Immutable: {@link #plus}
 * returns the profile with one more article.
 *
 * @param level     whether this is a story or a storyline
 * @param title     the most representative headline so far (English preferred), {@code null}
 *                  while no article has one; storylines take theirs from their largest story
 * @param headlines the best candidate titles ({@link Headline#rank}), best first
 * @param storyline for a story, the id of its storyline; {@code null} for a storyline
 * @param mergedInto for a storyline merged into another, that one's id; else {@code null}
 * @param why       for a story, what placed it in its storyline; {@code null} when it opened it
 * @param dated     how many of its articles had a date, which {@code first} and {@code last} are of
 */
public record StoryProfile(String id, Level level, String title, List<Headline> headlines, int size,
                           List<String> langs, LocalDate first, LocalDate last, Map<Feature, Centroid> centroids,
                           Map<String, String> displayNames, String storyline, String mergedInto,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Why why, int dated) {

  public StoryProfile {
    headlines = headlines == null ? List.of() : List.copyOf(headlines); // null in stores written before headlines
  }

  /** The two levels of grouping. */
  public enum Level { STORY, STORYLINE }

  /** A new story or storyline holding one article, whose headline may be {@code null}. */
  static StoryProfile open(String id, Level level, Headline headline, ArticleFeatures f, WeightedFeatures v,
                           LocalDate date) {
    Map<Feature, Centroid> centroids = new EnumMap<>(Feature.class);
    for (Feature kind : Feature.values()) {
      centroids.put(kind, Centroid.of(v.sparse(kind)));
    }
    Map<String, String> display = new HashMap<>(f.displayNames());
    display.keySet().retainAll(v.get(Feature.NAME).keySet());
    List<Headline> headlines = headline == null ? List.of() : List.of(headline);
    return new StoryProfile(id, level, headline == null ? null : headline.text(), headlines, 1, List.of(f.lang()),
        date, date, centroids, display, null, null, null, date == null ? 0 : 1);
  }

  /** This profile with one more article, whose headline may be {@code null}. */
  StoryProfile plus(Headline headline, ArticleFeatures f, WeightedFeatures v, LocalDate date) {
    TreeSet<String> languages = new TreeSet<>(langs);
    languages.add(f.lang());
    Map<Feature, Centroid> sums = new EnumMap<>(Feature.class);
    for (Feature kind : Feature.values()) {
      sums.put(kind, centroid(kind).plus(v.sparse(kind)));
    }
    Map<String, String> display = new HashMap<>(displayNames);
    f.displayNames().forEach((k, name) -> {
      if (!display.containsKey(k) || (ArticleFeatures.isLatin(name) && "en".equals(f.lang()))) {
        display.put(k, name);
      }
    });
    Centroid names = sums.get(Feature.NAME);
    display.keySet().removeIf(k -> !names.contains(k));
    List<Headline> candidates = new ArrayList<>(headlines);
    if (headline != null) {
      candidates.add(headline);
    }
    List<Headline> ranked = Headline.rank(candidates, sums);
    return new StoryProfile(id, level, Headline.title(ranked, sums, title), ranked, size + 1,
        new ArrayList<>(languages), min(first, date), max(last, date), sums, display, storyline, mergedInto, why,
        date == null ? dated : dated + 1);
  }

  /** This group with another one's articles added (the other is then merged into this). */
  StoryProfile absorb(StoryProfile other) {
    TreeSet<String> languages = new TreeSet<>(langs);
    languages.addAll(other.langs);
    Map<Feature, Centroid> sums = new EnumMap<>(Feature.class);
    for (Feature kind : Feature.values()) {
      sums.put(kind, centroid(kind).plus(other.centroid(kind)));
    }
    Map<String, String> display = new HashMap<>(other.displayNames);
    display.putAll(displayNames);
    Centroid names = sums.get(Feature.NAME);
    display.keySet().removeIf(k -> !names.contains(k));
    List<Headline> candidates = new ArrayList<>(headlines);
    candidates.addAll(other.headlines);
    List<Headline> ranked = Headline.rank(candidates, sums);
    return new StoryProfile(id, level, Headline.title(ranked, sums, title != null ? title : other.title), ranked,
        size + other.size, new ArrayList<>(languages), min(first, other.first), max(last, other.last), sums, display,
        storyline, mergedInto, why, dated + other.dated);
  }

  /**
   * This group without the articles of a group it absorbed ({@link #absorb}): for a merge that
   * another writer made first, which stands instead. Its languages and dates stay as they are.
   */
  public StoryProfile without(StoryProfile absorbed) {
    Map<Feature, Centroid> sums = new EnumMap<>(Feature.class);
    for (Feature kind : Feature.values()) {
      sums.put(kind, centroid(kind).minus(absorbed.centroid(kind)));
    }
    Map<String, String> display = new HashMap<>(displayNames);
    display.keySet().retainAll(sums.get(Feature.NAME).weights().keySet());
    List<Headline> kept = new ArrayList<>(headlines);
    kept.removeAll(absorbed.headlines);
    List<Headline> ranked = Headline.rank(kept, sums);
    return new StoryProfile(id, level, Headline.title(ranked, sums, title), ranked, Math.max(1, size - absorbed.size),
        langs, first, last, sums, display, storyline, mergedInto, why, Math.max(0, dated - absorbed.dated));
  }

  /** This group, emptied into {@code target}: only a forwarding address remains. */
  StoryProfile mergedInto(String target) {
    return new StoryProfile(id, level, title, List.of(), size, langs, first, last, Map.of(), Map.of(), storyline,
        target, why, dated);
  }

  /** This story placed in a storyline, as it is when it stays in its own. */
  StoryProfile inStoryline(String storylineId) {
    return storylineId.equals(storyline) ? this : inStoryline(storylineId, why);
  }

  /** This story placed in a storyline by {@code evidence} ({@code null}: it opened the storyline). */
  StoryProfile inStoryline(String storylineId, Why evidence) {
    return new StoryProfile(id, level, title, headlines, size, langs, first, last, centroids, displayNames,
        storylineId, mergedInto, evidence, dated);
  }

  /**
   * This profile's changes since {@code base} replayed on {@code latest}, a version of the same
   * group another writer stored meanwhile, so that neither writer's articles are lost from it.
   * A forwarding address (this group or the latest merged away) is kept as it is.
   */
  public StoryProfile rebase(StoryProfile base, StoryProfile latest) {
    if (mergedInto != null || latest.mergedInto != null) {
      return mergedInto != null ? this : latest;
    }
    Map<Feature, Centroid> sums = new EnumMap<>(Feature.class);
    for (Feature kind : Feature.values()) {
      sums.put(kind, latest.centroid(kind).plus(centroid(kind).growthSince(base.centroid(kind))));
    }
    TreeSet<String> languages = new TreeSet<>(latest.langs);
    languages.addAll(langs);
    Map<String, String> display = new HashMap<>(displayNames);
    display.putAll(latest.displayNames);
    display.keySet().retainAll(sums.get(Feature.NAME).weights().keySet());
    java.util.LinkedHashSet<Headline> candidates = new java.util.LinkedHashSet<>(latest.headlines);
    candidates.addAll(headlines);
    List<Headline> ranked = Headline.rank(new ArrayList<>(candidates), sums);
    boolean ownStoryline = !java.util.Objects.equals(storyline, base.storyline);
    return new StoryProfile(id, level, Headline.title(ranked, sums, latest.title != null ? latest.title : title), ranked,
        latest.size + size - base.size, new ArrayList<>(languages), min(first, latest.first), max(last, latest.last),
        sums, display, ownStoryline ? storyline : latest.storyline, null, ownStoryline ? why : latest.why,
        latest.dated + dated - base.dated);
  }

  /** Merges form chains only as long as groups merge again; this bounds a corrupt loop. */
  private static final int MAX_MERGE_HOPS = 64;

  /**
   * The group that now holds the articles of group {@code id}, following merges
   * ({@link #mergedInto}) through {@code lookup}; empty when a group on the way is unknown.
   */
  public static Optional<StoryProfile> follow(String id, Function<String, StoryProfile> lookup) {
    for (int hops = 0; id != null && hops < MAX_MERGE_HOPS; hops++) {
      StoryProfile p = lookup.apply(id);
      if (p == null || p.mergedInto() == null) {
        return Optional.ofNullable(p);
      }
      id = p.mergedInto();
    }
    return Optional.empty();
  }

  /** The centroid of one kind (empty when none). */
  public Centroid centroid(Feature kind) {
    return centroids.getOrDefault(kind, Centroid.EMPTY);
  }

  /**
   * Whether this group's dates rest on at least {@code enough} dated articles, or on all it
   * holds when it holds fewer. Stores written before dated articles were counted (none counted,
   * yet dates) are taken at their dates, as then.
   */
  boolean datedBy(int enough) {
    return dated >= Math.min(size, enough) || (dated == 0 && first != null);
  }

  /** The strongest name keys first. */
  public List<String> centralNames(int n) {
    return centroid(Feature.NAME).weights().entrySet().stream()
        .sorted(Map.Entry.<String, Float>comparingByValue().reversed())
        .limit(n).map(Map.Entry::getKey).toList();
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
