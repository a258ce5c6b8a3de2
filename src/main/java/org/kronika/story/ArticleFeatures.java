package org.kronika.story;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kronika.analysis.Analysis;
import org.kronika.analysis.AnalyzedText;
import org.kronika.analysis.Languages;
import org.kronika.analysis.Translations;
import org.kronika.analysis.NameKeys;
import org.kronika.analysis.Token;
import org.kronika.model.Article;

/**
 * What an article says that can be matched against other articles: a term-frequency map per
 * {@link Feature} kind (title words count twice; entity ids count among the names), and a
 * display form for each name key, the body's {@link Fingerprint} for near duplicates, and the
 * terms of the title alone, by which it competes to be its story's title ({@link Headline}).
 * Immutable once built; costs one pass over the tokens (the title's two).
 *
 * @param headline the title's names, keys and numbers as prefixed terms ({@link Feature#term})
 * @param terms every feature as a prefixed index term, for document frequencies and retrieval;
 *     made once, on the preparing thread, because the single thread placing articles reads them
 *     several times
 */
public record ArticleFeatures(String lang, Map<Feature, Map<String, Integer>> counts,
                              Map<String, String> displayNames, long fingerprint, List<String> headline,
                              List<String> terms) {
  /** Features whose index terms are derived from their counts. */
  public ArticleFeatures(String lang, Map<Feature, Map<String, Integer>> counts,
                         Map<String, String> displayNames, long fingerprint, List<String> headline) {
    this(lang, counts, displayNames, fingerprint, headline, termsOf(counts));
  }

  /** Content words shorter than this make no cross-script key: too many collide. */
  private static final int MIN_KEY_WORD = 5;

  /** Marks an entity id among the name keys, where it counts as one more cross-language name. */
  private static final String ENTITY_MARK = "=";

  /** Extracts the features of an analysed article. */
  public static ArticleFeatures of(Analysis analysis) {
    return of(analysis, List.of());
  }

  /** Extracts the features of an analysed article whose entities are known. */
  public static ArticleFeatures of(Analysis analysis, List<Article.EntityMention> entities) {
    Builder b = new Builder(analysis.lang());
    b.add(analysis.title(), 2);
    b.add(analysis.body(), 1);
    for (Article.EntityMention e : entities) {
      b.count(Feature.NAME, ENTITY_MARK + e.id(), e.mentions().size());
      b.display.putIfAbsent(ENTITY_MARK + e.id(), e.name());
    }
    Map<Feature, Map<String, Integer>> counts = new EnumMap<>(Feature.class);
    b.counts.forEach((k, v) -> counts.put(k, Map.copyOf(v)));
    Builder title = new Builder(analysis.lang());
    title.add(analysis.title(), 1);
    List<String> headline = new ArrayList<>();
    title.counts.forEach((kind, values) -> {
      if (kind != Feature.WORD && kind != Feature.TRANSLATED) { // lemmas stay within a language; a title competes across them
        // the name that opens a title looks like any first word there; the whole article knows better
        values.keySet().forEach(v -> headline.add(
            (kind == Feature.KEY && counts.get(Feature.NAME).containsKey(v) ? Feature.NAME : kind).term(v)));
      }
    });
    return new ArticleFeatures(analysis.lang(), counts, Map.copyOf(b.display), Fingerprint.of(analysis.body()),
        List.copyOf(headline));
  }

  /** Whether a name feature stands for a recognised entity. */
  public static boolean isEntity(String name) {
    return name.startsWith(ENTITY_MARK);
  }

  /** The entity id of a name feature (the name key itself when it is no entity). */
  public static String entityId(String name) {
    return isEntity(name) ? name.substring(ENTITY_MARK.length()) : name;
  }

  /** Counts of one kind (empty when none). */
  public Map<String, Integer> get(Feature kind) {
    return counts.getOrDefault(kind, Map.of());
  }

  private static List<String> termsOf(Map<Feature, Map<String, Integer>> counts) {
    List<String> out = new ArrayList<>();
    counts.forEach((kind, values) -> values.keySet().forEach(v -> out.add(kind.term(v))));
    return List.copyOf(out);
  }

  private static final class Builder {
    final String lang;
    final Map<Feature, Map<String, Integer>> counts = new EnumMap<>(Feature.class);
    final Map<String, String> display = new HashMap<>();
    /** A German noun is capitalised and no name. */
    final java.util.function.Predicate<String> commonNoun;
    /** English words are their own translation; other languages' are looked up, when a dictionary is installed. */
    final boolean english;
    final Translations translations;

    Builder(String lang) {
      this.lang = lang;
      this.commonNoun = Languages.of(lang).commonNoun();
      this.english = "en".equals(lang);
      this.translations = Translations.toEnglish(lang).orElse(null);
      for (Feature f : Feature.values()) {
        counts.put(f, new HashMap<>());
      }
    }

    void count(Feature kind, String value, int weight) {
      counts.get(kind).merge(value, weight, Integer::sum);
    }

    void add(AnalyzedText text, int weight) {
      Set<String> capitalisedInside = new HashSet<>();
      for (Token t : text.tokens()) {
        if (t.capitalised() && !t.sentenceInitial()) {
          capitalisedInside.add(t.lemma());
        }
      }
      List<Token> tokens = text.tokens();
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (t.isNumber()) {
          if (i > 0 && partOfName(tokens.get(i - 1), t, text.text())) {
            continue;
          }
          String number = t.surface();
          // 2 000 000 and 12 500: thousands written apart, as Slavic and French news do (not "in 2024 250")
          boolean leadingGroup = number.length() <= 3 && number.chars().allMatch(Character::isDigit);
          while (leadingGroup && i + 1 < tokens.size() && isThousands(tokens.get(i + 1).surface())
              && tokens.get(i + 1).start() == tokens.get(i).end() + 1
              && Character.isSpaceChar(text.text().charAt(tokens.get(i).end()))) {
            number = number + tokens.get(++i).surface();
          }
          number = canonicalNumber(number);
          if (number.length() >= 2) {
            count(Feature.NUMBER, number, weight);
          }
          continue;
        }
        if (t.stopword() || t.lemma().length() < 2) {
          continue;
        }
        boolean name = t.capitalised() && !commonNoun.test(t.surface())
            && (!t.sentenceInitial() || capitalisedInside.contains(t.lemma()) || isAllCaps(t.surface()));
        if (name || t.lemma().length() >= MIN_KEY_WORD) {
          String key = NameKeys.of(t.lemma(), lang);
          if (name && key.length() >= 2) {
            count(Feature.NAME, key, weight);
            display.putIfAbsent(key, displayForm(t));
          } else if (key.length() >= 3) {
            count(Feature.KEY, key, weight);
          }
        }
        if (t.lemma().length() >= 3) {
          count(Feature.WORD, t.lemma(), weight);
        }
        if (english) {
          count(Feature.TRANSLATED, t.lemma(), weight);
        } else if (translations != null) {
          for (String stem : translations.of(t.lemma())) {
            count(Feature.TRANSLATED, stem, weight);
          }
        }
      }
    }

    private String displayForm(Token t) {
      String latin = isLatin(t.surface()) ? t.surface() : NameKeys.latin(t.lemma(), lang);
      if (isAllCaps(t.surface())) {
        return latin.toUpperCase(Locale.ROOT);
      }
      return latin.isEmpty() ? t.surface() : Character.toUpperCase(latin.charAt(0)) + latin.substring(1);
    }
  }

  /**
   * Whether a number is joined by a hyphen to the word before it (covid-19, F-16, Су-27): part of
   * a name, no quantity, and as common as the name. Counted as a number, the 19 of covid-19 put
   * Slovenian pandemic reports in the storyline of a US election that reported covid-19 too.
   */
  static boolean partOfName(Token before, Token number, String text) {
    return before.end() == number.start() - 1 && text.charAt(before.end()) == '-'
        && Character.isLetter(before.surface().charAt(0));
  }

  private static boolean isThousands(String s) {
    return s.length() == 3 && Character.isDigit(s.charAt(0)) && Character.isDigit(s.charAt(1))
        && Character.isDigit(s.charAt(2));
  }

  /**
   * A number as written in any language, one way: groups of three digits after a separator are
   * thousands (2,000, 2.000 and 2 000 are 2000), and the one other separator is the decimal
   * point (1,5 and 1.5 are 1.5). Other tokens that start with a digit (1990s, 5G) stay as they are.
   */
  static String canonicalNumber(String number) {
    if (!number.chars().allMatch(c -> Character.isDigit(c) || c == ',' || c == '.')) {
      return number;
    }
    String[] groups = number.split("[,.]", -1);
    StringBuilder out = new StringBuilder(groups[0]);
    for (int g = 1; g < groups.length; g++) {
      boolean thousands = groups[g].length() == 3 && (g < groups.length - 1 || groups.length > 2
          || groups[0].length() <= 3 && !groups[0].equals("0"));
      if (!thousands) {
        out.append('.');
      }
      out.append(groups[g]);
    }
    return out.toString();
  }

  static boolean isAllCaps(String s) {
    return s.length() >= 2 && s.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c));
  }

  static boolean isLatin(String s) {
    return s.chars().allMatch(c -> c < 0x250);
  }
}
