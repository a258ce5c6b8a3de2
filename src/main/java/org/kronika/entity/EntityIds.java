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

  /**
   * The person a store remembered under the key of this name's surname, who takes precedence
   * over a person of the same full key: the first one met of those whose surnames share a key
   * and whose first names agree across scripts (Joe Biden, Joea Bidena, Джо Байден), so that a
   * spelling of the first name no key unites still joins the person, and Melania Trump does not
   * join Donald. A surname with a possessive or feminine suffix (Merkelová, Bidnova, Tuskowi)
   * is tried first without it; a single such word joins a person known by a full name, or by a
   * surname spelled nearly alike.
   */
  static Optional<KnownEntities.Known> personBySurname(KnownEntities known, String name, String lang) {
    List<String> words = words(name);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String surname = words.get(words.size() - 1);
    java.util.Set<String> firstName = words.size() < 2 ? java.util.Set.of()
        : firstNameKeys(NameKeys.latin(words.get(0), lang));
    List<String> surnames = new ArrayList<>(2);
    java.util.regex.Matcher possessive = POSSESSIVE_SURNAME.matcher(surname);
    if (possessive.matches() && possessive.group(1).length() >= 3) {
      if (words.size() >= 2) { // Angela Merkelová: Angela Merkel
        String plain = String.join(" ", words.subList(0, words.size() - 1)) + " " + possessive.group(1);
        Optional<KnownEntities.Known> person = known.find(key(plain, lang)).filter(k -> k.type() == EntityType.PER);
        if (person.isPresent()) {
          return person;
        }
      }
      surnames.add(possessive.group(1));
    }
    if (words.size() >= 2) {
      surnames.add(surname);
    }
    for (String s : surnames) {
      String key = key(s, lang);
      if (!distinctive(key)) {
        continue;
      }
      String latin = NameKeys.latin(s, lang);
      Optional<KnownEntities.Known> person = known.find(key).filter(k -> k.type() == EntityType.PER).filter(k -> {
        List<String> knownWords = words(k.name());
        if (knownWords.size() < 2) {
          // a surname remembered alone: only for a lone possessive spelled nearly alike (Merklova: Merkel)
          return firstName.isEmpty() && similar(latin, NameKeys.latin(knownWords.get(0), "en"));
        }
        return firstName.isEmpty() || !java.util.Collections.disjoint(firstName,
            firstNameKeys(NameKeys.latin(knownWords.get(0), "en")));
      });
      if (person.isPresent()) {
        return person;
      }
    }
    return Optional.empty();
  }

  /**
   * A surname with a possessive or feminine suffix after its stem: -ov-, -ev-, -ův, -ow-, -in-
   * and a case ending (Trumpova, Bidnov, Merkelová, Merkelové, Путинский is not one).
   */
  static final java.util.regex.Pattern POSSESSIVE_SURNAME = java.util.regex.Pattern.compile(
      "(\\p{Lu}\\p{L}+?)(?:ov|ev|ův|ow|ов|ев|ін|ин)(?:a|e|i|o|u|y|á|é|ega|emu|em|ih|im|ima|ými?|ého|ému|ou|ých|ого|ому|ой|им|ых|а|е|і|и|у|ы)?");

  /**
   * The keys a first name in Latin letters may have across scripts: its key (the word itself
   * when it has no consonant: Joe), and the key it has when its opening j is said dzh, as in
   * English names that Cyrillic writes Дж (Joe, Джо; Jeremy, Джереми).
   */
  private static java.util.Set<String> firstNameKeys(String latin) {
    java.util.Set<String> keys = new java.util.HashSet<>(2);
    keys.add(keyOrWord(latin));
    if (latin.startsWith("j")) {
      keys.add(keyOrWord("dzh" + latin.substring(1)));
    }
    keys.remove("");
    return keys;
  }

  private static String keyOrWord(String latin) {
    String key = NameKeys.key(latin);
    return key.isEmpty() ? latin : key;
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
