package org.kronika.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** The words of a name; hyphens separate words too, as romanisations disagree on them. */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String w : name.split("[\\s\\-‐–.]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
