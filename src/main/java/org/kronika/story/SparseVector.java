package org.kronika.story;

import java.util.Arrays;
import java.util.Map;
import org.kronika.internal.Hashes;

/**
 * A term-weight vector as two parallel arrays sorted by the terms' 64-bit hashes, so that a
 * dot product is one merge of two short arrays: no boxing, no hash-map lookups. Built once
 * per article vector and per centroid. Immutable.
 */
final class SparseVector {
  static final SparseVector EMPTY = new SparseVector(new long[0], new float[0]);

  private final long[] keys;
  private final float[] values;

  private SparseVector(long[] keys, float[] values) {
    this.keys = keys;
    this.values = values;
  }

  static SparseVector of(Map<String, Float> weights) {
    if (weights.isEmpty()) {
      return EMPTY;
    }
    long[][] pairs = new long[weights.size()][];
    int i = 0;
    for (Map.Entry<String, Float> e : weights.entrySet()) {
      pairs[i++] = new long[] {Hashes.fnv64(e.getKey()), Float.floatToRawIntBits(e.getValue())};
    }
    Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
    long[] keys = new long[pairs.length];
    float[] values = new float[pairs.length];
    for (i = 0; i < pairs.length; i++) {
      keys[i] = pairs[i][0];
      values[i] = Float.intBitsToFloat((int) pairs[i][1]);
    }
    return new SparseVector(keys, values);
  }

  double dot(SparseVector other) {
    long[] a = keys;
    long[] b = other.keys;
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        dot += values[i++] * other.values[j++];
      }
    }
    return dot;
  }

  boolean isEmpty() {
    return keys.length == 0;
  }
}
