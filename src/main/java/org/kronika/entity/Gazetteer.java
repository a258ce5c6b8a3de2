package org.kronika.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kronika.analysis.AnalyzedText;
import org.kronika.analysis.Token;

/**
 * Names a language is known to use, looked up by their written form (lower case) or by the
 * lemmas of their words, so that an inflection never seen still meets its name. Each entry
 * remembers its type, lemma and canonical name, and how often its text was a name where it
 * was met, so that a word that is usually not a name ("Мая" the month) is left alone.
 * Look-ups cost a few hash probes per capitalised word. Not thread-safe while learning;
 * thread-safe once {@link #freeze() frozen}.
 */
final class Gazetteer implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  static final int LONGEST_NAME = 6;
  private static final double MIN_NAME_RATE = 0.5;
  private static final double LOWER_CASE_NAME_RATE = 0.8;

  private final Map<String, Entry> bySurface = new HashMap<>();
  private final Map<String, Entry> byLemmas = new HashMap<>();
  /** The most words of a name by its first word (lower case), to skip hopeless look-ups. */
  private final Map<String, Integer> longestBySurfaceStart = new HashMap<>();
  private final Map<String, Integer> longestByLemmaStart = new HashMap<>();

  /** What is known of one name. */
  static final class Entry implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    // the counts serve learning only, and are dropped once frozen
    private Map<EntityType, Integer> types = new HashMap<>();
    private Map<String, Integer> lemmas = new HashMap<>();
    private Map<String, Integer> names = new HashMap<>();
    private int met;
    private int metAsName;
    EntityType type;
    String lemma;
    String name;
    boolean accepted;
    /** Known from a long list of names (cities), not from annotated text: it neither cuts nor claims a longer run. */
    boolean listed;

    /**
     * Whether to take a match as a name. A name written in lower case ("демократов") must
     * have been met as a name more often than not; others only where they were ever met.
     */
    boolean accepts(boolean lowerCase) {
      return accepted && (!lowerCase || (met >= 2 && metAsName >= LOWER_CASE_NAME_RATE * met));
    }

    void add(EntityType t, String l, String n) {
      types.merge(t, 1, Integer::sum);
      lemmas.merge(l, 1, Integer::sum);
      if (n != null) {
        names.merge(n, 1, Integer::sum);
      }
    }

    /** The most frequent lemma; valid while learning too. */
    String lemma() {
      return lemma != null ? lemma : argmax(lemmas);
    }

    void freeze() {
      type = argmax(types);
      lemma = argmax(lemmas);
      name = names.isEmpty() ? null : argmax(names);
      accepted = met == 0 || metAsName >= MIN_NAME_RATE * met;
      types = null;
      lemmas = null;
      names = null;
    }

    private static <K> K argmax(Map<K, Integer> counts) {
      return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
  }

  /**
   * A stretch of tokens the gazetteer recognises, with the lemma of its written form when
   * that form is known (демократов → демократ, where the lemmas' entry would say демократы).
   */
  record Match(int from, int to, Entry entry, String lemma) {}

  /** Adds a name by its written form and, when known, the lemmas of its words. */
  void add(String surface, String lemmaKey, EntityType type, String lemma, String name) {
    String key = surfaceKey(surface);
    bySurface.computeIfAbsent(key, k -> new Entry()).add(type, lemma, name);
    String[] words = WORD_BREAK.split(key);
    if (words.length > 0) {
      longestBySurfaceStart.merge(words[0], words.length, Math::max);
    }
    if (lemmaKey != null) {
      addLemmas(lemmaKey).add(type, lemma, name);
    }
  }

  private Entry addLemmas(String lemmaKey) {
    String[] lemmas = lemmaKey.split(" ");
    longestByLemmaStart.merge(lemmas[0], lemmas.length, Math::max);
    return byLemmas.computeIfAbsent(lemmaKey, k -> new Entry());
  }

  /**
   * Adds a name from a list by the lemmas of its words alone, unless the name is known already.
   *
   * @param listed whether the list is long enough to hold common words (a town called Alliance),
   *               so that a match neither cuts nor claims a longer run of capitalised words
   */
  void addIfAbsent(String lemmaKey, EntityType type, String lemma, String name, boolean listed) {
    if (!byLemmas.containsKey(lemmaKey)) {
      Entry e = addLemmas(lemmaKey);
      e.add(type, lemma, name);
      e.listed = listed;
    }
  }

  /** Counts a place where {@code match} was met, and whether it was a name there. */
  static void countMet(Match match, boolean wasName) {
    match.entry.met++;
    if (wasName) {
      match.entry.metAsName++;
    }
  }

  void freeze() {
    bySurface.values().forEach(Entry::freeze);
    byLemmas.values().forEach(Entry::freeze);
  }

  /**
   * The longest name starting at token {@code from}, or {@code null}.
   *
   * @param acceptedOnly whether to skip names that are usually not names where met
   */
  Match longest(AnalyzedText text, int from, boolean acceptedOnly) {
    List<Token> tokens = text.tokens();
    Token first = tokens.get(from);
    int bySurface = longestBySurfaceStart.getOrDefault(first.surface().toLowerCase(Locale.ROOT), 0);
    int byLemma = longestByLemmaStart.getOrDefault(first.lemma(), 0);
    int longest = Math.min(LONGEST_NAME, Math.max(bySurface == 0 ? 0 : bySurface + 1, byLemma));
    if (longest == 0) {
      return null;
    }
    int limit = from + 1;
    while (limit < tokens.size() && limit - from < longest
        && sameLine(text.text(), tokens.get(limit - 1), tokens.get(limit))) {
      limit++;
    }
    boolean lowerCase = !first.capitalised();
    int plainUpTo = from + 1; // lemmas match only across plain gaps: "Summit, NATO" is not "Summit NATO"
    while (plainUpTo < limit && plainGap(text.text(), tokens.get(plainUpTo - 1), tokens.get(plainUpTo))) {
      plainUpTo++;
    }
    for (int to = limit; to > from; to--) {
      Entry written = bySurface == 0 ? null
          : this.bySurface.get(surfaceKey(text.text(), first.start(), tokens.get(to - 1).end()));
      Entry e = written;
      if ((e == null || (acceptedOnly && !e.accepts(lowerCase))) && byLemma >= to - from && to <= plainUpTo) {
        e = byLemmas.get(lemmaKey(tokens, from, to));
      }
      if (e != null && (!acceptedOnly || e.accepts(lowerCase))) {
        return new Match(from, to, e, written != null ? written.lemma() : e.lemma());
      }
    }
    return null;
  }

  /**
   * As {@link #longest(AnalyzedText, int, boolean)}, and where that finds nothing at a
   * capitalised word, the longest name whose words' lemmas are other readings of the words
   * ({@code otherLemmas}, by surface): the analyser gives one lemma per word, which may be the
   * wrong one (Америке: the surname Америк, not Америка; Индии: the element индий). Other
   * readings are asked for only when the first word's may open a name.
   */
  Match longest(AnalyzedText text, int from, boolean acceptedOnly,
                java.util.function.Function<String, java.util.Set<String>> otherLemmas) {
    Match plain = longest(text, from, acceptedOnly);
    List<Token> tokens = text.tokens();
    if (plain != null || !tokens.get(from).capitalised()) {
      return plain;
    }
    List<List<String>> options = new java.util.ArrayList<>();
    List<String> firsts = new java.util.ArrayList<>();
    int longest = 0;
    java.util.Set<String> lemmas = new java.util.LinkedHashSet<>();
    lemmas.add(tokens.get(from).lemma());
    lemmas.addAll(otherLemmas.apply(tokens.get(from).surface()));
    for (String lemma : lemmas) {
      int n = longestByLemmaStart.getOrDefault(lemma, 0);
      if (n > 0) {
        firsts.add(lemma);
        longest = Math.max(longest, n);
      }
    }
    if (longest == 0 || (longest == 1 && firsts.equals(List.of(tokens.get(from).lemma())))) {
      return null; // nothing the plain look-up did not try
    }
    options.add(firsts);
    for (int i = from + 1; i < tokens.size() && i - from < longest
        && plainGap(text.text(), tokens.get(i - 1), tokens.get(i)); i++) {
      java.util.Set<String> readings = new java.util.LinkedHashSet<>();
      readings.add(tokens.get(i).lemma());
      readings.addAll(otherLemmas.apply(tokens.get(i).surface()));
      options.add(List.copyOf(readings));
    }
    for (int to = from + options.size(); to > from; to--) {
      Entry e = anyCombination(options.subList(0, to - from), 0, new StringBuilder(), acceptedOnly);
      if (e != null) {
        return new Match(from, to, e, e.lemma());
      }
    }
    return null;
  }

  /** The entry keyed by some choice of one lemma per word from {@code options[at..]}, after {@code key}. */
  private Entry anyCombination(List<List<String>> options, int at, StringBuilder key, boolean acceptedOnly) {
    if (at == options.size()) {
      Entry e = byLemmas.get(key.toString());
      return e != null && (!acceptedOnly || e.accepts(false)) ? e : null;
    }
    int length = key.length();
    for (String lemma : options.get(at)) {
      key.append(at == 0 ? "" : " ").append(lemma);
      Entry e = anyCombination(options, at + 1, key, acceptedOnly);
      key.setLength(length);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /** The lemmas of tokens {@code from..to}, as the gazetteer keys them. */
  static String lemmaKey(List<Token> tokens, int from, int to) {
    StringBuilder key = new StringBuilder();
    for (int i = from; i < to; i++) {
      key.append(i == from ? "" : " ").append(tokens.get(i).lemma());
    }
    return key.toString();
  }

  static String surfaceKey(String surface) {
    return surfaceKey(surface, 0, surface.length());
  }

  /** The text from {@code start} to {@code end} in lower case, each run of white space one space. */
  static String surfaceKey(String text, int start, int end) {
    StringBuilder out = new StringBuilder(end - start);
    boolean space = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  private static final java.util.regex.Pattern WORD_BREAK = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}'’]+");

  private static boolean plainGap(String text, Token a, Token b) {
    for (int i = a.end(); i < b.start(); i++) {
      if (" \u00a0-‐'’.".indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameLine(String text, Token a, Token b) {
    int gap = b.start() - a.end();
    return gap <= 3 && text.substring(a.end(), b.start()).indexOf('\n') < 0;
  }
}
