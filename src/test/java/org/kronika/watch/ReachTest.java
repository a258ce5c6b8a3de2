package org.kronika.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import org.kronika.input.HostileInputTest;
import org.kronika.watch.NewsServer.Validator;

/**
 * What the watcher may reach: other internal origins only when allowed (SSRF), a bounded number
 * of sources found through one named source, and hostile documents that end one poll, never the watch.
 */
class ReachTest {
  @TempDir Path tmp;
  NewsServer site;
  /** An internal service on another origin: nothing named it, so nothing may reach it by default. */
  NewsServer internal;
  final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    site = new NewsServer();
    internal = new NewsServer();
    internal.put("/secret.html", "text/html; charset=utf-8", NewsServer.page(7), Validator.NONE, false);
    internal.put("/feed.rss", "application/rss+xml", NewsServer.rss(List.of(internal.item(7, true))), Validator.NONE, false);
  }

  @AfterEach
  void stop() {
    site.close();
    internal.close();
  }

  private static Map<String, Watcher.Health> health(Path data) throws Exception {
    return Watcher.health(data).stream().collect(Collectors.toMap(Watcher.Health::source, Function.identity()));
  }

  @Test
  void specialAddressesAreKnownInEveryForm() throws Exception {
    for (String host : new String[] {"127.0.0.1", "2130706433", "127.1", "0.0.0.0", "localhost", "::1", "::ffff:127.0.0.1",
        "169.254.169.254", "10.1.2.3", "172.20.0.1", "192.168.1.1", "100.64.0.1", "fd00::1", "fe80::1", "64:ff9b::7f00:1"}) {
      assertTrue(AddressPolicy.special(InetAddress.getAllByName(host)[0]) != null, host);
    }
    for (String host : new String[] {"93.184.215.14", "8.8.8.8", "2606:4700::1111"}) {
      assertNull(AddressPolicy.special(InetAddress.getByName(host)), host);
    }
  }

  @Test
  void itemLinksSitemapLocationsRedirectsAndFoundFeedsNeverReachAnotherInternalOrigin() throws Exception {
    int port = URI.create(internal.url("/")).getPort();
    List<String> forms = List.of(internal.url("/secret.html"), "http://localhost:" + port + "/secret.html",
        "http://2130706433:" + port + "/secret.html", "http://example.com@127.0.0.1:" + port + "/secret.html",
        "http://0.0.0.0:" + port + "/secret.html");
    List<NewsServer.Item> items = new ArrayList<>();
    for (int n = 0; n < forms.size(); n++) {
      items.add(new NewsServer.Item("s-" + n, forms.get(n), NewsServer.title(n), NewsServer.story(n), false));
    }
    site.put("/news.rss", "application/rss+xml", NewsServer.rss(items), Validator.NONE, false);
    site.put("/sitemap.xml", "application/xml", "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/"
        + "sitemap/0.9\"><url><loc>" + forms.get(1) + "</loc></url></urlset>", Validator.NONE, false);
    site.handle("/moved.rss", ex -> {
      ex.getResponseHeaders().set("Location", internal.url("/feed.rss"));
      ex.sendResponseHeaders(302, -1);
    });
    site.put("/home.html", "text/html", "<html><head><link rel=alternate type=application/rss+xml href=\""
        + internal.url("/feed.rss") + "\"><link rel=alternate type=application/rss+xml "
        + "href=\"http://169.254.169.254/latest/feed.rss\"><link rel=alternate type=application/rss+xml href=/news.rss>"
        + "</head><body>Home</body></html>", Validator.NONE, false);
    internal.put("/sitemap.xml", "application/xml", "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/"
        + "schemas/sitemap/0.9\"><url><loc>" + internal.url("/secret.html") + "</loc></url></urlset>", Validator.NONE, false);
    site.put("/index.xml", "application/xml", "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/"
        + "schemas/sitemap/0.9\"><sitemap><loc>" + internal.url("/sitemap.xml") + "</loc></sitemap><sitemap><loc>"
        + site.url("/sitemap.xml") + "</loc></sitemap></sitemapindex>", Validator.NONE, false);
    List<String> sources = List.of(site.url("/news.rss"), site.url("/sitemap.xml"), site.url("/moved.rss"),
        site.url("/home.html"), site.url("/index.xml"));

    Path data = tmp.resolve("data");
    try (Kronika k = Kronika.openForIngest(data)) {
      new Watcher(k, data, sources, WatcherTest.fast(), log::add).runOnce();
      assertEquals(forms.size(), WatcherTest.articles(k).size(), "each item kept its summary");
    }
    assertEquals(0, internal.totalHits(), String.join("\n", log));
    Map<String, Watcher.Health> health = health(data);
    assertEquals(java.util.Set.copyOf(sources), health.keySet(), "no source found on the home page or index was followed");
    assertTrue(health.get(site.url("/moved.rss")).lastError().contains("a loopback address"), health.toString());
    assertEquals(forms.size(), health.get(site.url("/news.rss")).refused(), "each item's link, in sources");
    assertEquals(1, health.get(site.url("/sitemap.xml")).refused());
    assertEquals(2, health.get(site.url("/home.html")).refused());
    assertEquals(1, health.get(site.url("/index.xml")).refused());
    assertTrue(health.get(site.url("/home.html")).lastRefused().contains("169.254.169.254"), health.toString());
    assertTrue(log.stream().anyMatch(l -> l.startsWith(site.url("/home.html")) && l.contains("169.254.169.254")
        && l.contains("link-local")), String.join("\n", log));
    assertTrue(log.stream().anyMatch(l -> l.startsWith(site.url("/news.rss")) && l.contains("refused")), String.join("\n", log));

    Path allowed = tmp.resolve("allowed");
    try (Kronika k = Kronika.openForIngest(allowed)) {
      // not the home page: with every address allowed it would wait on 169.254.169.254
      new Watcher(k, allowed, List.of(site.url("/news.rss"), site.url("/moved.rss")),
          WatcherTest.fast().withPrivateAddresses(true), line -> { }).runOnce();
    }
    assertTrue(internal.hits("/secret.html") > 0, "allowed with the option");
    assertNull(health(allowed).get(site.url("/moved.rss")).lastError(), "the redirect was followed");
  }

  /** A sitemap index whose every index lists three more, without end. */
  private void endlessIndexes() {
    site.handle("/index", ex -> {
      String at = ex.getRequestURI().getQuery();
      StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/"
          + "schemas/sitemap/0.9\">");
      for (int k = 0; k < 3; k++) {
        b.append("<sitemap><loc>").append(site.url("/index?" + at + "-" + k)).append("</loc></sitemap>");
      }
      NewsServer.send(ex, 200, "application/xml", b.append("</sitemapindex>").toString().getBytes(StandardCharsets.UTF_8));
    });
  }

  @Test
  void oneSitemapIndexCannotGrowTheSourcesWithoutBound() throws Exception {
    endlessIndexes();
    Path deep = tmp.resolve("deep");
    try (Kronika k = Kronika.openForIngest(deep)) {
      Watcher w = new Watcher(k, deep, List.of(site.url("/index?0")), WatcherTest.fast(), log::add);
      assertTimeoutPreemptively(Duration.ofSeconds(60), w::runOnce);
    }
    assertEquals(1 + 3 + 9, health(deep).size(), "two steps from the named index, no more");
    assertTrue(log.stream().anyMatch(l -> l.contains("not followed") && l.contains("2 steps")), String.join("\n", log));

    Path wide = tmp.resolve("wide");
    try (Kronika k = Kronika.openForIngest(wide)) {
      Watcher w = new Watcher(k, wide, List.of(site.url("/index?0")), WatcherTest.fast().withDiscoveryLimits(5, 2),
          log::add);
      assertTimeoutPreemptively(Duration.ofSeconds(60), w::runOnce);
    }
    assertEquals(1 + 5, health(wide).size(), "five sources found through the named one, no more");
  }

  @Test
  void aFeedOfCountlessEmptyItemsIsAFewLogLines() throws Exception {
    StringBuilder feed = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>");
    for (int i = 0; i < 20_000; i++) {
      feed.append("<item><guid>").append(i).append("</guid></item>");
    }
    site.put("/empty.rss", "application/rss+xml", feed.append("</channel></rss>").toString(), Validator.NONE, false);
    Path data = tmp.resolve("data");
    try (Kronika k = Kronika.openForIngest(data)) {
      new Watcher(k, data, List.of(site.url("/empty.rss")), WatcherTest.fast(), log::add).runOnce();
    }
    int shown = org.kronika.input.Limits.DEFAULTS.maxRejectionsShown();
    assertEquals(shown + 1, log.size(), String.join("\n", log.subList(0, Math.min(log.size(), 30))));
    assertTrue(log.get(shown).endsWith((20_000 - shown) + " more items with neither text nor title not listed"), log.get(shown));
  }

  @Test
  void aDocumentTooDeepToParseFailsItsSourceAndTheWatchGoesOn() throws Exception {
    site.put("/deep.atom", "application/atom+xml", HostileInputTest.deepAtom(3000), Validator.NONE, false);
    site.put("/deep-sitemap.xml", "application/xml", "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/"
        + "schemas/sitemap/0.9\"><url><loc>" + "<a>".repeat(200_000) + "</a>".repeat(200_000) + "</loc></url></urlset>",
        Validator.NONE, false);
    site.put("/articles/1.html", "text/html; charset=utf-8", NewsServer.page(1), Validator.NONE, false);
    site.put("/news.rss", "application/rss+xml", NewsServer.rss(List.of(site.item(1, true))), Validator.NONE, false);
    Path data = tmp.resolve("data");
    try (Kronika k = Kronika.openForIngest(data)) {
      Watcher w = new Watcher(k, data, List.of(site.url("/deep.atom"), site.url("/deep-sitemap.xml"),
          site.url("/news.rss")), WatcherTest.fast(), log::add);
      assertTimeoutPreemptively(Duration.ofSeconds(60), w::runOnce, "watch --once ends");
      assertEquals(1, WatcherTest.articles(k).size());
    }
    Map<String, Watcher.Health> health = health(data);
    for (String bad : List.of("/deep.atom", "/deep-sitemap.xml")) {
      Watcher.Health h = health.get(site.url(bad));
      assertEquals(1, h.failuresInARow(), bad);
      assertTrue(h.lastError().contains("nested deeper than"), h.lastError());
      assertTrue(h.nextPoll() != null, "polled again later");
    }
    assertFalse(health.get(site.url("/news.rss")).lastSuccess() == null);
  }
}
