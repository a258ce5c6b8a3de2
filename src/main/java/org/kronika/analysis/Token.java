package org.kronika.analysis;

/**
 * One word of a text with its place and its lemma (or stem, where a language has no
 * dictionary). Immutable.
 *
 * @param start           offset of the first char in the analysed text
 * @param end             offset after the last char
 * @param lemma           lower-case lemma or stem
 * @param stopword        a function word of the language
 * @param capitalised     written with a capital first letter
 * @param sentenceInitial the first word of its sentence
 */
public record Token(String surface, int start, int end, String lemma, boolean stopword,
                    boolean capitalised, boolean sentenceInitial) {
  /** Whether the token is a number written in digits. */
  public boolean isNumber() {
    return !surface.isEmpty() && Character.isDigit(surface.charAt(0));
  }
}
