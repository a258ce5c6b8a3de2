package org.kronika.entity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kronika.analysis.AnalyzedText;
import org.kronika.analysis.Languages;
import org.kronika.analysis.TextAnalyzer;

/**
 * Everything entity recognition knows beyond the rules: per language a gazetteer, learned
 * lemma rules, a type model and the words a language writes in lower case; and the known
 * entities of all languages. Either learned from a labelled corpus ({@link SlavicNerLearner})
 * or, when none is at hand, only the country names the JDK knows in every language.
 * Thread-safe once built; a language not learned is prepared on first use.
 */
final class Knowledge {
  /** What is known of one language. */
  record ForLanguage(Gazetteer gazetteer, SuffixRules lemmaRules, TypeModel types,
                     Set<String> commonWords, NameLexicon lexicon) {}

  /** What learning yields, in a form that can be cached. */
  record Learned(Map<String, Gazetteer> gazetteers, Map<String, SuffixRules> lemmaRules,
                 Map<String, TypeModel> types, Map<String, Set<String>> commonWords,
                 Map<String, KnownEntities.Known> known) implements java.io.Serializable {}

  private final Map<String, ForLanguage> languages;
  private final KnownEntities known;

  Knowledge(Map<String, ForLanguage> learned, KnownEntities known) {
    this.languages = new ConcurrentHashMap<>(learned);
    this.known = known;
  }

  /** Knowledge from what was learned. */
  static Knowledge of(Learned learned) {
    Map<String, ForLanguage> languages = new HashMap<>();
    learned.gazetteers().forEach((lang, gazetteer) -> languages.put(lang, new ForLanguage(gazetteer,
        learned.lemmaRules().get(lang), learned.types().get(lang),
        learned.commonWords().getOrDefault(lang, Set.of()), EntityLanguages.lexicon(lang))));
    Map<String, KnownEntities.Known> known = learned.known();
    return new Knowledge(languages, key -> java.util.Optional.ofNullable(known.get(key)));
  }

  /** Knowledge with nothing learned: what ships, prepared per language on first use. */
  static Knowledge shipped() {
    return new Knowledge(Map.of(), KnownEntities.NONE);
  }

  KnownEntities known() {
    return known;
  }

  ForLanguage of(String lang) {
    return languages.computeIfAbsent(lang, l -> {
      Gazetteer gazetteer = new Gazetteer();
      addCountries(gazetteer, l);
      gazetteer.freeze();
      SuffixRules rules = new SuffixRules();
      rules.freeze();
      TypeModel types = new TypeModel();
      types.freeze();
      return new ForLanguage(gazetteer, rules, types, Set.of(), EntityLanguages.lexicon(l));
    });
  }

  /**
   * Adds the JDK's country names in language {@code lang} (nominative forms), keyed by their
   * lemmas so that inflected forms match too, under their English names.
   */
  static void addCountries(Gazetteer gazetteer, String lang) {
    TextAnalyzer analyzer = new TextAnalyzer();
    Locale in = Locale.forLanguageTag(lang);
    Map<String, String> seen = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale country = new Locale("", code);
      String local = country.getDisplayCountry(in);
      String english = country.getDisplayCountry(Locale.ENGLISH);
      if (local.isEmpty() || local.equals(code) || seen.putIfAbsent(local, english) != null) {
        continue;
      }
      AnalyzedText a = analyzer.analyze(Languages.of(lang), local);
      if (!a.tokens().isEmpty()) {
        gazetteer.addIfAbsent(Gazetteer.lemmaKey(a.tokens(), 0, a.tokens().size()),
            EntityType.LOC, local, english);
      }
    }
  }
}
