package org.kronika.store;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.kronika.internal.Hashes;

/**
 * Approximate document frequencies of feature terms in fixed memory: a count-min sketch
 * ({@value #ROWS} rows of {@value #WIDTH} counters, 24 MB) that never undercounts and
 * overcounts rare terms only by collisions. It answers in a few hash computations where an
 * index lookup seeks every segment. The store persists it as the counts added between two
 * commits ({@link #changes}, a few bytes per distinct term), so that neither the index holds
 * a field per feature term nor opening a store walks one. Not thread-safe.
 */
final class TermCounts {
  static final int ROWS = 3;
  static final int WIDTH = 1 << 21;
  private static final int[] SEEDS = {0x9E3779B9, 0x85EBCA6B, 0xC2B2AE35};

  private final int[][] counts = new int[ROWS][WIDTH];
  /** Hashes of the terms added since the changes were last saved, one per occurrence. */
  private long[] unsaved = new long[1024];
  private int unsavedSize;

  /** Counts one more document carrying the term. */
  void add(String term) {
    long h = Hashes.fnv64(term);
    add(h, 1);
    if (unsavedSize == unsaved.length) {
      unsaved = Arrays.copyOf(unsaved, unsaved.length * 2);
    }
    unsaved[unsavedSize++] = h;
  }

  int get(String term) {
    long h = Hashes.fnv64(term);
    int min = Integer.MAX_VALUE;
    for (int r = 0; r < ROWS; r++) {
      min = Math.min(min, counts[r][slot(h, r)]);
    }
    return min;
  }

  /** The counts added since {@link #changesSaved}: distinct term hashes, ascending, each with its count. */
  byte[] changes() throws IOException { // in memory: Lucene's encoders only declare it
    long[] hashes = Arrays.copyOf(unsaved, unsavedSize);
    Arrays.sort(hashes);
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    long previous = 0;
    for (int i = 0; i < hashes.length; ) {
      int j = i;
      while (j < hashes.length && hashes[j] == hashes[i]) {
        j++;
      }
      out.writeZLong(hashes[i] - previous); // small steps between sorted hashes; wraps harmlessly
      out.writeVInt(j - i);
      previous = hashes[i];
      i = j;
    }
    return out.toArrayCopy();
  }

  /** The changes are durable: the next ones start from here. */
  void changesSaved() {
    unsavedSize = 0;
    if (unsaved.length > 1 << 20) {
      unsaved = new long[1024]; // a large batch should not pin its memory until the next
    }
  }

  /** Counts {@code n} documents carrying the term, already saved elsewhere (not in {@link #changes}). */
  void addSaved(String term, int n) {
    add(Hashes.fnv64(term), n);
  }

  /** Adds counts saved by {@link #changes}. */
  void addChanges(BytesRef changes) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(changes.bytes, changes.offset, changes.length);
    long hash = 0;
    while (!in.eof()) {
      hash += in.readZLong();
      add(hash, in.readVInt());
    }
  }

  private void add(long hash, int n) {
    for (int r = 0; r < ROWS; r++) {
      counts[r][slot(hash, r)] += n;
    }
  }

  private static int slot(long h, int row) {
    int x = (int) (h ^ (h >>> 32)) * SEEDS[row];
    x ^= x >>> 15;
    return (x ^ (int) (h >>> (17 + row * 7))) & (WIDTH - 1);
  }
}
