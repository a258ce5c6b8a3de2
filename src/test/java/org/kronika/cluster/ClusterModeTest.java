package org.kronika.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.bench.Clustering;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.model.Storyline;
import org.kronika.pipeline.Ingest;
import org.kronika.analysis.TextAnalyzer;
import org.kronika.store.SolrStore;
import org.kronika.story.ArticleFeatures;
import org.kronika.story.StoryAssigner;
import org.kronika.story.StoryIndex;
import org.kronika.story.StoryProfile;
import org.kronika.story.StoryStage;

/** Cluster mode on real engines in this JVM: a Kafka broker (KRaft) and a two-node SolrCloud. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterModeTest {
  @TempDir static Path tmp;
  static LocalCluster cluster;

  @BeforeAll
  static void startEngines() throws Exception {
    cluster = LocalCluster.start(tmp.resolve("engines"), 2);
  }

  @AfterAll
  static void stopEngines() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void workerStoresWhatEmbeddedIngestStores() throws Exception {
    Path news = ClusterNews.write(tmp.resolve("news-a"), 2);
    ClusterConfig config = cluster.config("plain");
    try (DocumentLog log = DocumentLog.open(config)) {
      DocumentLog.Report published = log.publish(List.of(news), r -> { throw new AssertionError(r.toString()); });
      assertEquals(48, published.published());
    }
    StringWriter errors = new StringWriter();
    // idle for 15 s, as the fault test's workers: on a starved machine the first fetch after the
    // partitions are assigned took over 5 s once, and the worker left with nothing stored
    new Worker(config, new Worker.Options(1, 200, Duration.ofSeconds(15), false), new PrintWriter(errors)).run(() -> false);

    Grouping clustered;
    Grouping embedded;
    try (Kronika k = Kronika.openForReading(config)) {
      List<Article> articles = new ArrayList<>();
      k.forEachArticle(articles::add);
      assertEquals(48, articles.size(), errors.toString());
      embedded = embeddedGrouping(articles, "plain");
      clustered = Grouping.of(k);
      assertEquals(embedded.story().keySet(), clustered.story().keySet());
      assertEquals(48, clustered.storyArticles());
      assertTrue(k.search("Zelensky", null, 5).isEmpty());
      assertTrue(!k.search("Amberfield dam", null, 50).isEmpty());
      assertTrue(!k.search("Браннік", null, 50).isEmpty(), "lemma and cross-script search");
      try (org.kronika.web.WebServer web = org.kronika.web.WebServer.start(k, null, "127.0.0.1", 0, 2)) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/", "/api/stories", "/search?q=Brannick", "/api/search?q=%D0%91%D1%80%D0%B0%D0%BD%D0%BD%D1%96%D0%BA")) {
          var response = http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + web.port() + path)).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
          assertEquals(200, response.statusCode(), path);
          assertTrue(response.body().contains("Amberfield") || response.body().contains("Амберфілд"), path);
        }
      }
    }
    double f1 = bcubedF1(clustered.story(), embedded.story());
    assertTrue(f1 >= 0.98, "cluster stories match the embedded ones: BCubed F1 " + f1);
    double lines = bcubedF1(clustered.storyline(), embedded.storyline());
    assertTrue(lines >= 0.98, "cluster storylines match the embedded ones: BCubed F1 " + lines);
  }

  /**
   * Two workers in processes of their own: one killed while it holds an uncommitted batch, one
   * Solr node stopped (its replicas' twins serve), then all of Solr stopped until a worker
   * notices and backs off; a replacement worker joins. Every article must be stored once, in
   * one story and one storyline, and the stories and storylines must be as good as an
   * embedded ingest's of the same articles.
   */
  @Test
  @Order(2)
  void killedWorkerAndStoppedSolrLoseAndDuplicateNothing() throws Exception {
    Path news = ClusterNews.write(tmp.resolve("news-b"), 6);
    int total = 144;
    ClusterConfig config = cluster.config("faults");
    Path properties = tmp.resolve("faults.properties");
    try (var out = java.nio.file.Files.newBufferedWriter(properties)) {
      cluster.properties("faults").store(out, null);
    }
    publish(properties, news, total);
    Map<String, Process> workers = new java.util.TreeMap<>();
    for (String name : List.of("first", "second")) {
      workers.put(name, worker(properties, name));
    }
    try (Kronika k = Kronika.openForReading(config)) {
      awaitStored(k, total / 4);
      // the worker that takes a batch next is killed holding it (the other may have finished its sites)
      String[] taken = awaitBatchTaken(workers.keySet());
      Process victim = workers.remove(taken[0]);
      assertTrue(victim.isAlive(), "the " + taken[0] + " worker is alive when it is killed");
      victim.destroyForcibly(); // SIGKILL mid-batch: its uncommitted offsets go to the others
      victim.waitFor();
      assertEquals(taken[1] + ": took", lastBatchLine(tmp.resolve(taken[0] + ".log")).replaceAll(" \\d+ documents$", ""),
          "the " + taken[0] + " worker was killed holding a batch it had not committed");
      // at once: the survivor may have finished its own sites and, idle, leave before the victim's reach it
      workers.put("replacement", worker(properties, "replacement"));
      JettySolrRunner one = cluster.stopSolrNode(1);
      awaitStored(k, total / 2);
      JettySolrRunner other = cluster.stopSolrNode(0); // all of Solr down: the workers must notice
      awaitLogLine(workers.keySet(), "reconnecting in");
      cluster.startSolrNode(other);
      cluster.startSolrNode(one);
    }
    StringBuilder summaries = new StringBuilder();
    for (var w : workers.entrySet()) {
      assertTrue(w.getValue().waitFor(300, java.util.concurrent.TimeUnit.SECONDS), w.getKey() + " worker finished");
      summaries.append(w.getKey()).append(' ').append(lastLine(tmp.resolve(w.getKey() + ".log"))).append("; ");
    }
    System.out.println("fault test workers: " + summaries);

    List<Article> stored = new ArrayList<>();
    Map<String, String> gold = new HashMap<>();
    Grouping clustered;
    try (Kronika k = Kronika.openForReading(config)) {
      k.forEachArticle(a -> {
        stored.add(a);
        gold.put(a.id(), ClusterNews.development(a.source()));
      });
      clustered = Grouping.of(k);
    }
    assertEquals(total, stored.size(), "every article stored once");
    assertEquals(total, clustered.storyArticles(), "story sizes add up to the articles stored");
    assertEquals(gold.keySet(), clustered.story().keySet(), "every article in one story");
    assertEquals(gold.keySet(), clustered.storyline().keySet(), "every article in one storyline");
    assertEquals(clustered.stories(), clustered.storylineStories(), "every story in one storyline");
    assertEquals(clustered.stories(),
        command("stories", "--cluster", properties.toString(), "--json").lines().count(), "stories listed");
    Grouping embedded = embeddedGrouping(stored, "faults");
    assertEquals(gold.keySet(), embedded.story().keySet());
    double clusterF1 = bcubedF1(clustered.story(), gold);
    double embeddedF1 = bcubedF1(embedded.story(), gold);
    assertTrue(clusterF1 >= embeddedF1 - 0.02, "stories against the developments: BCubed F1 " + clusterF1
        + " in the cluster, " + embeddedF1 + " embedded; stories: embedded " + embedded.stories()
        + ", cluster " + clustered.stories());
    double clusterLines = bcubedF1(clustered.storyline(), gold);
    double embeddedLines = bcubedF1(embedded.storyline(), gold);
    assertTrue(clusterLines >= embeddedLines - 0.02, "storylines against the developments: BCubed F1 "
        + clusterLines + " in the cluster, " + embeddedLines + " embedded");
  }

  @Test
  @Order(3)
  void aWriterSeesAnotherWritersMergeBeforeItReconciles() throws Exception {
    ClusterConfig config = cluster.config("writers");
    try (SolrStore a = connect(config); SolrStore b = connect(config)) {
      a.update(List.of(storyline("lx", 1, null), storyline("ly", 1, null)));
      a.commit();
      b.refreshReads();
      StoryProfile x = b.profile("lx").orElseThrow();
      b.update(List.of(grown(x))); // b adds an article to lx, not committed yet
      a.refreshReads();
      a.update(List.of(storyline("ly", 2, null), storyline("lx", 1, "ly"))); // a merges lx into ly meanwhile
      a.commit();

      b.refreshReads();
      assertEquals("ly", b.profile("lx").orElseThrow().mergedInto(), "b compares groups as a left them");
      b.commit();
      assertEquals("ly", a.profile("lx").orElseThrow().mergedInto(), "b's stale copy did not revive lx");
    }
  }

  @Test
  @Order(4)
  void twoWritersMergingTheSameGroupAtOnceLeaveOneMerge() throws Exception {
    ClusterConfig config = cluster.config("writers");
    try (SolrStore a = connect(config); SolrStore b = connect(config)) {
      a.update(List.of(storyline("mx", 1, null), storyline("my", 1, null), storyline("mz", 1, null)));
      a.commit();
      readAll(a, "mx", "my");
      readAll(b, "mx", "mz");
      a.update(List.of(storyline("my", 2, null), storyline("mx", 1, "my"))); // both compared mx in the same moment
      b.update(List.of(storyline("mz", 2, null), storyline("mx", 1, "mz")));
      a.commit();
      b.commit();
      a.refreshReads();
      assertEquals("my", a.profile("mx").orElseThrow().mergedInto(), "the first merge stands");
      assertEquals(2, a.profile("my").orElseThrow().size());
      assertEquals(1, a.profile("mz").orElseThrow().size(), "the second gave back what it had absorbed");

      a.update(List.of(storyline("mv", 1, null)));
      a.commit();
      readAll(a, "mv", "my");
      readAll(b, "mv", "my");
      a.update(List.of(storyline("my", 3, null), storyline("mv", 1, "my"))); // both merge mv into my
      b.update(List.of(storyline("my", 3, null), storyline("mv", 1, "my")));
      a.commit();
      b.commit();
      a.refreshReads();
      assertEquals(3, a.profile("my").orElseThrow().size(), "a group merged by both writers counts once");
    }
  }

  /**
   * Two writers growing one group as fast as they can: each commit reads the group, replays
   * its change on the version stored now and writes it. A write landing between another
   * writer's read and write would be overwritten, and its article lost from the group.
   */
  @Test
  @Order(5)
  void writersGrowingOneGroupAtOnceLoseNoChange() throws Exception {
    ClusterConfig config = cluster.config("writers");
    int rounds = 40;
    try (SolrStore a = connect(config); SolrStore b = connect(config)) {
      a.update(List.of(storyline("gx", 1, null)));
      a.commit();
      ExecutorService writers = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (SolrStore w : List.of(a, b)) {
          done.add(writers.submit(() -> {
            for (int i = 0; i < rounds; i++) {
              w.refreshReads();
              w.update(List.of(grown(w.profile("gx").orElseThrow())));
              w.commit();
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        writers.shutdownNow();
      }
      a.refreshReads();
      assertEquals(1 + 2 * rounds, a.profile("gx").orElseThrow().size(), "every growth counted once");
    }
  }

  /** A writer's reads of groups it is about to change, as reconciling makes them. */
  private static void readAll(SolrStore writer, String... ids) throws Exception {
    writer.refreshReads();
    for (String id : ids) {
      writer.profile(id).orElseThrow();
    }
  }

  @Test
  @Order(6)
  void aStorysOpeningSaysFromWhenTheOtherWritersCouldSeeIt() throws Exception {
    ClusterConfig config = cluster.config("openings");
    long connecting = System.currentTimeMillis();
    try (SolrStore a = connect(config); SolrStore b = connect(config)) {
      String body = "Rutte met Zelensky in Kyiv on Tuesday. NATO ministers meet in Brussels next week.";
      Article article = new Article("opening1", "test", null, "en", LocalDate.of(2024, 11, 5), "Rutte in Kyiv",
          List.of(), body, List.of(), List.of(), null, List.of(), "h1", false, false, null);
      ArticleFeatures features = ArticleFeatures.of(new TextAnalyzer().analyze("en", article.title(), body));
      long looking = System.currentTimeMillis();
      StoryStage.Placement placement = new StoryStage(StoryAssigner.Options.STORY, StoryAssigner.Options.STORYLINE)
          .place(article, features, a);
      a.add(article, features, placement);
      String story = placement.story().id();
      assertEquals(Long.MAX_VALUE, a.opening(story).orElseThrow().visibleFrom(), "not committed yet");
      assertTrue(b.opening(story).isEmpty(), "b cannot see it before a commits");

      long committing = System.currentTimeMillis();
      a.commit();
      long committed = System.currentTimeMillis();
      b.refreshReads();
      StoryIndex.Opening seen = b.opening(story).orElseThrow();
      assertTrue(seen.placedAt() >= connecting && seen.placedAt() <= looking,
          "a weighed its article against the others' groups as they were when its copy of them was made");
      assertTrue(seen.visibleFrom() >= committing && seen.visibleFrom() <= committed,
          "visible from the end of a's commit: " + seen.visibleFrom() + " not in [" + committing + ", " + committed + "]");
    }
  }

  private static SolrStore connect(ClusterConfig config) throws Exception {
    return SolrStore.connect(config.zookeeper(), config.collection(), config.shards(), config.replicas(), true);
  }

  private static StoryProfile storyline(String id, int size, String mergedInto) {
    return new StoryProfile(id, StoryProfile.Level.STORYLINE, null, List.of(), size, List.of("en"),
        LocalDate.of(2024, 11, 5), LocalDate.of(2024, 11, 5), Map.of(), Map.of(), null, mergedInto, null, size);
  }

  private static StoryProfile grown(StoryProfile p) {
    return storyline(p.id(), p.size() + 1, p.mergedInto());
  }

  /**
   * Publishes through the command line, once. The in-JVM broker now and then lets a record
   * expire unsent; the log sends those documents again, alone, and says how many.
   */
  private static void publish(Path properties, Path news, int total) {
    String out = command("ingest", "--cluster", properties.toString(), news.toString()).strip();
    assertTrue(out.startsWith("published " + total + " documents, rejected 0"), out);
    System.out.println("fault test publishing: " + out);
  }

  /** Runs the command line in this JVM; returns what it printed, failing on a non-zero status. */
  private static String command(String... args) {
    Ran ran = run(args);
    assertEquals(0, ran.status(), ran.err());
    return ran.out();
  }

  /** What a command line run in this JVM returned and printed. */
  private record Ran(int status, String out, String err) {}

  private static Ran run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = org.kronika.cli.Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Ran(status, out.toString(), err.toString());
  }

  /** A worker in a process of its own, so that it can be killed; its output goes to a file. */
  private static Process worker(Path properties, String name) throws Exception {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.kronika.cli.Main",
        "worker", "--cluster", properties.toString(), "--threads", "1", "--batch", "8", "--idle-exit", "15",
        "--verbose")
        .redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
  }

  private static void awaitStored(Kronika k, int atLeast) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < deadline) {
      long[] n = {0};
      k.forEachArticle(a -> n[0]++);
      if (n[0] >= atLeast) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("fewer than " + atLeast + " articles stored after 300 s");
  }

  /**
   * Story and storyline of each article when the files of these articles are ingested into an
   * embedded store in the order the cluster stored them: online grouping depends on the order
   * articles come in, and the cluster's workers take the sites' partitions in an order of their own.
   */
  static Grouping embeddedGrouping(List<Article> stored, String name) throws Exception {
    Path dir = tmp.resolve("embedded-" + name);
    try (Kronika k = Kronika.openForIngest(dir)) {
      k.ingest(stored.stream().map(a -> Path.of(a.source())).toList(), new Ingest.Options(1, 1000), r -> { });
    }
    try (Kronika k = Kronika.openForReading(dir)) {
      return Grouping.of(k);
    }
  }

  /**
   * A store's grouping: the story and storyline of each article, with what the stories and
   * storylines list, counted with repeats so that an article or story listed twice shows.
   */
  record Grouping(Map<String, String> story, Map<String, String> storyline, long stories, long storyArticles,
                  long storylineStories) {
    static Grouping of(Kronika k) throws Exception {
      Map<String, String> story = new HashMap<>();
      Map<String, String> storyline = new HashMap<>();
      List<Story> stories = k.stories();
      long storyArticles = 0;
      for (Story s : stories) {
        s.articles().forEach(a -> story.put(a, s.id()));
        storyArticles += s.articles().size();
      }
      long storylineStories = 0;
      for (Storyline l : k.storylines()) {
        l.articles().forEach(a -> storyline.put(a, l.id()));
        storylineStories += l.stories().size();
      }
      return new Grouping(story, storyline, stories.size(), storyArticles, storylineStories);
    }
  }

  /**
   * Waits until one of the verbose workers' logs shows a batch taken since the last look, so not
   * yet committed; returns the worker's name and "batch N".
   */
  private static String[] awaitBatchTaken(java.util.Collection<String> names) throws Exception {
    Map<String, String> seen = new HashMap<>();
    for (String name : names) {
      seen.put(name, lastBatchLine(tmp.resolve(name + ".log")));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < deadline) {
      for (String name : names) {
        String line = lastBatchLine(tmp.resolve(name + ".log"));
        if (line.contains(": took ") && !line.equals(seen.get(name))) {
          return new String[] {name, line.substring(0, line.indexOf(':'))};
        }
        seen.put(name, line);
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no batch taken by the workers " + names + " in 300 s");
  }

  private static String lastBatchLine(Path log) throws Exception {
    List<String> lines = java.nio.file.Files.readAllLines(log);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("batch ")) {
        return lines.get(i);
      }
    }
    return "";
  }

  private static String lastLine(Path log) throws Exception {
    List<String> lines = java.nio.file.Files.readAllLines(log);
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static void awaitLogLine(java.util.Collection<String> names, String part) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      for (String name : names) {
        if (java.nio.file.Files.readAllLines(tmp.resolve(name + ".log")).stream().anyMatch(l -> l.contains(part))) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no line with '" + part + "' in the logs of " + names + " after 120 s");
  }


  private static double bcubedF1(Map<String, String> groups, Map<String, String> gold) {
    return Clustering.score(groups, gold).bcubedF1();
  }
}
