package org.kronika.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.kronika.Kronika;
import org.kronika.internal.Json;
import org.kronika.web.WebServer;

/**
 * Load benchmark of {@code kronika serve}: starts the server on a data directory, then for
 * each page and API endpoint sends requests from N concurrent clients (each waiting for its
 * answer before the next, over kept-alive connections) and prints p50/p95/p99 latency.
 * Requests rotate over many stories, articles, entities and queries, so no single cached
 * answer is measured. Usage:
 * {@code java -cp ... org.kronika.bench.WebLoadBench DATA_DIR [CLIENTS=16] [REQUESTS=800] [ONLY]}, where
 * ONLY keeps the endpoints whose name contains it.
 */
public final class WebLoadBench {
  private static final List<String> QUERIES = List.of("Putin", "Zelensky", "Johnson", "Brexit", "Biden", "Trump",
      "Ryanair", "Nord Stream", "vaccine", "Asia Bibi", "Merkel", "Gazprom", "Путин", "Зеленський", "koronavirus",
      "Europe", "election", "Pakistan", "Londyn", "газ");

  private WebLoadBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: WebLoadBench DATA_DIR [CLIENTS=16] [REQUESTS=800] [ONLY]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 800;
    String only = args.length > 3 ? args[3] : "";
    long t0 = System.nanoTime();
    try (Kronika kronika = Kronika.openForReading(data);
         WebServer server = WebServer.start(kronika, null, "127.0.0.1", 0, clients)) {
      System.out.printf("server up in %.1f s (catalog built); %d clients, %d requests per endpoint%n",
          (System.nanoTime() - t0) / 1e9, clients, requests);
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Map<String, List<String>> endpoints = endpoints(http, base);
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      System.out.printf("%-26s %8s %8s %8s %8s%n", "endpoint", "p50 ms", "p95 ms", "p99 ms", "errors");
      for (Map.Entry<String, List<String>> e : endpoints.entrySet()) { // warm-up, not counted
        if (e.getKey().contains(only) && !e.getKey().endsWith("uncached")) {
          run(http, pool, e.getValue(), Math.max(clients * 4, requests / 4), clients);
        }
      }
      for (Map.Entry<String, List<String>> e : endpoints.entrySet()) {
        if (!e.getKey().contains(only)) {
          continue;
        }
        boolean once = e.getKey().endsWith("uncached");
        Result r = run(http, pool, e.getValue(), once ? Math.min(requests, e.getValue().size()) : requests, clients);
        System.out.printf("%-26s %8.1f %8.1f %8.1f %8d%n", e.getKey(), r.percentile(50), r.percentile(95), r.percentile(99),
            r.errors);
      }
      pool.shutdown();
    }
  }

  /** Each endpoint with the URLs it is exercised with, discovered through the API itself. */
  private static Map<String, List<String>> endpoints(HttpClient http, String base) throws Exception {
    List<String> stories = new ArrayList<>();
    List<String> articles = new ArrayList<>();
    List<String> entities = new ArrayList<>();
    for (JsonNode s : json(http, base + "/api/stories?limit=200").path("items")) {
      stories.add(s.path("id").asText());
      articles.add(s.path("articles").get(0).asText());
      s.path("entities").forEach(e -> {
        if (entities.size() < 200) {
          entities.add(e.path("id").asText());
        }
      });
    }
    List<String> storylines = new ArrayList<>();
    for (JsonNode l : json(http, base + "/api/storylines?limit=200").path("items")) {
      storylines.add(l.path("id").asText());
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("GET /", List.of(base + "/", base + "/?page=2"));
    out.put("GET /storylines", List.of(base + "/storylines", base + "/storylines?page=2"));
    out.put("GET /storyline/{id}", urls(base + "/storyline/", storylines, ""));
    out.put("GET /quotes?q=", urls(base + "/quotes?q=", QUERIES, ""));
    out.put("GET /quotes?speaker=", urls(base + "/quotes?speaker=", entities, ""));
    out.put("GET /story/{id}", urls(base + "/story/", stories, ""));
    out.put("GET /entity/{id}", urls(base + "/entity/", entities, ""));
    out.put("GET /article/{id}", urls(base + "/article/", articles, ""));
    out.put("GET /search?q=", urls(base + "/search?q=", QUERIES, ""));
    out.put("GET /api/storylines", List.of(base + "/api/storylines", base + "/api/storylines?offset=20&limit=50"));
    out.put("GET /api/storylines/{id}", urls(base + "/api/storylines/", storylines, ""));
    out.put("GET /api/storylines/{id}/…", urls(base + "/api/storylines/", storylines, "/stories"));
    out.put("GET /api/stories", List.of(base + "/api/stories", base + "/api/stories?offset=20&limit=50"));
    out.put("GET /api/stories/{id}", urls(base + "/api/stories/", stories, ""));
    out.put("GET /api/stories/{id}/art…", urls(base + "/api/stories/", stories, "/articles?limit=50"));
    out.put("GET /api/articles", List.of(base + "/api/articles?offset=1000&limit=50", base + "/api/articles"));
    out.put("GET /api/articles/{id}", urls(base + "/api/articles/", articles, ""));
    out.put("GET /api/entities/{id}", urls(base + "/api/entities/", entities, ""));
    out.put("GET /api/entities/{id}/st…", urls(base + "/api/entities/", entities, "/stories"));
    out.put("GET /api/search?q=", urls(base + "/api/search?q=", QUERIES, ""));
    out.put("GET /api/quotes?q=", urls(base + "/api/quotes?q=", QUERIES, ""));
    out.put("GET /api/openapi.json", List.of(base + "/api/openapi.json"));
    List<String> fresh = new ArrayList<>(); // queries asked once each: searches that miss the cache
    for (JsonNode a : json(http, base + "/api/articles?limit=200&offset=1000").path("items")) {
      String[] words = a.path("title").asText().split("[^\\p{L}]+");
      for (int i = 0; i + 1 < words.length; i += 2) {
        if (words[i].length() > 3 && words[i + 1].length() > 3) {
          fresh.add(words[i] + " " + words[i + 1]);
        }
      }
    }
    out.put("GET /api/search uncached", urls(base + "/api/search?q=", fresh.stream().distinct().toList(), ""));
    return out;
  }

  private static List<String> urls(String prefix, List<String> values, String suffix) {
    return values.stream().map(v -> prefix + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20") + suffix).toList();
  }

  private static JsonNode json(HttpClient http, String url) throws IOException, InterruptedException {
    return Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  private record Result(double[] millis, int errors) {
    double percentile(int p) {
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
  }

  private static Result run(HttpClient http, ExecutorService pool, List<String> urls, int requests, int clients)
      throws Exception {
    double[] millis = new double[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
          HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(i % urls.size()))).build();
          long start = System.nanoTime();
          try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
              errors.incrementAndGet();
            }
          } catch (IOException | InterruptedException e) {
            errors.incrementAndGet();
          }
          millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    return new Result(millis, errors.get());
  }
}
