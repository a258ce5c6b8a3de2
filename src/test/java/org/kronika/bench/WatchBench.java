package org.kronika.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kronika.Kronika;
import org.kronika.internal.Directories;
import org.kronika.watch.WatchOptions;
import org.kronika.watch.Watcher;

/**
 * Continuous ingest against a local news site: {@code FEEDS} RSS feeds start with
 * {@code BACKLOG} items each and then publish new ones at different rates (every 3, 6, 9 or
 * 12 s); a quarter of the items carry only a summary, so their page is fetched. A watch
 * (intervals 2–20 s, no delay between requests to the one local host) runs for
 * {@code SECONDS}. Prints items per minute, the requests answered 304 Not Modified (the
 * requests conditional fetching saved from a full download), and the delay from an item's
 * publication to its article being readable.
 *
 * <p>{@code java -cp target/classes:$(cat target/cp.txt) org.kronika.bench.WatchBench [FEEDS] [BACKLOG] [SECONDS]}
 */
public final class WatchBench {
  private static final String[] TOWNS = {"Amberfield", "Brookmere", "Coldharbour", "Dunwick", "Eastvale", "Fernhollow",
      "Greystone", "Hollowmere", "Ivybridge", "Juniper Bay"};
  private static final String[] EVENTS = {"opened a new bridge", "held a local election", "flooded after heavy rain",
      "hosted a harvest fair", "repaired the old library", "welcomed a new ferry", "closed the coal mine",
      "built a wind farm"};

  private record Item(int feed, int n, long published) {}

  private final Map<Integer, List<Item>> feeds = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> versions = new ConcurrentHashMap<>();
  private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
  private final AtomicInteger feedRequests = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();
  private final AtomicInteger pageRequests = new AtomicInteger();
  private HttpServer server;

  public static void main(String[] args) throws Exception {
    int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    new WatchBench().run(feeds, backlog, seconds);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void run(int feedCount, int backlog, int seconds) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::handle);
    server.start();
    long start = System.currentTimeMillis();
    for (int f = 0; f < feedCount; f++) {
      List<Item> items = Collections.synchronizedList(new ArrayList<>());
      for (int i = 0; i < backlog; i++) {
        items.add(publish(f, i, start));
      }
      feeds.put(f, items);
      versions.put(f, 0);
    }
    ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
    for (int f = 0; f < feedCount; f++) {
      int feed = f;
      long every = 3000L * (f % 4 + 1);
      publisher.scheduleAtFixedRate(() -> {
        List<Item> items = feeds.get(feed);
        items.add(publish(feed, items.size(), System.currentTimeMillis()));
        versions.merge(feed, 1, Integer::sum);
      }, every, every, TimeUnit.MILLISECONDS);
    }
    Path data = Files.createTempDirectory("kronika-watch-bench");
    List<String> sources = new ArrayList<>();
    for (int f = 0; f < feedCount; f++) {
      sources.add(url("/feed/" + f + ".rss"));
    }
    WatchOptions options = WatchOptions.defaults().withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(20))
        .withHostLimits(2, Duration.ZERO);
    List<Long> delays = Collections.synchronizedList(new ArrayList<>());
    try (Kronika kronika = Kronika.openForIngest(data)) {
      long warm = kronika.warmUp();
      System.out.printf(Locale.ROOT, "models loaded in %.1f s; %d feeds, %d items each to start with, %d s of watching%n",
          warm / 1000.0, feedCount, backlog, seconds);
      Watcher watcher = new Watcher(kronika, data, sources, options, line -> {
        if (!line.contains("committed")) {
          System.err.println("watch: " + line);
        }
      });
      Map<String, Boolean> seen = new ConcurrentHashMap<>();
      ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
      reader.scheduleWithFixedDelay(() -> {
        try {
          kronika.refreshReads();
          long now = System.currentTimeMillis();
          kronika.forEachArticle(a -> {
            if (seen.putIfAbsent(a.source(), true) == null) {
              Long at = publishedAt.get(a.source());
              if (at != null && at > start) { // published while watching, not the backlog
                delays.add(now - at);
              }
            }
          });
        } catch (IOException | RuntimeException e) {
          System.err.println("reader: " + e);
        }
      }, 250, 250, TimeUnit.MILLISECONDS);
      long t0 = System.nanoTime();
      Thread stopper = new Thread(() -> {
        try {
          Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        watcher.stop();
      });
      stopper.start();
      watcher.run();
      double minutes = (System.nanoTime() - t0) / 60e9;
      publisher.shutdownNow();
      reader.shutdownNow();
      reader.awaitTermination(5, TimeUnit.SECONDS);
      Watcher.Stats s = watcher.stats();
      int published = feeds.values().stream().mapToInt(List::size).sum();
      System.out.printf(Locale.ROOT, "published %d items (%d during the run); taken %d: %.0f items per minute%n",
          published, published - feedCount * backlog, s.items(), s.items() / minutes);
      System.out.printf(Locale.ROOT, "polls %d; feed requests %d, of which 304 Not Modified %d (%.0f%%); "
              + "article pages fetched %d; errors %d%n", s.polls(), feedRequests.get(), notModified.get(),
          100.0 * notModified.get() / Math.max(1, feedRequests.get()), pageRequests.get(), s.errors());
      List<Long> d = new ArrayList<>(delays);
      Collections.sort(d);
      if (!d.isEmpty()) {
        System.out.printf(Locale.ROOT, "publication to readable article (%d items): median %.1f s, p95 %.1f s, max %.1f s%n",
            d.size(), d.get(d.size() / 2) / 1000.0, d.get((int) (d.size() * 0.95)) / 1000.0, d.get(d.size() - 1) / 1000.0);
      }
    } finally {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
      Directories.deleteTree(data);
    }
  }

  private Item publish(int feed, int n, long at) {
    Item item = new Item(feed, n, at);
    publishedAt.put(link(item), at);
    return item;
  }

  private String link(Item i) {
    return url("/article/" + i.feed + "/" + i.n + ".html");
  }

  private static String[] story(Item i) {
    int k = i.feed * 1000 + i.n;
    String town = TOWNS[(k * 7 + i.feed) % TOWNS.length];
    String event = EVENTS[(k / 3) % EVENTS.length];
    return new String[] {town + " " + event + " (dispatch " + i.feed + "-" + i.n + ")",
        "Officials in " + town + " said the town " + event + " on day " + i.n + " of the season.",
        "About " + (500 + 13 * k % 9000) + " residents took part, the council of " + town + " reported.",
        "Observers from feed " + i.feed + " expect a decision within " + (i.n % 11 + 2) + " weeks."};
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/robots.txt")) {
        send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
      } else if (path.startsWith("/feed/")) {
        feedRequests.incrementAndGet();
        int f = Integer.parseInt(path.substring(6, path.indexOf('.')));
        String etag = "\"" + f + "-" + versions.get(f) + "\"";
        ex.getResponseHeaders().set("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          notModified.incrementAndGet();
          ex.sendResponseHeaders(304, -1);
          return;
        }
        List<Item> items;
        synchronized (feeds.get(f)) {
          items = new ArrayList<>(feeds.get(f));
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\" "
            + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Feed " + f + "</title>"
            + "<link>" + url("/") + "</link><description>bench</description><language>en</language>");
        for (Item i : items.subList(Math.max(0, items.size() - 30), items.size())) { // the 30 latest, like most feeds
          String[] s = story(i);
          b.append("<item><guid>").append(link(i)).append("</guid><link>").append(link(i)).append("</link><title>")
              .append(s[0]).append("</title><description>").append(s[1]).append("</description>");
          if (i.n % 4 != 3) {
            b.append("<content:encoded>&lt;p&gt;").append(s[1]).append("&lt;/p&gt;&lt;p&gt;").append(s[2])
                .append("&lt;/p&gt;&lt;p&gt;").append(s[3]).append("&lt;/p&gt;</content:encoded>");
          }
          b.append("</item>");
        }
        send(ex, 200, "application/rss+xml", b.append("</channel></rss>").toString());
      } else if (path.startsWith("/article/")) {
        pageRequests.incrementAndGet();
        String[] parts = path.substring(9, path.length() - 5).split("/");
        String[] s = story(new Item(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 0));
        send(ex, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>" + s[0] + "</title></head><body>"
            + "<nav><a href=/>Home</a></nav><article><h1>" + s[0] + "</h1><p>" + s[1] + "</p><p>" + s[2] + "</p><p>"
            + s[3] + "</p></article></body></html>");
      } else {
        send(ex, 404, "text/plain", "not found");
      }
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
