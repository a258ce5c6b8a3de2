package org.kronika.watch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A news site on localhost for the tests: feeds, pages and sitemaps that a test changes as it
 * goes, each served with an ETag or a Last-Modified (and answering 304 to a matching
 * conditional request), optionally gzipped, plus any handler a test installs to inject a fault.
 * Counts requests and 304s per path, and keeps the request headers it saw.
 */
public final class NewsServer implements AutoCloseable {
  /** How a document is served: validators sent, gzip. */
  public enum Validator { ETAG, LAST_MODIFIED, NONE }

  private record Doc(String type, byte[] body, Validator validator, boolean gzip, String etag, String lastModified) {}

  private final HttpServer server;
  private final Map<String, Doc> docs = new ConcurrentHashMap<>();
  private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
  public final List<Map<String, String>> requestHeaders = new CopyOnWriteArrayList<>();
  private final AtomicInteger version = new AtomicInteger();

  public NewsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "news-server");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
    put("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n", Validator.NONE, false);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Serves (or replaces) a document at {@code path}. */
  public void put(String path, String type, String body, Validator validator, boolean gzip) {
    int v = version.incrementAndGet();
    String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.ofEpochSecond(1_700_000_000L + v).atOffset(ZoneOffset.UTC));
    docs.put(path, new Doc(type, body.getBytes(StandardCharsets.UTF_8), validator, gzip, "\"v" + v + "\"", lastModified));
  }

  /** Answers {@code path} with a handler of the test's own (a fault). */
  public void handle(String path, HttpHandler handler) {
    handlers.put(path, handler);
  }

  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  public int notModified(String path) {
    AtomicInteger n = notModified.get(path);
    return n == null ? 0 : n.get();
  }

  public int totalHits() {
    return hits.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public int totalNotModified() {
    return notModified.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    Map<String, String> headers = new ConcurrentHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
    headers.put(":path", path);
    requestHeaders.add(headers);
    try (ex) {
      HttpHandler h = handlers.get(path);
      if (h != null) {
        h.handle(ex);
        return;
      }
      Doc d = docs.get(path);
      if (d == null) {
        send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (d.validator == Validator.ETAG) {
        ex.getResponseHeaders().set("ETag", d.etag);
        if (d.etag.equals(headers.get("if-none-match"))) {
          notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          ex.sendResponseHeaders(304, -1);
          return;
        }
      } else if (d.validator == Validator.LAST_MODIFIED) {
        ex.getResponseHeaders().set("Last-Modified", d.lastModified);
        if (d.lastModified.equals(headers.get("if-modified-since"))) {
          notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          ex.sendResponseHeaders(304, -1);
          return;
        }
      }
      byte[] body = d.body;
      if (d.gzip && String.valueOf(headers.get("accept-encoding")).contains("gzip")) {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
          gz.write(body);
        }
        body = z.toByteArray();
        ex.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      send(ex, 200, d.type, body);
    }
  }

  static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // --- fixtures: small invented news ---

  /** One feed item; {@code full} puts the text in content:encoded, otherwise only a summary. */
  public record Item(String guid, String link, String title, String text, boolean full) {}

  private static final String[] TOWNS = {"Amberfield", "Brookmere", "Coldharbour", "Dunwick", "Eastvale", "Fernhollow",
      "Greystone", "Hollowmere"};
  private static final String[] EVENTS = {"opened a new bridge", "held a local election", "flooded after heavy rain",
      "hosted a harvest fair", "repaired the old library", "welcomed a new ferry"};

  /** An invented news story, different for every {@code n}: a title line and a few sentences. */
  public static String story(int n) {
    String town = TOWNS[n % TOWNS.length];
    String event = EVENTS[(n / TOWNS.length) % EVENTS.length];
    return town + " " + event + " (report " + n + ")\n"
        + "Officials in " + town + " said on Tuesday that the town " + event + " for the " + n + "th time this decade.\n"
        + "About " + (1000 + 37 * n) + " residents took part, and the council of " + town
        + " thanked the volunteers who worked through the night.\n"
        + "The mayor of " + town + " promised a full report to the regional assembly within " + (n % 9 + 2) + " weeks.\n";
  }

  public static String title(int n) {
    return story(n).lines().findFirst().orElseThrow();
  }

  /** An article page for {@code story(n)}, with a little site furniture around it. */
  public static String page(int n) {
    String[] lines = story(n).split("\n");
    StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(lines[0]).append(" | The Valley Courier</title></head><body><nav><a href=\"/\">Home</a> "
            + "<a href=\"/world\">World</a></nav><article><h1>").append(lines[0]).append("</h1>");
    for (int i = 1; i < lines.length; i++) {
      b.append("<p>").append(lines[i]).append("</p>");
    }
    return b.append("</article><footer>© The Valley Courier</footer></body></html>").toString();
  }

  /** An RSS 2.0 feed of the items. */
  public static String rss(List<Item> items) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
        + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>The Valley Courier</title>"
        + "<link>http://example.invalid/</link><description>News</description><language>en</language>\n");
    for (Item i : items) {
      b.append("<item><guid isPermaLink=\"false\">").append(i.guid()).append("</guid><title>").append(esc(i.title()))
          .append("</title>");
      if (i.link() != null) {
        b.append("<link>").append(esc(i.link())).append("</link>");
      }
      b.append("<pubDate>Tue, 03 Dec 2024 10:00:00 GMT</pubDate>");
      if (i.full()) {
        b.append("<content:encoded>").append(esc(paragraphs(i.text()))).append("</content:encoded>");
        b.append("<description>").append(esc(i.text().lines().skip(1).findFirst().orElse(""))).append("</description>");
      } else {
        b.append("<description>").append(esc(i.text().lines().skip(1).findFirst().orElse(""))).append("</description>");
      }
      b.append("</item>\n");
    }
    return b.append("</channel></rss>\n").toString();
  }

  /** An Atom feed of the items (full content). */
  public static String atom(List<Item> items) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"><title>Hill Gazette</title>"
        + "<id>urn:hill-gazette</id><updated>2024-12-03T10:00:00Z</updated>\n");
    for (Item i : items) {
      b.append("<entry><id>").append(i.guid()).append("</id><title>").append(esc(i.title())).append("</title>");
      if (i.link() != null) {
        b.append("<link href=\"").append(esc(i.link())).append("\"/>");
      }
      b.append("<updated>2024-12-03T10:00:00Z</updated><content type=\"html\">").append(esc(paragraphs(i.text())))
          .append("</content></entry>\n");
    }
    return b.append("</feed>\n").toString();
  }

  /** The item of story {@code n}, linking to {@code /articles/n.html} on this server. */
  public Item item(int n, boolean full) {
    return new Item("story-" + n, url("/articles/" + n + ".html"), title(n), story(n), full);
  }

  private static String paragraphs(String text) {
    StringBuilder b = new StringBuilder();
    text.lines().skip(1).forEach(l -> b.append("<p>").append(l).append("</p>"));
    return b.toString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
