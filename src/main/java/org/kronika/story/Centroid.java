package org.kronika.story;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;

/**
 * The sum of a group's article vectors of one kind, cut to its {@value #KEEP} strongest terms
 * so it stays small however large the group grows, with its length kept beside it. Its terms
 * are held as a {@link SparseVector}, so that a cosine, and adding an article, cost one merge
 * of two short arrays. Immutable; serialised as its weights and norm.
 */
public final class Centroid {
  static final int KEEP = 150;
  static final Centroid EMPTY = new Centroid(SparseVector.EMPTY, 0);

  private final SparseVector sparse;
  private final double norm;

  @JsonCreator
  Centroid(@JsonProperty("weights") Map<String, Float> weights, @JsonProperty("norm") double norm) {
    this(SparseVector.of(weights == null ? Map.of() : weights), norm);
  }

  private Centroid(SparseVector sparse, double norm) {
    this.sparse = sparse;
    this.norm = norm;
  }

  /** The kept terms and their summed weights (a new map: for listing and serialising, not per article). */
  @JsonProperty
  public Map<String, Float> weights() {
    return sparse.asMap();
  }

  /** The Euclidean length of {@link #weights}. */
  @JsonProperty
  public double norm() {
    return norm;
  }

  /** The centroid of one unit vector. */
  static Centroid of(SparseVector unit) {
    return new Centroid(unit, unit.isEmpty() ? 0 : 1);
  }

  /** This centroid with one more vector added. */
  Centroid plus(SparseVector v) {
    SparseVector sum = sparse.plus(v).strongest(KEEP);
    return new Centroid(sum, sum.norm());
  }

  /** This centroid with another one added, as when two groups merge. */
  Centroid plus(Centroid other) {
    return plus(other.sparse);
  }

  /**
   * This centroid less another one it was summed with. Where the sum was cut to its strongest
   * terms, what the cut dropped stays dropped.
   */
  Centroid minus(Centroid other) {
    SparseVector rest = sparse.minus(other.sparse);
    return new Centroid(rest, rest.norm());
  }

  /**
   * What was added to {@code base} to make this centroid: the weights that grew, by how much. A
   * term {@code base} had cut may have held up to its smallest kept weight, and is counted from
   * there, so that terms on the edge of the cut are not counted twice.
   */
  SparseVector growthSince(Centroid base) {
    Map<String, Float> before = base.weights();
    float cut = before.size() < KEEP ? 0
        : (float) before.values().stream().mapToDouble(Float::doubleValue).min().orElse(0);
    Map<String, Float> growth = new HashMap<>();
    weights().forEach((term, w) -> {
      float added = w - before.getOrDefault(term, cut);
      if (added > 0) {
        growth.put(term, added);
      }
    });
    return SparseVector.of(growth);
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
    return sparse.contains(term);
  }
}
