package org.kronika.store;

import org.kronika.internal.Hashes;

/**
 * Approximate document frequencies of feature terms in fixed memory: a count-min sketch
 * ({@value #ROWS} rows of {@value #WIDTH} counters, 24 MB) that never undercounts and
 * overcounts rare terms only by collisions. Rebuilt from the index when a store opens and
 * updated as articles are added, it answers in a few hash computations where an index
 * lookup seeks every segment. Not thread-safe.
 */
final class TermCounts {
  static final int ROWS = 3;
  static final int WIDTH = 1 << 21;
  private static final int[] SEEDS = {0x9E3779B9, 0x85EBCA6B, 0xC2B2AE35};

  private final int[][] counts = new int[ROWS][WIDTH];

  void add(String term, int n) {
    long h = Hashes.fnv64(term);
    for (int r = 0; r < ROWS; r++) {
      counts[r][slot(h, r)] += n;
    }
  }

  int get(String term) {
    long h = Hashes.fnv64(term);
    int min = Integer.MAX_VALUE;
    for (int r = 0; r < ROWS; r++) {
      min = Math.min(min, counts[r][slot(h, r)]);
    }
    return min;
  }

  private static int slot(long h, int row) {
    int x = (int) (h ^ (h >>> 32)) * SEEDS[row];
    x ^= x >>> 15;
    return (x ^ (int) (h >>> (17 + row * 7))) & (WIDTH - 1);
  }

}
