package org.kronika.story;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * An article's features as one unit-length tf-idf vector per {@link Feature} kind, cut to its
 * {@value #KEEP} strongest terms, the form in which they are compared with stories. Immutable.
 */
public record WeightedFeatures(Map<Feature, Map<String, Float>> vectors, Map<Feature, SparseVector> sparse) {
  /**
   * Terms kept per kind, the strongest: the tail of a long article's vocabulary adds cost to
   * every comparison and almost nothing to its direction.
   */
  static final int KEEP = 100;

  /** Weighs raw counts by (1 + log tf) × idf, each kind's vector scaled to unit length. */
  static WeightedFeatures of(ArticleFeatures f, ToDoubleFunction<String> idf) {
    Map<Feature, Map<String, Float>> vectors = new EnumMap<>(Feature.class);
    Map<Feature, SparseVector> sparse = new EnumMap<>(Feature.class);
    for (Feature kind : Feature.values()) {
      Map<String, Float> v = new HashMap<>();
      f.get(kind).forEach((k, tf) -> v.put(k, (float) ((1 + Math.log(tf)) * idf.applyAsDouble(kind.term(k)))));
      Map<String, Float> unit = unit(strongest(v));
      vectors.put(kind, unit);
      sparse.put(kind, SparseVector.of(unit));
    }
    return new WeightedFeatures(vectors, sparse);
  }

  Map<String, Float> get(Feature kind) {
    return vectors.getOrDefault(kind, Map.of());
  }

  SparseVector sparse(Feature kind) {
    return sparse.getOrDefault(kind, SparseVector.EMPTY);
  }

  private static Map<String, Float> strongest(Map<String, Float> v) {
    if (v.size() <= KEEP) {
      return v;
    }
    Map<String, Float> top = new HashMap<>(KEEP * 2);
    v.entrySet().stream().sorted(Map.Entry.<String, Float>comparingByValue().reversed()).limit(KEEP)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  private static Map<String, Float> unit(Map<String, Float> v) {
    double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    if (norm > 0) {
      v.replaceAll((k, x) -> (float) (x / norm));
    }
    return v;
  }
}
