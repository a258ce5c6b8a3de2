package org.kronika.story;

import java.util.HashMap;
import java.util.Map;

/**
 * The sum of a story's article vectors of one kind, cut to its {@value #KEEP} strongest terms
 * so it stays small however large the story grows, with its length kept beside it so that a
 * cosine against it costs one pass over the (small) article vector. Immutable.
 */
public record Centroid(Map<String, Float> weights, double norm) {
  static final int KEEP = 150;
  static final Centroid EMPTY = new Centroid(Map.of(), 0);

  /** The centroid of one unit vector. */
  static Centroid of(Map<String, Float> unit) {
    return new Centroid(unit, unit.isEmpty() ? 0 : 1);
  }

  /** This centroid with one more vector added. */
  Centroid plus(Map<String, Float> v) {
    Map<String, Float> sum = new HashMap<>(weights);
    for (Map.Entry<String, Float> e : v.entrySet()) {
      sum.merge(e.getKey(), e.getValue(), Float::sum);
    }
    if (sum.size() > KEEP) {
      Map<String, Float> top = new HashMap<>(KEEP * 2);
      sum.entrySet().stream().sorted(Map.Entry.<String, Float>comparingByValue().reversed()).limit(KEEP)
          .forEach(e -> top.put(e.getKey(), e.getValue()));
      sum = top;
    }
    return new Centroid(sum, Math.sqrt(sum.values().stream().mapToDouble(x -> x * x).sum()));
  }

  /** Cosine between a unit vector and this centroid; iterates over the smaller of the two. */
  double cosine(Map<String, Float> unit) {
    if (norm == 0 || unit.isEmpty()) {
      return 0;
    }
    Map<String, Float> small = unit.size() <= weights.size() ? unit : weights;
    Map<String, Float> large = small == unit ? weights : unit;
    double dot = 0;
    for (Map.Entry<String, Float> e : small.entrySet()) {
      Float y = large.get(e.getKey());
      if (y != null) {
        dot += e.getValue() * y;
      }
    }
    return dot / norm;
  }


  /** This centroid with another one added, as when two groups merge. */
  Centroid plus(Centroid other) {
    return plus(other.weights());
  }

  /** Cosine between two centroids. */
  double cosine(Centroid other) {
    if (norm == 0 || other.norm == 0) {
      return 0;
    }
    Map<String, Float> small = weights.size() <= other.weights.size() ? weights : other.weights;
    Map<String, Float> large = small == weights ? other.weights : weights;
    double dot = 0;
    for (Map.Entry<String, Float> e : small.entrySet()) {
      Float y = large.get(e.getKey());
      if (y != null) {
        dot += e.getValue() * y;
      }
    }
    return dot / (norm * other.norm);
  }

  /** Whether the term is among the kept ones. */
  public boolean contains(String term) {
    return weights.containsKey(term);
  }
}
