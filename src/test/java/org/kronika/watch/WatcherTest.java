package org.kronika.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.model.Article;
import org.kronika.watch.NewsServer.Validator;

/** A watch over a local news site whose feeds, pages and sitemaps change during the test. */
class WatcherTest {
  @TempDir Path tmp;
  Path data;
  NewsServer site;
  final List<String> log = Collections.synchronizedList(new ArrayList<>());

  /** Small intervals, no delay between requests: the polite defaults would make tests slow. */
  static WatchOptions fast() {
    return WatchOptions.defaults()
        .withIntervals(Duration.ofMillis(300), Duration.ofMillis(600))
        .withHostLimits(2, Duration.ZERO)
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
        .withContact("mailto:desk@example.invalid");
  }

  @BeforeEach
  void start() throws Exception {
    data = tmp.resolve("data");
    site = new NewsServer();
    for (int n = 0; n < 40; n++) {
      site.put("/articles/" + n + ".html", "text/html; charset=utf-8", NewsServer.page(n), Validator.NONE, false);
    }
  }

  @AfterEach
  void stop() {
    site.close();
  }

  static List<Article> articles(Kronika k) throws Exception {
    k.refreshReads();
    List<Article> all = new ArrayList<>();
    k.forEachArticle(all::add);
    return all;
  }

  private Watcher watcher(Kronika k, WatchOptions options, String... sources) throws Exception {
    return new Watcher(k, data, List.of(sources), options, log::add);
  }

  private static Map<String, Watcher.Health> health(Path data) throws Exception {
    return Watcher.health(data).stream().collect(Collectors.toMap(Watcher.Health::source, Function.identity()));
  }

  @Test
  void newItemsArriveWithinOnePollAndUnchangedFeedsAnswerNotModified() throws Exception {
    List<NewsServer.Item> news = new ArrayList<>(List.of(site.item(0, true), site.item(1, true)));
    site.put("/news.rss", "application/rss+xml", NewsServer.rss(news), Validator.ETAG, false);
    site.put("/hill.atom", "application/atom+xml", NewsServer.atom(List.of(site.item(2, true))),
        Validator.LAST_MODIFIED, true);
    try (Kronika k = Kronika.openForIngest(data)) {
      Watcher w = watcher(k, fast(), site.url("/news.rss"), site.url("/hill.atom"));
      Thread t = new Thread(() -> {
        try {
          w.run();
        } catch (Exception e) {
          log.add("run failed: " + e);
        }
      });
      t.start();
      try {
        waitFor(k, 3, 20_000);
        // polls of the unchanged feeds follow: ETag → If-None-Match → 304, Last-Modified → If-Modified-Since → 304
        waitUntil(() -> site.notModified("/news.rss") >= 1 && site.notModified("/hill.atom") >= 1, 20_000,
            "a 304 for each unchanged feed");

        news.add(site.item(3, true));
        site.put("/news.rss", "application/rss+xml", NewsServer.rss(news), Validator.ETAG, false);
        long added = System.nanoTime();
        waitFor(k, 4, 10_000);
        long millis = (System.nanoTime() - added) / 1_000_000;
        // the feed's interval is at most 600 ms; the pipeline takes its share on a busy machine
        assertTrue(millis < 8000, "new item taken " + millis + " ms after it appeared");
      } finally {
        w.stop();
        t.join(20_000);
      }
      List<Article> all = articles(k);
      assertEquals(4, all.size());
      assertTrue(all.stream().anyMatch(a -> a.title().startsWith("Dunwick")), "the new item is stored");
      assertTrue(w.stats().notModified() >= 2);
    }
    Map<String, String> first = site.requestHeaders.stream().filter(h -> h.get(":path").equals("/hill.atom"))
        .findFirst().orElseThrow();
    assertEquals("Kronika/" + org.kronika.Kronika.version() + " (+mailto:desk@example.invalid)", first.get("user-agent"));
    assertTrue(first.get("accept-encoding").contains("gzip"), "compressed responses accepted");
    assertEquals(1, site.hits("/robots.txt"), "robots.txt fetched once per host");
    Watcher.Health newsHealth = health(data).get(site.url("/news.rss"));
    assertEquals("feed", newsHealth.kind());
    assertEquals(3, newsHealth.items());
    assertEquals(0, newsHealth.errors());
    assertNotNull(newsHealth.lastSuccess());
  }

  private static void waitFor(Kronika k, int articles, long millis) throws Exception {
    waitUntil(() -> articles(k).size() >= articles, millis, articles + " articles");
  }

  /** A condition the watch should bring about, polled until it holds or the time is up. */
  interface Condition {
    boolean holds() throws Exception;
  }

  static void waitUntil(Condition condition, long millis, String what) throws Exception {
    long end = System.currentTimeMillis() + millis;
    while (!condition.holds()) {
      assertTrue(System.currentTimeMillis() < end, "waited " + millis + " ms for " + what);
      Thread.sleep(50);
    }
  }

  @Test
  void summaryOnlyItemsBringTheirPageUnlessItIsNoArticle() throws Exception {
    site.put("/menu.html", "text/html", "<html><body><nav><a href=/a>A</a> <a href=/b>B</a></nav></body></html>",
        Validator.NONE, false);
    NewsServer.Item notArticle = new NewsServer.Item("menu", site.url("/menu.html"), NewsServer.title(6),
        NewsServer.story(6), false);
    site.put("/teasers.rss", "application/rss+xml", NewsServer.rss(List.of(site.item(5, false), notArticle)),
        Validator.ETAG, false);
    try (Kronika k = Kronika.openForIngest(data)) {
      watcher(k, fast(), site.url("/teasers.rss")).runOnce();
      Map<String, Article> bySource = articles(k).stream().collect(Collectors.toMap(Article::source, a -> a));
      assertEquals(2, bySource.size());
      Article fromPage = bySource.get(site.url("/articles/5.html"));
      assertTrue(fromPage.body().contains("promised a full report"), "the page's whole text: " + fromPage.body());
      Article fromSummary = bySource.get(site.url("/menu.html"));
      assertTrue(fromSummary.body().startsWith("Officials in"), "the summary: " + fromSummary.body());
      assertTrue(!fromSummary.body().contains("promised"), "only the summary");
    }
    assertEquals(1, site.hits("/articles/5.html"));
    assertTrue(log.stream().anyMatch(l -> l.contains("/menu.html") && l.contains("not an article")), log.toString());
  }

  @Test
  void faultsAreReportedPerSourceAndNeverStopTheOthers() throws Exception {
    site.put("/good.rss", "application/rss+xml", NewsServer.rss(List.of(site.item(7, true), site.item(8, true))),
        Validator.ETAG, true);
    site.handle("/slow.rss", ex -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      NewsServer.send(ex, 200, "application/rss+xml", NewsServer.rss(List.of(site.item(9, true))).getBytes());
    });
    site.handle("/busy.rss", ex -> {
      ex.getResponseHeaders().set("Retry-After", "120");
      NewsServer.send(ex, 503, "text/plain", "try later".getBytes());
    });
    site.handle("/fail.rss", ex -> NewsServer.send(ex, 500, "text/plain", "oops".getBytes()));
    site.handle("/loop-a", ex -> {
      ex.getResponseHeaders().set("Location", "/loop-b");
      NewsServer.send(ex, 302, "text/plain", new byte[0]);
    });
    site.handle("/loop-b", ex -> {
      ex.getResponseHeaders().set("Location", site.url("/loop-a"));
      NewsServer.send(ex, 301, "text/plain", new byte[0]);
    });
    site.put("/notxml.rss", "application/rss+xml", "Sorry, our feed is down for maintenance.", Validator.NONE, false);
    site.put("/broken.rss", "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>"
        + "Unclosed", Validator.NONE, false);
    site.put("/private/feed.rss", "application/rss+xml", NewsServer.rss(List.of(site.item(10, true))), Validator.NONE,
        false);
    site.put("/huge.rss", "application/rss+xml", "<rss>" + "x".repeat(300_000) + "</rss>", Validator.NONE, false);
    List<String> faulty = List.of("/slow.rss", "/gone.rss", "/busy.rss", "/fail.rss", "/loop-a", "/notxml.rss",
        "/broken.rss", "/private/feed.rss", "/huge.rss");
    List<String> sources = new ArrayList<>();
    faulty.forEach(p -> sources.add(site.url(p)));
    sources.add(site.url("/good.rss"));
    long start = System.nanoTime();
    try (Kronika k = Kronika.openForIngest(data)) {
      new Watcher(k, data, sources, fast().withMaxBytes(100_000), log::add).runOnce();
      assertEquals(2, articles(k).size(), "the good feed's items, despite the others");
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000;
    assertTrue(seconds < 15, "the slow server held the round only up to the timeout: " + seconds + " s");

    Map<String, Watcher.Health> h = health(data);
    Map<String, String> expected = Map.of(
        "/slow.rss", "response within 1 s",
        "/gone.rss", "HTTP 404",
        "/busy.rss", "HTTP 503 (Retry-After 120 s)",
        "/fail.rss", "HTTP 500",
        "/loop-a", "redirect loop",
        "/notxml.rss", "neither a feed, a sitemap nor an HTML page",
        "/broken.rss", "not a readable RSS or Atom feed",
        "/private/feed.rss", "disallowed by robots.txt",
        "/huge.rss", "response larger than 100000 bytes");
    for (var e : expected.entrySet()) {
      Watcher.Health s = h.get(site.url(e.getKey()));
      assertEquals(1, s.errors(), e.getKey());
      assertEquals(1, s.failuresInARow(), e.getKey());
      assertTrue(s.lastError().contains(e.getValue()), e.getKey() + ": " + s.lastError());
      assertTrue(log.stream().anyMatch(l -> l.startsWith(site.url(e.getKey()) + ": ")), "logged: " + e.getKey());
    }
    Instant busyNext = Instant.parse(h.get(site.url("/busy.rss")).nextPoll());
    assertTrue(busyNext.isAfter(Instant.now().plusSeconds(100)), "Retry-After honoured: " + busyNext);
    Instant failNext = Instant.parse(h.get(site.url("/fail.rss")).nextPoll());
    assertTrue(failNext.isBefore(Instant.now().plusSeconds(5)), "back-off within the bounds: " + failNext);
    Watcher.Health good = h.get(site.url("/good.rss"));
    assertEquals(2, good.items());
    assertEquals(0, good.errors());
    assertEquals(0, site.hits("/private/feed.rss"), "robots.txt obeyed");
  }

  @Test
  void homePagesLeadToTheirFeedsAndSitemapsToTheirPages() throws Exception {
    site.put("/", "text/html", "<!DOCTYPE html><html><head><title>The Valley Courier</title>"
        + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"News\" href=\"/feeds/news.rss\">"
        + "<link rel=\"stylesheet\" href=\"/style.css\"></head><body><p>Welcome</p></body></html>", Validator.NONE, false);
    site.put("/feeds/news.rss", "application/rss+xml", NewsServer.rss(List.of(site.item(11, true))), Validator.ETAG, false);
    site.put("/sitemap-index.xml", "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
        + site.url("/news-sitemap.xml") + "</loc></sitemap></sitemapindex>", Validator.ETAG, false);
    site.put("/news-sitemap.xml", "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
        + "<url><loc>" + site.url("/articles/12.html") + "</loc><news:news><news:publication><news:name>Courier"
        + "</news:name><news:language>en</news:language></news:publication><news:publication_date>2024-12-02T08:00:00Z"
        + "</news:publication_date><news:title>" + NewsServer.title(12) + "</news:title></news:news></url>"
        + "<url><loc>" + site.url("/articles/13.html") + "</loc><lastmod>2024-12-01</lastmod></url>"
        + "</urlset>", Validator.ETAG, false);
    try (Kronika k = Kronika.openForIngest(data)) {
      watcher(k, fast(), site.url("/"), site.url("/sitemap-index.xml")).runOnce();
      Map<String, Article> bySource = articles(k).stream().collect(Collectors.toMap(Article::source, a -> a));
      assertEquals(3, bySource.size(), bySource.keySet().toString());
      assertTrue(bySource.get(site.url("/articles/11.html")).body().contains("Officials in Dunwick"));
      Article fromSitemap = bySource.get(site.url("/articles/12.html"));
      assertEquals("2024-12-02", fromSitemap.date().toString(), "the news sitemap's date");
      assertEquals("en", fromSitemap.lang());
      assertTrue(bySource.containsKey(site.url("/articles/13.html")));
    }
    Map<String, Watcher.Health> h = health(data);
    assertEquals("page", h.get(site.url("/")).kind());
    assertEquals("feed", h.get(site.url("/feeds/news.rss")).kind());
    assertEquals(site.url("/"), h.get(site.url("/feeds/news.rss")).discoveredFrom());
    assertEquals("sitemap", h.get(site.url("/news-sitemap.xml")).kind());
    assertEquals(2, h.get(site.url("/news-sitemap.xml")).items());

    // restarted with the home page alone: the feed found on it is still followed, and is unchanged
    try (Kronika k = Kronika.openForIngest(data)) {
      watcher(k, fast(), site.url("/")).runOnce();
      assertEquals(3, articles(k).size());
    }
    assertEquals(1, site.notModified("/feeds/news.rss"));
    assertEquals(1, site.hits("/articles/12.html"), "a sitemap's page is fetched once");
  }

  @Test
  void folderFilesAreTakenOnceTheyHaveSettled() throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    Files.writeString(inbox.resolve("a.txt"), NewsServer.story(14));
    Files.setLastModifiedTime(inbox.resolve("a.txt"), FileTime.from(Instant.now().minusSeconds(60)));
    Files.writeString(inbox.resolve("b.html"), NewsServer.page(15)); // just written: may still be growing
    Files.writeString(inbox.resolve("c.txt.part"), NewsServer.story(16));
    try (Kronika k = Kronika.openForIngest(data)) {
      watcher(k, fast(), inbox.toString()).runOnce();
      assertEquals(1, articles(k).size(), "only the settled file");
      Files.setLastModifiedTime(inbox.resolve("b.html"), FileTime.from(Instant.now().minusSeconds(30)));
      watcher(k, fast(), inbox.toString()).runOnce();
      assertEquals(2, articles(k).size());
      watcher(k, fast(), inbox.toString()).runOnce();
      assertEquals(2, articles(k).size(), "nothing taken twice");
    }
    Watcher.Health h = health(data).get(inbox.toAbsolutePath().toString());
    assertEquals("folder", h.kind());
    assertEquals(2, h.items());
  }

  @Test
  void aReaderOfTheSameDataDirectorySeesWhatTheWatchCommits() throws Exception {
    site.put("/news.rss", "application/rss+xml", NewsServer.rss(List.of(site.item(17, true))), Validator.ETAG, false);
    try (Kronika writer = Kronika.openForIngest(data)) {
      writer.refreshReads();
      try (Kronika reader = Kronika.openForReading(data)) { // what 'kronika serve' holds
        long before = reader.refreshReads();
        watcher(writer, fast(), site.url("/news.rss")).runOnce();
        assertTrue(reader.refreshReads() != before, "the reader sees a new commit");
        assertEquals(1, articles(reader).size());
      }
    }
  }
}
