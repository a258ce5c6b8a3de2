package org.kronika.entity;

/**
 * What a language's morphological dictionary says of a word: its dictionary form and whether
 * it is a first name, a surname, a place, an organisation, an abbreviation, another proper noun or a common
 * word. Implementations are thread-safe.
 */
interface NameLexicon {
  /** A lexicon that knows no word. */
  NameLexicon NONE = (word, type) -> null;

  /** What the dictionary says of a word, or {@code null} when it does not know it. */
  Reading read(String word, EntityType wanted);

  /**
   * As {@link #read(String, EntityType)}; between readings that fit equally well, one whose
   * lemma is {@code seen} (capitalised, as the news writes it) wins: Германии is Германия's,
   * not the element Германий's.
   */
  default Reading read(String word, EntityType wanted, java.util.function.Predicate<String> seen) {
    return read(word, wanted);
  }

  /**
   * The grammatical roles some reading of a word can play, for the dictionaries whose tags say
   * so (Russian, Ukrainian); empty when the word is unknown or the tags do not tell.
   */
  default java.util.Set<Role> roles(String word) {
    return java.util.Set.of();
  }

  /**
   * The lower-case lemmas of a word's readings that are not persons' names (Америке: америка,
   * besides the surname Америк), for matching the word against place names; empty when the
   * word is unknown.
   */
  default java.util.Set<String> otherLemmas(String word) {
    return java.util.Set.of();
  }

  /**
   * The dictionary form of {@code adjective} in a reading that agrees in gender, number and
   * case with some noun reading of {@code noun} (Балтийского моря: балтийское; Северный поток:
   * северный), for the dictionaries whose tags say so; {@code null} when none agrees.
   */
  default String agreeing(String adjective, String noun) {
    return null;
  }

  /**
   * The nominative plural of a word read as a plural of a noun naming persons (Polaków,
   * Brytyjczyków: Polacy, Brytyjczycy), which is the lemma of a people named in the plural, for
   * the dictionaries whose tags say so; {@code null} otherwise.
   */
  default String pluralNominative(String word) {
    return null;
  }

  /** Whether {@link #roles} tells anything: the dictionary's tags say which words are adjectives and genitives. */
  default boolean tellsRoles() {
    return false;
  }

  /** Grammatical roles that shape a name written in lower case after its first word (Верховный суд, Палата представителей). */
  enum Role { ADJECTIVE, GENITIVE }

  /** The kinds of word a dictionary tells apart. */
  enum Kind { FIRST_NAME, SURNAME, PLACE, ORGANISATION, ABBREVIATION, PROPER, COMMON }

  /**
   * One reading of a word: its lemma (cased as the dictionary writes it, lower case when the
   * dictionary only knows lower case), its kind, and whether any reading is a proper noun.
   */
  record Reading(String lemma, Kind kind, boolean hasProperReading) {}
}
