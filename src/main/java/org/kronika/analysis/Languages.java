package org.kronika.analysis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/**
 * The registry of per-language analysis, keyed by ISO 639-1 code: dictionary lemmas for
 * Ukrainian (Morfologik), Russian (LanguageTool's dictionary, light stems for words it
 * lacks), Polish (morfologik-polish) and German (LanguageTool's, which also tells German's
 * capitalised common nouns from its names), Lucene's stemmers where Lucene has one, and a
 * plain Unicode tokenizer for every other language. Adding a language is one line here.
 * Thread-safe; analyzers are built once, on first use.
 */
public final class Languages {
  private static final String CYRILLIC = "Any-Latin";
  /** LanguageTool's Russian morphological dictionary (from the AOT project). */
  private static final String RUSSIAN_DICTIONARY = "/org/languagetool/resource/ru/russian.dict";
  /** morfologik-polish (PoliMorf), which Lucene's Morfologik analysis brings along. */
  private static final String POLISH_DICTIONARY = "/morfologik/stemming/polish/polish.dict";
  /** LanguageTool's German dictionary (from Morphy), which tags proper nouns {@code EIG}. */
  private static final String GERMAN_DICTIONARY = "/org/languagetool/resource/de/german.dict";
  /** Polish function words (Lucene's list lives in a module Kronika does not use). */
  private static final CharArraySet POLISH_STOPWORDS = new CharArraySet(java.util.List.of("a", "aby", "ale", "bo",
      "by", "być", "był", "była", "było", "były", "będzie", "czy", "dla", "do", "go", "i", "ich", "im", "jak", "jako",
      "je", "jego", "jej", "jest", "już", "ją", "jeszcze", "lub", "ma", "mu", "na", "nad", "nie", "o", "od", "oraz",
      "po", "pod", "przez", "przy", "się", "są", "ta", "tak", "także", "te", "tego", "tej", "to", "tym", "tylko", "u",
      "w", "we", "z", "za", "ze", "że", "które", "który", "która", "których", "co", "gdy", "jednak", "również"), true);
  private static final Map<String, Supplier<LanguageSupport>> KNOWN = Map.ofEntries(
      Map.entry("uk", () -> LanguageSupport.of("uk", UkrainianMorfologikAnalyzer.getDefaultStopwords(),
          UkrainianMorfologikAnalyzer::new, "Ukrainian-Latin/BGN")),
      Map.entry("ru", () -> LanguageSupport.of("ru", RussianAnalyzer.getDefaultStopSet(),
          stop -> new DictionaryLemmaAnalyzer(stop, RUSSIAN_DICTIONARY), "Russian-Latin/BGN")),
      Map.entry("pl", () -> LanguageSupport.of("pl", POLISH_STOPWORDS,
          stop -> new DictionaryLemmaAnalyzer(stop, POLISH_DICTIONARY, false), CYRILLIC)),
      Map.entry("bg", () -> LanguageSupport.of("bg", BulgarianAnalyzer.getDefaultStopSet(), BulgarianAnalyzer::new,
          "Bulgarian-Latin/BGN")),
      Map.entry("en", () -> LanguageSupport.of("en", EnglishAnalyzer.getDefaultStopSet(), EnglishAnalyzer::new, CYRILLIC)),
      Map.entry("cs", () -> LanguageSupport.of("cs", CzechAnalyzer.getDefaultStopSet(), CzechAnalyzer::new, CYRILLIC)),
      Map.entry("de", () -> LanguageSupport.of("de", GermanAnalyzer.getDefaultStopSet(),
          stop -> new DictionaryLemmaAnalyzer(stop, GERMAN_DICTIONARY, false, true), CYRILLIC,
          new CapitalisedNouns(GERMAN_DICTIONARY, "EIG", "SUB"))),
      Map.entry("fr", () -> LanguageSupport.of("fr", FrenchAnalyzer.getDefaultStopSet(), FrenchAnalyzer::new, CYRILLIC)),
      Map.entry("es", () -> LanguageSupport.of("es", SpanishAnalyzer.getDefaultStopSet(), SpanishAnalyzer::new, CYRILLIC)),
      Map.entry("it", () -> LanguageSupport.of("it", ItalianAnalyzer.getDefaultStopSet(), ItalianAnalyzer::new, CYRILLIC)),
      Map.entry("pt", () -> LanguageSupport.of("pt", PortugueseAnalyzer.getDefaultStopSet(), PortugueseAnalyzer::new, CYRILLIC)),
      Map.entry("tr", () -> LanguageSupport.of("tr", TurkishAnalyzer.getDefaultStopSet(), TurkishAnalyzer::new, CYRILLIC)));

  private static final Map<String, LanguageSupport> BUILT = new ConcurrentHashMap<>();

  private Languages() {}

  /** Support for {@code code}; languages without a dedicated chain get the default one. */
  public static LanguageSupport of(String code) {
    String key = code == null || !KNOWN.containsKey(code) ? "*" : code;
    return BUILT.computeIfAbsent(key, k -> k.equals("*")
        ? LanguageSupport.of("*", CharArraySet.EMPTY_SET, StandardAnalyzer::new, CYRILLIC)
        : KNOWN.get(k).get());
  }

  /** Every language with a dedicated analysis chain. */
  public static java.util.Set<String> dedicated() {
    return KNOWN.keySet();
  }

}
