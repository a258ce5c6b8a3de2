package org.kronika;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.kronika.alert.Alerts;
import org.kronika.entity.EntityStage;
import org.kronika.input.InputSink;
import org.kronika.input.Inputs;
import org.kronika.language.LanguageIdentifier;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.model.Storyline;
import org.kronika.pipeline.Ingest;
import org.kronika.pipeline.Pipeline;
import org.kronika.pipeline.StageTimes;
import org.kronika.store.LuceneStore;
import org.kronika.store.Store;
import org.kronika.story.StoryStage;

/**
 * Kronika's front door: a data directory opened for ingest or for reading, and everything
 * the command line and the web ask of it. Ingest needs the directory to itself (other
 * writers are locked out); any number of readers may open it at once and see its last
 * commit. Not thread-safe for ingest; reads are thread-safe.
 */
public final class Kronika implements Closeable {
  private final Store store;
  private final Pipeline pipeline;
  private final StoryStage stories;
  /** The data directory's saved searches, told of every ingest; {@code null} when reading. */
  private final Alerts alerts;

  private Kronika(Store store, Pipeline pipeline, StoryStage stories, Alerts alerts) {
    this.store = store;
    this.pipeline = pipeline;
    this.stories = stories;
    this.alerts = alerts;
  }

  /**
   * This build's version, from the jar's manifest; "dev" when run from compiled classes (tests,
   * an IDE).
   */
  public static String version() {
    String v = Kronika.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Opens (creating if needed) a data directory for ingest. */
  public static Kronika openForIngest(Path dataDir) throws IOException {
    return openForIngest(dataDir, StoryStage.standard());
  }

  /** Opens a data directory for ingest with other story parameters (for tuning). */
  public static Kronika openForIngest(Path dataDir, StoryStage stories) throws IOException {
    return openForIngest(dataDir, stories, null);
  }

  /**
   * Opens a data directory for ingest with entity knowledge learned by {@code kronika learn}:
   * from {@code knowledge}, or when that is {@code null} from {@link #learnedEntities} of the
   * directory if it holds such a file.
   *
   * @throws IOException naming the knowledge file when it cannot be read
   */
  public static Kronika openForIngest(Path dataDir, StoryStage stories, Path knowledge) throws IOException {
    Path learned = knowledge != null ? knowledge
        : Files.isRegularFile(learnedEntities(dataDir)) ? learnedEntities(dataDir) : null;
    if (learned != null && !Files.isRegularFile(learned)) {
      throw new IOException(learned + ": no such knowledge file (write one with 'kronika learn')");
    }
    Files.createDirectories(dataDir);
    // The language models take seconds to load: they load on a thread of their own while the
    // store opens and the entity knowledge loads, and the places every language is compared
    // with load beside them.
    java.util.concurrent.FutureTask<LanguageIdentifier> languages = new java.util.concurrent.FutureTask<>(
        LanguageIdentifier::standard);
    startDaemon(languages, "kronika-load-languages");
    startDaemon(() -> {
      try {
        EntityStage.preloadPlaces();
      } catch (RuntimeException | Error e) {
        // left to the first article that names a place, which reports it
      }
    }, "kronika-load-places");
    LuceneStore store = LuceneStore.openForWriting(dataDir);
    EntityStage entities = new EntityStage(learned, store, streamEntities(dataDir));
    try {
      entities.load();
    } catch (IOException e) {
      store.close();
      throw e;
    }
    LanguageIdentifier identifier;
    try {
      identifier = languages.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      store.close();
      throw new java.io.InterruptedIOException("interrupted while loading the language models");
    } catch (java.util.concurrent.ExecutionException e) {
      store.close();
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
    return new Kronika(store, new Pipeline(identifier, entities), stories, Alerts.of(dataDir));
  }

  private static void startDaemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Where ingest keeps what it learned about names from the articles it read. */
  static Path streamEntities(Path dataDir) {
    return dataDir.resolve("knowledge").resolve("stream-entities.bin");
  }

  /** Where {@code kronika learn} keeps the entity knowledge it learned for a data directory. */
  public static Path learnedEntities(Path dataDir) {
    return dataDir.resolve("knowledge").resolve("learned-entities.bin");
  }

  /** Opens a data directory for reading; fails if it does not exist. */
  public static Kronika openForReading(Path dataDir) throws IOException {
    if (!Files.isDirectory(dataDir)) {
      throw new IOException("no data directory at " + dataDir + " (run 'kronika ingest' first)");
    }
    return new Kronika(LuceneStore.openForReading(dataDir), null, null, null);
  }

  /** Opens a cluster's SolrCloud collection for reading (creating it when it does not exist yet). */
  public static Kronika openForReading(org.kronika.cluster.ClusterConfig cluster) throws IOException {
    return new Kronika(org.kronika.store.SolrStore.connect(cluster.zookeeper(), cluster.collection(), cluster.shards(),
        cluster.replicas(), false), null, null, null);
  }

  /** Ingests every document under the paths. Ingests run one at a time. */
  public synchronized Ingest.Report ingest(List<Path> paths, Ingest.Options options, Ingest.Listener listener)
      throws IOException {
    requireWritable();
    Ingest.Report report = new Ingest(pipeline, store, stories, options).run(paths, Inputs.standard(), listener);
    tellAlerts(listener);
    return report;
  }

  /**
   * Ingests the documents {@code documents} hands to the sink it is given (documents held in
   * memory, such as pages fetched by {@code kronika watch}), then commits. Ingests run one at a time.
   */
  public synchronized Ingest.Report ingestDocuments(Consumer<InputSink> documents, Ingest.Options options,
      Ingest.Listener listener) throws IOException {
    requireWritable();
    Ingest.Report report = new Ingest(pipeline, store, stories, options).run(documents, listener);
    tellAlerts(listener);
    return report;
  }

  /**
   * Queues a notice for each article new to a saved search and sends what is due. A failure
   * here is told to the listener and never fails the ingest: what was stored stays stored, and
   * the next ingest looks again.
   */
  private void tellAlerts(Ingest.Listener listener) {
    try {
      int queued = alerts.check(this);
      Alerts.Delivery d = alerts.deliver(); // what this ingest queued, and what earlier ones left due
      if (queued > 0 || d.sent() > 0 || d.failed() > 0) {
        listener.said("alerts: " + queued + " new notices; " + d.sent() + " sent, " + d.failed() + " failed, "
            + d.waiting() + " waiting");
      }
    } catch (IOException | RuntimeException e) {
      listener.said("alerts: " + e.getMessage());
    }
  }

  private void requireWritable() {
    if (pipeline == null) {
      throw new IllegalStateException("opened for reading");
    }
  }

  /**
   * Loads every model the per-article stages use (language profiles, dictionaries, what the
   * entity stage learned) by preparing a few short texts, without storing anything; ingest
   * does this lazily otherwise. Returns the milliseconds it took.
   */
  public long warmUp() {
    long start = System.nanoTime();
    for (String text : WARM_UP_TEXTS) {
      pipeline.prepare(org.kronika.input.SourceDocument.text("warm-up", text), "warm-up");
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static final List<String> WARM_UP_TEXTS = List.of(
      "Уряд обговорив бюджет\nМіністр фінансів Іван Петренко представив у Києві проєкт бюджету на наступний рік.",
      "Правительство обсудило бюджет\nМинистр финансов Иван Петров представил в Москве проект бюджета.",
      "Parliament debates the budget\nFinance minister Jane Smith presented the draft budget in London on Monday.");

  /** Time spent per stage by ingests of this instance. */
  public StageTimes stageTimes() {
    return pipeline.times();
  }

  public void forEachArticle(Consumer<Article> action) throws IOException {
    store.forEachArticle(action);
  }

  public Optional<Article> article(String id) throws IOException {
    return store.article(id);
  }

  public Optional<String> articleBody(String id) throws IOException {
    return store.articleBody(id);
  }

  public List<Story> stories() throws IOException {
    return store.stories();
  }

  public List<Storyline> storylines() throws IOException {
    return store.storylines();
  }

  /** The storylines of these stories, as {@link #stories} listed them; see {@link Store#storylines(List)}. */
  public List<Storyline> storylines(List<Story> stories) throws IOException {
    return store.storylines(stories);
  }

  public List<Store.SearchHit> search(String query, String lang, int limit) throws IOException {
    return store.search(query, lang, limit);
  }

  @Override
  public void close() throws IOException {
    store.close();
  }

  /** Ids and scores of every article matching a query, up to {@code limit}; see {@link Store#searchIds}. */
  public List<Store.RankedId> searchIds(String query, String lang, int limit) throws IOException {
    return store.searchIds(query, lang, limit);
  }

  /** Makes reads see the latest commit; the number returned changes whenever they see new content. */
  public long refreshReads() throws IOException {
    return store.refreshReads();
  }

  /** Whether this instance was opened for ingest. */
  public boolean writable() {
    return pipeline != null;
  }
}
