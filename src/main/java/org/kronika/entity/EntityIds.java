package org.kronika.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kronika.analysis.NameKeys;

/**
 * Identities and display names of entities. An id is the cross-script key of the entity's
 * full name, word by word ({@link NameKeys}), so it needs no store: Володимир Зеленський,
 * Владимир Зеленский and Volodymyr Zelenskyy all get {@code vldmr-zlnsk}. Thread-safe.
 */
final class EntityIds {
  private EntityIds() {}

  /** The id of a name written in language {@code lang} (any script). */
  static String key(String name, String lang) {
    StringBuilder out = new StringBuilder();
    for (String word : words(name)) {
      String latin = NameKeys.latin(word, lang);
      String key = NameKeys.key(latin);
      if (key.isEmpty()) {
        key = latin; // EU, Ua: no consonant skeleton to speak of
      }
      if (!key.isEmpty()) {
        out.append(out.length() == 0 ? "" : "-").append(key);
      }
    }
    return out.toString();
  }

  /**
   * Whether a name key says enough to learn an entity under it: at least three consonants,
   * so that what is learned of RT is not offered for Рютте ({@code rt}), nor Jezus for ЗСУ.
   */
  static boolean distinctive(String key) {
    return key.replace("-", "").length() >= 3;
  }

  /**
   * The known entity a name stands for: one whose key it shares, and whose last word is
   * spelled nearly alike in Latin script, since keys alone are loose (However and Hoover
   * share {@code hvr}).
   */
  static Optional<KnownEntities.Known> lookUp(KnownEntities known, String name, String lang) {
    return lookUp(known, name, lang, false);
  }

  /**
   * As {@link #lookUp(KnownEntities, String, String)}; with {@code personByKey}, a known person
   * is taken on the key alone, as transliterations of a surname disagree in their vowels
   * (Байдън, Bayden, Biden): for a mention already taken for a person's name, or for no type.
   */
  static Optional<KnownEntities.Known> lookUp(KnownEntities known, String name, String lang, boolean personByKey) {
    String key = key(name, lang);
    List<String> words = words(name);
    String last = words.isEmpty() ? "" : NameKeys.latin(words.get(words.size() - 1), lang);
    return known.find(key).filter(k -> {
      if (personByKey && k.type() == EntityType.PER) {
        return true;
      }
      List<String> knownWords = words(k.name());
      return similar(last, NameKeys.latin(knownWords.get(knownWords.size() - 1), "en"));
    });
  }

  /** Whether two words differ in at most a quarter of their letters (edit distance). */
  static boolean similar(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()] <= Math.max(a.length(), b.length()) / 4;
  }

  /** The name in Latin script, each word capitalised: Марк Рютте → Mark Ryutte. */
  static String latinName(String name, String lang) {
    List<String> out = new ArrayList<>();
    for (String word : words(name)) {
      String latin = NameKeys.latin(word, lang);
      if (latin.isEmpty()) {
        continue;
      }
      boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))
          && word.length() <= 5;
      out.add(acronym ? latin.toUpperCase(Locale.ROOT)
          : Character.toUpperCase(latin.charAt(0)) + latin.substring(1));
    }
    return String.join(" ", out);
  }

  /** The words of a name; hyphens and slashes separate words too, as romanisations disagree on them. */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String w : name.split("[\\s\\-‐–./]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
