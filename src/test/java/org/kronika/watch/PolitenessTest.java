package org.kronika.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.watch.NewsServer.Validator;

/**
 * What the watcher promises a site, seen from the site: the arrival times of its requests show
 * the host delay and robots.txt's Crawl-delay kept, the requests in flight at once never pass
 * the per-host limit, and one poll takes no more new items from a source than its cap. The
 * gaps are asserted as lower bounds (a busy machine only widens them), less a margin for the
 * network stack's own timing.
 */
class PolitenessTest {
  /** What the network may shift an arrival by, either way, on a loaded machine. */
  private static final long MARGIN_MILLIS = 60;

  @TempDir Path tmp;
  NewsServer site;
  final List<Long> arrivals = new CopyOnWriteArrayList<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger mostInFlight = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    site = new NewsServer();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** Serves {@code count} pages that note when each request arrived and hold it {@code holdMillis}. */
  private List<URI> pages(int count, long holdMillis) {
    List<URI> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String path = "/slow/" + i + ".html";
      site.handle(path, ex -> {
        arrivals.add(System.nanoTime());
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          Thread.sleep(holdMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          inFlight.decrementAndGet();
        }
        byte[] body = "<html><body><p>ok</p></body></html>".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
      });
      out.add(URI.create(site.url(path)));
    }
    return out;
  }

  /** Fetches every page at once, from as many threads. */
  private static void fetchAll(Fetcher fetcher, List<URI> pages) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(pages.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (URI page : pages) {
        done.add(pool.submit(() -> fetcher.get(page, null, null)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private long smallestGapMillis() {
    List<Long> sorted = arrivals.stream().sorted().toList();
    long smallest = Long.MAX_VALUE;
    for (int i = 1; i < sorted.size(); i++) {
      smallest = Math.min(smallest, (sorted.get(i) - sorted.get(i - 1)) / 1_000_000);
    }
    return smallest;
  }

  private static WatchOptions options(int perHost, Duration delay) {
    return WatcherTest.fast().withHostLimits(perHost, delay).withFetchThreads(4);
  }

  @Test
  void requestsToOneHostStartTheHostDelayApart() throws Exception {
    fetchAll(new Fetcher(options(4, Duration.ofMillis(300)), List.of(site.url("/"))), pages(5, 0));
    assertEquals(5, arrivals.size());
    assertTrue(smallestGapMillis() >= 300 - MARGIN_MILLIS, "smallest gap " + smallestGapMillis() + " ms");
  }

  @Test
  void robotsCrawlDelayOutweighsAShorterHostDelay() throws Exception {
    site.put("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 0.5\n", Validator.NONE, false);
    fetchAll(new Fetcher(options(4, Duration.ZERO), List.of(site.url("/"))), pages(4, 0));
    assertEquals(4, arrivals.size());
    assertTrue(smallestGapMillis() >= 500 - MARGIN_MILLIS, "smallest gap " + smallestGapMillis() + " ms");
  }

  @Test
  void noMoreRequestsInFlightToOneHostThanItsLimit() throws Exception {
    fetchAll(new Fetcher(options(2, Duration.ZERO), List.of(site.url("/"))), pages(6, 300));
    assertEquals(6, arrivals.size());
    assertEquals(2, mostInFlight.get(), "two at once, never more");
  }

  @Test
  void onePollTakesNoMoreItemsThanTheCap() throws Exception {
    List<NewsServer.Item> items = new ArrayList<>();
    for (int n = 0; n < 10; n++) {
      site.put("/articles/" + n + ".html", "text/html; charset=utf-8", NewsServer.page(n), Validator.NONE, false);
      items.add(site.item(n, true));
    }
    site.put("/news.rss", "application/rss+xml", NewsServer.rss(items), Validator.ETAG, false);
    WatchOptions o = WatcherTest.fast();
    WatchOptions capped = new WatchOptions(o.minInterval(), o.maxInterval(), o.contact(), o.connectTimeout(),
        o.requestTimeout(), o.maxBytes(), o.perHost(), o.hostDelay(), o.maxRedirects(), o.fetchThreads(), 3);
    Path data = tmp.resolve("data");
    try (Kronika k = Kronika.openForIngest(data)) {
      Watcher w = new Watcher(k, data, List.of(site.url("/news.rss")), capped, line -> { });
      w.runOnce();
      assertEquals(3, WatcherTest.articles(k).size(), "the first poll takes three");
      w.runOnce();
      assertEquals(6, WatcherTest.articles(k).size(), "the next three wait for the next poll");
    }
  }
}
