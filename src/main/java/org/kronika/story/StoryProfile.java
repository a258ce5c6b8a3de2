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
                           LocalDate first, LocalDate last, Centroid names, Centroid words,
                           Centroid numbers, Map<String, String> displayNames) {

  /** A new story holding one article. */
  static StoryProfile open(String id, String title, ArticleFeatures f, WeightedFeatures v, LocalDate date) {
    Map<String, String> display = new HashMap<>(f.displayNames());
    display.keySet().retainAll(v.names().keySet());
    return new StoryProfile(id, title, f.lang(), 1, List.of(f.lang()), date, date, Centroid.of(v.names()),
        Centroid.of(v.words()), Centroid.of(v.numbers()), display);
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
    Centroid newNames = names.plus(v.names());
    display.keySet().retainAll(newNames.weights().keySet());
    return new StoryProfile(id, englishTitle || title == null ? articleTitle : title,
        englishTitle || title == null ? f.lang() : titleLang, size + 1, new ArrayList<>(languages),
        min(first, date), max(last, date), newNames, words.plus(v.words()), numbers.plus(v.numbers()),
        display);
  }

  /** The strongest name keys first. */
  public List<String> centralNames(int n) {
    return names.weights().entrySet().stream()
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
