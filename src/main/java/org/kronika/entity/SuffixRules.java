package org.kronika.entity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lemmatisation rules for names learned from examples: "cut this ending, add that one",
 * chosen by the word's last letters and the entity type (Kaczyńskiego → Kaczyński,
 * Warszawie → Warszawa). Serves languages without a dictionary, and words a dictionary lacks.
 * Not thread-safe while learning; thread-safe once {@link #freeze() frozen}.
 */
final class SuffixRules implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final int LONGEST_ENDING = 5;
  private static final int MIN_SUPPORT = 3;

  private final Map<String, Map<String, Integer>> counts = new HashMap<>();
  private final Map<String, String[]> best = new HashMap<>();

  /** Learns from one word of a name and its lemma. */
  void learn(EntityType type, String surface, String lemma) {
    String s = surface.toLowerCase(Locale.ROOT);
    String l = lemma.toLowerCase(Locale.ROOT);
    int common = 0;
    while (common < s.length() && common < l.length() && s.charAt(common) == l.charAt(common)) {
      common++;
    }
    int cut = s.length() - common;
    if (common == 0) {
      return; // suppletive or a different word: nothing to learn
    }
    String rule = cut + "|" + l.substring(common);
    for (int k = Math.max(cut, 1); k <= Math.min(LONGEST_ENDING, s.length() - 1); k++) {
      counts.computeIfAbsent(type.name() + s.substring(s.length() - k), x -> new HashMap<>())
          .merge(rule, 1, Integer::sum);
    }
  }

  /** Keeps the most frequent rule of each ending, and forgets the rest. */
  void freeze() {
    counts.forEach((ending, rules) -> {
      int total = rules.values().stream().mapToInt(Integer::intValue).sum();
      if (total >= MIN_SUPPORT) {
        rules.entrySet().stream().max(Map.Entry.comparingByValue())
            .ifPresent(e -> best.put(ending, e.getKey().split("\\|", -1)));
      }
    });
    counts.clear();
  }

  /** The word's lemma by the rule of its longest known ending, or {@code null} when none. */
  String apply(EntityType type, String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (int k = Math.min(LONGEST_ENDING, lower.length() - 1); k >= 1; k--) {
      String[] rule = best.get(type.name() + lower.substring(lower.length() - k));
      if (rule != null) {
        int cut = Integer.parseInt(rule[0]);
        return word.substring(0, word.length() - cut) + rule[1];
      }
    }
    return null;
  }
}
