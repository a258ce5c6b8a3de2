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
 * order); {@code -Dengines=DIR} runs against the engines {@code cluster-engines start DIR} started, each a
 * process of its own, with each worker a process of its own too ({@code kronika worker}), and prints
 * the CPU per article of every process and the Solr requests per article (also with each JVM's JIT compilation and each worker's start left out:
 * fixed costs of a process, which a corpus of 5,000 articles does not amortise);
 * {@code -Dembedded=false} skips the embedded run; {@code -Dworker.jvm="OPTIONS"} adds JVM options to
 * each worker process, {@code {i}} replaced by the worker's number (a flight recording:
 * {@code -XX:StartFlightRecording=filename=w{i}.jfr}); {@code -Dorder=interleaved} (or
 * {@code shuffled}) publishes and ingests the corpus in that order, as {@code StoryBench} does;
 * {@code -DsameOrder=true} also ingests each cluster run's articles embedded, in the order the
 * cluster stored them (online grouping depends on order, and the workers take the partitions in
 * an order of their own; with {@code -Dengines} too). A number of workers may be given more than once: each run has a topic
 * and a collection of its own.
 */
public final class ClusterBench {
  private static final int IDLE_SECONDS = 20;
  private static final int BATCH = Integer.getInteger("batch", 200);
  private static final int PARTITIONS = Integer.getInteger("partitions", 4);
  private static final boolean SAME_ORDER = Boolean.getBoolean("sameOrder");
  /** JVM options each worker process is started with. */
  private static final List<String> WORKER_JVM = java.util.Arrays.stream(
      System.getProperty("worker.jvm", "").split("\\s+")).filter(o -> !o.isEmpty()).toList();
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
      EmbeddedCpu embeddedCpu = new EmbeddedCpu(0, 0);
      if (Boolean.parseBoolean(System.getProperty("embedded", "true"))) {
        embeddedCpu = embedded(files, tmp.resolve("embedded"), "embedded, 1 thread");
      }
      String engines = System.getProperty("engines");
      if (engines != null) {
        for (int workers : counts) {
          new EngineProcesses(Path.of(engines)).run(files, workers, embeddedCpu);
        }
        return;
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
      embeddedInOrder(stored);
    }
  }

  /** The embedded ingest of the files in the order a cluster run stored them: what its grouping is compared with. */
  private static void embeddedInOrder(List<Path> stored) throws Exception {
    Path data = Files.createTempDirectory("kronika-clusterbench-order");
    try {
      embedded(stored, data, "embedded, in the order the cluster stored");
    } finally {
      Directories.deleteTree(data);
    }
  }

  /**
   * Ingests the files into an embedded store at {@code data}, one thread, and reports it; returns
   * the CPU this process spent on it, in ms per article.
   */
  private static EmbeddedCpu embedded(List<Path> files, Path data, String label) throws Exception {
    long start = System.nanoTime();
    long cpu = processCpuNanos();
    ThreadCpu threads = new ThreadCpu(ProcessHandle.current().pid());
    long stored;
    List<long[]> commits = new ArrayList<>(); // articles stored and CPU (ns) at each commit
    try (Kronika k = Kronika.openForIngest(data)) {
      Ingest.Report r = k.ingest(files, new Ingest.Options(1, 1000), new Ingest.Listener() {
        @Override
        public void rejected(org.kronika.input.Rejection rejection) {}

        @Override
        public void committed(long storedSoFar) {
          commits.add(new long[] {storedSoFar, processCpuNanos()});
        }
      });
      stored = r.stored() + r.duplicates();
    }
    if (commits.size() >= 2) {
      long[] last = commits.get(commits.size() - 1);
      long[] half = commits.stream().filter(x -> x[0] >= last[0] / 2).findFirst().orElseThrow();
      System.out.printf("embedded CPU per article over the second half of the articles (warm JVM): %.2f ms%n",
          (last[1] - half[1]) / 1e6 / Math.max(1, last[0] - half[0]));
    }
    double cpuMsPerArticle = (processCpuNanos() - cpu) / 1e6 / Math.max(1, stored);
    threads.read();
    double jitMsPerArticle = threads.jit() / (double) Math.max(1, stored);
    double seconds = (System.nanoTime() - start) / 1e9;
    try (Kronika k = Kronika.openForReading(data)) {
      report(label, k, seconds);
    }
    System.out.printf("embedded CPU per article: %.2f ms, of which JIT compilation %.2f%n", cpuMsPerArticle, jitMsPerArticle);
    System.out.println("embedded CPU ms per article by kind of thread: " + perKind(threads.sinceStart(), Math.max(1, stored)));
    return new EmbeddedCpu(cpuMsPerArticle, jitMsPerArticle);
  }

  /**
   * CPU per article of an embedded run, in ms, and the part of it JIT compilation took: each JVM
   * compiles its hot code once, in threads of its own. Zeros when there was no embedded run.
   */
  private record EmbeddedCpu(double total, double jit) {}

  /** User and system CPU of a process so far, in ms, from /proc (Linux); its children's not counted. */
  private static long cpuMillis(long pid) {
    try {
      return cpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (java.io.IOException | RuntimeException e) {
      return 0; // exited meanwhile: the last reading stands
    }
  }

  /**
   * CPU of a process's threads so far by kind (JIT compilers, GC, Kafka's clients, Lucene's
   * merges, the preparing threads...), read from /proc/PID/task (Linux): where a second worker's
   * CPU goes. A thread's last reading stands once it ends; what ended between two readings shows
   * only in the process's total. Thread-safe.
   */
  private static final class ThreadCpu {
    private final long pid;
    private final Map<String, Long> byThread = new HashMap<>(); // "tid name" -> ms
    private final Map<String, Long> start;

    ThreadCpu(long pid) {
      this.pid = pid;
      read();
      this.start = byKind();
    }

    /** Reads every thread's CPU now; a process that exited keeps its last readings. */
    synchronized void read() {
      try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
        for (Path task : tasks.toList()) {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          byThread.merge(task.getFileName() + " " + name, cpuMillis(stat), Math::max);
        }
      } catch (java.io.IOException | RuntimeException e) {
        // exited meanwhile: the last readings stand
      }
    }

    /** CPU in ms since this reader was made, by kind of thread. */
    synchronized Map<String, Long> sinceStart() {
      Map<String, Long> now = byKind();
      now.replaceAll((kind, ms) -> ms - start.getOrDefault(kind, 0L));
      return now;
    }

    /** CPU in ms of the JIT compiler threads since this reader was made. */
    long jit() {
      return sinceStart().getOrDefault("JIT", 0L);
    }

    private Map<String, Long> byKind() {
      Map<String, Long> kinds = new java.util.TreeMap<>();
      byThread.forEach((thread, ms) -> kinds.merge(kind(thread.substring(thread.indexOf(' ') + 1)), ms, Long::sum));
      return kinds;
    }

    /** A thread's kind: its name without numbers, the JIT's and the GC's threads each as one. */
    private static String kind(String name) {
      if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
        return "JIT";
      }
      if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
        return "GC";
      }
      return name.replaceAll("[0-9#]+", "").replaceAll("[-_ ]+$", "");
    }
  }

  /** Kinds of thread by CPU, largest first, in ms per article; the rest summed as "other". */
  private static String perKind(Map<String, Long> ms, long articles) {
    StringBuilder line = new StringBuilder();
    long other = 0;
    List<Map.Entry<String, Long>> kinds = new ArrayList<>(ms.entrySet());
    kinds.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    for (int i = 0; i < kinds.size(); i++) {
      if (i < 8) {
        line.append(String.format(java.util.Locale.ROOT, "%s %.2f, ", kinds.get(i).getKey(),
            (double) kinds.get(i).getValue() / articles));
      } else {
        other += kinds.get(i).getValue();
      }
    }
    return line.append(String.format(java.util.Locale.ROOT, "other %.2f", (double) other / articles)).toString();
  }

  private static long cpuMillis(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS;
  }

  /** Linux's USER_HZ, which /proc/PID/stat counts CPU in. */
  private static final long CLOCK_TICKS = 100;

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Runs against engines in processes of their own ({@code cluster-engines}), each worker a
   * {@code kronika worker} process: CPU per article of every process, read from /proc.
   */
  private static final class EngineProcesses {
    private static final String[] ENGINES = {"zookeeper", "solr1", "solr2", "kafka"};
    /** A worker's summary line: how many requests it sent to Solr. */
    private static final java.util.regex.Pattern SOLR_REQUESTS = java.util.regex.Pattern.compile("(\\d+) Solr requests");
    /** A worker's line at each batch committed: how many articles it stored so far. */
    private static final java.util.regex.Pattern COMMITTED = java.util.regex.Pattern.compile(": committed; (\\d+) articles stored");
    private final Path dir;

    EngineProcesses(Path dir) {
      this.dir = dir;
    }

    void run(List<Path> files, int workers, EmbeddedCpu embedded) throws Exception {
      double embeddedCpuMs = embedded.total();
      java.util.Properties properties = new java.util.Properties();
      try (var in = Files.newInputStream(dir.resolve("cluster.properties"))) {
        properties.load(in);
      }
      String name = "bench" + workers + "-" + System.currentTimeMillis();
      properties.setProperty("kafka.topic", name + "-documents");
      properties.setProperty("kafka.group", name + "-workers");
      properties.setProperty("kafka.partitions", Integer.toString(PARTITIONS));
      properties.setProperty("solr.collection", name);
      Path file = dir.resolve(name + ".properties");
      try (var out = Files.newOutputStream(file)) {
        properties.store(out, "ClusterBench run");
      }
      ClusterConfig config = ClusterConfig.of(properties);
      try (DocumentLog log = DocumentLog.open(config)) {
        log.publish(files, r -> { });
      }
      Map<String, Long> enginesBefore = new java.util.LinkedHashMap<>();
      for (String e : ENGINES) {
        enginesBefore.put(e, cpuMillis(Long.parseLong(Files.readString(dir.resolve(e + ".pid")).strip())));
      }
      long start = System.nanoTime();
      List<Process> processes = new ArrayList<>();
      long[] workerCpu = new long[workers];
      long[] lastCommit = new long[workers];
      long[] requests = new long[workers];
      List<ThreadCpu> workerThreads = new ArrayList<>();
      // each worker's articles stored and CPU at each batch committed: its second half runs warm
      List<List<long[]>> commits = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        commits.add(java.util.Collections.synchronizedList(new ArrayList<>()));
      }
      long[] startCpu = new long[workers]; // a worker's CPU when it took its first batch: its start, done once
      java.util.Arrays.fill(startCpu, -1);
      List<Thread> readers = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx2g"));
        int n = i;
        WORKER_JVM.forEach(o -> command.add(o.replace("{i}", Integer.toString(n))));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.kronika.cli.Main", "worker",
            "--cluster", file.toString(), "--threads", "1", "--batch", Integer.toString(BATCH),
            "--idle-exit", Integer.toString(IDLE_SECONDS), "--verbose"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(p);
        workerThreads.add(new ThreadCpu(p.pid()));
        int w = i;
        Thread reader = new Thread(() -> {
          try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            for (String line; (line = lines.readLine()) != null; ) {
              if (startCpu[w] < 0 && line.contains(": took")) {
                startCpu[w] = cpuMillis(p.pid());
              }
              java.util.regex.Matcher committed = COMMITTED.matcher(line);
              if (committed.find()) {
                lastCommit[w] = System.nanoTime();
                commits.get(w).add(new long[] {Long.parseLong(committed.group(1)), cpuMillis(p.pid())});
              }
              java.util.regex.Matcher m = SOLR_REQUESTS.matcher(line);
              if (m.find()) {
                requests[w] = Long.parseLong(m.group(1));
              }
              workerCpu[w] = Math.max(workerCpu[w], cpuMillis(p.pid()));
              workerThreads.get(w).read();
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        reader.start();
        readers.add(reader);
      }
      while (processes.stream().anyMatch(Process::isAlive)) { // CPU read until each worker exits
        for (int i = 0; i < workers; i++) {
          if (processes.get(i).isAlive()) {
            workerCpu[i] = Math.max(workerCpu[i], cpuMillis(processes.get(i).pid()));
            workerThreads.get(i).read();
          }
        }
        Thread.sleep(500);
      }
      for (Thread t : readers) {
        t.join();
      }
      double seconds = (java.util.Arrays.stream(lastCommit).max().orElse(start) - start) / 1e9;
      List<Path> stored = new ArrayList<>();
      try (Kronika k = Kronika.openForReading(config)) {
        report(workers + " worker process(es), engines in their own processes", k, seconds);
        if (SAME_ORDER) {
          k.forEachArticle(a -> stored.add(Path.of(a.source())));
        }
        long articles = k.stories().stream().mapToLong(st -> st.articles().size()).sum();
        long allRequests = java.util.Arrays.stream(requests).sum();
        long workersCpu = java.util.Arrays.stream(workerCpu).sum();
        long started = 0;
        for (int i = 0; i < workers; i++) {
          started += Math.max(0, startCpu[i]);
        }
        long enginesCpu = 0;
        StringBuilder perEngine = new StringBuilder();
        for (String e : ENGINES) {
          long used = cpuMillis(Long.parseLong(Files.readString(dir.resolve(e + ".pid")).strip())) - enginesBefore.get(e);
          enginesCpu += used;
          perEngine.append(String.format(java.util.Locale.ROOT, " %s %.2f", e, (double) used / articles));
        }
        System.out.printf(java.util.Locale.ROOT, "Solr requests per article: %.3f%n", (double) allRequests / articles);
        System.out.printf(java.util.Locale.ROOT, "CPU ms per article: workers %.2f (%s), engines %.2f (%s), all %.2f;"
                + " embedded %.2f; workers/embedded %.2f, all/embedded %.2f%n",
            (double) workersCpu / articles, java.util.Arrays.toString(workerCpu), (double) enginesCpu / articles,
            perEngine.toString().strip(), (double) (workersCpu + enginesCpu) / articles, embeddedCpuMs,
            workersCpu / (double) articles / embeddedCpuMs, (workersCpu + enginesCpu) / (double) articles / embeddedCpuMs);
        long[] workerJit = workerThreads.stream().mapToLong(ThreadCpu::jit).toArray();
        long jit = java.util.Arrays.stream(workerJit).sum();
        Map<String, Long> kinds = new HashMap<>();
        workerThreads.forEach(t -> t.sinceStart().forEach((kind, ms) -> kinds.merge(kind, ms, Long::sum)));
        System.out.println("workers' CPU ms per article by kind of thread: " + perKind(kinds, articles));
        double embeddedRunning = embeddedCpuMs - embedded.jit();
        System.out.printf(java.util.Locale.ROOT, "CPU ms per article, JIT compilation left out (workers' %s ms, a cost of each"
                + " JVM's first minutes): workers %.2f, all %.2f; embedded %.2f; workers/embedded %.2f, all/embedded %.2f%n",
            java.util.Arrays.toString(workerJit), (double) (workersCpu - jit) / articles,
            (double) (workersCpu - jit + enginesCpu) / articles, embeddedRunning,
            (workersCpu - jit) / (double) articles / embeddedRunning,
            (workersCpu - jit + enginesCpu) / (double) articles / embeddedRunning);
        long warmCpu = 0;
        long warmArticles = 0;
        for (List<long[]> c : commits) {
          if (c.size() >= 2) {
            long[] last = c.get(c.size() - 1);
            long[] half = c.stream().filter(x -> x[0] >= last[0] / 2).findFirst().orElse(c.get(0));
            warmCpu += last[1] - half[1];
            warmArticles += last[0] - half[0];
          }
        }
        System.out.printf(java.util.Locale.ROOT, "CPU ms per article of the workers over the second half of each one's"
            + " articles (%d articles, warm JVMs): %.2f%n", warmArticles, (double) warmCpu / Math.max(1, warmArticles));
        long running = workersCpu - started;
        System.out.printf(java.util.Locale.ROOT, "CPU ms per article from each worker's first batch (its start left out:"
                + " %s ms): workers %.2f, all %.2f; workers/embedded %.2f, all/embedded %.2f%n",
            java.util.Arrays.toString(startCpu), (double) running / articles, (double) (running + enginesCpu) / articles,
            running / (double) articles / embeddedCpuMs, (running + enginesCpu) / (double) articles / embeddedCpuMs);
      }
      if (SAME_ORDER) {
        embeddedInOrder(stored);
      }
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
