package org.kronika.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kronika.Kronika;
import org.kronika.cluster.ClusterConfig;
import org.kronika.cluster.DocumentLog;
import org.kronika.cluster.LocalCluster;
import org.kronika.cluster.Worker;
import org.kronika.internal.Directories;
import org.kronika.model.Story;
import org.kronika.pipeline.Ingest;

/**
 * Cluster mode on the SlavicNER corpus against the embedded mode: every article published to
 * Kafka, then 1, 2, … workers (threads of this JVM, one preparing thread each) writing to a
 * two-node, two-shard SolrCloud, all started in this JVM ({@link LocalCluster}). Prints the
 * throughput of each run and the story and storyline BCubed against the topics, beside the
 * embedded ingest's on the same files and with the same threads.
 *
 * <p>Usage: {@code ClusterBench [SLAVICNER_DIR] [WORKERS...]} (default: 1 2); run with the test
 * classpath. {@code -Dbatch=N} sets the workers' batch (default 200); {@code -Dpartitions=N} the
 * topic's partitions (default 4; with 1, one worker reads the files in the embedded ingest's
 * order); {@code -Dembedded=false} skips the embedded run; {@code -Dorder=interleaved} (or
 * {@code shuffled}) publishes and ingests the corpus in that order, as {@code StoryBench} does;
 * {@code -DsameOrder=true} also ingests each cluster run's articles embedded, in the order the
 * cluster stored them (online grouping depends on order, and the workers take the partitions in
 * an order of their own). A number of workers may be given more than once: each run has a topic
 * and a collection of its own.
 */
public final class ClusterBench {
  private static final int IDLE_SECONDS = 20;
  private static final int BATCH = Integer.getInteger("batch", 200);
  private static final int PARTITIONS = Integer.getInteger("partitions", 4);
  private static final boolean SAME_ORDER = Boolean.getBoolean("sameOrder");
  private static int runs;

  private ClusterBench() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/bench/corpus/slavicner");
    if (!Files.isDirectory(corpus.resolve("raw"))) {
      System.err.println("no SlavicNER corpus at " + corpus + ": nothing to measure");
      return;
    }
    List<Integer> counts = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      counts.add(Integer.parseInt(args[i]));
    }
    if (counts.isEmpty()) {
      counts = List.of(1, 2);
    }
    List<Path> files = StoryBench.files(corpus, "all");
    files = StoryBench.inOrder(files);
    Path tmp = Files.createTempDirectory("kronika-clusterbench");
    try {
      if (Boolean.parseBoolean(System.getProperty("embedded", "true"))) {
        embedded(files, tmp.resolve("embedded"), "embedded, 1 thread");
      }
      try (LocalCluster cluster = LocalCluster.start(tmp.resolve("engines"), 2)) {
        for (int workers : counts) {
          run(cluster, files, workers);
        }
      }
    } finally {
      Directories.deleteTree(tmp);
    }
  }

  private static void run(LocalCluster cluster, List<Path> files, int workers) throws Exception {
    java.util.Properties properties = cluster.properties("bench" + workers + "-" + runs++);
    properties.setProperty("kafka.partitions", Integer.toString(PARTITIONS));
    ClusterConfig config = ClusterConfig.of(properties);
    long published;
    long t0 = System.nanoTime();
    try (DocumentLog log = DocumentLog.open(config)) {
      published = log.publish(files, r -> { }).published();
    }
    double publishSeconds = (System.nanoTime() - t0) / 1e9;
    PrintWriter err = new PrintWriter(System.err, true);
    List<Thread> threads = new ArrayList<>();
    List<Worker> started = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < workers; i++) {
      // a worker stops once the log is drained; the time counted ends at the last batch committed
      Worker worker = new Worker(config, new Worker.Options(1, BATCH, Duration.ofSeconds(IDLE_SECONDS), false), err);
      started.add(worker);
      Thread t = new Thread(() -> {
        try {
          worker.run(() -> false);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "worker-" + i);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    long end = started.stream().mapToLong(Worker::lastBatchNanos).max().orElse(start);
    double seconds = (end - start) / 1e9;
    List<Path> stored = new ArrayList<>();
    try (Kronika k = Kronika.openForReading(config)) {
      System.out.printf("published %d documents to Kafka in %.1f s%n", published, publishSeconds);
      report(workers + " worker(s)", k, seconds);
      if (SAME_ORDER) {
        k.forEachArticle(a -> stored.add(Path.of(a.source())));
      }
    }
    if (SAME_ORDER) {
      Path data = Files.createTempDirectory("kronika-clusterbench-order");
      try {
        embedded(stored, data, "embedded, in the order the cluster stored");
      } finally {
        Directories.deleteTree(data);
      }
    }
  }

  /** Ingests the files into an embedded store at {@code data}, one thread, and reports it. */
  private static void embedded(List<Path> files, Path data, String label) throws Exception {
    long start = System.nanoTime();
    try (Kronika k = Kronika.openForIngest(data)) {
      k.ingest(files, new Ingest.Options(1, 1000), r -> { });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try (Kronika k = Kronika.openForReading(data)) {
      report(label, k, seconds);
    }
  }

  private static void report(String label, Kronika k, double seconds) throws Exception {
    Map<String, String> topic = new HashMap<>();
    k.forEachArticle(a -> topic.put(a.id(), Path.of(a.source()).getParent().getParent().getFileName().toString()));
    Map<String, String> story = new HashMap<>();
    Map<String, String> storyline = new HashMap<>();
    for (Story s : k.stories()) {
      for (String id : s.articles()) {
        story.put(id, s.id());
        storyline.put(id, s.storyline() != null ? s.storyline() : s.id());
      }
    }
    System.out.printf("== %s: %d articles in %.1f s (%.1f articles/s)%n", label, topic.size(), seconds,
        topic.size() / seconds);
    System.out.println("stories    vs topics: " + Clustering.score(story, topic));
    System.out.println("storylines vs topics: " + Clustering.score(storyline, topic));
    printLargest(storyline, topic);
  }

  /** The largest storylines with their articles per topic: where a storyline spans topics. */
  private static void printLargest(Map<String, String> storyline, Map<String, String> topic) {
    Map<String, Map<String, Integer>> byStoryline = new HashMap<>();
    storyline.forEach((id, line) -> byStoryline.computeIfAbsent(line, k -> new java.util.TreeMap<>())
        .merge(topic.get(id), 1, Integer::sum));
    byStoryline.entrySet().stream()
        .sorted((a, b) -> Integer.compare(total(b.getValue()), total(a.getValue())))
        .limit(12)
        .forEach(e -> System.out.printf("  %-24s %5d %s%n", e.getKey(), total(e.getValue()), e.getValue()));
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
