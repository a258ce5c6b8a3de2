package org.kronika.analysis;

import java.util.List;

/**
 * A text cut into tokens and sentences. Immutable.
 *
 * @param sentences each sentence as {start, end} char offsets into {@code text}
 */
public record AnalyzedText(String text, List<Token> tokens, List<int[]> sentences) {
  public AnalyzedText {
    tokens = List.copyOf(tokens);
    sentences = List.copyOf(sentences);
  }
}
