package org.kronika.analysis;

import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;

/**
 * What Kronika knows of one language: how to lemmatise or stem its words, its function
 * words, and how to write its names in Latin script. Immutable and thread-safe (Lucene
 * analyzers reuse per-thread token streams).
 *
 * @param code         ISO 639-1 code
 * @param stopwords    lower-case function words
 * @param lemmatizer   tokens to lower-case lemmas or stems, keeping function words
 * @param indexer      the same chain without function words, for the search index
 * @param transliterator ICU transform id that writes the language's words in ASCII Latin
 * @param commonNoun     whether a capitalised word is a common noun, for a language that
 *                       capitalises every noun (German); never, for the others
 */
public record LanguageSupport(String code, CharArraySet stopwords, Analyzer lemmatizer,
                              Analyzer indexer, String transliterator, Predicate<String> commonNoun) {
  /** Builds the support from one Lucene analyzer constructor taking a stop set. */
  static LanguageSupport of(String code, CharArraySet stopwords,
                            Function<CharArraySet, Analyzer> analyzer, String script) {
    return of(code, stopwords, analyzer, script, word -> false);
  }

  /** As {@link #of(String, CharArraySet, Function, String)}, for a language that capitalises its nouns. */
  static LanguageSupport of(String code, CharArraySet stopwords, Function<CharArraySet, Analyzer> analyzer,
                            String script, Predicate<String> commonNoun) {
    return new LanguageSupport(code, stopwords, analyzer.apply(CharArraySet.EMPTY_SET),
        analyzer.apply(stopwords), script + "; Latin-ASCII; Any-Lower", commonNoun);
  }
}
