package org.kronika.story;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;

/**
 * The sum of a group's article vectors of one kind, cut to its {@value #KEEP} strongest terms
 * so it stays small however large the group grows, with its length kept beside it and its
 * terms also held as a {@link SparseVector}, so that a cosine costs one merge of two short
 * arrays. Immutable; serialised as its weights and norm.
 */
public final class Centroid {
  static final int KEEP = 150;
  static final Centroid EMPTY = new Centroid(Map.of(), 0);

  private final Map<String, Float> weights;
  private final double norm;
  private final SparseVector sparse;

  @JsonCreator
  Centroid(@JsonProperty("weights") Map<String, Float> weights, @JsonProperty("norm") double norm) {
    this.weights = weights == null ? Map.of() : weights;
    this.norm = norm;
    this.sparse = SparseVector.of(this.weights);
  }

  /** The kept terms and their summed weights. */
  @JsonProperty
  public Map<String, Float> weights() {
    return weights;
  }

  /** The Euclidean length of {@link #weights}. */
  @JsonProperty
  public double norm() {
    return norm;
  }

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

  /** This centroid with another one added, as when two groups merge. */
  Centroid plus(Centroid other) {
    return plus(other.weights);
  }

  /**
   * What was added to {@code base} to make this centroid: the weights that grew, by how much. A
   * term {@code base} had cut may have held up to its smallest kept weight, and is counted from
   * there, so that terms on the edge of the cut are not counted twice.
   */
  Map<String, Float> growthSince(Centroid base) {
    float cut = base.weights.size() < KEEP ? 0
        : (float) base.weights.values().stream().mapToDouble(Float::doubleValue).min().orElse(0);
    Map<String, Float> growth = new HashMap<>();
    weights.forEach((term, w) -> {
      float added = w - base.weights.getOrDefault(term, cut);
      if (added > 0) {
        growth.put(term, added);
      }
    });
    return growth;
  }

  /** Cosine between a unit vector and this centroid. */
  double cosine(SparseVector unit) {
    return norm == 0 || unit.isEmpty() ? 0 : sparse.dot(unit) / norm;
  }

  /** Cosine between two centroids. */
  double cosine(Centroid other) {
    return norm == 0 || other.norm == 0 ? 0 : sparse.dot(other.sparse) / (norm * other.norm);
  }

  /** Whether the term is among the kept ones. */
  public boolean contains(String term) {
    return weights.containsKey(term);
  }
}
