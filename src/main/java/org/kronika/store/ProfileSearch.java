package org.kronika.store;

import static org.kronika.store.StoreField.FIRST;
import static org.kronika.store.StoreField.GROUP_ID;
import static org.kronika.store.StoreField.GROUP_TERM;
import static org.kronika.store.StoreField.LAST;
import static org.kronika.store.StoreField.PROFILE;
import static org.kronika.store.StoreField.TYPE;
import static org.kronika.store.StoreField.UNDATED;
import static org.kronika.story.StoryIndex.CANDIDATE_DAYS;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.kronika.store.StoreField.Kind;
import org.kronika.story.StoryIndex.WeightedTerm;
import org.kronika.story.StoryProfile;

/**
 * Story and storyline profiles in a Lucene index, and how candidates are found among them: the
 * embedded store's index and a cluster writer's local mirror of the collection's profiles
 * ({@link ProfileMirror}) render and search them alike, so both rank a group's candidates the
 * same way. Stateless.
 */
final class ProfileSearch {
  private ProfileSearch() {}

  /** A profile's Lucene document. */
  static Document document(GroupDocument g) {
    Document doc = new Document();
    doc.add(new StringField(TYPE.field, g.kind().value, Field.Store.NO));
    doc.add(new StringField(GROUP_ID.field, g.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(GROUP_ID.field, new BytesRef(g.id())));
    doc.add(new StoredField(PROFILE.field, g.json()));
    g.terms().forEach(term -> doc.add(new StringField(GROUP_TERM.field, term, Field.Store.NO)));
    if (g.undated()) {
      doc.add(new StringField(UNDATED.field, "1", Field.Store.NO));
    } else {
      doc.add(new IntPoint(FIRST.field, g.firstDay()));
      doc.add(new IntPoint(LAST.field, g.lastDay()));
    }
    return doc;
  }

  /**
   * The groups of one level sharing the weighted terms, scored by the weight they share; when
   * {@code date} is known, only those within {@link org.kronika.story.StoryIndex#CANDIDATE_DAYS}
   * of it and the undated.
   */
  static Query candidates(IndexSearcher s, StoryProfile.Level level, Collection<WeightedTerm> terms, LocalDate date)
      throws IOException {
    BooleanQuery.Builder query = new BooleanQuery.Builder()
        .add(storyTerms(s, terms), Occur.MUST)
        .add(new TermQuery(new Term(TYPE.field, Kind.of(level).value)), Occur.FILTER);
    if (date != null) {
      int day = (int) date.toEpochDay();
      Query near = new BooleanQuery.Builder()
          .add(IntPoint.newRangeQuery(LAST.field, day - CANDIDATE_DAYS, Integer.MAX_VALUE), Occur.FILTER)
          .add(IntPoint.newRangeQuery(FIRST.field, Integer.MIN_VALUE, day + CANDIDATE_DAYS), Occur.FILTER)
          .build();
      query.add(new BooleanQuery.Builder()
          .add(near, Occur.SHOULD)
          .add(new TermQuery(new Term(UNDATED.field, "1")), Occur.SHOULD).build(), Occur.FILTER);
    }
    return query.build();
  }

  /** Any of the weighted story terms, scored as plain term queries are. */
  private static Query storyTerms(IndexSearcher s, Collection<WeightedTerm> weighted) throws IOException {
    List<Term> terms = weighted.stream().map(t -> new Term(GROUP_TERM.field, t.term())).toList();
    Map<Term, TermStates> states = termStates(s, terms);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int i = 0;
    for (WeightedTerm t : weighted) {
      TermStates found = states.get(terms.get(i++));
      if (found != null) {
        any.add(new BoostQuery(new TermQuery(new Term(GROUP_TERM.field, t.term()), found), Math.max(t.weight(), 1e-3f)),
            Occur.SHOULD);
      }
    }
    return any.build();
  }

  /**
   * The statistics of those {@code terms} found in the index (the others, which would match
   * nothing, are left out), looked up through one terms enumerator per field and segment,
   * walked in term order: Lucene's own look-up opens a new enumerator per term and segment,
   * which cost more than the search itself. Also for the embedded store's article search.
   */
  static Map<Term, TermStates> termStates(IndexSearcher s, Collection<Term> terms) throws IOException {
    List<Term> inOrder = terms.stream().distinct().sorted().toList();
    Map<Term, TermStates> states = new HashMap<>();
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      String field = null;
      TermsEnum e = null;
      for (Term t : inOrder) {
        if (!t.field().equals(field)) {
          field = t.field();
          Terms leafTerms = leaf.reader().terms(field);
          e = leafTerms == null ? null : leafTerms.iterator();
        }
        if (e != null && e.seekExact(t.bytes())) {
          states.computeIfAbsent(t, k -> new TermStates(s.getTopReaderContext()))
              .register(e.termState(), leaf.ord, e.docFreq(), e.totalTermFreq());
        }
      }
    }
    return states;
  }
}
