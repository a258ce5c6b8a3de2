package org.kronika.analysis;

import java.util.function.Function;
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
 */
public record LanguageSupport(String code, CharArraySet stopwords, Analyzer lemmatizer,
                              Analyzer indexer, String transliterator) {
  /** Builds the support from one Lucene analyzer constructor taking a stop set. */
  static LanguageSupport of(String code, CharArraySet stopwords,
                            Function<CharArraySet, Analyzer> analyzer, String script) {
    return new LanguageSupport(code, stopwords, analyzer.apply(CharArraySet.EMPTY_SET),
        analyzer.apply(stopwords), script + "; Latin-ASCII; Any-Lower");
  }
}
