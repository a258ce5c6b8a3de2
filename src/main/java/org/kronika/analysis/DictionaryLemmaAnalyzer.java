package org.kronika.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
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
 * so words are looked up as written (then in lower case) and unknown ones are kept; and for
 * German, whose dictionary writes every noun capitalised, so a capitalised word is looked up
 * only as written: unknown, it is a name (Pell), not a lower-case word (pellen, to peel). The
 * dictionary is loaded once per analyzer. Thread-safe.
 */
final class DictionaryLemmaAnalyzer extends Analyzer {
  private final CharArraySet stopwords;
  private final Dictionary dictionary;
  private final boolean lowerCaseDictionary;
  private final boolean capitalisedAsWritten;

  /** An analyzer over a dictionary of lower-case words, light-stemming the words it lacks. */
  DictionaryLemmaAnalyzer(CharArraySet stopwords, String dictionaryResource) {
    this(stopwords, dictionaryResource, true);
  }

  /**
   * @param lowerCaseDictionary whether the dictionary lists lower-case words only (then words
   *                            are lower-cased before look-up and unknown ones light-stemmed)
   */
  DictionaryLemmaAnalyzer(CharArraySet stopwords, String dictionaryResource, boolean lowerCaseDictionary) {
    this(stopwords, dictionaryResource, lowerCaseDictionary, false);
  }

  /**
   * @param capitalisedAsWritten whether a capitalised word is looked up only as written (a
   *                             language that capitalises its nouns)
   */
  DictionaryLemmaAnalyzer(CharArraySet stopwords, String dictionaryResource, boolean lowerCaseDictionary,
                          boolean capitalisedAsWritten) {
    this.lowerCaseDictionary = lowerCaseDictionary;
    this.capitalisedAsWritten = capitalisedAsWritten;
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
    result = capitalisedAsWritten ? new AsWrittenFilter(result, dictionary) : new MorfologikFilter(result, dictionary);
    if (lowerCaseDictionary) {
      result = new UnknownWordStemFilter(result);
    }
    return new TokenStreamComponents(source, result);
  }

  /**
   * Gives each word its lemma, looked up as written, a verb's before others (German tags);
   * an unknown word stays as it is.
   */
  private static final class AsWrittenFilter extends TokenFilter {
    private static final String VERB_TAG = "VER";
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final DictionaryLookup lookup;

    AsWrittenFilter(TokenStream input, Dictionary dictionary) {
      super(input);
      this.lookup = new DictionaryLookup(dictionary); // one per token stream, which one thread uses at a time
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      java.util.List<morfologik.stemming.WordData> found = lookup.lookup(term);
      if (!found.isEmpty()) {
        morfologik.stemming.WordData best = found.get(0);
        for (morfologik.stemming.WordData d : found) {
          CharSequence tag = d.getTag();
          if (tag != null && tag.length() >= 3 && tag.subSequence(0, 3).toString().equals(VERB_TAG)) {
            best = d; // verkündeten: the verb verkünden, not the participle verkündet read as an adjective
            break;
          }
        }
        term.setEmpty().append(best.getStem());
      }
      return true;
    }
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
