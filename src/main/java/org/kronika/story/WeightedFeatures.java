package org.kronika.story;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * An article's or a story's features as three unit-length tf-idf vectors (names, words,
 * numbers), the form in which they are compared. Immutable.
 */
public record WeightedFeatures(Map<String, Float> names, Map<String, Float> words,
                               Map<String, Float> numbers) {

  /** Weighs raw counts by (1 + log tf) × idf, per kind, each vector scaled to unit length. */
  static WeightedFeatures of(ArticleFeatures f, ToDoubleFunction<String> idf) {
    return new WeightedFeatures(
        weigh(f.names(), ArticleFeatures.NAME, idf),
        weigh(f.words(), ArticleFeatures.WORD, idf),
        weigh(f.numbers(), ArticleFeatures.NUMBER, idf));
  }

  private static Map<String, Float> weigh(Map<String, Integer> counts, String prefix,
                                          ToDoubleFunction<String> idf) {
    Map<String, Float> out = new HashMap<>(counts.size() * 2);
    counts.forEach((k, tf) -> out.put(k, (float) ((1 + Math.log(tf)) * idf.applyAsDouble(prefix + k))));
    return unit(out);
  }

  static Map<String, Float> unit(Map<String, Float> v) {
    double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    if (norm == 0) {
      return v;
    }
    Map<String, Float> out = new HashMap<>(v.size() * 2);
    v.forEach((k, x) -> out.put(k, (float) (x / norm)));
    return out;
  }

}
