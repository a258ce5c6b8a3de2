package org.kronika.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.function.Predicate;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Tells the common nouns of a language that capitalises every noun (German) from its names,
 * by a Morfologik dictionary whose tags mark proper nouns: a word is a common noun when the
 * dictionary reads it only as a common word, or, unknown to it, ends in a common noun after
 * a noun (Kunden|zahl, Vorsorge|maßnahmen, Infektion-s|gefahren, Filial|netz), as German compounds do; a
 * surname ending like a noun (Fiel|mann) is kept, its head being no noun. Thread-safe: each
 * thread has its own look-up.
 */
final class CapitalisedNouns implements Predicate<String> {
  /** The shortest parts a compound is cut into. */
  private static final int SHORTEST_PART = 3;
  /** What German puts between the parts of a compound (Infektion-s-gefahr, Kunde-n-zahl). */
  private static final List<String> LINKS = List.of("", "s", "n", "en", "es", "e");

  private final ThreadLocal<DictionaryLookup> lookup;
  private final String properPrefix;
  private final String nounPrefix;

  /**
   * @param resource     class-path resource of the {@code .dict}
   * @param properPrefix how the tags of proper nouns start ({@code EIG} in German)
   * @param nounPrefix   how the tags of common nouns start ({@code SUB})
   */
  CapitalisedNouns(String resource, String properPrefix, String nounPrefix) {
    URL url = CapitalisedNouns.class.getResource(resource);
    if (url == null) {
      throw new IllegalStateException("dictionary " + resource + " missing from the classpath");
    }
    try {
      Dictionary dictionary = Dictionary.read(url);
      this.lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dictionary " + resource, e);
    }
    this.properPrefix = properPrefix;
    this.nounPrefix = nounPrefix;
  }

  /** Whether a capitalised word is a common word, not a name. */
  @Override
  public boolean test(String word) {
    if (word.length() < 2 || !Character.isUpperCase(word.charAt(0)) || Character.isUpperCase(word.charAt(1))) {
      return false; // lower case, or an acronym
    }
    Reading r = read(word);
    if (r != Reading.UNKNOWN) {
      return r == Reading.COMMON || r == Reading.NOUN;
    }
    for (int cut = SHORTEST_PART; cut <= word.length() - SHORTEST_PART - 1; cut++) {
      String tail = Character.toUpperCase(word.charAt(cut)) + word.substring(cut + 1);
      if (read(tail) == Reading.NOUN && isNounHead(word.substring(0, cut))) {
        return true;
      }
    }
    return false;
  }

  private boolean isNounHead(String head) {
    if (read(head + "e") == Reading.NOUN) {
      return true; // Filial|netz: a head loses its final e
    }
    for (String link : LINKS) {
      if (head.endsWith(link) && head.length() - link.length() >= SHORTEST_PART
          && read(head.substring(0, head.length() - link.length())) == Reading.NOUN) {
        return true;
      }
    }
    return false;
  }

  private enum Reading { UNKNOWN, PROPER, NOUN, COMMON }

  private Reading read(String word) {
    List<WordData> found = lookup.get().lookup(word);
    if (found.isEmpty()) {
      return Reading.UNKNOWN;
    }
    boolean noun = false;
    for (WordData d : found) {
      String tag = String.valueOf(d.getTag());
      if (tag.startsWith(properPrefix)) {
        return Reading.PROPER;
      }
      noun |= tag.startsWith(nounPrefix);
    }
    return noun ? Reading.NOUN : Reading.COMMON;
  }
}
