package org.kronika.entity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The registry of per-language entity knowledge, keyed by ISO 639-1 code: which morphological
 * dictionary names a word's kind and lemma, which capitalised words are titles or are never
 * names, and which head words type a name. Languages without one get {@link NameLexicon#NONE}
 * and rely on what is learned from data. Thread-safe; dictionaries load once, on first use.
 */
final class EntityLanguages {
  private static final Map<String, Supplier<NameLexicon>> LEXICONS = Map.of(
      "uk", () -> new MorfologikLexicon("/org/languagetool/resource/uk/ukrainian.dict", false, new UkrainianTags()),
      "ru", () -> new MorfologikLexicon("/org/languagetool/resource/ru/russian.dict", true, new RussianTags()),
      "pl", () -> new MorfologikLexicon("/morfologik/stemming/polish/polish.dict", false, new PolishTags()));
  /**
   * Capitalised words of titles and offices that open or interrupt a name in languages that
   * capitalise them (President Volodymyr Zelenskyy, NATO Secretary General Mark Rutte, Head of
   * State Volodymyr Zelenskyi; the price is that Islamic State loses its State).
   */
  private static final Map<String, Set<String>> TITLES = Map.of(
      "en", Set.of("president", "secretary", "general", "secretary-general", "minister", "prime",
          "premier", "chancellor", "foreign", "defence", "defense", "deputy", "vice", "mr", "mrs", "ms",
          "dr", "sir", "senator", "governor", "ambassador", "spokesman", "spokeswoman", "spokesperson",
          "commissioner", "chairman", "chairwoman", "director", "leader", "head", "pope", "king",
          "queen", "prince", "colonel", "commander", "mayor", "speaker", "chief", "state"));
  /**
   * Capitalised words that are never names, for a language with neither a dictionary nor
   * learned statistics to tell: days, months and the adverbs that open news sentences.
   */
  private static final Map<String, Set<String>> NEVER_NAMES = Map.of(
      "en", Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
          "january", "february", "march", "april", "june", "july", "august", "september", "october",
          "november", "december", "yesterday", "today", "tomorrow", "tonight", "earlier", "later",
          "meanwhile", "however", "instead", "also", "still", "now", "then", "here", "there", "since",
          "after", "before", "while", "although", "though", "because", "when", "where", "what", "who",
          "why", "how", "we", "i", "he", "she", "they", "you", "our", "my", "his", "her", "their",
          "details", "background", "source", "quote", "read", "photo", "video", "advertisement",
          "according", "last", "next", "first", "many", "most", "some", "all", "every", "each"));
  /**
   * Languages that form a woman's surname with a suffix, foreign names included (Czech -ová:
   * Mayová, Merkelová, Bibiová), by the forms of its cases: the stem is group 1, and the
   * nominative is the stem with {@link #WOMAN_NOMINATIVE}. Its genitive in -ové is also the
   * plural of a people (Britové, Rusové), who are persons too.
   */
  private static final Map<String, java.util.regex.Pattern> WOMEN_SURNAMES = Map.of(
      "cs", java.util.regex.Pattern.compile("(\\p{Lu}\\p{L}+)ov(?:á|é|ou)"));
  private static final Map<String, String> WOMAN_NOMINATIVE = Map.of("cs", "ová");
  /** Head words by language, stems with their type ({@code head-words.tsv}). */
  private static final Map<String, Map<String, EntityType>> HEAD_WORDS = headWords();
  /** Letters a word may have after a head-word stem: its case ending. */
  private static final int HEAD_WORD_ENDING = 3;
  private static final Map<String, NameLexicon> BUILT = new ConcurrentHashMap<>();

  private EntityLanguages() {}

  static NameLexicon lexicon(String lang) {
    Supplier<NameLexicon> supplier = LEXICONS.get(lang);
    return supplier == null ? NameLexicon.NONE : BUILT.computeIfAbsent(lang, l -> supplier.get());
  }

  /** The lower-case title words of a language that capitalises them; empty for the others. */
  static Set<String> titles(String lang) {
    return TITLES.getOrDefault(lang, Set.of());
  }

  /** Whether a capitalised word of {@code lang} (in lower case) is known never to be a name. */
  static boolean neverName(String lang, String lowerCaseWord) {
    return NEVER_NAMES.getOrDefault(lang, Set.of()).contains(lowerCaseWord);
  }

  /**
   * The nominative of a woman's surname of {@code lang} that {@code word} is a case form of
   * (Bibiové, Bibiovou: Bibiová), or {@code null} when the word has no such ending or the
   * language forms no such names.
   */
  static String womansSurname(String lang, String word) {
    java.util.regex.Pattern p = WOMEN_SURNAMES.get(lang);
    java.util.regex.Matcher m = p == null ? null : p.matcher(word);
    return m != null && m.matches() ? m.group(1) + WOMAN_NOMINATIVE.get(lang) : null;
  }

  /** The type a head word gives a run in {@code lang}, or {@code null}. */
  static EntityType typeOfHeadWord(String lang, String lowerCaseWord) {
    Map<String, EntityType> stems = HEAD_WORDS.get(lang);
    if (stems == null) {
      return null;
    }
    for (int end = lowerCaseWord.length(); end >= Math.max(1, lowerCaseWord.length() - HEAD_WORD_ENDING); end--) {
      EntityType type = stems.get(lowerCaseWord.substring(0, end));
      if (type != null) {
        return type;
      }
    }
    return null;
  }

  private static Map<String, Map<String, EntityType>> headWords() {
    Map<String, Map<String, EntityType>> out = new java.util.HashMap<>();
    for (String[] row : Linker.rows("head-words.tsv")) {
      for (String stem : row[2].split("\\|")) {
        out.computeIfAbsent(row[0], l -> new java.util.HashMap<>()).put(stem, EntityType.valueOf(row[1]));
      }
    }
    out.replaceAll((lang, stems) -> Map.copyOf(stems));
    return Map.copyOf(out);
  }

  /** Tags of LanguageTool's Ukrainian dictionary, e.g. {@code noun:anim:m:v_rod:prop:lname}. */
  private static final class UkrainianTags implements MorfologikLexicon.Tags {
    @Override
    public boolean tellsRoles() {
      return true;
    }

    @Override
    public NameLexicon.Kind kind(String tag, String lemma) {
      if (tag.contains(":fname")) {
        return NameLexicon.Kind.FIRST_NAME;
      } else if (tag.contains(":lname")) {
        return NameLexicon.Kind.SURNAME;
      } else if (tag.contains(":geo")) {
        return NameLexicon.Kind.PLACE;
      } else if (tag.contains(":abbr")) {
        return NameLexicon.Kind.ABBREVIATION;
      } else if (tag.contains(":prop") && tag.startsWith("noun:inanim")) {
        return NameLexicon.Kind.ORGANISATION; // Газпром, Укрінформ: the dictionary's other inanimate names
      } else if (tag.contains(":prop")) {
        return NameLexicon.Kind.PROPER;
      }
      return NameLexicon.Kind.COMMON;
    }

    @Override
    public NameLexicon.Role role(String tag) {
      if (tag.startsWith("adj")) {
        return NameLexicon.Role.ADJECTIVE;
      }
      return tag.contains(":v_rod") && (tag.startsWith("noun") || tag.startsWith("adj")) ? NameLexicon.Role.GENITIVE : null;
    }

    /** Gender ({@code m f n}, or {@code p} plural) and case: {@code adj:f:v_rod}, {@code noun:inanim:f:v_rod}. */
    @Override
    public String agreement(String tag) {
      String[] f = tag.split(":");
      if (f.length >= 3 && f[0].equals("adj") && f[2].startsWith("v_")) {
        return "A" + f[1] + ":" + f[2];
      }
      return f.length >= 4 && f[0].equals("noun") && f[3].startsWith("v_") ? "N" + f[2] + ":" + f[3] : null;
    }

    /**
     * An adjective in a name agrees with its noun, so a feminine, neuter or plural reading
     * gives that form's nominative (Демократичної партії: Демократична партія; Сполученого
     * Королівства: Сполучене Королівство), not the masculine the dictionary lists.
     */
    @Override
    public String lemma(String lemma, String tag) {
      if (!tag.startsWith("adj:") || lemma.length() < 4 || !(lemma.endsWith("ий") || lemma.endsWith("ій"))) {
        return lemma;
      }
      boolean soft = lemma.endsWith("ій");
      String stem = lemma.substring(0, lemma.length() - 2);
      return switch (tag.charAt(4)) {
        case 'f' -> stem + (soft ? "я" : "а");
        case 'n' -> stem + (soft ? "є" : "е");
        case 'p' -> stem + "і";
        default -> lemma;
      };
    }
  }

  /**
   * Tags of morfologik-polish (PoliMorf), e.g. {@code subst:sg:gen:m1+subst:sg:acc:m1}: the
   * dictionary writes proper nouns' lemmas capitalised and marks human nouns {@code m1}, so a
   * capitalised human noun names a person (or a people, which annotators type as persons too).
   * An adjective's lemma is its masculine form; in a name it agrees with its noun, so a feminine
   * or neuter reading gives that gender's nominative (Wielkiej Brytanii: Wielka Brytania).
   */
  private static final class PolishTags implements MorfologikLexicon.Tags {
    @Override
    public NameLexicon.Kind kind(String tag, String lemma) {
      if (lemma.isEmpty() || !Character.isUpperCase(lemma.charAt(0))) {
        return NameLexicon.Kind.COMMON;
      }
      return tag.contains(":m1") && tag.startsWith("subst") ? NameLexicon.Kind.SURNAME : NameLexicon.Kind.PROPER;
    }

    /** A tag such as {@code subst:pl:gen:m1} (a masculine personal noun in the plural); several readings are joined by +. */
    @Override
    public boolean personPlural(String tag, boolean nominative) {
      for (String reading : tag.split("\\+")) {
        if (reading.startsWith("subst:pl:") && reading.contains("m1") && (!nominative || reading.contains(":nom"))) {
          return true;
        }
      }
      return false;
    }

    /**
     * The nominative plurals of masculine personal nouns: Amerykanin, Amerykanie; Polak, Polacy;
     * Brytyjczyk, Brytyjczycy; Demokrata, Demokraci; Ukrainiec, Ukraińcy; Niemiec, Niemcy; Szwed, Szwedzi.
     */
    @Override
    public List<String> pluralCandidates(String lemma) {
      List<String> out = new java.util.ArrayList<>();
      for (Map.Entry<String, String> ending : PLURAL_ENDINGS) {
        if (lemma.endsWith(ending.getKey())) {
          out.add(lemma.substring(0, lemma.length() - ending.getKey().length()) + ending.getValue());
        }
      }
      out.add(lemma + "owie");
      out.add(lemma + "i");
      out.add(lemma + "y");
      return out;
    }

    /** Singular endings of masculine personal nouns and the nominative plural endings they take, tried in this order. */
    private static final List<Map.Entry<String, String>> PLURAL_ENDINGS = List.of(Map.entry("anin", "anie"),
        Map.entry("k", "cy"), Map.entry("ta", "ci"), Map.entry("niec", "ńcy"), Map.entry("iec", "cy"), Map.entry("d", "dzi"));

    @Override
    public String lemma(String lemma, String tag) {
      char last = lemma.isEmpty() ? ' ' : lemma.charAt(lemma.length() - 1);
      if (!tag.startsWith("adj:sg") || tag.contains(":m") || lemma.length() < 3 || (last != 'i' && last != 'y')) {
        return lemma;
      }
      String stem = lemma.substring(0, lemma.length() - 1);
      boolean hard = last == 'y' || stem.endsWith("k") || stem.endsWith("g");
      if (tag.contains(":f")) {
        return (hard ? stem : lemma) + "a"; // wielki: wielka, nowy: nowa, ostatni: ostatnia
      } else if (tag.contains(":n")) {
        return (last == 'y' ? stem : lemma) + "e"; // wielkie, nowe, ostatnie
      }
      return lemma;
    }
  }

  /** Tags of LanguageTool's Russian dictionary, e.g. {@code NN:Fam:Masc:Sin:R}. */
  private static final class RussianTags implements MorfologikLexicon.Tags {
    @Override
    public NameLexicon.Kind kind(String tag, String lemma) {
      if (tag.contains(":Name")) {
        return NameLexicon.Kind.FIRST_NAME;
      } else if (tag.contains(":Fam")) {
        return NameLexicon.Kind.SURNAME;
      } else if (tag.startsWith("ABR")) {
        return NameLexicon.Kind.ABBREVIATION;
      }
      return NameLexicon.Kind.COMMON;
    }

    @Override
    public NameLexicon.Role role(String tag) {
      if (tag.startsWith("ADJ") && !tag.endsWith(":R")) {
        return NameLexicon.Role.ADJECTIVE;
      }
      // the case is the tag's last field: Р (R) is the genitive
      return tag.endsWith(":R") && (tag.startsWith("NN") || tag.startsWith("ADJ")) ? NameLexicon.Role.GENITIVE : null;
    }

    @Override
    public boolean tellsRoles() {
      return true;
    }

    /** Gender ({@code Masc Fem Neut}, or {@code PL}) and case: {@code ADJ:Posit:Neut:R}, {@code NN:Inanim:Neut:Sin:R}. */
    @Override
    public String agreement(String tag) {
      String[] f = tag.split(":");
      if (f.length == 4 && f[0].equals("ADJ") && f[1].equals("Posit")) {
        return "A" + f[2] + ":" + f[3];
      }
      if (f.length >= 5 && f[0].equals("NN")) {
        String number = f[f.length - 2];
        if (number.equals("PL") || number.equals("Sin")) {
          return "N" + (number.equals("PL") ? "PL" : f[f.length - 3]) + ":" + f[f.length - 1];
        }
      }
      return null;
    }

    /**
     * An adjective in a name agrees with its noun, and a woman's surname is feminine, so such
     * readings give that form's nominative (Демократической партии: Демократическая партия;
     * Захаровой: Захарова), not the masculine the dictionary lists.
     */
    @Override
    public String lemma(String lemma, String tag) {
      if (tag.startsWith("ADJ:Posit:")) {
        return adjective(lemma, tag.split(":")[2]);
      } else if (tag.startsWith("NN:Fam:Fem") && !tag.endsWith(":Nom")) {
        // Захаровой is a woman's; Захарова may be a man's genitive (Путина), so it keeps the masculine
        boolean possessive = lemma.endsWith("ов") || lemma.endsWith("ев") || lemma.endsWith("ёв") || lemma.endsWith("ин")
            || lemma.endsWith("ын");
        return possessive ? lemma + "а" : adjective(lemma, "Fem");
      }
      return lemma;
    }

    /** The form of an adjective's masculine lemma for a gender ({@code Fem}, {@code Neut}) or the plural ({@code PL}). */
    private static String adjective(String lemma, String gender) {
      if (lemma.length() < 4 || !(lemma.endsWith("ый") || lemma.endsWith("ий") || lemma.endsWith("ой"))) {
        return lemma;
      }
      String stem = lemma.substring(0, lemma.length() - 2);
      char last = stem.charAt(stem.length() - 1);
      boolean velar = "кгх".indexOf(last) >= 0;
      boolean sibilant = "жшщч".indexOf(last) >= 0;
      boolean soft = lemma.endsWith("ий") && !velar && !sibilant; // синий: синяя, синее, синие
      return switch (gender) {
        case "Fem" -> stem + (soft ? "яя" : "ая");
        case "Neut" -> stem + (soft || (sibilant && !lemma.endsWith("ой")) ? "ее" : "ое");
        case "PL" -> stem + (soft || velar || sibilant ? "ие" : "ые");
        default -> lemma;
      };
    }
  }
}
