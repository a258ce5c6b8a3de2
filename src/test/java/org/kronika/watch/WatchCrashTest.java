package org.kronika.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.model.Article;
import org.kronika.watch.NewsServer.Validator;

/**
 * Kills a {@code kronika watch} process with SIGKILL while its feed is still growing, then
 * restarts the watch: every item ends up stored exactly once, and the restart takes only the
 * items the killed watch had not recorded.
 */
class WatchCrashTest {
  private static final int ITEMS = 25;

  @TempDir Path tmp;

  /** Serves every article page and a feed holding the first item; returns the feed's items. */
  private static List<NewsServer.Item> feedWithFirstItem(NewsServer site) {
    for (int n = 0; n < ITEMS; n++) {
      site.put("/articles/" + n + ".html", "text/html", NewsServer.page(n), Validator.NONE, false);
    }
    List<NewsServer.Item> items = new ArrayList<>(List.of(site.item(0, true)));
    site.put("/news.rss", "application/rss+xml", NewsServer.rss(items), Validator.ETAG, false);
    return items;
  }

  /** Starts {@code kronika watch} of the feed in a JVM of its own. */
  private static Process watch(NewsServer site, Path data, ProcessBuilder.Redirect out) throws java.io.IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.kronika.cli.Main",
        "watch", "--data", data.toString(), "--min-interval", "200ms", "--max-interval", "400ms",
        "--host-delay", "0s", "--timeout", "5s", site.url("/news.rss"))
        .redirectOutput(out)
        .start();
  }

  @Test
  void killedWatchResumesWithoutLossOrDuplicates() throws Exception {
    Path data = tmp.resolve("data");
    try (NewsServer site = new NewsServer()) {
      List<NewsServer.Item> items = feedWithFirstItem(site);
      Process child = watch(site, data, ProcessBuilder.Redirect.DISCARD);
      int commits = 0;
      int next = 1;
      try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          if (line.contains("committed")) {
            commits++;
            // the feed grows between rounds: every third item a summary whose page is fetched
            for (int k = 0; k < 5 && next < ITEMS; k++, next++) {
              items.add(site.item(next, next % 3 != 0));
            }
            site.put("/news.rss", "application/rss+xml", NewsServer.rss(items), Validator.ETAG, false);
            if (commits == 3) {
              int polls = site.hits("/news.rss");
              // killed once the next round has started: it has read the grown feed, and is taking its items
              WatcherTest.waitUntil(() -> site.hits("/news.rss") > polls, 20_000, "the next round");
              child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
              break;
            }
          }
        }
      }
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      assertEquals(3, commits, "the child committed rounds before it was killed");
      long recorded = Watcher.health(data).get(0).items();
      assertTrue(recorded > 0 && recorded < ITEMS, "recorded before the kill: " + recorded);

      while (next < ITEMS) {
        items.add(site.item(next, next % 3 != 0));
        next++;
      }
      site.put("/news.rss", "application/rss+xml", NewsServer.rss(items), Validator.ETAG, false);
      Watcher.Stats restarted;
      List<Article> all = new ArrayList<>();
      try (Kronika k = Kronika.openForIngest(data)) {
        Watcher w = new Watcher(k, data, List.of(site.url("/news.rss")),
            WatcherTest.fast().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), line -> { });
        w.runOnce();
        restarted = w.stats();
        k.refreshReads();
        k.forEachArticle(all::add);
      }
      Set<String> sources = new HashSet<>();
      all.forEach(a -> sources.add(a.source()));
      assertEquals(ITEMS, all.size(), "no item lost");
      assertEquals(ITEMS, sources.size(), "no item stored twice");
      assertEquals(ITEMS - recorded, restarted.items(), "the restart took only what the killed watch had not recorded");
      assertEquals(ITEMS, Watcher.health(data).get(0).items());
    }
  }

  @Test
  void sigtermStopsWatchCleanlyWithEverythingRecordedStored() throws Exception {
    Path data = tmp.resolve("data");
    try (NewsServer site = new NewsServer()) {
      List<NewsServer.Item> items = feedWithFirstItem(site);
      Path out = tmp.resolve("watch.out");
      Process child = watch(site, data, ProcessBuilder.Redirect.to(out.toFile()));
      // a watch that never commits is stopped for good after a minute, and the test then fails
      java.util.concurrent.CompletableFuture<Process> deadline = child.onExit().completeOnTimeout(child, 60, TimeUnit.SECONDS);
      deadline.thenAccept(Process::destroyForcibly);
      try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          if (line.contains("committed")) {
            for (int n = 1; n < 6; n++) {
              items.add(site.item(n, true)); // new items the watch may be taking when it is told to stop
            }
            site.put("/news.rss", "application/rss+xml", NewsServer.rss(items), Validator.ETAG, false);
            child.destroy(); // SIGTERM: the shutdown hook stops the watch, which commits and saves its state
            break;
          }
        }
      }
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the watch stopped");
      String summary = java.nio.file.Files.readString(out);
      assertTrue(summary.contains("polls "), "it ended through its own summary, not a halt: " + summary);
      long recorded = Watcher.health(data).get(0).items();
      List<Article> all = new ArrayList<>();
      try (Kronika k = Kronika.openForReading(data)) {
        k.forEachArticle(all::add);
      }
      assertEquals(recorded, all.size(), "every item the state records is stored, and nothing else");
      assertTrue(recorded >= 1, "recorded " + recorded);
    }
  }
}
