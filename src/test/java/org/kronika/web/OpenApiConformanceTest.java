package org.kronika.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.alert.Alerts;
import org.kronika.internal.Json;
import org.kronika.testing.Prerequisites;

/**
 * The API as an independent client sees it: the OpenAPI document checked by a standard
 * validator from npm (swagger-parser), and an answer of every GET operation, and its errors,
 * checked against the schema the document declares for it (Ajv), by the Node.js script in
 * {@code src/test/openapi} ({@code npm ci --prefix src/test/openapi} installs what it needs;
 * {@code .ci/run} does).
 */
class OpenApiConformanceTest {
  private static final Path CHECKER = Path.of("src/test/openapi");
  @TempDir Path dir;

  @Test
  void everyAnswerMatchesTheDocument() throws Exception {
    Prerequisites.require(Files.isDirectory(CHECKER.resolve("node_modules")) && node(),
        "Node.js with the OpenAPI checker's packages (npm ci --prefix src/test/openapi)");
    Path data = WebFixtures.build(dir);
    Path answers = Files.createDirectories(dir.resolve("answers"));
    try (Kronika kronika = Kronika.openForReading(data);
         WebServer server = WebServer.start(kronika, null, "127.0.0.1", 0, 2, List.of(), Alerts.of(data))) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      JsonNode story = Json.MAPPER.readTree(get(http, base + "/api/stories?limit=1").body()).path("items").get(0);
      String storyId = story.path("id").asText();
      String storyline = story.path("storyline").asText();
      String article = story.path("articles").get(0).asText();
      String entity = Html.encode(story.path("entities").get(0).path("id").asText());
      Map<String, String> calls = new LinkedHashMap<>(); // concrete path -> the document's template
      calls.put("/api/storylines", "/api/storylines");
      calls.put("/api/storylines/" + storyline, "/api/storylines/{id}");
      calls.put("/api/storylines/" + storyline + "/stories", "/api/storylines/{id}/stories");
      calls.put("/api/stories?limit=5", "/api/stories");
      calls.put("/api/stories/" + storyId, "/api/stories/{id}");
      calls.put("/api/stories/" + storyId + "/articles", "/api/stories/{id}/articles");
      calls.put("/api/articles?limit=3", "/api/articles");
      calls.put("/api/articles/" + article, "/api/articles/{id}");
      calls.put("/api/entities/" + entity, "/api/entities/{id}");
      calls.put("/api/entities/" + entity + "/articles", "/api/entities/{id}/articles");
      calls.put("/api/entities/" + entity + "/stories", "/api/entities/{id}/stories");
      calls.put("/api/entities/" + entity + "/quotes", "/api/entities/{id}/quotes");
      calls.put("/api/quotes", "/api/quotes");
      calls.put("/api/search?q=Zelensky", "/api/search");
      calls.put("/api/stories/s-none", "/api/stories/{id}");
      calls.put("/api/storylines/l-none/stories", "/api/storylines/{id}/stories");
      calls.put("/api/search?q=Zelensky&limit=0", "/api/search");
      calls.put("/api/articles?colour=red", "/api/articles");
      int n = 0;
      for (var call : calls.entrySet()) {
        record(answers, n++, "GET", call.getValue(), get(http, base + call.getKey()));
      }
      // the saved searches: the changes, and the list between them
      String alert = "{\"query\":\"Kharkiv\",\"webhook\":\"http://127.0.0.1:9/hook\"}";
      HttpResponse<String> saved = record(answers, n++, "POST", "/api/alerts", http.send(HttpRequest.newBuilder(
          URI.create(base + "/api/alerts")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.ofString()));
      record(answers, n++, "GET", "/api/alerts", get(http, base + "/api/alerts"));
      record(answers, n++, "POST", "/api/alerts", http.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts"))
          .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(alert)).build(),
          HttpResponse.BodyHandlers.ofString()));
      String id = Json.MAPPER.readTree(saved.body()).path("id").asText();
      for (String which : List.of(id, id)) { // removed, then gone
        record(answers, n++, "DELETE", "/api/alerts/{id}", http.send(HttpRequest.newBuilder(
            URI.create(base + "/api/alerts/" + which)).DELETE().build(), HttpResponse.BodyHandlers.ofString()));
      }
      Files.writeString(dir.resolve("openapi.json"), get(http, base + "/api/openapi.json").body());
    }
    Process check = new ProcessBuilder("node", CHECKER.resolve("check.mjs").toString(),
        dir.resolve("openapi.json").toString(), answers.toString()).redirectErrorStream(true).start();
    String out = new String(check.getInputStream().readAllBytes());
    check.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, check.exitValue(), out);
  }

  /** Keeps an answer for the checker, with the operation it answers as the document names it. */
  private static HttpResponse<String> record(Path answers, int n, String method, String template, HttpResponse<String> r)
      throws Exception {
    ObjectNode answer = Json.MAPPER.createObjectNode().put("method", method).put("template", template)
        .put("status", r.statusCode());
    answer.set("body", Json.MAPPER.readTree(r.body()));
    Files.writeString(answers.resolve(String.format("%02d.json", n)), Json.write(answer));
    return r;
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean node() {
    try {
      return new ProcessBuilder("node", "--version").start().waitFor(20, TimeUnit.SECONDS);
    } catch (java.io.IOException | InterruptedException e) {
      return false;
    }
  }
}
