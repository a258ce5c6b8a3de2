package org.kronika.story;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.util.IntroSorter;
import org.kronika.internal.Hashes;

/**
 * A term-weight vector as three parallel arrays sorted by the terms' 64-bit hashes, so that
 * a dot product or a sum is one merge of two short arrays: no boxing, no hash-map lookups.
 * Built once per article vector; a centroid's is derived from the one before. Immutable.
 */
final class SparseVector {
  static final SparseVector EMPTY = new SparseVector(new String[0], new long[0], new float[0]);

  private final String[] terms;
  private final long[] keys;
  private final float[] values;

  private SparseVector(String[] terms, long[] keys, float[] values) {
    this.terms = terms;
    this.keys = keys;
    this.values = values;
  }

  static SparseVector of(Map<String, Float> weights) {
    if (weights.isEmpty()) {
      return EMPTY;
    }
    int n = weights.size();
    String[] terms = new String[n];
    long[] keys = new long[n];
    float[] values = new float[n];
    int i = 0;
    for (Map.Entry<String, Float> e : weights.entrySet()) {
      terms[i] = e.getKey();
      keys[i] = Hashes.fnv64(e.getKey());
      values[i++] = e.getValue();
    }
    new IntroSorter() {
      private long pivot;

      @Override
      protected void setPivot(int i) {
        pivot = keys[i];
      }

      @Override
      protected int comparePivot(int j) {
        return Long.compare(pivot, keys[j]);
      }

      @Override
      protected int compare(int i, int j) {
        return Long.compare(keys[i], keys[j]);
      }

      @Override
      protected void swap(int i, int j) {
        String t = terms[i];
        terms[i] = terms[j];
        terms[j] = t;
        long k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
        float v = values[i];
        values[i] = values[j];
        values[j] = v;
      }
    }.sort(0, n);
    return new SparseVector(terms, keys, values);
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

  /** The sum of this vector and another one. */
  SparseVector plus(SparseVector other) {
    int n = keys.length + other.keys.length;
    String[] t = new String[n];
    long[] k = new long[n];
    float[] v = new float[n];
    int i = 0;
    int j = 0;
    int o = 0;
    while (i < keys.length || j < other.keys.length) {
      if (j == other.keys.length || (i < keys.length && keys[i] < other.keys[j])) {
        t[o] = terms[i];
        k[o] = keys[i];
        v[o++] = values[i++];
      } else if (i == keys.length || keys[i] > other.keys[j]) {
        t[o] = other.terms[j];
        k[o] = other.keys[j];
        v[o++] = other.values[j++];
      } else {
        t[o] = terms[i];
        k[o] = keys[i];
        v[o++] = values[i++] + other.values[j++];
      }
    }
    return new SparseVector(Arrays.copyOf(t, o), Arrays.copyOf(k, o), Arrays.copyOf(v, o));
  }

  /** This vector less another one, keeping only the weights left above zero. */
  SparseVector minus(SparseVector other) {
    String[] t = new String[keys.length];
    long[] k = new long[keys.length];
    float[] v = new float[keys.length];
    int j = 0;
    int o = 0;
    for (int i = 0; i < keys.length; i++) {
      while (j < other.keys.length && other.keys[j] < keys[i]) {
        j++;
      }
      float left = j < other.keys.length && other.keys[j] == keys[i] ? values[i] - other.values[j] : values[i];
      if (left > REMAINDER) {
        t[o] = terms[i];
        k[o] = keys[i];
        v[o++] = left;
      }
    }
    return new SparseVector(Arrays.copyOf(t, o), Arrays.copyOf(k, o), Arrays.copyOf(v, o));
  }

  /** What a subtraction leaves of a weight that was all taken away, float rounding aside. */
  private static final float REMAINDER = 1e-4f;

  /**
   * This vector cut to its {@code n} largest weights (among equal weights at the cut, those
   * first in hash order stay): a threshold from one sort of the weights, no map, no boxing.
   */
  SparseVector strongest(int n) {
    if (keys.length <= n) {
      return this;
    }
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    float cut = sorted[sorted.length - n];
    int above = 0;
    for (float x : values) {
      above += x > cut ? 1 : 0;
    }
    int atCut = n - above;
    String[] t = new String[n];
    long[] k = new long[n];
    float[] v = new float[n];
    int o = 0;
    for (int i = 0; i < keys.length; i++) {
      if (values[i] > cut || (values[i] == cut && atCut-- > 0)) {
        t[o] = terms[i];
        k[o] = keys[i];
        v[o++] = values[i];
      }
    }
    return new SparseVector(t, k, v);
  }

  /** The Euclidean length. */
  double norm() {
    double squares = 0;
    for (float x : values) {
      squares += x * x;
    }
    return Math.sqrt(squares);
  }

  boolean contains(String term) {
    int at = Arrays.binarySearch(keys, Hashes.fnv64(term));
    return at >= 0 && terms[at].equals(term);
  }

  /** Terms to weights, in hash order. */
  Map<String, Float> asMap() {
    Map<String, Float> map = new LinkedHashMap<>(keys.length * 2);
    for (int i = 0; i < keys.length; i++) {
      map.put(terms[i], values[i]);
    }
    return map;
  }

  boolean isEmpty() {
    return keys.length == 0;
  }
}
