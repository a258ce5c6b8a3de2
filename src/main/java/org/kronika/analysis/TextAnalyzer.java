package org.kronika.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The language-analysis stage: cuts a title and body into sentences and tokens and gives
 * each token its lemma through the language's Lucene chain ({@link Languages}). Costs one
 * pass of the analyzer over the text. Thread-safe.
 */
public final class TextAnalyzer {

  /** Analyses an article's title (may be {@code null}) and body in language {@code lang}. */
  public Analysis analyze(String lang, String title, String body) {
    LanguageSupport support = Languages.of(lang);
    return new Analysis(lang, analyze(support, title == null ? "" : title), analyze(support, body));
  }

  /** Analyses one text. */
  public AnalyzedText analyze(LanguageSupport support, String text) {
    List<int[]> sentences = Sentences.split(text);
    List<Token> tokens = new ArrayList<>(text.length() / 6);
    int sentence = 0;
    int lastStart = -1;
    try (TokenStream ts = support.lemmatizer().tokenStream("t", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        int start = offset.startOffset();
        if (inc.getPositionIncrement() == 0 || start == lastStart) {
          continue; // an alternative lemma of the same word: keep the first
        }
        lastStart = start;
        int end = offset.endOffset();
        while (sentence < sentences.size() - 1 && start >= sentences.get(sentence)[1]) {
          sentence++;
        }
        boolean initial = tokens.isEmpty()
            || tokens.get(tokens.size() - 1).start() < sentences.get(sentence)[0];
        String surface = text.substring(start, end);
        String lower = surface.toLowerCase(java.util.Locale.ROOT);
        tokens.add(new Token(surface, start, end, term.toString(),
            support.stopwords().contains(lower), Character.isUpperCase(surface.charAt(0)), initial));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return new AnalyzedText(text, tokens, sentences);
  }
}
