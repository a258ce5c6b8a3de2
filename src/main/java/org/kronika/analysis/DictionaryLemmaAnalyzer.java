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
 * Lemmas from a Morfologik dictionary. Used for Russian with LanguageTool's dictionary, which
 * lists lower-case words, with a light stem for words it lacks (new names, foreign words:
 * Lucene's RussianLightStemmer), so that inflected forms of unknown words still meet; and for
 * Polish with morfologik-polish, which writes proper nouns capitalised (Brytanii: Brytania),
 * so words are looked up as written (then in lower case) and unknown ones are kept. The
 * dictionary is loaded once per analyzer. Thread-safe.
 */
final class DictionaryLemmaAnalyzer extends Analyzer {
  private final CharArraySet stopwords;
  private final Dictionary dictionary;
  private final boolean lowerCaseDictionary;

  /** An analyzer over a dictionary of lower-case words, light-stemming the words it lacks. */
  DictionaryLemmaAnalyzer(CharArraySet stopwords, String dictionaryResource) {
    this(stopwords, dictionaryResource, true);
  }

  /**
   * @param lowerCaseDictionary whether the dictionary lists lower-case words only (then words
   *                            are lower-cased before look-up and unknown ones light-stemmed)
   */
  DictionaryLemmaAnalyzer(CharArraySet stopwords, String dictionaryResource, boolean lowerCaseDictionary) {
    this.lowerCaseDictionary = lowerCaseDictionary;
    this.stopwords = lowerCaseDictionary ? stopwords : new CharArraySet(stopwords, true);
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
    TokenStream result = lowerCaseDictionary ? new LowerCaseFilter(source) : source;
    if (!stopwords.isEmpty()) {
      result = new StopFilter(result, stopwords);
    }
    result = new MorfologikFilter(result, dictionary);
    if (lowerCaseDictionary) {
      result = new UnknownWordStemFilter(result);
    }
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
