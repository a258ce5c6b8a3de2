package org.kronika.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kronika.analysis.Analysis;
import org.kronika.analysis.AnalyzedText;
import org.kronika.analysis.NameKeys;
import org.kronika.analysis.Token;

/**
 * What an article says that can be matched against other articles, in three kinds, each a
 * term-frequency map: {@code names}, cross-script name keys ({@link NameKeys}) that meet
 * across languages; {@code words}, lemmas of content words, which meet within a language;
 * {@code numbers}, figures written in digits, which meet everywhere. Title words count
 * twice. Also keeps a display form for each name key. Immutable once built.
 */
public record ArticleFeatures(String lang, Map<String, Integer> names, Map<String, Integer> words,
                              Map<String, Integer> numbers, Map<String, String> displayNames) {
  /** Prefixes of the index terms of each kind. */
  public static final String NAME = "n:";
  public static final String WORD = "w:";
  public static final String NUMBER = "#:";

  /** Extracts the features of an analysed article. */
  public static ArticleFeatures of(Analysis analysis) {
    Builder b = new Builder(analysis.lang());
    b.add(analysis.title(), 2);
    b.add(analysis.body(), 1);
    return new ArticleFeatures(analysis.lang(), Map.copyOf(b.names), Map.copyOf(b.words),
        Map.copyOf(b.numbers), Map.copyOf(b.display));
  }

  /** Every feature as a prefixed index term, for document frequencies. */
  public List<String> terms() {
    List<String> out = new java.util.ArrayList<>(names.size() + words.size() + numbers.size());
    names.keySet().forEach(k -> out.add(NAME + k));
    words.keySet().forEach(k -> out.add(WORD + k));
    numbers.keySet().forEach(k -> out.add(NUMBER + k));
    return out;
  }

  private static final class Builder {
    final String lang;
    final Map<String, Integer> names = new HashMap<>();
    final Map<String, Integer> words = new HashMap<>();
    final Map<String, Integer> numbers = new HashMap<>();
    final Map<String, String> display = new HashMap<>();

    Builder(String lang) {
      this.lang = lang;
    }

    void add(AnalyzedText text, int weight) {
      java.util.Set<String> capitalisedInside = new java.util.HashSet<>();
      for (Token t : text.tokens()) {
        if (t.capitalised() && !t.sentenceInitial()) {
          capitalisedInside.add(t.lemma());
        }
      }
      for (Token t : text.tokens()) {
        if (t.isNumber()) {
          if (t.surface().length() >= 2) {
            numbers.merge(t.surface(), weight, Integer::sum);
          }
          continue;
        }
        if (t.stopword() || t.lemma().length() < 2) {
          continue;
        }
        if (t.capitalised() && (!t.sentenceInitial() || capitalisedInside.contains(t.lemma())
            || isAllCaps(t.surface()))) {
          String key = NameKeys.of(t.lemma(), lang);
          if (key.length() >= 2) {
            names.merge(key, weight, Integer::sum);
            display.putIfAbsent(key, displayForm(t));
          }
        }
        if (t.lemma().length() >= 3) {
          words.merge(t.lemma(), weight, Integer::sum);
        }
      }
    }

    private String displayForm(Token t) {
      String latin = isLatin(t.surface()) ? t.surface() : NameKeys.latin(t.lemma(), lang);
      if (isAllCaps(t.surface())) {
        return latin.toUpperCase(java.util.Locale.ROOT);
      }
      return latin.isEmpty() ? t.surface() : Character.toUpperCase(latin.charAt(0)) + latin.substring(1);
    }
  }

  static boolean isAllCaps(String s) {
    return s.length() >= 2 && s.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c));
  }

  static boolean isLatin(String s) {
    return s.chars().allMatch(c -> c < 0x250);
  }
}
