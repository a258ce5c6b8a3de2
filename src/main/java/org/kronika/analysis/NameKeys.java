package org.kronika.analysis;

import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Language-independent keys for names, so that one name meets itself across scripts,
 * inflections and spellings: Зеленський, Зеленського, Зеленского, Zelenskyy, Zelensky and
 * Zełenski all give the key {@code zlnsk}.
 *
 * <p>A key is built in two steps. {@link #latin} writes a lemma in lower-case ASCII with the
 * language's BGN/PCGN romanisation (ICU4J). {@link #key} then reduces it to a consonant
 * skeleton that forgets what romanisations disagree on: vowels and glides, doubled letters,
 * digraph spellings (kh/ch/h, zh/ż/z, sh/sz/s, ts/cz/c, g/h), and cuts it to
 * {@value #KEY_LENGTH} consonants so that leftover case endings fall away.
 * Thread-safe; results are cached because names repeat.
 */
public final class NameKeys {
  static final int KEY_LENGTH = 5;
  private static final int CACHE_LIMIT = 500_000;

  private static final Map<String, ThreadLocal<Transliterator>> TRANSLITERATORS = new ConcurrentHashMap<>();
  private static final Map<String, String> LATIN_CACHE = new ConcurrentHashMap<>();

  private NameKeys() {}

  /** The word in lower-case ASCII Latin, romanised as the language's BGN/PCGN rules say. */
  public static String latin(String word, String lang) {
    String cacheKey = lang + '\u0000' + word;
    String cached = LATIN_CACHE.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    String id = Languages.of(lang).transliterator();
    String latin = TRANSLITERATORS
        .computeIfAbsent(id, i -> ThreadLocal.withInitial(() -> ownCopy(i)))
        .get().transliterate(word).replaceAll("[^a-z0-9 -]", "");
    if (LATIN_CACHE.size() > CACHE_LIMIT) {
      LATIN_CACHE.clear();
    }
    LATIN_CACHE.put(cacheKey, latin);
    return latin;
  }

  /**
   * A transliterator with rule data of its own: instances from {@link Transliterator#getInstance}
   * share their rules' data and lock it for every word, which serialises every thread (search
   * requests, ingest workers) that romanises a word not seen before. Rebuilt from the same
   * rules, it romanises the same; a compound made of non-rule steps (Any-Latin) stays shared.
   */
  private static Transliterator ownCopy(String id) {
    return Transliterator.createFromRules(id, Transliterator.getInstance(id).toRules(false), Transliterator.FORWARD);
  }

  /** The cross-script key of a word of language {@code lang}. */
  public static String of(String word, String lang) {
    return key(latin(word, lang));
  }

  /** The consonant skeleton of a lower-case ASCII word; empty when it has no consonant. */
  public static String key(String latin) {
    StringBuilder out = new StringBuilder(KEY_LENGTH);
    int n = latin.length();
    for (int i = 0; i < n && out.length() < KEY_LENGTH; i++) {
      char c = latin.charAt(i);
      char next = i + 1 < n ? latin.charAt(i + 1) : ' ';
      char mapped;
      switch (c) {
        case 'a', 'e', 'i', 'o', 'u', 'y', 'j', '-', ' ' -> mapped = 0;
        case 'k' -> {
          mapped = 'k';
          if (next == 'h') {
            mapped = 'h';
            i++;
          }
        }
        case 'c' -> {
          if (next == 'h') {
            mapped = 'h';
            i++;
          } else if (next == 'z') {
            mapped = 'c';
            i++;
          } else if (next == 'k') {
            mapped = 'k';
            i++;
          } else {
            mapped = 'k';
          }
        }
        case 's', 'z' -> {
          mapped = c;
          if (next == 'h' || (c == 's' && next == 'z')) {
            i++;
          }
          if (c == 's' && next == 'h' && i + 2 < n && latin.charAt(i + 1) == 'c'
              && latin.charAt(i + 2) == 'h') {
            i += 2; // shch
          }
        }
        case 't' -> {
          mapped = 't';
          if (next == 's' || next == 'z') {
            mapped = 'c';
            i++;
          } else if (next == 'h') {
            i++;
          }
        }
        case 'p' -> {
          mapped = 'p';
          if (next == 'h') {
            mapped = 'f';
            i++;
          }
        }
        case 'g' -> mapped = 'h';
        case 'w' -> mapped = 'v';
        case 'q' -> mapped = 'k';
        case 'x' -> mapped = 'x';
        default -> mapped = Character.isLetterOrDigit(c) ? c : 0;
      }
      if (mapped != 0 && (out.length() == 0 || out.charAt(out.length() - 1) != mapped)) {
        out.append(mapped);
      }
    }
    return out.toString();
  }
}
