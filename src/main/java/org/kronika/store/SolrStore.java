package org.kronika.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.TermsResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.ContentStreamBase;
import org.kronika.analysis.Languages;
import org.kronika.entity.KnownEntities;
import org.kronika.internal.Json;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.model.Storyline;
import org.kronika.story.ArticleFeatures;
import org.kronika.story.Fingerprint;
import org.kronika.story.StoryIndex;
import org.kronika.story.StoryProfile;
import org.kronika.story.StoryStage;
import org.kronika.store.StoreField.Kind;

import static org.kronika.store.StoreField.*;

/**
 * The distributed store: a SolrCloud collection, sharded and replicated, holding what
 * {@link LuceneStore} holds (articles, story and storyline profiles, known entities) in the
 * same fields. Any number of writers (Kronika workers) and readers share it.
 *
 * <p>Article text is analysed here, by the analyzers of the embedded index, and sent
 * pre-analysed, so both stores hold the same terms and the Solr nodes need no plugin; queries
 * are built by the same code ({@link SearchQuery}).
 *
 * <p>A writer buffers its articles and the profiles they changed, and serves its own story
 * lookups from that buffer, until {@link #commit}: profiles go first, then articles, then a
 * soft commit makes them visible to every other writer and reader. Solr acknowledges an update
 * once every replica has it in its transaction log, so a commit that returned survives the
 * loss of a node or a {@code kill -9}; one that failed may have written part of its batch,
 * which a replay writes again under the same ids. Other writers' changes are seen from their
 * last commit on. Not thread-safe for writes.
 *
 * <p>A writer's traffic is a bounded number of requests per batch, not per article: it keeps its
 * own copy of every profile ({@link ProfileMirror}), where its articles' candidate stories and
 * storylines are found, brought up to date at each commit and {@link #refreshReads} with the
 * profiles the other writers changed; and it asks about a batch's ids, contents and fingerprints
 * together ({@link #lookUpArticles}, {@link #lookUpDuplicates}).
 */
public final class SolrStore implements Store {
  private static final String CONFIGSET = "kronika";
  private static final List<String> CONFIG_FILES = List.of("solrconfig.xml", "schema.xml");
  private static final int NEAR_CANDIDATES = 50;
  private static final int PAGE = 2000;
  /**
   * Other writers' articles are counted again once they are this many, and this share of those
   * counted: a writer that saw only its own partitions (a few sites, a few languages) would weigh
   * every other language's common words as rare, and scaling counts up cannot mend that.
   */
  private static final int RECOUNT_AFTER = 500;
  private static final int RECOUNT_SHARE = 10;

  /** A profile document's fields read back: the profile, and how its story was opened. */
  private static final String[] PROFILE_FIELDS = {GROUP_ID.field, PROFILE.field, WRITER.field, PLACED.field, SHARED.field};
  /** A profile document's fields as a writer's copy of it holds them: with its version. */
  private static final String[] MIRRORED_FIELDS = {GROUP_ID.field, PROFILE.field, WRITER.field, PLACED.field, SHARED.field,
      VERSION.field};
  /** Commits whose writes a stored profile names ({@link Written#commits}). */
  private static final int WRITES_KEPT = 16;
  /**
   * Rounds of a commit's profile writes refused because other writers stored the same profiles
   * meanwhile; each round reads them again. Two writers contend for a group at most a few times
   * in a row; this bounds a writer outpaced forever.
   */
  private static final int WRITE_ROUNDS = 20;
  /**
   * How far back a writer looks for profiles the others changed since its copy was last brought
   * up to date: a profile's version is taken when it is written, and it shows only once its
   * writer's commit ended, which under load takes seconds; writers' clocks differ a little too.
   */
  private static final long MIRROR_MARGIN_MILLIS = 60_000;
  /** Profile ids and versions listed in one request when a writer's copy is brought up to date (small rows). */
  private static final int VERSIONS_PER_PAGE = 50_000;
  /** Documents asked for by id in one request. */
  private static final int IDS_PER_GET = 500;
  /** Hashes or fingerprint bands asked about in one query. */
  private static final int CLAUSES_PER_QUERY = 1000;
  /** Commits whose end a writer remembers: once known, a commit's end never changes. */
  private static final int COMMIT_ENDS_KEPT = 10_000;
  /** Characters of articles' text a writer keeps at hand to find translations among. */
  private static final long KNOWN_CHARS_KEPT = 20_000_000;

  private final CloudSolrClient client;
  /** Requests sent to Solr for the documents of this store (not those that made the collection). */
  private final java.util.concurrent.atomic.LongAdder requests = new java.util.concurrent.atomic.LongAdder();
  private final String collection;
  private final boolean writable;
  private final List<SolrInputDocument> articles = new ArrayList<>();
  private final List<SolrInputDocument> entities = new ArrayList<>();
  /** What was added since the last commit. */
  private final Pending pending = new Pending();
  /** Profiles read since the last commit; other writers' changes show from their next commit. */
  private final Map<String, StoryProfile> profiles = new HashMap<>();
  /** Profiles as last read from Solr: for a group this writer changed, the version its changes started from. */
  private final Map<String, StoryProfile> bases = new HashMap<>();
  /** This writer, to the others: which stories it opened ({@link StoryIndex.Opening}). */
  private final String writer = java.util.UUID.randomUUID().toString();
  /**
   * Stories this writer opened since the last commit, with as of when their first article was
   * weighed against the others' groups (only stories: storylines merge whoever opened them).
   */
  private final Map<String, Long> openedHere = new HashMap<>();
  /**
   * As of when the other writers' groups were seen by this writer's last look for an article's
   * story: when its copy of them was last brought up to date.
   */
  private long storyLookupAt;
  /** How the stories read since the last commit were opened, to be written again with them. */
  private final Map<String, Opened> openings = new HashMap<>();
  /** When commits that opened stories ended, once known (this writer's own as they end). */
  private final Map<String, Long> commitsEnded = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > COMMIT_ENDS_KEPT;
    }
  };
  /**
   * Articles of stories this writer stored or read lately, by story, those not committed yet
   * included: the translation of an article is looked for among them, and asked of Solr only
   * when the story holds articles they do not ({@link #articlesOfStory}).
   */
  private final Map<String, Map<String, Article>> knownByStory = new LinkedHashMap<>(256, 0.75f, true);
  /** Characters of text {@link #knownByStory} holds. */
  private long knownChars;
  private final EntityMemory knownEntities = new EntityMemory();
  /** Whether articles were stored when {@link #lookUpArticles} asked, until the next commit. */
  private final Map<String, Boolean> lookedUp = new HashMap<>();
  /** The stored article of each content hash {@link #lookUpDuplicates} asked about ({@code null}: none), until the next commit. */
  private final Map<String, String> idByHashLookedUp = new HashMap<>();
  /** Stored articles by the fingerprint bands {@link #lookUpDuplicates} asked about, until the next commit. */
  private final Map<String, List<Fingerprinted>> byBandLookedUp = new HashMap<>();
  /** A writer's copy of the collection's profiles; {@code null} for a reader. */
  private final ProfileMirror mirror;
  /** When the writer last began bringing {@link #mirror} up to date (epoch milliseconds). */
  private long mirroredAt;
  private TermCounts termCounts;
  /**
   * Articles whose terms {@link #termCounts} counted: the collection's when last counted, and
   * this writer's since.
   */
  private long countedArticles;
  /** Orders this writer's articles ({@code seq}) and names its commits. */
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
  private long committedArticles;

  /**
   * How a profile is stored: Solr's {@code _version_} (a write must replace that version) and
   * the last commits that wrote it, newest last. A write is accepted only over the version it was
   * replayed on, so each write's list extends the one before: a commit finds its own name in a
   * profile exactly when its write was accepted, whoever wrote on top of it since.
   */
  private record Written(long version, List<String> commits) {
    static Written of(SolrDocument d) {
      List<String> commits = new ArrayList<>();
      java.util.Objects.requireNonNullElse(d.getFieldValues(WROTE.field), List.<Object>of()).forEach(c -> commits.add((String) c));
      return new Written((Long) d.getFirstValue(VERSION.field), commits);
    }

    /** The list a write over this version names, ending with {@code commit}. */
    List<String> with(String commit) {
      List<String> out = new ArrayList<>(commits.subList(Math.max(0, commits.size() - WRITES_KEPT + 1), commits.size()));
      out.add(commit);
      return out;
    }
  }

  /**
   * How a story was opened, as its profile document stores it ({@code writer}, {@code placed},
   * {@code shared}): the writer, when it began looking for the first article's story, and when
   * it began the commit that first wrote the story. That commit's end is stored apart, once
   * known ({@link Kind#COMMIT}).
   */
  private record Fingerprinted(String id, long fingerprint) {}

  private record Opened(String writer, long placed, long commitStarted) {
    /** The id of the document recording when that commit ended. */
    String commitEndKey() {
      return commitEndKey(writer, commitStarted);
    }

    static String commitEndKey(String writer, long commitStarted) {
      return "c:" + writer + "@" + commitStarted;
    }
  }

  private SolrStore(CloudSolrClient client, String collection, boolean writable) throws IOException {
    this.client = client;
    this.collection = collection;
    this.writable = writable;
    this.committedArticles = count(Kind.ARTICLE);
    if (writable) {
      this.termCounts = countTerms();
      this.countedArticles = committedArticles;
      loadKnownEntities();
      this.mirror = new ProfileMirror();
      try {
        refreshMirror();
      } catch (IOException | RuntimeException e) {
        mirror.close();
        throw e;
      }
    } else {
      this.termCounts = null;
      this.mirror = null;
    }
  }

  /**
   * Connects to the collection through SolrCloud's ZooKeeper ({@code host:port[/chroot]}),
   * creating it with Kronika's configuration ({@code shards} × {@code replicas}) when it does
   * not exist yet.
   */
  public static SolrStore connect(String zookeeper, String collection, int shards, int replicas, boolean writable)
      throws IOException {
    int slash = zookeeper.indexOf('/');
    Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(zookeeper.substring(slash));
    String hosts = slash < 0 ? zookeeper : zookeeper.substring(0, slash);
    CloudSolrClient client = new CloudSolrClient.Builder(List.of(hosts.split(",")), chroot).build();
    try {
      ensureCollection(client, collection, shards, replicas);
      return new SolrStore(client, collection, writable);
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static void ensureCollection(CloudSolrClient client, String collection, int shards, int replicas)
      throws IOException {
    try {
      if (CollectionAdminRequest.listCollections(client).contains(collection)) {
        return;
      }
      List<String> configs = new ConfigSetAdminRequest.List().process(client).getConfigSets();
      if (!configs.contains(CONFIGSET)) {
        ContentStreamBase.ByteArrayStream zip = new ContentStreamBase.ByteArrayStream(configZip(), "kronika.zip");
        zip.setContentType("application/zip");
        try {
          new ConfigSetAdminRequest.Upload().setConfigSetName(CONFIGSET).setUploadStream(zip).process(client);
        } catch (SolrException e) {
          if (!new ConfigSetAdminRequest.List().process(client).getConfigSets().contains(CONFIGSET)) {
            throw e;
          } // another process uploaded it meanwhile
        }
      }
      try {
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, CONFIGSET, shards,
            replicas);
        create.setWaitForFinalState(true);
        create.process(client);
      } catch (SolrException | SolrServerException e) {
        if (!CollectionAdminRequest.listCollections(client).contains(collection)) {
          throw e;
        } // another process created it meanwhile
      }
      awaitActive(client, collection);
    } catch (SolrServerException | SolrException e) {
      throw new IOException("cannot set up Solr collection " + collection + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while setting up Solr collection " + collection, e);
    }
  }

  /** Waits until every shard of the collection has a leader (another process may be creating it). */
  private static void awaitActive(CloudSolrClient client, String collection) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      var state = client.getClusterState().getCollectionOrNull(collection);
      if (state != null && !state.getActiveSlices().isEmpty()
          && state.getActiveSlices().stream().allMatch(slice -> slice.getLeader() != null)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IOException("Solr collection " + collection + " did not become active within 60 s");
  }

  /** Kronika's Solr configuration, zipped for Solr's configset upload. */
  private static byte[] configZip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : CONFIG_FILES) {
        try (InputStream in = SolrStore.class.getResourceAsStream("solr/" + name)) {
          if (in == null) {
            throw new IOException("Kronika's Solr configuration is missing " + name);
          }
          zip.putNextEntry(new ZipEntry(name));
          in.transferTo(zip);
          zip.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  // ---- writing ----

  @Override
  public boolean contains(String articleId) throws IOException {
    if (pending.contains(articleId)) {
      return true;
    }
    Boolean stored = lookedUp.get(articleId);
    return stored != null ? stored : getById(articleKey(articleId), ARTICLE_ID.field) != null;
  }

  @Override
  public Optional<String> articleWithContent(String contentHash) throws IOException {
    Optional<String> added = pending.articleWithContent(contentHash);
    if (added.isPresent()) {
      return added;
    }
    if (idByHashLookedUp.containsKey(contentHash)) {
      return Optional.ofNullable(idByHashLookedUp.get(contentHash));
    }
    SolrQuery q = filtered(Kind.ARTICLE).setQuery(HASH.field + ":" + ClientUtils.escapeQueryChars(contentHash)).setFields(ARTICLE_ID.field)
        .setRows(1);
    return query(q).getResults().stream().map(d -> (String) d.getFirstValue(ARTICLE_ID.field)).findFirst();
  }

  @Override
  public List<String> nearDuplicates(long fingerprint, String lang, int limit) throws IOException {
    if (fingerprint == 0) {
      return List.of();
    }
    LinkedHashSet<String> found = new LinkedHashSet<>();
    List<String> bands = Fingerprint.bands(fingerprint, lang);
    pending.nearDuplicates(fingerprint, bands, found);
    if (byBandLookedUp.keySet().containsAll(bands)) {
      for (String band : bands) {
        byBandLookedUp.get(band).stream().filter(f -> Fingerprint.near(fingerprint, f.fingerprint()))
            .forEach(f -> found.add(f.id()));
      }
      return found.stream().limit(limit).toList();
    }
    List<String> clauses = bands.stream().map(band -> BAND.field + ":" + ClientUtils.escapeQueryChars(band)).toList();
    SolrQuery q = filtered(Kind.ARTICLE).setQuery(String.join(" ", clauses)).setFields(ARTICLE_ID.field, FINGERPRINT.field)
        .setRows(NEAR_CANDIDATES);
    for (SolrDocument d : query(q).getResults()) {
      Object fp = d.getFirstValue(FINGERPRINT.field);
      if (fp instanceof Long f && Fingerprint.near(fingerprint, f)) {
        found.add((String) d.getFirstValue(ARTICLE_ID.field));
      }
    }
    return found.stream().limit(limit).toList();
  }

  @Override
  public List<Article> articlesOfStory(String storyId, String lang, int limit) throws IOException {
    Map<String, Article> known = knownByStory.get(storyId);
    StoryProfile story = pending.group(storyId) != null ? pending.group(storyId) : profiles.get(storyId);
    if (story != null && (known == null || known.size() < story.size()) && story.size() <= limit) {
      // the whole story, kept for the articles that join it next
      SolrQuery q = filtered(Kind.ARTICLE).setQuery(STORY.field + ":" + ClientUtils.escapeQueryChars(storyId))
          .setFields(JSON.field).setRows(story.size());
      for (SolrDocument d : query(q).getResults()) {
        keep(Json.read((String) d.getFirstValue(JSON.field), Article.class));
      }
      known = knownByStory.get(storyId);
    }
    if (known != null && story != null && known.size() >= story.size()) { // every article of the story is at hand
      return known.values().stream().filter(a -> !a.lang().equals(lang)).limit(limit).toList();
    }
    Map<String, Article> found = new LinkedHashMap<>();
    SolrQuery q = filtered(Kind.ARTICLE).setQuery(STORY.field + ":" + ClientUtils.escapeQueryChars(storyId)
        + " -" + LANG.field + ":" + ClientUtils.escapeQueryChars(lang)).setFields(JSON.field).setRows(limit);
    for (SolrDocument d : query(q).getResults()) {
      Article a = Json.read((String) d.getFirstValue(JSON.field), Article.class);
      found.put(a.id(), a);
    }
    pending.addArticlesOfStory(storyId, lang, found);
    return found.values().stream().limit(limit).toList();
  }

  @Override
  public void add(Article article, ArticleFeatures features, StoryStage.Placement placement) throws IOException {
    requireWritable();
    List<String> bands = ArticleDocument.bands(article, features);
    ArticleDocument a = ArticleDocument.of(article, features, bands);
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(ID.field, articleKey(a.id()));
    doc.setField(TYPE.field, Kind.ARTICLE.value);
    doc.setField(ARTICLE_ID.field, a.id());
    doc.setField(SEQUENCE.field, sequence.incrementAndGet());
    doc.setField(HASH.field, a.hash());
    doc.setField(LANG.field, a.lang());
    doc.setField(STORY.field, a.story());
    if (a.day() != null) {
      doc.setField(DAY.field, a.day());
    }
    doc.setField(JSON.field, a.json());
    doc.setField(StoreField.text(a.lang()), preAnalysed(article));
    doc.setField(FEATURE.field, new ArrayList<>(features.terms()));
    doc.setField(NAME.field, a.names());
    features.terms().forEach(termCounts::add);
    countedArticles++;
    if (a.fingerprint() != 0) {
      doc.setField(FINGERPRINT.field, a.fingerprint());
      doc.setField(BAND.field, a.bands());
    }
    articles.add(doc);
    keep(article);
    remember(article.entities());
    if (placement.story().size() == 1) {
      openedHere.put(placement.story().id(), storyLookupAt);
    }
    pending.add(article, features, placement, bands);
  }

  private void keep(Article article) {
    if (knownByStory.computeIfAbsent(article.story(), k -> new LinkedHashMap<>()).put(article.id(), article) == null) {
      knownChars += article.body().length();
    }
    var eldest = knownByStory.entrySet().iterator();
    while (knownChars > KNOWN_CHARS_KEPT && eldest.hasNext()) {
      eldest.next().getValue().values().forEach(a -> knownChars -= a.body().length());
      eldest.remove();
    }
  }

  /** Title and body as the embedded index's analyzer for the language tokenises them, in Solr's JSON form. */
  private static String preAnalysed(Article article) {
    List<Map<String, String>> tokens = new ArrayList<>();
    for (String text : new String[] {article.title(), article.body()}) {
      if (text == null) {
        continue;
      }
      try (TokenStream ts = Languages.of(article.lang()).indexer().tokenStream("text", text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          tokens.add(Map.of("t", term.toString()));
        }
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Json.write(Map.of("v", "1", "tokens", tokens));
  }

  @Override
  public Optional<KnownEntities.Known> find(String nameKey) {
    return knownEntities.find(nameKey);
  }

  @Override
  public KnownEntities snapshot() {
    return knownEntities.snapshot();
  }

  private void remember(List<Article.EntityMention> mentioned) {
    knownEntities.remember(mentioned, (key, json) -> {
      SolrInputDocument doc = new SolrInputDocument();
      doc.setField(ID.field, entityKey(key));
      doc.setField(TYPE.field, Kind.ENTITY.value);
      doc.setField(ENTITY_KEY.field, key);
      doc.setField(JSON.field, json);
      entities.add(doc);
    });
  }

  private void loadKnownEntities() throws IOException {
    forEach(filtered(Kind.ENTITY).setQuery("*:*").setFields(ENTITY_KEY.field, JSON.field),
        d -> knownEntities.load((String) d.getFirstValue(ENTITY_KEY.field), (String) d.getFirstValue(JSON.field)));
  }

  /** Document frequencies of feature terms over the whole collection, as committed now. */
  private TermCounts countTerms() throws IOException {
    TermCounts counts = new TermCounts();
    SolrQuery q = new SolrQuery().setRequestHandler("/terms");
    q.setTerms(true);
    q.addTermsField(FEATURE.field);
    q.setTermsLimit(-1);
    q.setTermsMinCount(1);
    TermsResponse terms = query(q).getTermsResponse();
    if (terms != null && terms.getTerms(FEATURE.field) != null) {
      for (TermsResponse.Term t : terms.getTerms(FEATURE.field)) {
        counts.addSaved(t.getTerm(), (int) t.getFrequency());
      }
    }
    return counts;
  }

  @Override
  public void update(Collection<StoryProfile> changed) {
    requireWritable();
    changed.forEach(pending::update);
  }

  /** A profile's document, written by {@code commit} over the stored version {@code over} ({@code null} for a new group). */
  private SolrInputDocument profileDocument(StoryProfile story, long commitStart, String commit, Written over) {
    SolrInputDocument doc = new SolrInputDocument();
    Long placed = openedHere.get(story.id());
    Opened opening = placed != null ? new Opened(writer, placed, commitStart) : openings.get(story.id());
    if (opening != null) {
      doc.setField(WRITER.field, opening.writer());
      doc.setField(PLACED.field, opening.placed());
      doc.setField(SHARED.field, opening.commitStarted());
    }
    doc.setField(ID.field, profileKey(story.id()));
    if (over != null) {
      doc.setField(VERSION.field, over.version()); // Solr refuses the write if another writer's came first
    }
    doc.setField(WROTE.field, over != null ? over.with(commit) : List.of(commit));
    GroupDocument g = GroupDocument.of(story);
    doc.setField(TYPE.field, g.kind().value);
    doc.setField(GROUP_ID.field, g.id());
    doc.setField(PROFILE.field, g.json());
    doc.setField(GROUP_TERM.field, g.terms());
    if (g.undated()) {
      doc.setField(UNDATED.field, "1");
    } else {
      doc.setField(FIRST.field, g.firstDay());
      doc.setField(LAST.field, g.lastDay());
    }
    return doc;
  }

  /**
   * Writes the profiles changed since the last commit (each once), then the articles and new
   * entities, then makes all of it visible; returns once Solr acknowledged every write.
   */
  @Override
  public void commit() throws IOException {
    requireWritable();
    long commitStart = System.currentTimeMillis();
    if (!pending.groups().isEmpty()) {
      writeProfiles(commitStart);
    }
    if (!articles.isEmpty() || !entities.isEmpty()) {
      List<SolrInputDocument> docs = new ArrayList<>(articles);
      docs.addAll(entities);
      send(docs);
    }
    try {
      requests.increment();
      client.commit(collection, true, true, true);
    } catch (SolrServerException | SolrException e) {
      throw new IOException("Solr commit failed: " + e.getMessage(), e);
    }
    if (!openedHere.isEmpty()) {
      // read by the others through real-time get, so it needs no commit of its own
      SolrInputDocument ended = new SolrInputDocument();
      ended.setField(ID.field, Opened.commitEndKey(writer, commitStart));
      ended.setField(TYPE.field, Kind.COMMIT.value);
      ended.setField(VISIBLE.field, System.currentTimeMillis());
      send(List.of(ended));
      commitsEnded.put(Opened.commitEndKey(writer, commitStart), (Long) ended.getFieldValue(VISIBLE.field));
    }
    committedArticles = count(Kind.ARTICLE); // other writers' articles count too
    termCounts.changesSaved(); // Solr holds them, in the articles' feature terms
    long uncounted = committedArticles - countedArticles;
    if (uncounted >= Math.max(RECOUNT_AFTER, countedArticles / RECOUNT_SHARE)) {
      termCounts = countTerms();
      countedArticles = committedArticles;
    }
    articles.clear();
    entities.clear();
    pending.clear();
    profiles.clear();
    bases.clear();
    openedHere.clear();
    openings.clear();
    lookedUp.clear();
    idByHashLookedUp.clear();
    byBandLookedUp.clear();
    refreshMirror(); // what the others committed meanwhile, for the next batch's placements
  }

  /**
   * Writes the changed profiles, each only over the version of it this writer replayed its
   * changes on (Solr's optimistic concurrency). A profile another writer stored between that
   * read and this write is refused, not overwritten, and goes round again: read, replayed on,
   * written. Without this, two workers growing a large storyline at once lost one's growth in a
   * quarter of their commits (ClusterModeTest), and a merge's forwarding address could be lost.
   */
  private void writeProfiles(long commitStart) throws IOException {
    String commit = writer + "/" + sequence.incrementAndGet();
    for (int round = 1; ; round++) {
      Map<String, Written> storedAs = catchUp();
      Map<String, SolrInputDocument> sent = new HashMap<>();
      pending.groups().forEach(p -> sent.put(p.id(), profileDocument(p, commitStart, commit, storedAs.get(p.id()))));
      send(new ArrayList<>(sent.values()));
      int refused = 0;
      for (SolrDocument d : stored(pending.groups().stream().map(StoryProfile::id).toList(), GROUP_ID.field, VERSION.field, WROTE.field)) {
        String id = (String) d.getFirstValue(GROUP_ID.field);
        Written written = Written.of(d);
        if (written.commits().contains(commit)) {
          bases.put(id, pending.group(id)); // accepted: the base of any change still to come
          SolrInputDocument doc = sent.get(id);
          mirror.put(new ProfileMirror.Entry(pending.group(id), (String) doc.getFieldValue(WRITER.field),
              (Long) doc.getFieldValue(PLACED.field), (Long) doc.getFieldValue(SHARED.field)), written.version());
        } else {
          refused++;
        }
      }
      if (refused == 0) {
        return;
      }
      if (round == WRITE_ROUNDS) {
        throw new IOException("other writers kept changing " + refused + " story profiles while this worker wrote them,"
            + " " + round + " times over; its batch will be processed again");
      }
    }
  }

  /**
   * Replays each changed profile on the version stored now when another writer stored one since
   * this writer read it: last-writer-wins would drop the other's articles, and a group another
   * writer merged away must not be merged again from a stale copy. Returns how each was stored,
   * for the write that follows.
   */
  private Map<String, Written> catchUp() throws IOException {
    profiles.clear(); // groups only read are read again as they are now
    List<String> changed = pending.groups().stream().map(StoryProfile::id).filter(bases::containsKey).toList();
    if (changed.isEmpty()) {
      return Map.of();
    }
    Map<String, StoryProfile> latest = new java.util.LinkedHashMap<>();
    Map<String, Written> written = new HashMap<>();
    for (SolrDocument d : stored(changed, GROUP_ID.field, PROFILE.field, VERSION.field, WROTE.field)) {
      String id = (String) d.getFirstValue(GROUP_ID.field);
      latest.put(id, Json.read((String) d.getFirstValue(PROFILE.field), StoryProfile.class));
      written.put(id, Written.of(d));
    }
    latest.forEach(this::withdrawMergeMadeElsewhere);
    latest.forEach((id, stored) -> {
      StoryProfile base = bases.put(id, stored);
      if (stored.size() != base.size() || !java.util.Objects.equals(stored.mergedInto(), base.mergedInto())) {
        pending.update(pending.group(id).rebase(base, stored));
      }
    });
    return written;
  }

  /** The profiles of these groups as they are now (Solr's real-time get: also writes not yet committed). */
  private SolrDocumentList stored(List<String> groupIds, String... fields) throws IOException {
    return getByIds(groupIds.stream().map(SolrStore::profileKey).toList(), "profiles", fields);
  }

  /** Documents by id, as they are now (Solr's real-time get), in one request; {@code what} names them in an error. */
  private SolrDocumentList getByIds(List<String> ids, String what, String... fields) throws IOException {
    try {
      requests.increment();
      // POST: a batch's ids are more than a URL holds
      SolrQuery get = new SolrQuery().setRequestHandler("/get");
      get.set("ids", String.join(",", ids));
      get.setFields(fields);
      return client.query(collection, get, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults();
    } catch (SolrServerException | SolrException e) {
      throw new IOException("Solr get of " + ids.size() + " " + what + " failed: " + e.getMessage(), e);
    }
  }


  /**
   * When this writer merged a group away that another writer merged away first (both compared
   * the same pair in the same moment), the first merge stands: the group keeps the other's
   * forwarding address, and the group this writer merged it into gives back what it absorbed,
   * else a group merged into the same one twice would count its articles twice.
   */
  private void withdrawMergeMadeElsewhere(String id, StoryProfile stored) {
    StoryProfile mine = pending.group(id);
    StoryProfile base = bases.get(id);
    if (mine.mergedInto() == null || base.mergedInto() != null || stored.mergedInto() == null) {
      return;
    }
    StoryProfile into = pending.group(mine.mergedInto());
    if (into != null && into.mergedInto() == null) {
      pending.update(into.without(base));
    }
    pending.update(stored);
  }

  private void send(List<SolrInputDocument> docs) throws IOException {
    try {
      UpdateRequest request = new UpdateRequest();
      request.add(docs);
      // a profile another writer changed since it was read is left out, not the whole batch (writeProfiles)
      request.setParam("failOnVersionConflicts", "false");
      requests.increment();
      request.process(client, collection);
    } catch (SolrServerException | SolrException e) {
      throw new IOException("Solr refused an update of " + docs.size() + " documents: " + e.getMessage(), e);
    }
  }

  private void requireWritable() {
    if (!writable) {
      throw new IllegalStateException("store opened read-only");
    }
  }

  // ---- story index ----

  @Override
  public long articleCount() {
    return committedArticles + pending.articles();
  }

  /**
   * Counted here, from the collection at open and this writer's articles since, and scaled up to
   * the collection as it is now: other writers' articles count through their share. Unscaled,
   * every term would look rarer than it is, common words the most, and articles would join
   * groups by them.
   */
  @Override
  public int documentFrequency(String term) {
    if (termCounts == null) {
      return 0;
    }
    int counted = termCounts.get(term);
    double share = countedArticles == 0 ? 1 : Math.max(1, (double) articleCount() / countedArticles);
    return (int) Math.round(counted * share);
  }

  @Override
  public List<StoryProfile> candidates(StoryProfile.Level level, Collection<WeightedTerm> terms, LocalDate date,
                                       int limit) {
    requireWritable(); // a reader keeps no copy of the profiles
    if (level == StoryProfile.Level.STORY) {
      storyLookupAt = mirroredAt;
    }
    Map<String, StoryProfile> found = new LinkedHashMap<>();
    try {
      for (ProfileMirror.Entry e : mirror.candidates(level, terms, date, limit)) {
        String sid = e.profile().id();
        StoryProfile own = pending.group(sid);
        found.put(sid, own != null ? own : read(e));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pending.addCandidates(level, terms, limit, found);
    return new ArrayList<>(found.values());
  }

  @Override
  public Optional<StoryProfile> profile(String id) {
    StoryProfile own = pending.group(id);
    StoryProfile known = own != null ? own : profiles.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      Optional<ProfileMirror.Entry> mirrored = mirror == null ? Optional.empty() : mirror.get(id);
      if (mirrored.isPresent()) {
        return Optional.of(read(mirrored.get()));
      }
      SolrDocument d = getById(profileKey(id), PROFILE_FIELDS); // another writer's, since the mirror was brought up to date
      return d == null ? Optional.empty() : Optional.of(read(entry(d)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A profile as stored, remembered as the version this writer's changes to it will start from
   * (a group this writer changed already keeps the version its changes started from).
   */
  private StoryProfile read(ProfileMirror.Entry e) {
    StoryProfile p = e.profile();
    profiles.put(p.id(), p);
    bases.put(p.id(), p);
    if (e.writer() != null) {
      openings.put(p.id(), new Opened(e.writer(), e.placed(), e.shared()));
    }
    return p;
  }

  /** A profile document's profile and opening. */
  private static ProfileMirror.Entry entry(SolrDocument d) {
    String openedBy = (String) d.getFirstValue(WRITER.field);
    return new ProfileMirror.Entry(Json.read((String) d.getFirstValue(PROFILE.field), StoryProfile.class), openedBy,
        openedBy == null ? null : (Long) d.getFirstValue(PLACED.field), openedBy == null ? null : (Long) d.getFirstValue(SHARED.field));
  }

  @Override
  public Optional<StoryIndex.Opening> opening(String groupId) {
    Long placed = openedHere.get(groupId);
    if (placed != null) {
      return Optional.of(new StoryIndex.Opening(writer, placed, Long.MAX_VALUE));
    }
    if (!openings.containsKey(groupId) && !profiles.containsKey(groupId)) {
      profile(groupId); // reads its opening too
    }
    Opened opened = openings.get(groupId);
    return opened == null ? Optional.empty()
        : Optional.of(new StoryIndex.Opening(opened.writer(), opened.placed(), commitEnd(opened.commitEndKey())));
  }

  /**
   * When a commit ended, as its writer recorded it right after; {@link Long#MAX_VALUE} while
   * it has not (the commit is still running, or its writer stopped before recording it).
   */
  private long commitEnd(String key) {
    Long known = commitsEnded.get(key);
    if (known != null) {
      return known;
    }
    try {
      SolrDocument d = getById(key, VISIBLE.field);
      if (d == null) {
        return Long.MAX_VALUE;
      }
      long ended = (Long) d.getFirstValue(VISIBLE.field);
      commitsEnded.put(key, ended);
      return ended;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- reading ----

  @Override
  public void forEachArticle(Consumer<Article> action) throws IOException {
    forEach(filtered(Kind.ARTICLE).setQuery("*:*").setFields(JSON.field).setSort(SEQUENCE.field, SolrQuery.ORDER.asc),
        d -> action.accept(Json.read((String) d.getFirstValue(JSON.field), Article.class)));
  }

  @Override
  public Optional<Article> article(String id) throws IOException {
    SolrDocument d = getById(articleKey(id), JSON.field);
    return d == null ? Optional.empty() : Optional.of(Json.read((String) d.getFirstValue(JSON.field), Article.class));
  }

  @Override
  public List<Story> stories() throws IOException {
    return Listings.stories(articleRows(), profiles(StoryProfile.Level.STORY), profiles(StoryProfile.Level.STORYLINE));
  }

  @Override
  public List<Storyline> storylines(List<Story> stories) throws IOException {
    return Listings.storylines(stories, profiles(StoryProfile.Level.STORYLINE));
  }

  private List<Listings.ArticleRow> articleRows() throws IOException {
    List<Listings.ArticleRow> rows = new ArrayList<>();
    forEach(filtered(Kind.ARTICLE).setQuery("*:*").setFields(ARTICLE_ID.field, STORY.field, LANG.field, DAY.field).setSort(SEQUENCE.field, SolrQuery.ORDER.asc),
        d -> rows.add(new Listings.ArticleRow((String) d.getFirstValue(ARTICLE_ID.field), (String) d.getFirstValue(STORY.field),
            (String) d.getFirstValue(LANG.field),
            d.getFirstValue(DAY.field) instanceof Integer day ? LocalDate.ofEpochDay(day) : null)));
    return rows;
  }

  private List<StoryProfile> profiles(StoryProfile.Level level) throws IOException {
    List<StoryProfile> out = new ArrayList<>();
    forEach(filtered(Kind.of(level)).setQuery("*:*").setFields(PROFILE.field),
        d -> out.add(Json.read((String) d.getFirstValue(PROFILE.field), StoryProfile.class)));
    return out;
  }

  @Override
  public List<SearchHit> search(String query, String lang, int limit) throws IOException {
    List<SearchHit> hits = new ArrayList<>();
    for (SolrDocument d : ranked(query, lang, limit, JSON.field, "score")) {
      Article a = Json.read((String) d.getFirstValue(JSON.field), Article.class);
      hits.add(new SearchHit(a, ((Number) d.getFirstValue("score")).floatValue(), SearchQuery.snippet(a.body(), query)));
    }
    return hits;
  }

  @Override
  public List<RankedId> searchIds(String query, String lang, int limit) throws IOException {
    List<RankedId> ids = new ArrayList<>();
    for (SolrDocument d : ranked(query, lang, limit, ARTICLE_ID.field, "score")) {
      ids.add(new RankedId((String) d.getFirstValue(ARTICLE_ID.field), ((Number) d.getFirstValue("score")).floatValue()));
    }
    return ids;
  }

  /** The best articles having every query word, or, when none has, any of them; as the embedded store ranks. */
  private List<SolrDocument> ranked(String text, String lang, int limit, String... fields) throws IOException {
    Set<String> langs = indexedLanguages();
    int rows = (int) Math.max(1, Math.min(limit, committedArticles));
    for (boolean everyWord : new boolean[] {true, false}) {
      Query q = SearchQuery.build(text, langs, lang, everyWord);
      if (q == null) {
        return List.of();
      }
      List<SolrDocument> found = query(new SolrQuery(solrSyntax(q)).setFields(fields).setRows(rows)).getResults();
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private Set<String> indexedLanguages() throws IOException {
    SolrQuery q = filtered(Kind.ARTICLE).setQuery("*:*").setRows(0).setFacet(true).addFacetField(LANG.field)
        .setFacetLimit(-1).setFacetMinCount(1);
    Set<String> langs = new TreeSet<>();
    query(q).getFacetField(LANG.field).getValues().forEach(c -> langs.add(c.getName()));
    return langs;
  }

  /** A query of {@link SearchQuery}'s (terms, boosts, boolean clauses) in Solr's standard syntax. */
  static String solrSyntax(Query query) {
    if (query instanceof TermQuery t) {
      Term term = t.getTerm();
      return term.field() + ":" + ClientUtils.escapeQueryChars(term.text());
    }
    if (query instanceof BoostQuery b) {
      return "(" + solrSyntax(b.getQuery()) + ")^" + String.format(Locale.ROOT, "%.4f", b.getBoost());
    }
    if (query instanceof BooleanQuery b) {
      StringBuilder s = new StringBuilder("(");
      for (BooleanClause c : b.clauses()) {
        String inner = solrSyntax(c.getQuery());
        s.append(switch (c.getOccur()) {
          case MUST -> "+" + inner;
          case FILTER -> "+filter(" + inner + ")";
          case MUST_NOT -> "-" + inner;
          case SHOULD -> inner;
        }).append(' ');
      }
      return s.toString().strip() + ")";
    }
    throw new IllegalArgumentException("no Solr syntax for " + query.getClass().getSimpleName());
  }

  /** For a writer, also replays its changed profiles on other writers' latest versions of them. */
  @Override
  public long refreshReads() throws IOException {
    if (writable) {
      catchUp();
      refreshMirror();
      committedArticles = count(Kind.ARTICLE);
      return mirror.puts() ^ committedArticles; // a writer's reads change with the profiles it mirrors and the articles stored
    }
    SolrQuery q = new SolrQuery("*:*").setRows(1).setFields(VERSION.field).setSort(VERSION.field, SolrQuery.ORDER.desc);
    QueryResponse r = query(q);
    long newest = r.getResults().isEmpty() ? 0 : (Long) r.getResults().get(0).getFirstValue(VERSION.field);
    committedArticles = count(Kind.ARTICLE);
    return newest ^ r.getResults().getNumFound();
  }

  // ---- plumbing ----

  private static String articleKey(String articleId) {
    return "a:" + articleId;
  }

  private static String profileKey(String groupId) {
    return "p:" + groupId;
  }

  private static String entityKey(String nameKey) {
    return "e:" + nameKey;
  }

  private static SolrQuery filtered(Kind kind) {
    return new SolrQuery().addFilterQuery(TYPE.field + ":" + kind.value);
  }

  private long count(Kind kind) throws IOException {
    return query(filtered(kind).setQuery("*:*").setRows(0)).getResults().getNumFound();
  }

  /** A document by id, as it is now (Solr's real-time get: also writes not yet committed). */
  private SolrDocument getById(String id, String... fields) throws IOException {
    try {
      requests.increment();
      return client.getById(collection, id, new org.apache.solr.common.params.ModifiableSolrParams()
          .set("fl", String.join(",", fields)));
    } catch (SolrServerException | SolrException e) {
      throw new IOException("Solr get of " + id + " failed: " + e.getMessage(), e);
    }
  }

  private QueryResponse query(SolrParams q) throws IOException {
    try {
      requests.increment();
      return client.query(collection, q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST);
    } catch (SolrServerException | SolrException e) {
      throw new IOException("Solr query failed: " + e.getMessage(), e);
    }
  }

  /** Every document a query matches, page by page with a cursor (no deep paging cost). */
  private void forEach(SolrQuery q, Consumer<SolrDocument> action) throws IOException {
    forEach(q, action, PAGE);
  }

  private void forEach(SolrQuery q, Consumer<SolrDocument> action, int page) throws IOException {
    q.setRows(page);
    if (q.getSorts().stream().noneMatch(s -> s.getItem().equals(ID.field))) {
      q.addSort(ID.field, SolrQuery.ORDER.asc);
    }
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = query(q);
      r.getResults().forEach(action);
      if (r.getResults().size() < page || cursor.equals(r.getNextCursorMark())) {
        return;
      }
      cursor = r.getNextCursorMark();
    }
  }

  /**
   * Looks up in one request whether each of these articles is stored, for {@link #contains} to
   * answer from until the next commit: for a worker about to take a batch.
   */
  @Override
  public void lookUpArticles(Collection<String> articleIds) throws IOException {
    if (articleIds.isEmpty()) {
      return;
    }
    articleIds.forEach(id -> lookedUp.put(id, false));
    getByIds(articleIds.stream().map(SolrStore::articleKey).toList(), "articles", ARTICLE_ID.field)
        .forEach(d -> lookedUp.put((String) d.getFirstValue(ARTICLE_ID.field), true));
  }


  /**
   * Looks up together which stored articles have these contents, and which lie in these
   * fingerprints' bands, for {@link #articleWithContent} and {@link #nearDuplicates} to answer
   * from until the next commit: a query per thousand hashes or bands. Bands matching more stored
   * articles than a query returns are left to be asked article by article.
   */
  @Override
  public void lookUpDuplicates(Collection<DuplicateKeys> keys) throws IOException {
    List<String> hashes = keys.stream().map(DuplicateKeys::contentHash).distinct().toList();
    for (List<String> chunk : chunks(hashes, CLAUSES_PER_QUERY)) {
      chunk.forEach(h -> idByHashLookedUp.put(h, null));
      SolrQuery q = filtered(Kind.ARTICLE).setQuery(HASH.field + ":(" + escaped(chunk) + ")").setFields(JSON.field)
          .setRows(chunk.size() * 4);
      for (SolrDocument d : query(q).getResults()) { // the hash is indexed only: read from the article
        Article a = Json.read((String) d.getFirstValue(JSON.field), Article.class);
        if (idByHashLookedUp.containsKey(a.contentHash())) {
          idByHashLookedUp.putIfAbsent(a.contentHash(), a.id());
        }
      }
    }
    List<String> bands = keys.stream().filter(k -> k.fingerprint() != 0)
        .flatMap(k -> Fingerprint.bands(k.fingerprint(), k.lang()).stream()).distinct().toList();
    for (List<String> chunk : chunks(bands, CLAUSES_PER_QUERY)) {
      int rows = NEAR_CANDIDATES * chunk.size();
      SolrQuery q = filtered(Kind.ARTICLE).setQuery(BAND.field + ":(" + escaped(chunk) + ")")
          .setFields(ARTICLE_ID.field, FINGERPRINT.field, LANG.field).setRows(rows);
      SolrDocumentList found = query(q).getResults();
      if (found.getNumFound() > rows) {
        continue;
      }
      Map<String, List<Fingerprinted>> byBand = new HashMap<>();
      chunk.forEach(b -> byBand.put(b, new ArrayList<>()));
      for (SolrDocument d : found) {
        if (d.getFirstValue(FINGERPRINT.field) instanceof Long f) {
          for (String band : Fingerprint.bands(f, (String) d.getFirstValue(LANG.field))) {
            List<Fingerprinted> in = byBand.get(band);
            if (in != null) {
              in.add(new Fingerprinted((String) d.getFirstValue(ARTICLE_ID.field), f));
            }
          }
        }
      }
      byBandLookedUp.putAll(byBand);
    }
  }

  private static String escaped(List<String> terms) {
    return String.join(" ", terms.stream().map(ClientUtils::escapeQueryChars).toList());
  }

  private static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }

  /**
   * Brings {@link #mirror} up to date: lists the profiles whose version is newer than the last
   * time less {@link #MIRROR_MARGIN_MILLIS} (Solr's versions count milliseconds from bit 20 on)
   * and reads those the mirror does not hold at that version. Two requests when profiles changed,
   * more only when thousands did.
   */
  private void refreshMirror() throws IOException {
    long started = System.currentTimeMillis();
    long since = mirroredAt == 0 ? 0 : Math.max(0, mirroredAt - MIRROR_MARGIN_MILLIS) << 20;
    List<String> stale = new ArrayList<>();
    SolrQuery q = new SolrQuery("*:*").addFilterQuery(TYPE.field + ":(" + Kind.STORY.value + " " + Kind.STORYLINE.value + ")")
        .addFilterQuery(VERSION.field + ":[" + since + " TO *]").setFields(GROUP_ID.field, VERSION.field);
    forEach(q, d -> {
      String id = (String) d.getFirstValue(GROUP_ID.field);
      if (mirror.version(id) != (Long) d.getFirstValue(VERSION.field)) {
        stale.add(profileKey(id));
      }
    }, VERSIONS_PER_PAGE);
    for (List<String> chunk : chunks(stale, IDS_PER_GET)) {
      for (SolrDocument d : getByIds(chunk, "profiles", MIRRORED_FIELDS)) {
        mirror.put(entry(d), (Long) d.getFirstValue(VERSION.field));
      }
    }
    mirror.refresh();
    mirroredAt = started;
  }

  /** Requests this store sent to Solr so far: what a worker's batching is measured by. */
  public long requests() {
    return requests.sum();
  }

  @Override
  public void close() throws IOException {
    try (ProfileMirror m = mirror) {
      client.close(); // writes not committed are dropped, as after a crash
    }
  }
}
