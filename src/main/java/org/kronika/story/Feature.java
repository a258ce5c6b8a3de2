package org.kronika.story;

/**
 * The kinds of feature an article is matched by, each with the prefix of its index terms:
 * names (cross-script keys of capitalised words), which meet across languages; words
 * (content lemmas), which meet within a language; keys (cross-script keys of every content
 * word), which let cognates and loanwords meet across related languages (koronavirus,
 * коронавірус, koronawirus); numbers written in digits, which meet everywhere; and content
 * words translated into English stems by a dictionary ({@link org.kronika.analysis.Translations};
 * an English article's own stems), which meet across languages that share no words.
 */
public enum Feature {
  NAME("n:", "name"), WORD("w:", "word"), KEY("k:", "key"), NUMBER("#:", "number"), TRANSLATED("t:", "word");

  private final String prefix;
  private final String evidenceKind;

  Feature(String prefix, String evidenceKind) {
    this.prefix = prefix;
    this.evidenceKind = evidenceKind;
  }

  /** How evidence of this kind is named in the contract's {@code why}. */
  String evidenceKind() {
    return evidenceKind;
  }

  /** The index term of a feature value of this kind. */
  public String term(String value) {
    return prefix + value;
  }

  /** The kind and value of an index term made by {@link #term}. */
  static Feature of(String term) {
    for (Feature f : values()) {
      if (term.startsWith(f.prefix)) {
        return f;
      }
    }
    throw new IllegalArgumentException("not a feature term: " + term);
  }

  static String value(String term) {
    return term.substring(2);
  }
}
