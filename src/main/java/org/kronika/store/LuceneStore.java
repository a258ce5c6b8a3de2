package org.kronika.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.kronika.analysis.Languages;
import org.kronika.internal.Json;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.story.ArticleFeatures;
import org.kronika.story.StoryProfile;

/**
 * The embedded store: one Lucene index on disk holding articles (their JSON, their text
 * analysed per language, their name keys and feature terms) and stories (their profiles).
 * Lucene's commit is atomic, so a crash or {@code kill -9} leaves the last commit readable and
 * intact. Story candidates come from a near-real-time reader refreshed every
 * {@value #REFRESH_EVERY} articles, with the few stories changed since kept in memory, so a
 * lookup never scans the store. Open it for writing (one process at a time, guarded by
 * Lucene's lock) or read-only (any number, seeing the last commit). Not thread-safe for writes.
 */
public final class LuceneStore implements Store {
  static final int REFRESH_EVERY = 512;
  /** Stories whose dates lie further than this from an article's are not candidates. */
  static final int CANDIDATE_DAYS = 30;
  private static final int PROFILE_CACHE = 20_000;

  private static final String TYPE = "type";
  private static final String ARTICLE = "article";
  private static final String STORY = "story";
  private static final String ID = "id";
  private static final String SID = "sid";
  private static final String HASH = "hash";
  private static final String LANG = "lang";
  private static final String JSON = "json";
  private static final String FEATURE = "feat";
  private static final String NAME = "name";
  private static final String STERM = "sterm";
  private static final String FIRST = "first";
  private static final String LAST = "last";
  private static final String UNDATED = "undated";
  private static final String PROFILE = "profile";
  private static final String TEXT = "text.";

  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<String, StoryProfile> pendingStories = new HashMap<>();
  /** Feature terms of the articles added since the last refresh, to the stories they joined. */
  private final Map<String, Set<String>> pendingTerms = new HashMap<>();
  private final Set<String> pendingIds = new HashSet<>();
  private final Map<String, String> pendingHashes = new HashMap<>();
  /** Document frequencies of feature terms, kept in memory; null when opened read-only. */
  private final TermCounts termCounts;
  /** Recently used story profiles, so a busy story is not parsed again for every article. */
  private final Map<String, StoryProfile> profiles = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, StoryProfile> eldest) {
      return size() > PROFILE_CACHE;
    }
  };
  private int sinceRefresh;

  private LuceneStore(Path dir, boolean writable) throws IOException {
    this.directory = FSDirectory.open(dir);
    if (writable) {
      IndexWriterConfig config = new IndexWriterConfig(new PerLanguageAnalyzer())
          .setRAMBufferSizeMB(64)
          .setCommitOnClose(false);
      this.writer = new IndexWriter(directory, config);
      this.searchers = new SearcherManager(writer, new SearcherFactory());
      this.termCounts = countTerms();
    } else {
      this.termCounts = null;
      this.writer = null;
      this.searchers = DirectoryReader.indexExists(directory)
          ? new SearcherManager(directory, new SearcherFactory()) : null;
    }
  }

  /** Reads the document frequency of every feature term once, at open. */
  private TermCounts countTerms() throws IOException {
    TermCounts counts = new TermCounts();
    withSearcherIO(s -> {
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        Terms terms = leaf.reader().terms(FEATURE);
        if (terms != null) {
          TermsEnum e = terms.iterator();
          for (BytesRef t = e.next(); t != null; t = e.next()) {
            counts.add(t.utf8ToString(), e.docFreq());
          }
        }
      }
      return null;
    });
    return counts;
  }

  /** Opens (creating if needed) the store under {@code dataDir} for ingest. */
  public static LuceneStore openForWriting(Path dataDir) throws IOException {
    Path index = dataDir.resolve("index");
    Files.createDirectories(index);
    return new LuceneStore(index, true);
  }

  /** Opens the last commit of the store under {@code dataDir} for reading; empty if none. */
  public static LuceneStore openForReading(Path dataDir) throws IOException {
    return new LuceneStore(dataDir.resolve("index"), false);
  }

  // ---- writing ----

  @Override
  public boolean contains(String articleId) throws IOException {
    return pendingIds.contains(articleId)
        || withSearcherIO(s -> s.count(new TermQuery(new Term(ID, articleId))) > 0);
  }

  @Override
  public Optional<String> articleWithContent(String contentHash) throws IOException {
    String pending = pendingHashes.get(contentHash);
    if (pending != null) {
      return Optional.of(pending);
    }
    return withSearcherIO(s -> {
      ScoreDoc[] hits = s.search(new TermQuery(new Term(HASH, contentHash)), 1).scoreDocs;
      return hits.length == 0 ? Optional.empty() : Optional.of(docValue(s, hits[0].doc, ID));
    });
  }

  @Override
  public void add(Article article, ArticleFeatures features, StoryProfile story) throws IOException {
    requireWritable();
    Document doc = new Document();
    doc.add(new StringField(TYPE, ARTICLE, Field.Store.NO));
    doc.add(new StringField(ID, article.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(article.id())));
    doc.add(new StringField(HASH, article.contentHash(), Field.Store.NO));
    doc.add(new StringField(LANG, article.lang(), Field.Store.NO));
    doc.add(new StringField(STORY, article.story(), Field.Store.YES));
    doc.add(new StoredField(JSON, Json.write(article)));
    String textField = TEXT + article.lang();
    if (article.title() != null) {
      doc.add(new TextField(textField, article.title(), Field.Store.NO));
    }
    doc.add(new TextField(textField, article.body(), Field.Store.NO));
    for (String term : features.terms()) {
      doc.add(new StringField(FEATURE, term, Field.Store.NO));
      termCounts.add(term, 1);
    }
    for (String key : features.names().keySet()) {
      doc.add(new StringField(NAME, key, Field.Store.NO));
    }
    writer.addDocument(doc);
    pendingIds.add(article.id());
    pendingHashes.put(article.contentHash(), article.id());
    pendingStories.put(story.id(), story);
    profiles.put(story.id(), story);
    for (String term : features.terms()) {
      pendingTerms.computeIfAbsent(term, t -> new HashSet<>()).add(story.id());
    }
    if (++sinceRefresh >= REFRESH_EVERY) {
      refresh();
    }
  }

  private static Document storyDocument(StoryProfile story) {
    Document doc = new Document();
    doc.add(new StringField(TYPE, STORY, Field.Store.NO));
    doc.add(new StringField(SID, story.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(SID, new BytesRef(story.id())));
    doc.add(new StoredField(PROFILE, Json.write(story)));
    story.names().weights().keySet().forEach(k -> doc.add(new StringField(STERM, ArticleFeatures.NAME + k, Field.Store.NO)));
    story.words().weights().keySet().forEach(k -> doc.add(new StringField(STERM, ArticleFeatures.WORD + k, Field.Store.NO)));
    story.numbers().weights().keySet().forEach(k -> doc.add(new StringField(STERM, ArticleFeatures.NUMBER + k, Field.Store.NO)));
    if (story.first() == null) {
      doc.add(new StringField(UNDATED, "1", Field.Store.NO));
    } else {
      doc.add(new IntPoint(FIRST, (int) story.first().toEpochDay()));
      doc.add(new IntPoint(LAST, (int) story.last().toEpochDay()));
    }
    return doc;
  }

  /**
   * Writes the stories changed since the last refresh (each once, however many articles
   * joined it) and makes everything written so far searchable.
   */
  private void refresh() throws IOException {
    for (StoryProfile story : pendingStories.values()) {
      writer.updateDocument(new Term(SID, story.id()), storyDocument(story));
    }
    searchers.maybeRefreshBlocking();
    pendingStories.clear();
    pendingTerms.clear();
    pendingIds.clear();
    pendingHashes.clear();
    sinceRefresh = 0;
  }

  @Override
  public void commit() throws IOException {
    requireWritable();
    refresh();
    writer.commit();
  }

  private void requireWritable() {
    if (writer == null) {
      throw new IllegalStateException("store opened read-only");
    }
  }

  // ---- story index ----

  @Override
  public long articleCount() {
    return withSearcher(s -> (long) s.getIndexReader().docFreq(new Term(TYPE, ARTICLE))) + pendingIds.size();
  }

  @Override
  public int documentFrequency(String term) {
    if (termCounts == null) {
      return withSearcher(s -> s.getIndexReader().docFreq(new Term(FEATURE, term)));
    }
    return termCounts.get(term);
  }

  @Override
  public List<StoryProfile> candidates(Collection<WeightedTerm> terms, LocalDate date, int limit) {
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    Set<String> termSet = new HashSet<>();
    for (WeightedTerm t : terms) {
      should.add(new BoostQuery(new TermQuery(new Term(STERM, t.term())), Math.max(t.weight(), 1e-3f)), Occur.SHOULD);
      termSet.add(t.term());
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder()
        .add(should.build(), Occur.MUST)
        .add(new TermQuery(new Term(TYPE, STORY)), Occur.FILTER);
    if (date != null) {
      int day = (int) date.toEpochDay();
      Query near = new BooleanQuery.Builder()
          .add(IntPoint.newRangeQuery(LAST, day - CANDIDATE_DAYS, Integer.MAX_VALUE), Occur.FILTER)
          .add(IntPoint.newRangeQuery(FIRST, Integer.MIN_VALUE, day + CANDIDATE_DAYS), Occur.FILTER)
          .build();
      query.add(new BooleanQuery.Builder()
          .add(near, Occur.SHOULD)
          .add(new TermQuery(new Term(UNDATED, "1")), Occur.SHOULD).build(), Occur.FILTER);
    }
    Map<String, StoryProfile> found = new LinkedHashMap<>();
    withSearcher(s -> {
      StoredFields stored = s.storedFields();
      for (ScoreDoc hit : s.search(query.build(), limit).scoreDocs) {
        String sid = docValue(s, hit.doc, SID);
        StoryProfile p = profiles.get(sid);
        if (p == null) {
          p = Json.read(stored.document(hit.doc, Set.of(PROFILE)).get(PROFILE), StoryProfile.class);
          profiles.put(sid, p);
        }
        found.put(sid, p);
      }
      return null;
    });
    for (String term : termSet) {
      for (String sid : pendingTerms.getOrDefault(term, Set.of())) {
        found.putIfAbsent(sid, pendingStories.get(sid));
      }
    }
    return new ArrayList<>(found.values());
  }


  // ---- reading ----

  @Override
  public void forEachArticle(Consumer<Article> action) throws IOException {
    withSearcherIO(s -> {
      StoredFields stored = s.storedFields();
      for (int doc : matching(s, new TermQuery(new Term(TYPE, ARTICLE)))) {
        action.accept(Json.read(stored.document(doc, Set.of(JSON)).get(JSON), Article.class));
      }
      return null;
    });
  }

  @Override
  public Optional<Article> article(String id) throws IOException {
    Document d = firstDoc(new TermQuery(new Term(ID, id)));
    return d == null ? Optional.empty() : Optional.of(Json.read(d.get(JSON), Article.class));
  }

  @Override
  public List<Story> stories() throws IOException {
    List<Story> out = new ArrayList<>();
    withSearcherIO(s -> {
      StoredFields stored = s.storedFields();
      Map<String, List<Article>> members = new LinkedHashMap<>();
      for (int doc : matching(s, new TermQuery(new Term(TYPE, ARTICLE)))) {
        Article a = Json.read(stored.document(doc, Set.of(JSON)).get(JSON), Article.class);
        members.computeIfAbsent(a.story(), k -> new ArrayList<>()).add(a);
      }
      for (int doc : matching(s, new TermQuery(new Term(TYPE, STORY)))) {
        StoryProfile p = Json.read(stored.document(doc, Set.of(PROFILE)).get(PROFILE), StoryProfile.class);
        List<Article> articles = members.get(p.id());
        if (articles != null) {
          out.add(story(p, articles));
        }
      }
      return null;
    });
    out.sort(Comparator.comparingInt((Story st) -> st.articles().size()).reversed()
        .thenComparing(st -> st.last() == null ? LocalDate.MIN : st.last(), Comparator.reverseOrder())
        .thenComparing(Story::id));
    return out;
  }

  private static Story story(StoryProfile p, List<Article> articles) {
    TreeSet<String> langs = new TreeSet<>();
    LocalDate first = null;
    LocalDate last = null;
    for (Article a : articles) {
      langs.add(a.lang());
      if (a.date() != null) {
        first = first == null || a.date().isBefore(first) ? a.date() : first;
        last = last == null || a.date().isAfter(last) ? a.date() : last;
      }
    }
    List<Story.EntityRef> entities = p.centralNames(8).stream()
        .filter(p.displayNames()::containsKey)
        .map(k -> new Story.EntityRef(k, p.displayNames().get(k))).limit(5).toList();
    return new Story(p.id(), p.title(), articles.stream().map(Article::id).toList(), new ArrayList<>(langs),
        first, last, entities, null);
  }

  @Override
  public List<SearchHit> search(String query, String lang, int limit) throws IOException {
    Set<String> langs = indexedLanguages();
    Query every = SearchQuery.build(query, langs, lang, true);
    if (every == null) {
      return List.of();
    }
    return withSearcherIO(s -> {
      ScoreDoc[] found = s.search(every, Math.max(1, limit)).scoreDocs;
      if (found.length == 0) {
        found = s.search(SearchQuery.build(query, langs, lang, false), Math.max(1, limit)).scoreDocs;
      }
      StoredFields stored = s.storedFields();
      List<SearchHit> hits = new ArrayList<>();
      for (ScoreDoc hit : found) {
        Article a = Json.read(stored.document(hit.doc, Set.of(JSON)).get(JSON), Article.class);
        hits.add(new SearchHit(a, hit.score, SearchQuery.snippet(a.body(), query)));
      }
      return hits;
    });
  }

  private Set<String> indexedLanguages() throws IOException {
    return withSearcherIO(s -> {
      Set<String> langs = new TreeSet<>();
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        leaf.reader().getFieldInfos().forEach(fi -> {
          if (fi.name.startsWith(TEXT)) {
            langs.add(fi.name.substring(TEXT.length()));
          }
        });
      }
      return langs;
    });
  }

  // ---- plumbing ----

  private Document firstDoc(Query q) throws IOException {
    return withSearcherIO(s -> {
      ScoreDoc[] hits = s.search(q, 1).scoreDocs;
      return hits.length == 0 ? null : s.storedFields().document(hits[0].doc);
    });
  }

  /** A single-valued doc-values field of one document: no stored-fields block to decompress. */
  private static String docValue(IndexSearcher s, int doc, String field) throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues values = DocValues.getSorted(leaf.reader(), field);
    if (!values.advanceExact(doc - leaf.docBase)) {
      throw new IOException("index is missing " + field + " for a document; was it written by this version?");
    }
    return values.lookupOrd(values.ordValue()).utf8ToString();
  }

  private static List<Integer> matching(IndexSearcher s, Query q) throws IOException {
    List<Integer> docs = new ArrayList<>();
    s.search(q, new SimpleCollector() {
      private int base;

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        base = context.docBase;
      }

      @Override
      public void collect(int doc) {
        docs.add(base + doc);
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    });
    return docs;
  }

  private interface SearcherWork<T> {
    T apply(IndexSearcher s) throws IOException;
  }

  private <T> T withSearcherIO(SearcherWork<T> work) throws IOException {
    if (searchers == null) {
      return work.apply(new IndexSearcher(new org.apache.lucene.index.MultiReader()));
    }
    IndexSearcher s = searchers.acquire();
    try {
      return work.apply(s);
    } finally {
      searchers.release(s);
    }
  }

  /** For the {@link org.kronika.story.StoryIndex} methods, which cannot throw IOException. */
  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      return withSearcherIO(work);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        writer.rollback(); // uncommitted writes are dropped, as after a crash
      }
    } finally {
      directory.close();
    }
  }

  /** Each {@code text.LANG} field is analysed with that language's chain. */
  private static final class PerLanguageAnalyzer extends DelegatingAnalyzerWrapper {
    private final Analyzer fallback = new StandardAnalyzer();

    PerLanguageAnalyzer() {
      super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String field) {
      return field.startsWith(TEXT) ? Languages.of(field.substring(TEXT.length())).indexer() : fallback;
    }
  }

  static String textField(String lang) {
    return TEXT + lang;
  }

  static String nameField() {
    return NAME;
  }

  static Term langTerm(String lang) {
    return new Term(LANG, lang);
  }

  static Term articleType() {
    return new Term(TYPE, ARTICLE);
  }

  // ---- for the web: ranked ids and refreshing reads ----

  @Override
  public List<RankedId> searchIds(String query, String lang, int limit) throws IOException {
    Set<String> langs = indexedLanguages();
    Query every = SearchQuery.build(query, langs, lang, true);
    if (every == null) {
      return List.of();
    }
    return withSearcherIO(s -> {
      int n = Math.max(1, Math.min(limit, s.getIndexReader().maxDoc()));
      ScoreDoc[] found = s.search(every, n).scoreDocs;
      if (found.length == 0) {
        found = s.search(SearchQuery.build(query, langs, lang, false), n).scoreDocs;
      }
      // Ids read leaf by leaf in doc order, one doc-values iterator per leaf: a fresh iterator
      // per hit costs more than the search itself when thousands match.
      Integer[] byDoc = new Integer[found.length];
      for (int i = 0; i < found.length; i++) {
        byDoc[i] = i;
      }
      ScoreDoc[] hits = found;
      java.util.Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
      String[] idOf = new String[found.length];
      List<LeafReaderContext> leaves = s.getIndexReader().leaves();
      SortedDocValues values = null;
      LeafReaderContext leaf = null;
      for (int i : byDoc) {
        int doc = hits[i].doc;
        if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          values = DocValues.getSorted(leaf.reader(), ID);
        }
        if (!values.advanceExact(doc - leaf.docBase)) {
          throw new IOException("index is missing " + ID + " for a document; was it written by this version?");
        }
        idOf[i] = values.lookupOrd(values.ordValue()).utf8ToString();
      }
      List<RankedId> ids = new ArrayList<>(found.length);
      for (int i = 0; i < found.length; i++) {
        ids.add(new RankedId(idOf[i], found[i].score));
      }
      return ids;
    });
  }

  @Override
  public long refreshReads() throws IOException {
    if (searchers == null) {
      return 0;
    }
    searchers.maybeRefreshBlocking();
    return withSearcherIO(s -> ((DirectoryReader) s.getIndexReader()).getVersion());
  }
}
