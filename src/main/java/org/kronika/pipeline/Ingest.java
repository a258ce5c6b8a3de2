package org.kronika.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import org.kronika.entity.EntityStage;
import org.kronika.input.InputSink;
import org.kronika.input.Inputs;
import org.kronika.input.Rejection;
import org.kronika.input.SourceDocument;
import org.kronika.model.Article;
import org.kronika.store.Store;
import org.kronika.story.StoryProfile;
import org.kronika.story.StoryStage;
import org.kronika.story.Translation;

/**
 * Runs an ingest: reads documents, prepares them on worker threads ({@link Pipeline}), then,
 * one at a time and in input order, skips those already stored, marks exact copies, assigns
 * each to its story and writes it to the store, committing every so many articles and at the
 * end. Not thread-safe: one ingest per store at a time.
 */
public final class Ingest {
  /**
   * How an ingest runs: threads preparing articles, articles between commits (each commit
   * makes everything before it durable, and costs an fsync), and whether other writers share
   * the store (cluster workers), whose stories opened meanwhile are then merged at each commit.
   */
  public record Options(int threads, int commitEvery, boolean sharedStore) {
    public Options {
      if (threads < 1 || commitEvery < 1) {
        throw new IllegalArgumentException("threads and commitEvery must be at least 1");
      }
    }

    /** A store of its own. */
    public Options(int threads, int commitEvery) {
      this(threads, commitEvery, false);
    }

    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), 1000);
    }
  }

  /**
   * With a shared store, a story is compared with the stories other writers opened for this
   * many commits after it opened: theirs become visible only once they commit.
   */
  private static final int RECONCILED_COMMITS = 3;
  /**
   * With a shared store, whose commits come every batch, storylines are compared after the store
   * grew by this many articles (every writer's), as often as an embedded ingest's default commits
   * compare them: a storyline compared while small and noisy merges too readily, and counted per
   * writer, two writers compared twice as often, each time a chance for two storylines near the
   * bar to merge (cluster storylines merged more than embedded ones).
   */
  private static final int STORYLINES_RECONCILED_EVERY = 1000;
  /**
   * A store of its own moves its changed stories every this many as well as at each commit
   * (1,000 articles by default): weighed while their subject's storyline is forming, a story
   * finds it before more of its subject follows it elsewhere (storylines median of twelve
   * input orders 0.894 to 0.902, worst 0.848 to 0.869, folder order unchanged). Cluster workers
   * move theirs at each batch's commit, as often.
   */
  private static final int MOVE_EVERY = 100;
  /** Near duplicates listed per article at most. */
  private static final int MAX_NEAR = 5;
  /** Documents in flight between reading and storing; bounds memory. */
  private static final int WINDOW = 256;

  /** What an ingest is told as it goes. */
  public interface Listener {
    /** A document or file that could not be read or held no article. */
    void rejected(Rejection rejection);

    /** Articles made durable so far. */
    default void committed(long storedSoFar) {}

    /** A one-line account of what followed the ingest (alerts sent), for people. */
    default void said(String line) {}
  }

  /** Counts of one ingest. {@code duplicates} are stored copies of another source's text. */
  public record Report(long read, long stored, long duplicates, long alreadyStored, long rejected) {
    /** The one-line summary the command line prints. */
    public String summary() {
      return "read " + read + ", stored " + stored + ", duplicates " + duplicates
          + ", already stored " + alreadyStored + ", rejected " + rejected;
    }
  }

  private final Pipeline pipeline;
  private final Store store;
  private final StoryStage stories;
  private final Options options;

  public Ingest(Pipeline pipeline, Store store, StoryStage stories, Options options) {
    this.pipeline = pipeline;
    this.store = store;
    this.stories = stories;
    this.options = options;
  }

  /** Ingests every document under the paths. */
  public Report run(List<Path> paths, Inputs inputs, Listener listener) throws IOException {
    return run(sink -> inputs.read(paths, sink), listener);
  }

  /**
   * Ingests every document {@code documents} hands to the sink it is given (in-memory
   * documents, such as fetched pages), then commits.
   */
  public Report run(Consumer<InputSink> documents, Listener listener) throws IOException {
    try (Session session = open(listener)) {
      try {
        documents.accept(session);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      session.commit();
      return session.report();
    }
  }

  /**
   * Starts an ingest fed document by document (from a log, a watched feed): documents handed
   * to the session are prepared at once and stored, in order, by the next {@link Session#commit}
   * at the latest.
   */
  public Session open(Listener listener) {
    ExecutorService workers = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "kronika-prepare");
      t.setDaemon(true);
      return t;
    });
    return new Session(listener, workers);
  }

  /**
   * One ingest in progress. Documents are prepared on worker threads as they arrive and stored in
   * the order they arrived. Not thread-safe.
   */
  public final class Session implements InputSink, java.io.Closeable {
    private final Listener listener;
    private final ExecutorService workers;
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
    private final Set<String> idsInFlight = new HashSet<>();
    private final Set<String> changedStorylines = new java.util.LinkedHashSet<>();
    private final Set<String> changedStories = new java.util.LinkedHashSet<>();
    /** Stories opened in each of the last few commits: other writers' alike ones may show late. */
    private final ArrayDeque<Set<String>> openedStories = new ArrayDeque<>(List.of(new java.util.LinkedHashSet<>()));
    private long read;
    private long stored;
    private long duplicates;
    private long already;
    private long rejected;
    private long sinceCommit;
    /** The store's article count when this writer last compared its storylines. */
    private long storylinesReconciledAt;

    private Session(Listener listener, ExecutorService workers) {
      this.listener = listener;
      this.workers = workers;
      this.storylinesReconciledAt = store.articleCount();
    }

    record Pending(SourceDocument doc, String id, CompletableFuture<Prepared> prepared) {}

    @Override
    public void accept(SourceDocument doc) {
      accept(doc, Pipeline.articleId(doc));
    }

    /**
     * Hands over a batch of documents (a worker's batch from the log): as {@link #accept} each,
     * but a store whose look-ups are round trips is asked about the whole batch together: first
     * which ids are stored ({@link Store#lookUpArticles}), then, once the batch is prepared, which
     * stored articles its articles copy ({@link Store#lookUpDuplicates}). The batch is held in
     * memory meanwhile.
     */
    public void acceptAll(List<SourceDocument> docs) throws IOException {
      List<String> ids = docs.stream().map(Pipeline::articleId).toList();
      store.lookUpArticles(ids);
      for (int i = 0; i < docs.size(); i++) {
        prepare(docs.get(i), ids.get(i));
      }
      List<Store.DuplicateKeys> keys = new ArrayList<>();
      for (Pending p : inFlight) {
        try {
          Prepared prepared = p.prepared().join();
          keys.add(new Store.DuplicateKeys(prepared.article().contentHash(), prepared.features().fingerprint(),
              prepared.article().lang()));
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
          // rejected when drained
        }
      }
      store.lookUpDuplicates(keys);
      drain(WINDOW);
    }

    private void accept(SourceDocument doc, String id) {
      prepare(doc, id);
      drain(WINDOW);
    }

    /** Counts a document and starts preparing it, unless it is stored or on its way already. */
    private void prepare(SourceDocument doc, String id) {
      read++;
      try {
        if (alreadyStored(id)) {
          return;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      idsInFlight.add(id);
      EntityStage.Snapshot knowledge = pipeline.knowledge();
      inFlight.add(new Pending(doc, id, CompletableFuture.supplyAsync(() -> pipeline.prepare(doc, id, knowledge), workers)));
    }

    /**
     * Stores an article prepared already (a replayed or synthetic stream), after every document
     * handed over before it.
     */
    public void accept(Prepared prepared) throws IOException {
      read++;
      if (alreadyStored(prepared.article().id())) {
        return;
      }
      drain(0);
      store(prepared);
    }

    /** Whether an article with this id is stored or on its way, counted as such when it is. */
    private boolean alreadyStored(String id) throws IOException {
      if (idsInFlight.contains(id)) {
        already++;
        return true;
      }
      if (store.contains(id)) {
        already++;
        if (options.sharedStore()) {
          weighAgainGroupsOf(id);
        }
        return true;
      }
      return false;
    }

    /**
     * Marks the groups a stored article changed as changed by this session. A writer that lost
     * its store mid-batch is handed the batch again in a new session; the articles it stored
     * before are skipped, and without this the stories they opened would never be compared with
     * other writers' alike ones, nor moved to a better storyline.
     */
    private void weighAgainGroupsOf(String id) throws IOException {
      Optional<Article> article = store.article(id);
      if (article.isEmpty() || article.get().story() == null) {
        return;
      }
      String story = article.get().story();
      changedStories.add(story);
      if (article.get().why() == null) {
        openedStories.getFirst().add(story);
      }
      store.profile(story).map(StoryProfile::storyline).ifPresent(changedStorylines::add);
    }

    @Override
    public void reject(Rejection rejection) {
      rejected++;
      listener.rejected(rejection);
    }

    /** Stores prepared articles in input order until at most {@code keep} remain in flight. */
    void drain(int keep) {
      while (inFlight.size() > keep) {
        Pending p = inFlight.poll();
        idsInFlight.remove(p.id());
        Prepared prepared;
        try {
          prepared = p.prepared().get();
        } catch (ExecutionException e) {
          read--; // counted again as a rejection
          reject(new Rejection(p.doc().source(), reason(e.getCause())));
          continue;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("ingest interrupted", e);
        }
        try {
          store(prepared);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    /**
     * Stores every document handed over so far, merges the groups that grew alike, then makes
     * everything durable.
     */
    public void commit() throws IOException {
      commit(false);
    }

    /**
     * As {@link #commit}, comparing also every storyline changed since storylines were last
     * compared: for a writer sharing its store, which compares them only every so many articles,
     * when its input has gone quiet (else the last changes would never be compared).
     */
    public void settle() throws IOException {
      if (!changedStorylines.isEmpty()) {
        commit(true);
      }
    }

    private void commit(boolean storylinesNow) throws IOException {
      try {
        drain(0);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      commitStored(storylinesNow);
    }

    /** Merges the groups that grew alike, then makes everything stored durable. */
    private void commitStored(boolean storylinesNow) throws IOException {
      if (options.sharedStore()) {
        Set<String> recent = new java.util.LinkedHashSet<>();
        openedStories.forEach(recent::addAll);
        store.refreshReads(); // compare the groups as other writers left them, not as this one last read them
        moveStories();
        boolean storylinesDue = storylinesNow
            || store.articleCount() - storylinesReconciledAt >= STORYLINES_RECONCILED_EVERY;
        store.update(stories.reconcileConcurrent(recent, storylinesDue ? changedStorylines : Set.of(), store));
        openedStories.addFirst(new java.util.LinkedHashSet<>());
        if (openedStories.size() > RECONCILED_COMMITS) {
          openedStories.removeLast();
        }
        if (storylinesDue) {
          changedStorylines.clear();
          storylinesReconciledAt = store.articleCount();
        }
      } else {
        moveStories();
        store.update(stories.reconcile(changedStorylines, store));
        changedStorylines.clear();
      }
      store.commit();
      pipeline.commitKnowledge();
      sinceCommit = 0;
      listener.committed(stored + duplicates);
    }

    /** Moves the stories changed since the last commit to storylines that now fit them better. */
    private void moveStories() throws IOException {
      List<StoryProfile> moved = stories.moveStories(changedStories, store);
      store.update(moved);
      moved.stream().filter(p -> p.level() == StoryProfile.Level.STORYLINE).forEach(p -> changedStorylines.add(p.id()));
      changedStories.clear();
    }

    /** What this session did so far. */
    public Report report() {
      return new Report(read, stored, duplicates, already, rejected);
    }

    /** Stops the preparing threads; documents not committed are dropped. */
    @Override
    public void close() {
      workers.shutdownNow();
    }

    private void store(Prepared prepared) throws IOException {
      long t0 = StageTimes.now();
      Article article = prepared.article();
      Optional<String> original = store.articleWithContent(article.contentHash());
      List<Article.Duplicate> duplicatesFound = new ArrayList<>();
      if (original.isPresent()) {
        duplicatesFound.add(new Article.Duplicate(original.get(), "exact"));
        duplicates++;
      } else {
        stored++;
        for (String near : store.nearDuplicates(prepared.features().fingerprint(), article.lang(), MAX_NEAR)) {
          duplicatesFound.add(new Article.Duplicate(near, "near"));
        }
      }
      StoryStage.Placement placement =
          stories.place(article, prepared.features(), store);
      if (duplicatesFound.isEmpty()) { // a copy of an article is not also a translation of that one's translation
        translationIn(article, placement.story()).ifPresent(id -> duplicatesFound.add(new Article.Duplicate(id, "translation")));
      }
      store.add(article.withStory(placement.story().id(), placement.why()).withDuplicates(duplicatesFound), prepared.features(),
          placement);
      pipeline.learnFrom(prepared);
      changedStorylines.add(placement.storyline().id());
      changedStories.add(placement.story().id());
      if (placement.story().size() == 1) {
        openedStories.getFirst().add(placement.story().id());
      }
      pipeline.addStoreTime(StageTimes.now() - t0);
      if (++sinceCommit >= options.commitEvery()) {
        commitStored(false);
      } else if (!options.sharedStore() && changedStories.size() >= MOVE_EVERY) {
        moveStories();
      }
    }
  }

  /** Articles of its story an article is compared with to find the one it translates. */
  private static final int TRANSLATION_CANDIDATES = 50;

  /**
   * The article of its story, in another language, that a new article translates (or is the
   * translation of), if any: whichever came first, however large the story.
   */
  private Optional<String> translationIn(Article article, StoryProfile story) throws IOException {
    if (story.size() < 2 || story.langs().stream().allMatch(article.lang()::equals)) {
      return Optional.empty();
    }
    return Translation.among(article, store.articlesOfStory(story.id(), article.lang(), TRANSLATION_CANDIDATES))
        .map(Article::id);
  }

  static String reason(Throwable e) {
    if (e instanceof Pipeline.EmptyArticleException) {
      return e.getMessage();
    }
    String m = e.getMessage();
    return "failed to process: " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s+", " "));
  }
}
