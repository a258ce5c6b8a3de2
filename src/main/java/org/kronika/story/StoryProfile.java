package org.kronika.story;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What Kronika remembers of a story to decide which articles join it: the summed feature
 * vectors of its articles (the centroid, cut to its strongest terms so it stays small however
 * large the story grows), its languages, dates, size, title and the display names of its
 * name keys. Immutable: {@link #plus} returns the story with one more article.
 *
 * @param title     the most representative headline so far (English preferred)
 * @param titleLang language of {@code title}
 */
public record StoryProfile(String id, String title, String titleLang, int size, List<String> langs,
                           LocalDate first, LocalDate last, Map<String, Float> names,
                           Map<String, Float> words, Map<String, Float> numbers,
                           Map<String, String> displayNames) {
  /** Centroid terms kept per kind. */
  static final int KEEP = 150;

  /** A new story holding one article. */
  static StoryProfile open(String id, String title, ArticleFeatures f, WeightedFeatures v, LocalDate date) {
    return new StoryProfile(id, title, f.lang(), 1, List.of(f.lang()), date, date, v.names(), v.words(),
        v.numbers(), top(f.displayNames(), v.names()));
  }

  /** This story with one more article. */
  StoryProfile plus(String articleTitle, ArticleFeatures f, WeightedFeatures v, LocalDate date) {
    TreeSet<String> languages = new TreeSet<>(langs);
    languages.add(f.lang());
    boolean englishTitle = "en".equals(f.lang()) && !"en".equals(titleLang) && articleTitle != null;
    Map<String, String> display = new HashMap<>(displayNames);
    f.displayNames().forEach((k, name) -> {
      if (!display.containsKey(k) || (ArticleFeatures.isLatin(name) && "en".equals(f.lang()))) {
        display.put(k, name);
      }
    });
    Map<String, Float> newNames = add(names, v.names());
    display.keySet().retainAll(newNames.keySet());
    return new StoryProfile(id, englishTitle || title == null ? articleTitle : title,
        englishTitle || title == null ? f.lang() : titleLang, size + 1, new ArrayList<>(languages),
        min(first, date), max(last, date), newNames, add(words, v.words()), add(numbers, v.numbers()),
        display);
  }

  /** The strongest name keys first. */
  public List<String> centralNames(int n) {
    return names.entrySet().stream()
        .sorted(Map.Entry.<String, Float>comparingByValue().reversed())
        .limit(n).map(Map.Entry::getKey).toList();
  }

  private static Map<String, Float> add(Map<String, Float> sum, Map<String, Float> v) {
    Map<String, Float> out = new HashMap<>(sum);
    v.forEach((k, x) -> out.merge(k, x, Float::sum));
    return out.size() <= KEEP ? out : top(out);
  }

  private static Map<String, Float> top(Map<String, Float> v) {
    Map<String, Float> out = new HashMap<>(KEEP * 2);
    v.entrySet().stream().sorted(Map.Entry.<String, Float>comparingByValue().reversed()).limit(KEEP)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Map<String, String> top(Map<String, String> display, Map<String, Float> kept) {
    Map<String, String> out = new HashMap<>(display);
    out.keySet().retainAll(kept.keySet());
    return out;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
