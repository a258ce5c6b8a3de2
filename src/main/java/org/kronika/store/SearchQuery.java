package org.kronika.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.kronika.analysis.Languages;
import org.kronika.analysis.NameKeys;

/**
 * Turns a user's query, in any language, into a Lucene query over every language's text
 * field and the cross-script name keys: each word must match, either as a lemma in some
 * language (Зеленського finds Зеленський) or as a name in any script (Zelensky finds
 * Зеленського). Stateless and thread-safe.
 */
final class SearchQuery {
  /** Languages whose lemmatiser is tried when turning a Cyrillic query word into a name key. */
  private static final List<String> CYRILLIC_LANGS = List.of("uk", "ru", "bg");
  private static final float NAME_BOOST = 0.5f;

  private SearchQuery() {}

  /** A term a query word may stand for, and its weight. */
  record Alternative(Term term, float boost) {}

  /**
   * The searchable words of {@code text} (each with at least one alternative) and the terms
   * each may stand for in articles of the {@code indexed} languages; empty when there is none.
   */
  static List<List<Alternative>> words(String text, Set<String> indexed) {
    List<List<Alternative>> words = new ArrayList<>();
    for (String word : text.split("[^\\p{L}\\p{N}'’ʼ-]+")) {
      if (word.isEmpty()) {
        continue;
      }
      List<Alternative> alternatives = new ArrayList<>();
      for (String l : indexed) {
        for (String term : analyze(Languages.of(l).indexer(), word)) {
          alternatives.add(new Alternative(new Term(StoreField.text(l), term), 1f));
        }
      }
      for (String key : nameKeys(word)) {
        alternatives.add(new Alternative(new Term(StoreField.NAME.field, key), NAME_BOOST));
      }
      if (!alternatives.isEmpty()) {
        words.add(alternatives);
      }
    }
    return words;
  }

  /**
   * The query for {@code text} over articles in {@code indexed} languages, filtered to
   * {@code lang} when not {@code null}; {@code null} when the text has no searchable word.
   * With {@code everyWord}, each word must match; otherwise any may.
   */
  static Query build(String text, Set<String> indexed, String lang, boolean everyWord) {
    List<List<Alternative>> words = words(text, indexed);
    return words.isEmpty() ? null : build(words, lang, everyWord, TermQuery::new);
  }

  /**
   * The query for {@link #words}, as above; {@code termQuery} makes each term's query, or
   * returns {@code null} for a term known to be in no document, which is left out (it would
   * neither match nor add to a score).
   */
  static Query build(List<List<Alternative>> words, String lang, boolean everyWord,
                     Function<Term, TermQuery> termQuery) {
    BooleanQuery.Builder wordClauses = new BooleanQuery.Builder();
    for (List<Alternative> word : words) {
      BooleanQuery.Builder alternatives = new BooleanQuery.Builder(); // none left: the word matches nothing
      for (Alternative a : word) {
        TermQuery q = termQuery.apply(a.term());
        if (q != null) {
          alternatives.add(a.boost() == 1f ? q : new BoostQuery(q, a.boost()), Occur.SHOULD);
        }
      }
      wordClauses.add(alternatives.build(), everyWord ? Occur.MUST : Occur.SHOULD);
    }
    // the words in a clause of their own: beside a filter, optional clauses would match nothing required
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(wordClauses.build(), Occur.MUST);
    query.add(new TermQuery(new Term(StoreField.TYPE.field, StoreField.Kind.ARTICLE.value)), Occur.FILTER);
    if (lang != null) {
      query.add(new TermQuery(new Term(StoreField.LANG.field, lang)), Occur.FILTER);
    }
    return query.build();
  }

  /** The name keys a query word may stand for, whatever its language. */
  private static Set<String> nameKeys(String word) {
    Set<String> keys = new LinkedHashSet<>();
    boolean cyrillic = word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    List<String> langs = cyrillic ? CYRILLIC_LANGS : List.of("en");
    for (String l : langs) {
      for (String lemma : analyze(Languages.of(l).lemmatizer(), word)) {
        String key = NameKeys.of(lemma, l);
        if (key.length() >= 2) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  private static List<String> analyze(Analyzer analyzer, String word) {
    List<String> out = new ArrayList<>(2);
    try (TokenStream ts = analyzer.tokenStream("q", word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** About 240 characters of the body around the first place a query word appears. */
  static String snippet(String body, String query) {
    String lower = body.toLowerCase(Locale.ROOT);
    int at = -1;
    for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= 3) {
        int i = lower.indexOf(word.substring(0, Math.min(word.length(), 5)));
        if (i >= 0 && (at < 0 || i < at)) {
          at = i;
        }
      }
    }
    int start = Math.max(0, at < 0 ? 0 : at - 80);
    while (start > 0 && !Character.isWhitespace(body.charAt(start - 1))) {
      start--;
    }
    int end = Math.min(body.length(), start + 240);
    while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
      end++;
    }
    return (start > 0 ? "…" : "") + body.substring(start, end).replaceAll("\\s+", " ").strip()
        + (end < body.length() ? "…" : "");
  }
}
