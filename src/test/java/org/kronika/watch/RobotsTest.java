package org.kronika.watch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** robots.txt rules, response decoding and Retry-After: the small parsers of the watch. */
class RobotsTest {
  private static final String ROBOTS = """
      # a news site
      User-agent: *
      Disallow: /search
      Disallow: /private/
      Allow: /private/press/
      Crawl-delay: 2

      User-agent: Googlebot
      User-agent: Kronika
      Disallow: /drafts/
      Disallow: /*.pdf$
      Allow: /drafts/public
      Crawl-delay: 0.5
      """;

  @Test
  void theGroupNamingKronikaWinsOverTheStarGroup() {
    Robots r = Robots.parse(ROBOTS, "kronika");
    assertFalse(r.allows("/drafts/budget.html"));
    assertTrue(r.allows("/drafts/public/budget.html"), "the longer Allow wins");
    assertFalse(r.allows("/report.pdf"));
    assertTrue(r.allows("/report.pdf?page=2"), "$ anchors the end");
    assertTrue(r.allows("/search?q=x"), "the * group does not apply when a group names us");
    assertEquals(0.5, r.crawlDelaySeconds());
  }

  @Test
  void otherwiseTheStarGroupApplies() {
    Robots r = Robots.parse(ROBOTS, "otherbot");
    assertFalse(r.allows("/search?q=budget"));
    assertFalse(r.allows("/private/a.html"));
    assertTrue(r.allows("/private/press/release.html"));
    assertTrue(r.allows("/news/1.html"));
    assertTrue(r.allows("/robots.txt"));
    assertEquals(2.0, r.crawlDelaySeconds());
  }

  @Test
  void emptyDisallowAndUnreachableFiles() {
    assertTrue(Robots.parse("User-agent: *\nDisallow:\n", "kronika").allows("/anything"));
    assertTrue(Robots.ALLOW_ALL.allows("/x"));
    assertFalse(Robots.DISALLOW_ALL.allows("/x"));
  }

  @Test
  void responsesAreDecodedWithinTheCap() throws Exception {
    byte[] text = "Amberfield opened a bridge. ".repeat(100).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(zlib)) {
      d.write(text);
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(raw, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
      d.write(text);
    }
    assertArrayEquals(text, Fetcher.decode(zlib.toByteArray(), "deflate", 10_000));
    assertArrayEquals(text, Fetcher.decode(raw.toByteArray(), "deflate", 10_000));
    FetchException bomb = assertThrows(FetchException.class, () -> Fetcher.decode(zlib.toByteArray(), "deflate", 1000));
    assertTrue(bomb.getMessage().contains("once decompressed"));
    assertThrows(FetchException.class, () -> Fetcher.decode(text, "br", 10_000));
  }

  @Test
  void retryAfterInSecondsOrAsADate() {
    assertEquals(120_000, Fetcher.retryAfterMillis("120"));
    assertEquals(0, Fetcher.retryAfterMillis("soon"));
    long inAMinute = Fetcher.retryAfterMillis(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(60)));
    assertTrue(inAMinute > 55_000 && inAMinute <= 60_000, "" + inAMinute);
  }

  @Test
  void aHugeRobotsTxtIsReadForItsFirst500KiB() throws Exception {
    try (NewsServer site = new NewsServer()) {
      site.put("/page.html", "text/html", "<html><body><p>ok</p></body></html>", NewsServer.Validator.NONE, false);
      site.handle("/robots.txt", ex -> { // 100 MB: rules first, then comments without end
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        ex.sendResponseHeaders(200, 0);
        try (java.io.OutputStream out = ex.getResponseBody()) {
          out.write("User-agent: *\nDisallow: /private/\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          byte[] comment = ("#" + "x".repeat(1022) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
          for (int i = 0; i < 100 * 1024; i++) {
            out.write(comment);
          }
        } catch (java.io.IOException closedByTheCrawler) {
          // it read what it needed
        }
      });
      Fetcher fetcher = new Fetcher(WatcherTest.fast(), java.util.List.of(site.url("/")));
      assertEquals(200, fetcher.get(java.net.URI.create(site.url("/page.html")), null, null).status());
      FetchException refused = assertThrows(FetchException.class,
          () -> fetcher.get(java.net.URI.create(site.url("/private/page.html")), null, null));
      assertTrue(refused.getMessage().contains("disallowed by robots.txt"), refused.getMessage());
    }
  }
}
