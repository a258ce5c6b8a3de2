package org.kronika.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    try (TokenStream ts = support.lemmatizer().tokenStream("t", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int start = -1;
      int end = -1;
      String lemma = null;
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() == 0 || offset.startOffset() == start) {
          // an alternative lemma of the same word: a capitalised word prefers a proper-noun lemma
          if (Character.isUpperCase(text.charAt(start)) && !Character.isUpperCase(lemma.charAt(0))
              && term.length() > 0 && Character.isUpperCase(term.charAt(0))) {
            lemma = term.toString();
          }
          continue;
        }
        if (lemma != null) {
          sentence = addToken(support, text, sentences, tokens, sentence, start, end, lemma);
        }
        start = offset.startOffset();
        end = offset.endOffset();
        lemma = term.toString();
      }
      if (lemma != null) {
        addToken(support, text, sentences, tokens, sentence, start, end, lemma);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return new AnalyzedText(text, tokens, sentences);
  }

  /** Adds one token and returns the index of the sentence it falls in. */
  private static int addToken(LanguageSupport support, String text, List<int[]> sentences, List<Token> tokens,
                              int sentence, int start, int end, String lemma) {
    while (sentence < sentences.size() - 1 && start >= sentences.get(sentence)[1]) {
      sentence++;
    }
    boolean initial = tokens.isEmpty() || tokens.get(tokens.size() - 1).start() < sentences.get(sentence)[0];
    String surface = text.substring(start, end);
    tokens.add(new Token(surface, start, end, lemma.toLowerCase(Locale.ROOT),
        support.stopwords().contains(surface.toLowerCase(Locale.ROOT)), Character.isUpperCase(surface.charAt(0)),
        initial));
    return sentence;
  }
}
