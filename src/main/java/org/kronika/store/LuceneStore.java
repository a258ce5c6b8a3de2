package org.kronika.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.kronika.analysis.Languages;
import org.kronika.entity.KnownEntities;
import org.kronika.entity.KnownEntities.Known;
import org.kronika.internal.Json;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.model.Storyline;
import org.kronika.story.ArticleFeatures;
import org.kronika.story.Fingerprint;
import org.kronika.story.StoryStage;
import org.kronika.story.StoryProfile;
import org.kronika.store.StoreField.Kind;

import static org.kronika.store.StoreField.*;

/**
 * The embedded store: one Lucene index on disk holding articles (their JSON, their text
 * analysed per language, their name keys), stories (their profiles) and, per commit, the
 * feature-term counts it added ({@link TermCounts}). Lucene's commit is atomic, so a crash or
 * {@code kill -9} leaves the last commit, counts included, readable and intact. Story candidates come from a near-real-time reader refreshed every
 * {@value #REFRESH_EVERY} articles, with the few stories changed since kept in memory, so a
 * lookup never scans the store. Open it for writing (one process at a time, guarded by
 * Lucene's lock) or read-only (any number, seeing the last commit). Not thread-safe for writes.
 */
public final class LuceneStore implements Store {
  static final int REFRESH_EVERY = 1000;
  private static final int PROFILE_CACHE = 5_000;
  /** Articles sharing a fingerprint band looked at per near-duplicate lookup. */
  private static final int NEAR_CANDIDATES = 50;
  /** Articles waiting for the indexing thread at most. */
  private static final int INDEX_QUEUE = 256;

  private final FSDirectory directory;
  private final IndexWriter writer;
  /** Null for a reader opened before the first commit, until {@link #refreshReads} finds one. */
  private volatile SearcherManager searchers;
  /** What was added since the last refresh. */
  private final Pending pending = new Pending();
  /** Document frequencies of feature terms, kept in memory; null when opened read-only. */
  private final TermCounts termCounts;
  /** Recently used story profiles, so a busy story is not parsed again for every article. */
  private final Map<String, StoryProfile> profiles = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, StoryProfile> eldest) {
      return size() > PROFILE_CACHE;
    }
  };

  /** Entities named by stored articles; read by preparing threads. */
  private final EntityMemory knownEntities = new EntityMemory();
  private int sinceRefresh;
  /** Analyses and writes articles' documents beside the thread placing them; null when read-only. */
  private final ExecutorService indexing;
  /** Documents handed to the indexing thread, oldest first. */
  private final ArrayDeque<Future<?>> indexQueue = new ArrayDeque<>();

  private LuceneStore(Path dir, boolean writable) throws IOException {
    this.directory = FSDirectory.open(dir);
    if (writable) {
      IndexWriterConfig config = new IndexWriterConfig(new PerLanguageAnalyzer())
          .setRAMBufferSizeMB(64)
          // merges only neighbouring segments: documents stay in the order they were stored,
          // which listing articles relies on (the default policy merges any, and reorders them)
          .setMergePolicy(new LogByteSizeMergePolicy())
          .setCommitOnClose(false);
      this.writer = openWriter(dir, config);
      this.indexing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kronika-index");
        t.setDaemon(true);
        return t;
      });
      this.searchers = new SearcherManager(writer, new SearcherFactory());
      this.termCounts = countTerms();
      loadKnownEntities();
    } else {
      this.termCounts = null;
      this.writer = null;
      this.indexing = null;
      this.searchers = DirectoryReader.indexExists(directory)
          ? new SearcherManager(directory, new SearcherFactory()) : null;
    }
  }

  /**
   * Where the process writing a data directory says who it is, so that a second writer is told
   * which process holds the directory rather than Lucene's lock message.
   */
  private static final String WRITER_FILE = "writer.pid";

  /**
   * The index writer, or an error naming the cause: another process writing the directory
   * (Lucene's write lock), or a directory that cannot be written (read-only, no permission).
   */
  private IndexWriter openWriter(Path dir, IndexWriterConfig config) throws IOException {
    Path dataDir = dir.getParent();
    Path writerFile = dataDir.resolve(WRITER_FILE);
    IndexWriter opened;
    try {
      opened = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IOException(dataDir + ": another process is writing this data directory (" + holder(writerFile)
          + "); only one ingest, watch or serve --ingest may write it at a time");
    } catch (FileSystemException e) {
      directory.close();
      throw notWritable(dataDir, e);
    }
    ProcessHandle self = ProcessHandle.current();
    try {
      Files.writeString(writerFile, self.pid() + " " + self.info().commandLine().orElse("kronika") + "\n");
    } catch (IOException e) {
      opened.rollback();
      directory.close();
      throw notWritable(dataDir, e);
    }
    return opened;
  }

  private static IOException notWritable(Path dataDir, IOException e) {
    return new IOException(dataDir + ": cannot write to the data directory (" + e.getMessage().strip()
        + "); ingest needs it writable (a read-only file system, or no permission?)", e);
  }

  /** Who holds the write lock, as far as its writer file tells. */
  private static String holder(Path writerFile) {
    try {
      String line = Files.readString(writerFile).strip();
      int space = line.indexOf(' ');
      long pid = Long.parseLong(space < 0 ? line : line.substring(0, space));
      String command = space < 0 ? "" : line.substring(space + 1);
      if (command.length() > 120) {
        command = command.substring(0, 120) + "…";
      }
      boolean self = pid == ProcessHandle.current().pid();
      return (self ? "this very process, " + pid : "kronika process " + pid) + (command.isEmpty() ? "" : ": " + command);
    } catch (IOException | RuntimeException e) {
      return "a process that left no " + WRITER_FILE;
    }
  }

  /** Reads the document frequencies of feature terms once, at open, from the counts each commit saved. */
  private TermCounts countTerms() throws IOException {
    TermCounts counts = new TermCounts();
    withSearcherIO(s -> {
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        FieldInfos fields = leaf.reader().getFieldInfos();
        // one term per feature, and text fields named text.LANG, were the formats of earlier versions
        if (fields.fieldInfo(FEATURE.field) != null
            || StreamSupport.stream(fields.spliterator(), false).anyMatch(f -> f.name.startsWith("text."))) {
          throw new IOException("the store was written by an older version of Kronika; ingest into a new data directory");
        }
      }
      StoredFields stored = s.storedFields();
      for (int doc : matching(s, new TermQuery(new Term(TYPE.field, Kind.COUNTS.value)))) {
        counts.addChanges(stored.document(doc, Set.of(COUNTS.field)).getBinaryValue(COUNTS.field));
      }
      return null;
    });
    return counts;
  }

  /** Opens (creating if needed) the store under {@code dataDir} for ingest. */
  public static LuceneStore openForWriting(Path dataDir) throws IOException {
    Path index = dataDir.resolve("index");
    try {
      Files.createDirectories(index);
    } catch (FileSystemException e) {
      throw notWritable(dataDir, e);
    }
    return new LuceneStore(index, true);
  }

  /** Opens the last commit of the store under {@code dataDir} for reading; empty if none. */
  public static LuceneStore openForReading(Path dataDir) throws IOException {
    return new LuceneStore(dataDir.resolve("index"), false);
  }

  // ---- writing ----

  @Override
  public boolean contains(String articleId) throws IOException {
    return pending.contains(articleId)
        || withSearcherIO(s -> s.count(new TermQuery(new Term(ID.field, articleId))) > 0);
  }

  @Override
  public Optional<String> articleWithContent(String contentHash) throws IOException {
    Optional<String> added = pending.articleWithContent(contentHash);
    if (added.isPresent()) {
      return added;
    }
    return withSearcherIO(s -> {
      ScoreDoc[] hits = s.search(new TermQuery(new Term(HASH.field, contentHash)), 1).scoreDocs;
      return hits.length == 0 ? Optional.empty() : Optional.of(docValue(s, hits[0].doc, ID.field));
    });
  }

  @Override
  public void add(Article article, ArticleFeatures features, StoryStage.Placement placement) throws IOException {
    requireWritable();
    for (String term : features.terms()) {
      termCounts.add(term);
    }
    List<String> bands = ArticleDocument.bands(article, features);
    List<Document> entityDocs = remember(article.entities());
    index(() -> {
      writer.addDocument(articleDocument(ArticleDocument.of(article, features, bands), article));
      for (Document d : entityDocs) {
        writer.addDocument(d);
      }
    });
    pending.add(article, features, placement, bands);
    profiles.put(placement.story().id(), placement.story());
    profiles.put(placement.storyline().id(), placement.storyline());
    if (++sinceRefresh >= REFRESH_EVERY) {
      refresh();
    }
  }

  /** The article's document; its text is analysed by {@link PerLanguageAnalyzer} as it is written. */
  private static Document articleDocument(ArticleDocument a, Article article) {
    Document doc = new Document();
    doc.add(new StringField(TYPE.field, Kind.ARTICLE.value, Field.Store.NO));
    doc.add(new StringField(ID.field, a.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID.field, new BytesRef(a.id())));
    doc.add(new StringField(HASH.field, a.hash(), Field.Store.NO));
    doc.add(new StringField(LANG.field, a.lang(), Field.Store.NO));
    doc.add(new SortedDocValuesField(LANG.field, new BytesRef(a.lang())));
    doc.add(new StringField(STORY.field, a.story(), Field.Store.NO));
    doc.add(new SortedDocValuesField(STORY.field, new BytesRef(a.story())));
    if (a.day() != null) {
      doc.add(new NumericDocValuesField(DAY.field, a.day()));
    }
    doc.add(new StoredField(JSON.field, a.json()));
    String textField = StoreField.text(a.lang());
    if (article.title() != null) {
      doc.add(new TextField(textField, article.title(), Field.Store.NO));
    }
    doc.add(new TextField(textField, article.body(), Field.Store.NO));
    a.names().forEach(key -> doc.add(new StringField(NAME.field, key, Field.Store.NO)));
    if (a.fingerprint() != 0) {
      doc.add(new NumericDocValuesField(FINGERPRINT.field, a.fingerprint()));
    }
    a.bands().forEach(band -> doc.add(new StringField(BAND.field, band, Field.Store.NO)));
    return doc;
  }

  /** Work for the indexing thread. */
  private interface IndexWork {
    void run() throws IOException;
  }

  /**
   * Hands documents to the indexing thread, which analyses and writes them while this one goes
   * on placing the next articles; at most {@value #INDEX_QUEUE} wait, which bounds memory.
   */
  private void index(IndexWork work) throws IOException {
    indexQueue.add(indexing.submit(() -> {
      work.run();
      return null;
    }));
    while (!indexQueue.isEmpty() && (indexQueue.size() > INDEX_QUEUE || indexQueue.peek().isDone())) {
      awaitIndexed(indexQueue.poll());
    }
  }

  /** Waits until every document handed to the indexing thread is in the writer. */
  private void awaitIndexing() throws IOException {
    while (!indexQueue.isEmpty()) {
      awaitIndexed(indexQueue.poll());
    }
  }

  private static void awaitIndexed(Future<?> done) throws IOException {
    try {
      done.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io
          : new IOException("indexing failed: " + e.getCause().toString().replaceAll("\\s+", " "), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while indexing");
    }
  }

  @Override
  public List<String> nearDuplicates(long fingerprint, String lang, int limit) throws IOException {
    if (fingerprint == 0) {
      return List.of();
    }
    java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
    BooleanQuery.Builder bands = new BooleanQuery.Builder();
    List<String> ownBands = Fingerprint.bands(fingerprint, lang);
    ownBands.forEach(band -> bands.add(new TermQuery(new Term(BAND.field, band)), Occur.SHOULD));
    pending.nearDuplicates(fingerprint, ownBands, found);
    withSearcherIO(s -> {
      List<LeafReaderContext> leaves = s.getIndexReader().leaves();
      for (ScoreDoc hit : s.search(bands.build(), NEAR_CANDIDATES).scoreDocs) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
        NumericDocValues values = DocValues.getNumeric(leaf.reader(), FINGERPRINT.field);
        if (values.advanceExact(hit.doc - leaf.docBase) && Fingerprint.near(fingerprint, values.longValue())) {
          found.add(docValue(s, hit.doc, ID.field));
        }
      }
      return null;
    });
    return found.stream().limit(limit).toList();
  }

  @Override
  public Optional<Known> find(String nameKey) {
    return knownEntities.find(nameKey);
  }

  @Override
  public KnownEntities snapshot() {
    return knownEntities.snapshot();
  }

  /** Remembers entities not met before and returns the documents that save them. */
  private List<Document> remember(List<Article.EntityMention> entities) {
    List<Document> docs = new ArrayList<>();
    knownEntities.remember(entities, (key, json) -> {
      Document doc = new Document();
      doc.add(new StringField(TYPE.field, Kind.ENTITY.value, Field.Store.NO));
      doc.add(new StoredField(ENTITY_KEY.field, key));
      doc.add(new StoredField(JSON.field, json));
      docs.add(doc);
    });
    return docs;
  }

  private void loadKnownEntities() throws IOException {
    withSearcherIO(s -> {
      StoredFields stored = s.storedFields();
      for (int doc : matching(s, new TermQuery(new Term(TYPE.field, Kind.ENTITY.value)))) {
        Document d = stored.document(doc);
        knownEntities.load(d.get(ENTITY_KEY.field), d.get(JSON.field));
      }
      return null;
    });
  }

  @Override
  public void update(Collection<StoryProfile> changed) throws IOException {
    requireWritable();
    for (StoryProfile p : changed) {
      pending.update(p);
      profiles.put(p.id(), p);
    }
  }

  /**
   * Writes the stories changed since the last refresh (each once, however many articles
   * joined it) and makes everything written so far searchable.
   */
  private void refresh() throws IOException {
    awaitIndexing();
    for (StoryProfile story : pending.groups()) {
      writer.updateDocument(new Term(GROUP_ID.field, story.id()), ProfileSearch.document(GroupDocument.of(story)));
    }
    searchers.maybeRefreshBlocking();
    pending.clear();
    sinceRefresh = 0;
  }

  @Override
  public void commit() throws IOException {
    requireWritable();
    byte[] changes = termCounts.changes();
    if (changes.length > 0) {
      Document counts = new Document();
      counts.add(new StringField(TYPE.field, Kind.COUNTS.value, Field.Store.NO));
      counts.add(new StoredField(COUNTS.field, changes));
      // by the indexing thread, after the articles: a second thread writing at the same time takes
      // a segment of its own, which may be flushed before the articles' and reorder them
      index(() -> writer.addDocument(counts));
    }
    refresh();
    writer.commit();
    termCounts.changesSaved();
  }

  private void requireWritable() {
    if (writer == null) {
      throw new IllegalStateException("store opened read-only");
    }
  }

  // ---- story index ----

  @Override
  public long articleCount() {
    return withSearcher(s -> (long) s.getIndexReader().docFreq(new Term(TYPE.field, Kind.ARTICLE.value))) + pending.articles();
  }

  @Override
  public int documentFrequency(String term) {
    requireWritable(); // the counts are loaded for ingest only
    return termCounts.get(term);
  }

  @Override
  public List<StoryProfile> candidates(StoryProfile.Level level, Collection<WeightedTerm> terms, LocalDate date,
                                       int limit) {
    Map<String, StoryProfile> found = new LinkedHashMap<>();
    withSearcher(s -> {
      StoredFields stored = s.storedFields();
      for (ScoreDoc hit : s.search(ProfileSearch.candidates(s, level, terms, date), limit).scoreDocs) {
        String sid = docValue(s, hit.doc, GROUP_ID.field);
        StoryProfile p = profiles.get(sid);
        if (p == null) {
          p = Json.read(stored.document(hit.doc, Set.of(PROFILE.field)).get(PROFILE.field), StoryProfile.class);
          profiles.put(sid, p);
        }
        found.put(sid, p);
      }
      return null;
    });
    pending.addCandidates(level, terms, limit, found);
    return new ArrayList<>(found.values());
  }

  @Override
  public Optional<StoryProfile> profile(String id) {
    StoryProfile cached = profiles.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    return withSearcher(s -> {
      ScoreDoc[] hits = s.search(new TermQuery(new Term(GROUP_ID.field, id)), 1).scoreDocs;
      if (hits.length == 0) {
        return Optional.empty();
      }
      StoryProfile p = Json.read(s.storedFields().document(hits[0].doc, Set.of(PROFILE.field)).get(PROFILE.field),
          StoryProfile.class);
      profiles.put(id, p);
      return Optional.of(p);
    });
  }

  // ---- reading ----

  @Override
  public void forEachArticle(Consumer<Article> action) throws IOException {
    withSearcherIO(s -> {
      StoredFields stored = s.storedFields();
      for (int doc : matching(s, new TermQuery(new Term(TYPE.field, Kind.ARTICLE.value)))) {
        action.accept(Json.read(stored.document(doc, Set.of(JSON.field)).get(JSON.field), Article.class));
      }
      return null;
    });
  }

  @Override
  public Optional<Article> article(String id) throws IOException {
    return articleJson(id).map(json -> Json.read(json, Article.class));
  }

  /** Only the body is taken out of the stored JSON: parsing the whole article took half as long as reading it. */
  @Override
  public Optional<String> articleBody(String id) throws IOException {
    return articleJson(id).flatMap(json -> Json.stringField(json, "body"));
  }

  @Override
  public List<Article> articlesOfStory(String storyId, String lang, int limit) throws IOException {
    Map<String, Article> found = new LinkedHashMap<>();
    withSearcherIO(s -> {
      BooleanQuery q = new BooleanQuery.Builder().add(new TermQuery(new Term(STORY.field, storyId)), Occur.FILTER)
          .add(new TermQuery(new Term(TYPE.field, Kind.ARTICLE.value)), Occur.FILTER)
          .add(new TermQuery(new Term(LANG.field, lang)), Occur.MUST_NOT).build();
      StoredFields stored = s.storedFields();
      for (ScoreDoc hit : s.search(q, limit).scoreDocs) {
        Article a = Json.read(stored.document(hit.doc, Set.of(JSON.field)).get(JSON.field), Article.class);
        found.put(a.id(), a);
      }
      return null;
    });
    pending.addArticlesOfStory(storyId, lang, found);
    return found.values().stream().limit(limit).toList();
  }

  /** An article's stored JSON, the only stored field read. */
  private Optional<String> articleJson(String id) throws IOException {
    return withSearcherIO(s -> {
      ScoreDoc[] hits = s.search(new TermQuery(new Term(ID.field, id)), 1).scoreDocs;
      return hits.length == 0 ? Optional.empty()
          : Optional.of(s.storedFields().document(hits[0].doc, Set.of(JSON.field)).get(JSON.field));
    });
  }

  @Override
  public List<Story> stories() throws IOException {
    return withSearcherIO(s -> Listings.stories(articleRows(s), profiles(s, StoryProfile.Level.STORY),
        profiles(s, StoryProfile.Level.STORYLINE)));
  }

  @Override
  public List<Storyline> storylines(List<Story> stories) throws IOException {
    return withSearcherIO(s -> Listings.storylines(stories, profiles(s, StoryProfile.Level.STORYLINE)));
  }

  /** Every article's id, story, language and date, read from doc values (no JSON parsed). */
  private static List<Listings.ArticleRow> articleRows(IndexSearcher s) throws IOException {
    List<Listings.ArticleRow> rows = new ArrayList<>();
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    for (int doc : matching(s, new TermQuery(new Term(TYPE.field, Kind.ARTICLE.value)))) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      int local = doc - leaf.docBase;
      NumericDocValues day = DocValues.getNumeric(leaf.reader(), DAY.field);
      rows.add(new Listings.ArticleRow(sorted(leaf, ID.field, local), sorted(leaf, STORY.field, local), sorted(leaf, LANG.field, local),
          day.advanceExact(local) ? LocalDate.ofEpochDay(day.longValue()) : null));
    }
    return rows;
  }

  private static String sorted(LeafReaderContext leaf, String field, int doc) throws IOException {
    SortedDocValues values = DocValues.getSorted(leaf.reader(), field);
    return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
  }

  private static List<StoryProfile> profiles(IndexSearcher s, StoryProfile.Level level) throws IOException {
    StoredFields stored = s.storedFields();
    List<StoryProfile> out = new ArrayList<>();
    for (int doc : matching(s, new TermQuery(new Term(TYPE.field, Kind.of(level).value)))) {
      out.add(Json.read(stored.document(doc, Set.of(PROFILE.field)).get(PROFILE.field), StoryProfile.class));
    }
    return out;
  }

  @Override
  public List<SearchHit> search(String query, String lang, int limit) throws IOException {
    Set<String> langs = indexedLanguages();
    return withSearcherIO(s -> {
      ScoreDoc[] found = ranked(s, query, langs, lang, Math.max(1, limit));
      StoredFields stored = s.storedFields();
      List<SearchHit> hits = new ArrayList<>();
      for (ScoreDoc hit : found) {
        Article a = Json.read(stored.document(hit.doc, Set.of(JSON.field)).get(JSON.field), Article.class);
        hits.add(new SearchHit(a, hit.score, SearchQuery.snippet(a.body(), query)));
      }
      return hits;
    });
  }

  /** The best {@code n} articles having every query word, or, when none has, any of them. */
  private static ScoreDoc[] ranked(IndexSearcher s, String query, Set<String> langs, String lang, int n)
      throws IOException {
    List<List<SearchQuery.Alternative>> words = SearchQuery.words(query, langs);
    if (words.isEmpty()) {
      return new ScoreDoc[0];
    }
    Map<Term, TermStates> states = ProfileSearch.termStates(s,
        words.stream().flatMap(List::stream).map(SearchQuery.Alternative::term).toList());
    Function<Term, TermQuery> present = t -> states.containsKey(t) ? new TermQuery(t, states.get(t)) : null;
    ScoreDoc[] found = best(s, SearchQuery.build(words, lang, true, present), n);
    return found.length > 0 ? found : best(s, SearchQuery.build(words, lang, false, present), n);
  }

  /**
   * The best {@code n} matches of {@code q}, best first and, at equal scores, in doc order (as
   * Lucene's top docs are). Every match is kept and sorted: a top-{@code n} queue is filled
   * with {@code n} placeholders up front, which for the thousands the web asks for cost more
   * than the few dozen matches a query usually has.
   */
  private static ScoreDoc[] best(IndexSearcher s, Query q, int n) throws IOException {
    List<ScoreDoc> matches = matches(s, q, true);
    matches.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    return matches.subList(0, Math.min(n, matches.size())).toArray(new ScoreDoc[0]);
  }

  private Set<String> indexedLanguages() throws IOException {
    return withSearcherIO(s -> {
      Set<String> langs = new TreeSet<>();
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        leaf.reader().getFieldInfos().forEach(fi -> {
          String lang = StoreField.textLanguage(fi.name);
          if (lang != null) {
            langs.add(lang);
          }
        });
      }
      return langs;
    });
  }

  // ---- plumbing ----

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

  /** Every document matching {@code q}, in doc order. */
  private static List<Integer> matching(IndexSearcher s, Query q) throws IOException {
    return matches(s, q, false).stream().map(d -> d.doc).toList();
  }

  /** Every match of {@code q} in doc order, scored or (score 0) not. */
  private static List<ScoreDoc> matches(IndexSearcher s, Query q, boolean scored) throws IOException {
    List<ScoreDoc> matches = new ArrayList<>();
    s.search(q, new SimpleCollector() {
      private int base;
      private Scorable scorer;

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        base = context.docBase;
      }

      @Override
      public void setScorer(Scorable scorer) {
        this.scorer = scorer;
      }

      @Override
      public void collect(int doc) throws IOException {
        matches.add(new ScoreDoc(base + doc, scored ? scorer.score() : 0));
      }

      @Override
      public ScoreMode scoreMode() {
        return scored ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
      }
    });
    return matches;
  }

  private interface SearcherWork<T> {
    T apply(IndexSearcher s) throws IOException;
  }

  private <T> T withSearcherIO(SearcherWork<T> work) throws IOException {
    SearcherManager manager = searchers;
    if (manager == null) {
      return work.apply(new IndexSearcher(new org.apache.lucene.index.MultiReader()));
    }
    IndexSearcher s = manager.acquire();
    try {
      return work.apply(s);
    } finally {
      manager.release(s);
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
      if (indexing != null) {
        indexing.shutdown(); // documents it still holds are written, then rolled back below with the rest uncommitted
        awaitIndexingStopped();
      }
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

  private void awaitIndexingStopped() throws InterruptedIOException {
    try {
      indexing.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while closing the store");
    }
  }

  /** Each {@code text_LANG} field is analysed with that language's chain. */
  private static final class PerLanguageAnalyzer extends DelegatingAnalyzerWrapper {
    private final Analyzer fallback = new StandardAnalyzer();

    PerLanguageAnalyzer() {
      super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String field) {
      String lang = StoreField.textLanguage(field);
      return lang != null ? Languages.of(lang).indexer() : fallback;
    }
  }

  // ---- for the web: ranked ids and refreshing reads ----

  @Override
  public List<RankedId> searchIds(String query, String lang, int limit) throws IOException {
    Set<String> langs = indexedLanguages();
    return withSearcherIO(s -> {
      ScoreDoc[] found = ranked(s, query, langs, lang, Math.max(1, Math.min(limit, s.getIndexReader().maxDoc())));
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
          values = DocValues.getSorted(leaf.reader(), ID.field);
        }
        if (!values.advanceExact(doc - leaf.docBase)) {
          throw new IOException("index is missing " + ID.field + " for a document; was it written by this version?");
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
      synchronized (this) { // a reader opened before the writer's first commit looks for it
        if (searchers == null && writer == null && DirectoryReader.indexExists(directory)) {
          searchers = new SearcherManager(directory, new SearcherFactory());
        }
      }
      if (searchers == null) {
        return 0;
      }
    }
    searchers.maybeRefreshBlocking();
    return withSearcherIO(s -> ((DirectoryReader) s.getIndexReader()).getVersion());
  }
}
