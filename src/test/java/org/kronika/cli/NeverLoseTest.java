package org.kronika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.input.Inputs;
import org.kronika.internal.Json;
import org.kronika.model.Article;
import org.kronika.web.WebServer;

/**
 * Nothing real is dropped and nothing stored breaks a reader: headline-only items and pages
 * without a findable body are stored bodyless, bodies beyond the limit are cut and flagged,
 * and only documents without a word are rejected, each by name. The worst cases are then read
 * back through the command line, the API and the web pages.
 */
class NeverLoseTest {
  @TempDir Path tmp;

  @Test
  void storesHeadlinesAndHugeBodiesAndEveryReaderShowsThem() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("headline.txt"), "Parliament approves the budget for next year\n");
    Files.writeString(in.resolve("flash.txt"), "14:25 Storm closes every port on the northern coast\n");
    Files.writeString(in.resolve("page.html"), "<html><head><title>Minister resigns over tender | Daily News</title>"
        + "<meta name=\"description\" content=\"The minister of transport resigned on Monday after the tender scandal.\">"
        + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></body></html>");
    Files.writeString(in.resolve("timestamp.txt"), "04.11.2020  06:39\n");
    Files.writeString(in.resolve("wire.jsonl"), "{\"title\":\"Central bank raises rates by half a point\",\"date\":\"2024-12-03\"}\n");
    String paragraph = "The council met again today and talked about the harbour, the roads and the schools of the town. ";
    StringBuilder report = new StringBuilder("A very long report\n\n");
    for (int i = 1; report.length() < 3 * Article.MAX_BODY_CHARS; i++) { // distinct paragraphs: a repeated one is kept once
      report.append("In session ").append(i).append(" the council spoke again. ").append(paragraph.repeat(5)).append("\n\n");
    }
    Files.writeString(in.resolve("long.txt"), report);
    Files.writeString(in.resolve("one-line.txt"), paragraph.repeat(30_000));
    Path oversized = in.resolve("oversized.txt");
    try (var out = Files.newOutputStream(oversized)) {
      byte[] block = "x".repeat(1 << 16).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      for (long written = 0; written <= Inputs.MAX_DOCUMENT_BYTES; written += block.length) {
        out.write(block);
      }
    }

    Path data = tmp.resolve("data");
    Cli ingest = Cli.run("ingest", "--data", data.toString(), in.toString());
    assertEquals(0, ingest.status(), ingest.err());
    assertTrue(ingest.out().contains("stored 6,") && ingest.out().contains("rejected 2"), ingest.out() + ingest.err());
    assertTrue(ingest.err().contains("timestamp.txt: no text found"), ingest.err());
    assertTrue(ingest.err().contains("oversized.txt: larger than the"), ingest.err());

    Cli listed = Cli.run("articles", "--data", data.toString(), "--json");
    assertEquals(0, listed.status(), listed.err());
    Map<String, JsonNode> bySource = new HashMap<>();
    for (String line : listed.out().strip().split("\n")) {
      JsonNode a = Json.MAPPER.readTree(line);
      bySource.put(Path.of(a.path("source").asText()).getFileName().toString(), a);
      assertTrue(a.path("body").asText().length() <= Article.MAX_BODY_CHARS, a.path("source").asText());
    }
    JsonNode headline = bySource.get("headline.txt");
    assertEquals("Parliament approves the budget for next year", headline.path("title").asText());
    assertEquals("", headline.path("body").asText());
    assertTrue(headline.path("bodyless").asBoolean());
    assertEquals("en", headline.path("lang").asText());
    assertEquals("Storm closes every port on the northern coast", bySource.get("flash.txt").path("title").asText());
    JsonNode page = bySource.get("page.html");
    assertTrue(page.path("bodyless").asBoolean());
    assertEquals("Minister resigns over tender", page.path("title").asText());
    assertTrue(page.path("body").asText().startsWith("The minister of transport resigned"), page.toString());
    JsonNode longReport = bySource.get("long.txt");
    assertTrue(longReport.path("truncated").asBoolean());
    assertFalse(longReport.path("bodyless").asBoolean());
    assertTrue(longReport.path("body").asText().endsWith("schools of the town."), "cut at a paragraph's end");
    assertTrue(longReport.path("body").asText().length() > Article.MAX_BODY_CHARS / 2);
    assertTrue(bySource.get("one-line.txt").path("truncated").asBoolean());
    JsonNode wire = bySource.get("wire.jsonl#1");
    assertTrue(wire.path("bodyless").asBoolean());
    assertEquals("2024-12-03", wire.path("date").asText());

    Cli search = Cli.run("search", "--data", data.toString(), "--json", "budget");
    assertEquals(0, search.status(), search.err());
    assertTrue(search.out().contains("Parliament approves the budget"), search.out());

    try (Kronika reader = Kronika.openForReading(data);
         WebServer web = WebServer.start(reader, null, "127.0.0.1", 0, 2)) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + web.port();
      List<String> paths = new java.util.ArrayList<>(List.of("/", "/api/articles?limit=10", "/api/stories",
          "/search?q=council", "/api/search?q=council", "/search?q=budget", "/api/search?q=rates"));
      for (JsonNode a : bySource.values()) {
        paths.add("/api/articles/" + a.path("id").asText());
        paths.add("/article/" + a.path("id").asText());
        paths.add("/story/" + a.path("story").asText());
      }
      for (String path : paths) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body().substring(0, Math.min(300, r.body().length())));
      }
      JsonNode viaApi = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(
          URI.create(base + "/api/articles/" + headline.path("id").asText())).build(), HttpResponse.BodyHandlers.ofString()).body());
      assertTrue(viaApi.path("bodyless").asBoolean(), viaApi.toString());
    }
  }
}
