package org.kronika.analysis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Words of a language translated into English stems, from the FreeDict dictionaries Debian
 * packages for the dict server ({@code dict-freedict-deu-eng} and the like, read where they are
 * installed, {@code /usr/share/dictd}, or under the system property {@code kronika.dictd}): the
 * pivot through which articles in two languages that share no words still share what they
 * say (Erdgas, natural gas: {@code natur}, {@code gas}). A language without an installed
 * dictionary has none; nothing is downloaded. A dictionary is read once, on first use, in a
 * few seconds (the German one holds half a million headwords). Thread-safe and immutable once
 * loaded.
 */
public final class Translations {
  /** Senses read per headword, the first (the dictionary lists the common ones first). */
  private static final int SENSES = 4;
  /** English stems kept per headword. */
  private static final int STEMS = 6;
  /** Placeholders the dictionaries write in phrases (sb., sth.): no content. */
  private static final Set<String> PLACEHOLDERS = Set.of("sb", "sth", "s.o", "sb's", "etw", "jdn", "jdm");
  private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final Map<String, Optional<Translations>> LOADED = new ConcurrentHashMap<>();

  private final Map<String, String[]> stems;

  private Translations(Map<String, String[]> stems) {
    this.stems = stems;
  }

  /** The dictionary from {@code lang} (ISO 639-1) into English, if one is installed. */
  public static Optional<Translations> toEnglish(String lang) {
    if (lang == null || lang.equals("en") || lang.length() != 2) {
      return Optional.empty();
    }
    return LOADED.computeIfAbsent(lang, Translations::load);
  }

  /**
   * The English stems of a lower-case lemma: its translations, or, for a word the dictionary
   * lacks (mostly a name, written as in English: Pell, Melbourne), the word itself stemmed as
   * English words are.
   */
  public List<String> of(String lemma) {
    String[] found = stems.get(lemma);
    if (found != null) {
      return Arrays.asList(found);
    }
    String stem = englishStem(lemma);
    return stem.length() >= 2 ? List.of(stem) : List.of();
  }

  /** A lower-case word's English stem, as English articles' words are stemmed. */
  public static String englishStem(String word) {
    try (TokenStream ts = Languages.of("en").indexer().tokenStream("t", word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String stem = ts.incrementToken() ? term.toString() : "";
      ts.end();
      return stem;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
  }

  /** Headwords read. */
  public int size() {
    return stems.size();
  }

  private static Optional<Translations> load(String lang) {
    String iso3;
    try {
      iso3 = Locale.forLanguageTag(lang).getISO3Language();
    } catch (java.util.MissingResourceException e) {
      return Optional.empty();
    }
    Path dir = Path.of(System.getProperty("kronika.dictd", "/usr/share/dictd"));
    Path index = dir.resolve("freedict-" + iso3 + "-eng.index");
    Path dict = dir.resolve("freedict-" + iso3 + "-eng.dict.dz");
    if (!Files.isRegularFile(index) || !Files.isRegularFile(dict)) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(index, dict));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the dictionary " + dict + ": " + e.getMessage(), e);
    }
  }

  /** One entry of the index: a single-word headword and where its text lies in the dictionary. */
  private record Entry(String headword, long offset, int length) {}

  /** Reads a dictionary in dictd's layout ({@code .index} and gzip-compressed {@code .dict.dz}). */
  static Translations read(Path index, Path dict) throws IOException {
    return new Translations(readStems(index, dict));
  }

  private static Map<String, String[]> readStems(Path index, Path dict) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (f.length == 3 && f[0].indexOf(' ') < 0 && !f[0].isEmpty() && Character.isLetter(f[0].charAt(0))
          && !f[0].startsWith("00database")) {
        entries.add(new Entry(f[0], decode(f[1]), (int) decode(f[2])));
      }
    }
    entries.sort(java.util.Comparator.comparingLong(Entry::offset));
    Map<String, LinkedHashSet<String>> phrases = new HashMap<>();
    try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(dict), 1 << 16), 1 << 16)) {
      long at = 0;
      byte[] buffer = new byte[1 << 16];
      for (Entry e : entries) {
        if (e.offset() < at || e.length() > buffer.length) {
          continue; // overlapping or oversized: not an entry of this layout
        }
        in.skipNBytes(e.offset() - at);
        in.readNBytes(buffer, 0, e.length());
        at = e.offset() + e.length();
        LinkedHashSet<String> senses = phrases.computeIfAbsent(e.headword(), k -> new LinkedHashSet<>());
        if (senses.size() < SENSES) {
          senses.addAll(senses(new String(buffer, 0, e.length(), StandardCharsets.UTF_8)));
        }
      }
    }
    Stemmer english = new Stemmer();
    Map<String, String> interned = new HashMap<>();
    Map<String, String[]> out = new HashMap<>(phrases.size() * 2);
    phrases.forEach((headword, senses) -> {
      LinkedHashSet<String> stems = new LinkedHashSet<>();
      senses.stream().limit(SENSES).forEach(phrase -> stems.addAll(english.stems(phrase)));
      if (!stems.isEmpty()) {
        out.put(headword, stems.stream().limit(STEMS).map(s -> interned.computeIfAbsent(s, x -> x)).toArray(String[]::new));
      }
    });
    return out;
  }

  /**
   * The translations an entry gives: the line after its headword, cut at commas, without the
   * grammar in angle brackets and the field labels in square brackets (Ding's layout, which
   * FreeDict keeps). Examples, notes and cross-references are indented or quoted, and skipped.
   */
  static List<String> senses(String entry) {
    int first = entry.indexOf('\n');
    if (first < 0) {
      return List.of();
    }
    int second = entry.indexOf('\n', first + 1);
    String raw = entry.substring(first + 1, second < 0 ? entry.length() : second);
    String line = BRACKETED.matcher(raw).replaceAll(" ").strip();
    if (raw.startsWith("   ") || line.startsWith("\"") || line.startsWith("see:")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String phrase : SEPARATOR.split(line)) {
      String p = phrase.strip();
      if (!p.isEmpty() && p.indexOf('/') < 0) {
        out.add(p);
      }
      if (out.size() == 2) {
        break; // the first two renderings of a sense; the rest are rarer synonyms
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern BRACKETED = java.util.regex.Pattern.compile("\\[[^\\]]*\\]|<[^>]*>|\\([^)]*\\)");
  private static final java.util.regex.Pattern SEPARATOR = java.util.regex.Pattern.compile("[,;]");

  /** English content words to their stems, each word stemmed once (a dictionary repeats its words). */
  private static final class Stemmer {
    private final LanguageSupport english = Languages.of("en");
    private final Map<String, String> stems = new HashMap<>();
    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}']+");

    List<String> stems(String phrase) {
      List<String> out = new ArrayList<>();
      for (String word : NON_WORD.split(phrase.toLowerCase(Locale.ROOT))) {
        if (word.length() >= 2 && !PLACEHOLDERS.contains(word) && !english.stopwords().contains(word)) {
          String stem = stems.computeIfAbsent(word, Translations::englishStem);
          if (stem.length() >= 2) {
            out.add(stem);
          }
        }
      }
      return out;
    }
  }

  private static long decode(String base64) {
    long v = 0;
    for (int i = 0; i < base64.length(); i++) {
      v = v * 64 + BASE64.indexOf(base64.charAt(i));
    }
    return v;
  }
}
