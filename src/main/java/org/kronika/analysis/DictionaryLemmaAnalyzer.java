package org.kronika.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import morfologik.stemming.Dictionary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.morfologik.MorfologikFilter;
import org.apache.lucene.analysis.morfologik.MorphosyntacticTagsAttribute;
import org.apache.lucene.analysis.ru.RussianLightStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lemmas from a Morfologik dictionary, and a light stem for words the dictionary lacks (new
 * names, foreign words), so that inflected forms of unknown words still meet. Used for Russian
 * with LanguageTool's dictionary (Lucene's RussianLightStemmer for the rest). The dictionary is
 * loaded once per analyzer. Thread-safe.
 */
final class DictionaryLemmaAnalyzer extends Analyzer {
  private final CharArraySet stopwords;
  private final Dictionary dictionary;

  DictionaryLemmaAnalyzer(CharArraySet stopwords, String dictionaryResource) {
    this.stopwords = stopwords;
    try {
      URL url = DictionaryLemmaAnalyzer.class.getResource(dictionaryResource);
      if (url == null) {
        throw new IllegalStateException("dictionary " + dictionaryResource + " missing from the classpath");
      }
      this.dictionary = Dictionary.read(url);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dictionary " + dictionaryResource, e);
    }
  }

  @Override
  protected TokenStreamComponents createComponents(String field) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream result = new LowerCaseFilter(source);
    if (!stopwords.isEmpty()) {
      result = new StopFilter(result, stopwords);
    }
    result = new MorfologikFilter(result, dictionary);
    result = new UnknownWordStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  /** Applies the light stemmer only to tokens the dictionary did not know (no tags). */
  private static final class UnknownWordStemFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final MorphosyntacticTagsAttribute tags = addAttribute(MorphosyntacticTagsAttribute.class);
    private final RussianLightStemmer stemmer = new RussianLightStemmer();

    UnknownWordStemFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (tags.getTags() == null || tags.getTags().isEmpty()) {
        term.setLength(stemmer.stem(term.buffer(), term.length()));
      }
      return true;
    }
  }
}
