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
import org.kronika.input.InputSink;
import org.kronika.input.Inputs;
import org.kronika.input.Rejection;
import org.kronika.input.SourceDocument;
import org.kronika.model.Article;
import org.kronika.store.Store;
import org.kronika.story.StoryStage;

/**
 * Runs an ingest: reads documents, prepares them on worker threads ({@link Pipeline}), then,
 * one at a time and in input order, skips those already stored, marks exact copies, assigns
 * each to its story and writes it to the store, committing every so many articles and at the
 * end. Not thread-safe: one ingest per store at a time.
 */
public final class Ingest {
  /**
   * How an ingest runs: threads preparing articles, and articles between commits (each
   * commit makes everything before it durable, and costs an fsync).
   */
  public record Options(int threads, int commitEvery) {
    public Options {
      if (threads < 1 || commitEvery < 1) {
        throw new IllegalArgumentException("threads and commitEvery must be at least 1");
      }
    }

    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), 1000);
    }
  }

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
    ExecutorService workers = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "kronika-prepare");
      t.setDaemon(true);
      return t;
    });
    Run run = new Run(listener, workers);
    try {
      documents.accept(run);
      run.drain(0);
      run.commit();
      listener.committed(run.stored + run.duplicates);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      workers.shutdownNow();
    }
    return new Report(run.read, run.stored, run.duplicates, run.already, run.rejected);
  }

  private final class Run implements InputSink {
    final Listener listener;
    final ExecutorService workers;
    final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
    final Set<String> idsInFlight = new HashSet<>();
    final Set<String> changedStorylines = new java.util.LinkedHashSet<>();
    long read;
    long stored;
    long duplicates;
    long already;
    long rejected;
    long sinceCommit;

    Run(Listener listener, ExecutorService workers) {
      this.listener = listener;
      this.workers = workers;
    }

    record Pending(SourceDocument doc, String id, CompletableFuture<Prepared> prepared) {}

    @Override
    public void accept(SourceDocument doc) {
      read++;
      String id = Pipeline.articleId(doc);
      try {
        if (idsInFlight.contains(id) || store.contains(id)) {
          already++;
          return;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      idsInFlight.add(id);
      inFlight.add(new Pending(doc, id, CompletableFuture.supplyAsync(() -> pipeline.prepare(doc, id), workers)));
      drain(WINDOW);
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

    /** Merges the storylines that grew alike, then makes everything durable. */
    void commit() throws IOException {
      store.update(stories.reconcile(changedStorylines, store));
      changedStorylines.clear();
      store.commit();
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
      if (placement.translationOf() != null) {
        duplicatesFound.add(new Article.Duplicate(placement.translationOf(), "translation"));
      }
      store.add(article.withStory(placement.story().id()).withDuplicates(duplicatesFound), prepared.features(),
          placement);
      changedStorylines.add(placement.storyline().id());
      pipeline.addStoreTime(StageTimes.now() - t0);
      if (++sinceCommit >= options.commitEvery()) {
        commit();
        sinceCommit = 0;
        listener.committed(stored + duplicates);
      }
    }
  }

  static String reason(Throwable e) {
    if (e instanceof Pipeline.EmptyArticleException) {
      return e.getMessage();
    }
    String m = e.getMessage();
    return "failed to process: " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s+", " "));
  }
}
