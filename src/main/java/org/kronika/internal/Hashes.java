package org.kronika.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes: short stable ids from content (the first 16 hex digits of SHA-256), and a fast
 * 64-bit hash of a string for in-memory sketches and sparse vectors. Thread-safe.
 */
public final class Hashes {
  private Hashes() {}

  /** 64-bit FNV-1a over the string's chars: fast, and collisions are negligible at our sizes. */
  public static long fnv64(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Hash of the parts joined by NUL, so that ("ab","c") and ("a","bc") differ. */
  public static String of(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
