package org.kronika.entity;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything entity recognition knows beyond the rules: per language a gazetteer, learned
 * lemma rules, a type model and the words a language writes in lower case; and the known
 * entities of all languages. Learned from a labelled corpus ({@link SlavicNerLearner}) where
 * the user gave one, else what ships: dictionaries and place names; overlaid with what the
 * stream of articles taught ({@link StreamKnowledge}). Thread-safe once built; a language is
 * prepared on first use.
 */
final class Knowledge {
  /**
   * What is known of one language.
   *
   * @param nameWords    words the stream capitalises even inside sentences
   * @param streamLemmas what the stream teaches of names' forms (Bruselu: Brusel)
   * @param firstNames   name keys the stream met as the first words of persons' names, in any language
   */
  record ForLanguage(Gazetteer gazetteer, SuffixRules lemmaRules, TypeModel types, Set<String> commonWords,
                     NameLexicon lexicon, Set<String> nameWords, StreamKnowledge.ForLanguage streamLemmas,
                     Set<String> firstNames) {
    ForLanguage(Gazetteer gazetteer, SuffixRules lemmaRules, TypeModel types, Set<String> commonWords,
                NameLexicon lexicon) {
      this(gazetteer, lemmaRules, types, commonWords, lexicon, Set.of(), StreamKnowledge.ForLanguage.EMPTY, Set.of());
    }

    /** This language's knowledge with what the stream taught of it. */
    ForLanguage with(StreamKnowledge.ForLanguage stream, Set<String> streamFirstNames) {
      Set<String> common = commonWords;
      if (!stream.commonWords().isEmpty()) {
        common = new java.util.HashSet<>(commonWords);
        common.addAll(stream.commonWords());
      }
      return new ForLanguage(gazetteer, lemmaRules, types, common, lexicon, stream.nameWords(), stream,
          streamFirstNames);
    }
  }

  /** What learning yields, in a form that can be cached. */
  record Learned(Map<String, Gazetteer> gazetteers, Map<String, SuffixRules> lemmaRules,
                 Map<String, TypeModel> types, Map<String, Set<String>> commonWords,
                 Map<String, KnownEntities.Known> known) implements java.io.Serializable {}

  private final Map<String, ForLanguage> languages;
  private final KnownEntities known;
  private final Knowledge base;
  private final StreamKnowledge.Built stream;

  Knowledge(Map<String, ForLanguage> learned, KnownEntities known) {
    this.languages = new ConcurrentHashMap<>(learned);
    this.known = known;
    this.base = null;
    this.stream = StreamKnowledge.Built.EMPTY;
  }

  private Knowledge(Knowledge base, StreamKnowledge.Built stream) {
    this.languages = new ConcurrentHashMap<>();
    this.known = base.known.orElse(stream.known());
    this.base = base;
    this.stream = stream;
  }

  /** This knowledge overlaid with what the stream taught; shares what it does not change. */
  Knowledge with(StreamKnowledge.Built built) {
    return new Knowledge(base != null ? base : this, built);
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
    if (base != null) {
      return languages.computeIfAbsent(lang, l -> base.of(l).with(stream.of(l), stream.firstNames()));
    }
    return languages.computeIfAbsent(lang, l -> {
      Gazetteer gazetteer = new Gazetteer();
      Linker.addAliasesTo(gazetteer, l);
      Places.addTo(gazetteer, l);
      gazetteer.freeze();
      SuffixRules rules = new SuffixRules();
      rules.freeze();
      TypeModel types = new TypeModel();
      types.freeze();
      return new ForLanguage(gazetteer, rules, types, Set.of(), EntityLanguages.lexicon(l));
    });
  }

}
