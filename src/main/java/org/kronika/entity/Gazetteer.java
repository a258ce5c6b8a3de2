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
final class Gazetteer {
  static final int LONGEST_NAME = 6;
  private static final double MIN_NAME_RATE = 0.5;

  private final Map<String, Entry> bySurface = new HashMap<>();
  private final Map<String, Entry> byLemmas = new HashMap<>();

  /** What is known of one name. */
  static final class Entry {
    private final Map<EntityType, Integer> types = new HashMap<>();
    private final Map<String, Integer> lemmas = new HashMap<>();
    private final Map<String, Integer> names = new HashMap<>();
    private int met;
    private int metAsName;
    EntityType type;
    String lemma;
    String name;
    boolean accepted;

    void add(EntityType t, String l, String n) {
      types.merge(t, 1, Integer::sum);
      lemmas.merge(l, 1, Integer::sum);
      if (n != null) {
        names.merge(n, 1, Integer::sum);
      }
    }

    void freeze() {
      type = argmax(types);
      lemma = argmax(lemmas);
      name = names.isEmpty() ? null : argmax(names);
      accepted = met == 0 || metAsName >= MIN_NAME_RATE * met;
    }

    private static <K> K argmax(Map<K, Integer> counts) {
      return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
  }

  /** A stretch of tokens the gazetteer recognises. */
  record Match(int from, int to, Entry entry) {}

  /** Adds a name by its written form and, when known, the lemmas of its words. */
  void add(String surface, String lemmaKey, EntityType type, String lemma, String name) {
    bySurface.computeIfAbsent(surfaceKey(surface), k -> new Entry()).add(type, lemma, name);
    if (lemmaKey != null) {
      byLemmas.computeIfAbsent(lemmaKey, k -> new Entry()).add(type, lemma, name);
    }
  }

  /** Adds a name by the lemmas of its words alone, unless the name is known already. */
  void addIfAbsent(String lemmaKey, EntityType type, String lemma, String name) {
    byLemmas.computeIfAbsent(lemmaKey, k -> {
      Entry e = new Entry();
      e.add(type, lemma, name);
      return e;
    });
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
    int limit = from + 1;
    while (limit < tokens.size() && limit - from < LONGEST_NAME
        && sameLine(text.text(), tokens.get(limit - 1), tokens.get(limit))) {
      limit++;
    }
    for (int to = limit; to > from; to--) {
      String surface = surfaceKey(text.text().substring(tokens.get(from).start(), tokens.get(to - 1).end()));
      Entry e = bySurface.get(surface);
      if (e == null || (acceptedOnly && !e.accepted)) {
        e = byLemmas.get(lemmaKey(tokens, from, to));
      }
      if (e != null && (!acceptedOnly || e.accepted)) {
        return new Match(from, to, e);
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
    return surface.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static boolean sameLine(String text, Token a, Token b) {
    int gap = b.start() - a.end();
    return gap <= 3 && text.substring(a.end(), b.start()).indexOf('\n') < 0;
  }
}
