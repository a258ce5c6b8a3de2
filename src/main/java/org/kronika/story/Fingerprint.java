package org.kronika.story;

import java.util.List;
import org.kronika.analysis.AnalyzedText;
import org.kronika.analysis.Token;
import org.kronika.internal.Hashes;

/**
 * A 64-bit SimHash of a text's word 3-shingles (of lemmas, so that inflection and
 * punctuation changes do not count): near-duplicate texts (a syndicated copy, an updated
 * version) differ in a few bits only. Costs one pass over the tokens. Stateless.
 */
public final class Fingerprint {
  /** Fingerprints at most this many bits apart are near duplicates. */
  public static final int NEAR = 3;
  private static final int SHINGLE = 3;

  private Fingerprint() {}

  /** The SimHash of a text; 0 for a text too short to shingle. */
  public static long of(AnalyzedText text) {
    List<Token> tokens = text.tokens();
    if (tokens.size() < SHINGLE) {
      return 0;
    }
    int[] votes = new int[64];
    StringBuilder shingle = new StringBuilder();
    for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
      shingle.setLength(0);
      for (int j = i; j < i + SHINGLE; j++) {
        shingle.append(tokens.get(j).lemma()).append(' ');
      }
      long h = Hashes.fnv64(shingle.toString());
      h ^= h >>> 29; // FNV's high bits mix poorly on short inputs
      h *= 0xBF58476D1CE4E5B9L;
      h ^= h >>> 32;
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
      }
    }
    long fingerprint = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  /** Whether two fingerprints mark near-duplicate texts. */
  public static boolean near(long a, long b) {
    return a != 0 && b != 0 && Long.bitCount(a ^ b) <= NEAR;
  }

  /**
   * The four 16-bit bands of a fingerprint, tagged with the language: two fingerprints within
   * {@link #NEAR} bits share one at least, so an index of bands finds near copies without a scan.
   */
  public static java.util.List<String> bands(long fingerprint, String lang) {
    java.util.List<String> out = new java.util.ArrayList<>(4);
    for (int i = 0; i < 4; i++) {
      out.add(lang + ":" + i + ":" + ((fingerprint >>> (16 * i)) & 0xFFFF));
    }
    return out;
  }
}
