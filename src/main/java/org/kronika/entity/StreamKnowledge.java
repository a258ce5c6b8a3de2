package org.kronika.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kronika.analysis.AnalyzedText;
import org.kronika.analysis.Token;

/**
 * What the entity stage learns from the unlabelled articles it reads, so that the more news
 * Kronika reads, the better it knows the names in it:
 * <ul>
 *   <li>per language, how each word is written: a word mostly written in lower case is a
 *       common word when a sentence opens with it; a word mostly capitalised inside sentences
 *       is a name even there;</li>
 *   <li>per cross-script name key ({@link EntityIds#key}), the types that sure evidence gave
 *       the name (a dictionary's kind, a gazetteer, a head word), in any language, and the
 *       display name it had: Байден typed a person by the Ukrainian dictionary makes Biden in
 *       a Czech article a person too;</li>
 *   <li>per language without a dictionary, the capitalised forms of each name (Bruselu,
 *       Brusel, Bruselem), from which lemma rules are learned: the plainest frequent form is
 *       taken for the lemma of the others, and the rules generalise to names not seen.</li>
 * </ul>
 * Articles are {@link #observe observed} in input order and the knowledge is {@link #build
 * built} at chosen moments, so that the same articles in the same order give the same
 * knowledge whatever the threads did. Counts are bounded: rare entries are dropped when a
 * table outgrows its limit. Not thread-safe: observe and build from one thread.
 */
final class StreamKnowledge implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** Entries a table may hold before its rarest are dropped. */
  private static final int MAX_WORDS = 400_000;
  private static final int MAX_NAMES = 200_000;
  /** Sure observations of a name before its type is believed, and the share the type must have. */
  private static final int MIN_TYPE_VOTES = 2;
  private static final double MIN_TYPE_SHARE = 0.7;
  /** Occurrences of a word before its writing says anything. */
  private static final int MIN_WORD_COUNT = 2;

  /** How words of one language are written: lower-case and capitalised-inside counts. */
  private final Map<String, Map<String, int[]>> words = new HashMap<>();
  /** Capitalised forms per language and stem: form → count. */
  private final Map<String, Map<String, Map<String, Integer>>> forms = new HashMap<>();
  /** Per name key: votes per type (PER, ORG, LOC, MISC) and display names. */
  private final Map<String, NameCounts> names = new HashMap<>();
  /** Keys of the first words of persons' names surely typed, with their counts. */
  private final Map<String, Integer> firstNames = new HashMap<>();
  private long articles;

  private static final class NameCounts implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final int[] votes = new int[EntityType.values().length];
    final Map<String, Integer> displayNames = new HashMap<>(2);
    int total;
  }

  /**
   * What one article tells: its language, its words by how they are written, and its sure
   * names. Made on any thread by {@link #observation}; immutable.
   */
  record Observation(String lang, List<String> lowerCase, List<String> capitalisedInside,
                     List<SureName> names) implements java.io.Serializable {}

  /** A name typed by sure evidence: its cross-script key, type and display name. */
  record SureName(String key, EntityType type, String name) implements java.io.Serializable {}

  /** What a {@link #build} yields for recognition: per language, and across languages. */
  record Built(Map<String, ForLanguage> languages, KnownEntities known, Set<String> firstNames, long articles) {
    static final Built EMPTY = new Built(Map.of(), KnownEntities.NONE, Set.of(), 0);

    ForLanguage of(String lang) {
      return languages.getOrDefault(lang, ForLanguage.EMPTY);
    }
  }

  /**
   * What the stream says of one language: the words it writes in lower case, the words it
   * capitalises even inside sentences, lemma rules learned from the forms of its names (and the
   * lemmas they may give), and the capitalised forms it met at least twice.
   */
  record ForLanguage(Set<String> commonWords, Set<String> nameWords, SuffixRules lemmaRules,
                     Map<String, String> lemmaByStem, Set<String> lemmas, Set<String> seen) {
    static final ForLanguage EMPTY = new ForLanguage(Set.of(), Set.of(), null, Map.of(), Set.of(), Set.of());

    /**
     * The lemma of a capitalised word by the learned rules, when the rule gives a form the stream
     * took for a lemma itself (else endings learned from other names invent words: Невада, Невадио).
     */
    String lemma(String word) {
      String known = lemmaByStem.get(stem(word));
      if (known != null || lemmaRules == null) {
        return known; // a form of a name the stream met: the lemma of its forms (Bidna: Biden)
      }
      String lemma = lemmaRules.apply(EntityType.MISC, word);
      return lemma != null && lemmas.contains(lemma) ? lemma : null;
    }
  }

  /** Articles observed so far. */
  long articles() {
    return articles;
  }

  /**
   * The observation of an article's texts, given the names found in each ({@code found}, with
   * their sureness) and the mentions they became ({@code mentions}, paired by offsets).
   */
  static Observation observation(String lang, List<AnalyzedText> texts, List<List<Recognizer.Found>> found,
                                 List<List<Mention>> mentions) {
    List<String> lower = new ArrayList<>();
    List<String> inside = new ArrayList<>();
    List<SureName> sure = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      for (Token t : texts.get(i).tokens()) {
        String s = t.surface();
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
          continue;
        }
        if (Character.isLowerCase(s.charAt(0))) {
          lower.add(s);
        } else if (!t.sentenceInitial() && !Candidates.isAcronym(t)) {
          inside.add(s);
        }
      }
      Map<Integer, Mention> byStart = new HashMap<>();
      for (Mention m : mentions.get(i)) {
        byStart.put(m.start(), m);
      }
      for (Recognizer.Found f : found.get(i)) {
        Mention m = byStart.get(f.start());
        if (f.sure() && m != null && f.type() != EntityType.MISC) {
          sure.add(new SureName(EntityIds.key(f.lemma(), lang), f.type(), m.name()));
        }
      }
    }
    return new Observation(lang, lower, inside, sure);
  }

  /** Counts what one article tells. */
  void observe(Observation o) {
    articles++;
    Map<String, int[]> w = words.computeIfAbsent(o.lang(), l -> new HashMap<>());
    for (String s : o.lowerCase()) {
      w.computeIfAbsent(s, x -> new int[2])[0]++;
    }
    Map<String, Map<String, Integer>> byStem = forms.computeIfAbsent(o.lang(), l -> new HashMap<>());
    for (String s : o.capitalisedInside()) {
      w.computeIfAbsent(s.toLowerCase(Locale.ROOT), x -> new int[2])[1]++;
      byStem.computeIfAbsent(stem(s), x -> new HashMap<>(4)).merge(s, 1, Integer::sum);
    }
    for (SureName n : o.names()) {
      if (!EntityIds.distinctive(n.key())) {
        continue;
      }
      NameCounts c = names.computeIfAbsent(n.key(), k -> new NameCounts());
      c.votes[n.type().ordinal()]++;
      c.total++;
      c.displayNames.merge(n.name(), 1, Integer::sum);
      int dash = n.key().indexOf('-');
      if (n.type() == EntityType.PER && dash > 0) {
        firstNames.merge(n.key().substring(0, dash), 1, Integer::sum);
      }
    }
    if (w.size() > MAX_WORDS) {
      dropRare(w, MAX_WORDS / 2);
    }
    if (byStem.size() > MAX_WORDS / 2) {
      byStem.values().removeIf(f -> f.values().stream().mapToInt(Integer::intValue).sum() < 2);
    }
    if (names.size() > MAX_NAMES) {
      names.values().removeIf(c -> c.total < 2);
    }
    if (firstNames.size() > MAX_NAMES) {
      firstNames.values().removeIf(n -> n < 2);
    }
  }

  private static void dropRare(Map<String, int[]> counts, int keep) {
    int floor = 1;
    while (counts.size() > keep) {
      int f = floor;
      counts.values().removeIf(c -> c[0] + c[1] <= f);
      floor++;
    }
  }

  /** The knowledge the counts so far give. */
  Built build() {
    Map<String, ForLanguage> languages = new HashMap<>();
    words.forEach((lang, counts) -> {
      Set<String> common = new HashSet<>();
      Set<String> nameWords = new HashSet<>();
      counts.forEach((word, c) -> {
        if (c[0] >= MIN_WORD_COUNT && c[0] >= c[1]) {
          common.add(word);
        } else if (c[1] >= MIN_WORD_COUNT && c[1] > 3 * c[0]) {
          nameWords.add(word);
        }
      });
      Map<String, String> lemmaByStem = new HashMap<>();
      SuffixRules rules = lemmaRules(forms.getOrDefault(lang, Map.of()), lemmaByStem);
      Set<String> seen = new HashSet<>();
      forms.getOrDefault(lang, Map.of()).values().forEach(group -> group.forEach((form, n) -> {
        if (n >= MIN_WORD_COUNT) {
          seen.add(form);
        }
      }));
      languages.put(lang, new ForLanguage(Set.copyOf(common), Set.copyOf(nameWords), rules, Map.copyOf(lemmaByStem),
          Set.copyOf(lemmaByStem.values()), Set.copyOf(seen)));
    });
    Map<String, KnownEntities.Known> known = new HashMap<>();
    names.forEach((key, c) -> {
      int best = 0;
      for (int t = 1; t < c.votes.length; t++) {
        if (c.votes[t] > c.votes[best]) {
          best = t;
        }
      }
      if (c.votes[best] >= MIN_TYPE_VOTES && c.votes[best] >= MIN_TYPE_SHARE * c.total) {
        String name = c.displayNames.entrySet().stream()
            .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
            .orElseThrow().getKey();
        known.put(key, new KnownEntities.Known(name, EntityType.values()[best]));
      }
    });
    Map<String, KnownEntities.Known> frozen = Map.copyOf(known);
    Set<String> first = new HashSet<>();
    firstNames.forEach((key, n) -> {
      if (n >= MIN_TYPE_VOTES) {
        first.add(key);
      }
    });
    return new Built(Map.copyOf(languages), key -> Optional.ofNullable(frozen.get(key)), Set.copyOf(first), articles);
  }

  /**
   * Lemma rules from the capitalised forms of each stem: the lemma of a group is its plainest
   * frequent form (the shortest of those met at least half as often as the most frequent one,
   * ending in a consonant where lengths tie, else in -a, which is the nominative for the Slavic
   * declensions: Trump, Trumpa, Trumpem; Biden, Bidna; Evropa, Evropy; Rusija, Rusije, Rusiji),
   * and each other form teaches the rule that turns it into that lemma.
   */
  private static SuffixRules lemmaRules(Map<String, Map<String, Integer>> byStem, Map<String, String> lemmaByStem) {
    SuffixRules rules = new SuffixRules();
    byStem.forEach((stem, group) -> {
      if (group.size() < 2) {
        return;
      }
      int most = group.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      if (most < 2) {
        return;
      }
      String lemma = group.entrySet().stream().filter(e -> e.getValue() * 2 >= most)
          .min(java.util.Comparator.<Map.Entry<String, Integer>>comparingInt(e -> e.getKey().length())
              .thenComparing(e -> !endsInConsonant(e.getKey())) // Biden before Bidna
              .thenComparing(e -> !endsInA(e.getKey())) // Rusija before Rusije, Theresa before Theresy
              .thenComparing(Map.Entry::getValue, java.util.Comparator.reverseOrder())
              .thenComparing(Map.Entry::getKey))
          .orElseThrow().getKey();
      lemmaByStem.put(stem, lemma);
      for (String form : group.keySet()) {
        rules.learn(EntityType.MISC, form, lemma);
      }
    });
    rules.freeze();
    return rules;
  }

  /**
   * The stem under which a capitalised form is grouped with its other forms: the word in lower
   * case without the vowels and the few consonants that end Slavic case forms, and without a
   * fleeting e before its last consonant.
   */
  static String stem(String word) {
    String s = word.toLowerCase(Locale.ROOT);
    int end = s.length();
    for (String ending : ENDINGS) {
      if (s.endsWith(ending) && end - ending.length() >= 3) {
        end -= ending.length();
        break;
      }
    }
    while (end > 3 && isVowel(s.charAt(end - 1))) {
      end--;
    }
    String stem = s.substring(0, end);
    int e = stem.length() - 2;
    if (e >= 2 && (stem.charAt(e) == 'e' || stem.charAt(e) == 'е') && !isVowel(stem.charAt(e - 1))
        && !isVowel(stem.charAt(e + 1))) {
      stem = stem.substring(0, e) + stem.substring(e + 1); // a fleeting vowel: Biden, Bidna
    }
    return stem;
  }

  private static boolean isVowel(char c) {
    return "aeiouyáéíóúýěůąęіїєиоуеаяюыэъьйёäöü".indexOf(c) >= 0;
  }

  private static boolean endsInConsonant(String word) {
    return !word.isEmpty() && Character.isLetter(word.charAt(word.length() - 1))
        && !isVowel(Character.toLowerCase(word.charAt(word.length() - 1)));
  }

  /** Whether a word ends as a feminine nominative of the Slavic declensions does: in -a (Latin or Cyrillic) or -я. */
  private static boolean endsInA(String word) {
    return word.endsWith("a") || word.endsWith("а") || word.endsWith("я");
  }

  /** Case endings of the Slavic declensions that carry consonants, longest first. */
  private static final String[] ENDINGS = java.util.stream.Stream.of("ovou", "ového", "ovým", "ovi", "ega",
          "emu", "iem", "om", "em", "ih", "im", "ov", "ých", "ym", "ого", "ему", "ому", "ом", "ем", "ім", "ой", "ей",
          "ою", "ею", "ів", "ов", "ям", "ам", "ах", "ях", "ым", "им")
      .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);
}
