package org.kronika.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.internal.Json;

/** The server over plain HTTP: pages, the API, errors, escaping and traversal. */
class WebServerTest {
  @TempDir static Path dir;
  static Kronika kronika;
  static WebServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    Path data = WebFixtures.build(dir);
    kronika = Kronika.openForIngest(data);
    server = WebServer.start(kronika, data.resolve("posted"), "127.0.0.1", 0, 4);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    kronika.close();
  }

  static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(String path, int status) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(status, r.statusCode(), path + ": " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
    return Json.MAPPER.readTree(r.body());
  }

  static String storyOf(String query) throws Exception {
    return json("/api/search?q=" + query + "&limit=1", 200).path("items").get(0).path("article").path("story").asText();
  }

  @Test
  void everyPageAnswers() throws Exception {
    String story = storyOf("Rutte");
    JsonNode storyJson = json("/api/stories/" + story, 200);
    String article = storyJson.path("articles").get(0).asText();
    String entity = storyJson.path("entities").get(0).path("id").asText();
    for (String path : new String[] {"/", "/story/" + story, "/article/" + article, "/entity/" + Html.encode(entity),
        "/search?q=Zelensky", "/search", "/static/style.css", "/storylines", "/quotes"}) {
      HttpResponse<String> r = get(path);
      assertEquals(200, r.statusCode(), path);
    }
    assertTrue(get("/").body().contains("Zelensky meets Rutte"));
    String summit = json("/api/stories/" + story, 200).path("storyline").asText();
    assertTrue(get("/").body().contains("Storyline: <a href=\"/storyline/" + summit + "\">"), "home links the storyline");
  }

  @Test
  void englishQueryFindsUkrainianAndRussianArticles() throws Exception {
    JsonNode result = json("/api/search?q=Zelensky&limit=50", 200);
    Set<String> langs = new HashSet<>();
    result.path("items").forEach(i -> langs.add(i.path("article").path("lang").asText()));
    assertTrue(langs.containsAll(Set.of("en", "uk", "ru")), langs.toString());
    assertTrue(result.path("facets").path("lang").size() >= 3);
    JsonNode onlyUk = json("/api/search?q=Zelensky&lang=uk", 200);
    assertEquals(1, onlyUk.path("total").asInt());
    assertTrue(get("/search?q=Zelensky").body().contains("<mark>Зеленський</mark>"));
  }

  @Test
  void listsArePagedAndSayTheirTotal() throws Exception {
    JsonNode first = json("/api/articles?limit=2", 200);
    assertEquals(2, first.path("items").size());
    assertTrue(first.path("total").asInt() >= 6);
    JsonNode rest = json("/api/articles?offset=2&limit=200", 200);
    assertEquals(first.path("total").asInt() - 2, rest.path("items").size());
    assertEquals(0, json("/api/stories?offset=1000", 200).path("items").size());
    assertEquals(0, json("/api/search?q=Zelensky&offset=2147483647&limit=200", 200).path("items").size());
    assertEquals(200, get("/?page=2147483647").statusCode());
    assertEquals(200, get("/search?q=Zelensky&page=100000").statusCode());
  }

  @Test
  void storyAndEntityEndpointsListWhatTheyHold() throws Exception {
    String story = storyOf("Rutte");
    JsonNode storyJson = json("/api/stories/" + story, 200);
    JsonNode articles = json("/api/stories/" + story + "/articles?limit=200", 200);
    assertEquals(storyJson.path("articles").size(), articles.path("total").asInt());
    int withWhy = 0;
    for (JsonNode a : articles.path("items")) {
      assertEquals(story, a.path("story").asText());
      withWhy += a.path("why").isObject() ? 1 : 0;
    }
    assertEquals(articles.path("total").asInt() - 1, withWhy, "every article but the story's first says why: " + articles);

    String entity = storyJson.path("entities").get(0).path("id").asText();
    JsonNode e = json("/api/entities/" + Html.encode(entity), 200);
    assertEquals(entity, e.path("id").asText());
    assertEquals(e.path("articles").asInt(), json("/api/entities/" + Html.encode(entity) + "/articles", 200).path("total").asInt());
    JsonNode stories = json("/api/entities/" + Html.encode(entity) + "/stories", 200);
    assertEquals(e.path("stories").asInt(), stories.path("total").asInt());
    assertEquals(story, stories.path("items").get(0).path("id").asText());
    assertEquals(e.path("quotes").asInt(), json("/api/entities/" + Html.encode(entity) + "/quotes", 200).path("total").asInt());
    assertEquals(404, json("/api/entities/nobody", 404).path("error").path("status").asInt());
    assertEquals(404, json("/api/stories/nope/articles", 404).path("error").path("status").asInt());
  }

  @Test
  void storylinesHoldEveryStoryOnceAndLinkBothWays() throws Exception {
    JsonNode lines = json("/api/storylines?limit=200", 200);
    int stories = 0;
    int articles = 0;
    for (JsonNode line : lines.path("items")) {
      String id = line.path("id").asText();
      assertEquals(line, json("/api/storylines/" + Html.encode(id), 200));
      JsonNode parts = json("/api/storylines/" + Html.encode(id) + "/stories?limit=200", 200);
      assertEquals(line.path("stories").size(), parts.path("total").asInt());
      String page = get("/storyline/" + Html.encode(id)).body();
      String previous = "";
      for (JsonNode story : parts.path("items")) {
        assertEquals(id, story.path("storyline").asText());
        assertTrue(previous.compareTo(story.path("first").asText()) <= 0, "stories in date order: " + parts);
        previous = story.path("first").asText();
        assertTrue(page.contains("href=\"/story/" + story.path("id").asText() + "\""), page);
        assertTrue(get("/story/" + story.path("id").asText()).body().contains("href=\"/storyline/" + id + "\""));
      }
      int perDay = 0;
      for (JsonNode counts : line.path("perDay").path("countsByLanguage")) {
        for (JsonNode n : counts) {
          perDay += n.asInt();
        }
      }
      assertEquals(line.path("articles").size(), perDay, "every dated article is in the timeline: " + line);
      stories += parts.path("total").asInt();
      articles += line.path("articles").size();
    }
    assertEquals(json("/api/stories", 200).path("total").asInt(), stories);
    assertEquals(json("/api/articles", 200).path("total").asInt(), articles);
    String summit = json("/api/stories/" + storyOf("Rutte"), 200).path("storyline").asText();
    String kharkiv = json("/api/stories/" + storyOf("Kharkiv"), 200).path("storyline").asText();
    assertEquals(summit, kharkiv, "the visit to Kharkiv follows the summit in Kyiv");
    String html = get("/storyline/" + summit).body();
    assertTrue(html.contains("<svg class=\"timeline\" role=\"img\""), html);
    assertTrue(get("/storylines").body().contains("href=\"/storyline/" + summit + "\""));
    assertEquals(404, json("/api/storylines/nope", 404).path("error").path("status").asInt());
    assertEquals(404, json("/api/storylines/nope/stories", 404).path("error").path("status").asInt());
    assertTrue(json("/api/storylines?limit=201", 400).path("error").path("message").asText().contains("'limit'"));
    assertEquals(404, get("/storyline/nope").statusCode());
    assertEquals(400, get("/storylines?page=0").statusCode());
  }

  @Test
  void quotesAreFoundBySpeakerWordsAndLanguage() throws Exception {
    String all = get("/quotes").body();
    assertTrue(all.contains("Every system our partners send saves lives in our cities"), all);
    assertTrue(get("/quotes?q=SAVES+lives&lang=en").body().contains("Every system our partners send"));
    assertFalse(get("/quotes?q=saves+lives&lang=uk").body().contains("Every system our partners send"));
    assertTrue(get("/quotes?speaker=zelensky").body().contains("Every system our partners send"));
    String kharkiv = json("/api/search?q=Kharkiv&limit=1", 200).path("items").get(0).path("article").path("id").asText();
    JsonNode article = json("/api/articles/" + kharkiv, 200);
    String speaker = article.path("quotes").get(0).path("speaker").path("id").asText();
    String entity = get("/entity/" + Html.encode(speaker)).body();
    String said = entity.substring(entity.indexOf("id=\"said\""), entity.indexOf("id=\"said-about\""));
    assertTrue(said.contains("<h3><a href=\"/story/" + article.path("story").asText() + "\">")
        && said.contains("Every system our partners send"), said);
    assertTrue(entity.contains("<ol class=\"companions\"><li><a href=\"/entity/"), "who appears with it: " + entity);
    JsonNode quotes = json("/api/quotes?q=saves+lives&lang=en", 200);
    assertEquals(1, quotes.path("total").asInt());
    assertEquals(speaker, quotes.path("items").get(0).path("speaker").path("id").asText());
    assertEquals(kharkiv, quotes.path("items").get(0).path("article").asText());
    assertEquals(article.path("story").asText(), quotes.path("items").get(0).path("story").asText());
    assertEquals(1, json("/api/quotes?speaker=" + Html.encode(speaker), 200).path("total").asInt());
    assertEquals(404, json("/api/quotes?about=nobody", 404).path("error").path("status").asInt());
    assertEquals(400, get("/quotes?lang=English").statusCode());
    assertEquals(404, get("/quotes?about=nobody").statusCode());
  }

  @Test
  void searchFiltersBySourceDatesAndEntity() throws Exception {
    JsonNode all = json("/api/search?q=Rutte&limit=50", 200);
    String source = all.path("facets").path("source").get(0).path("value").asText();
    JsonNode bySource = json("/api/search?q=Rutte&limit=50&source=" + Html.encode(source), 200);
    assertTrue(bySource.path("total").asInt() > 0 && bySource.path("total").asInt() < all.path("total").asInt(),
        source + ": " + bySource.path("total") + " of " + all.path("total"));
    assertEquals(bySource.path("total").asInt(), all.path("facets").path("source").get(0).path("count").asInt());

    JsonNode thirdOnly = json("/api/search?q=Rutte&from=2024-12-03&to=2024-12-03", 200);
    assertEquals(1, thirdOnly.path("total").asInt(), "only the Russian report is of the 3rd");
    assertEquals("ru", thirdOnly.path("items").get(0).path("article").path("lang").asText());

    String entity = all.path("facets").path("entity").get(0).path("value").asText();
    JsonNode byEntity = json("/api/search?q=Rutte&limit=50&entity=" + Html.encode(entity), 200);
    assertTrue(byEntity.path("total").asInt() > 0);
    for (JsonNode item : byEntity.path("items")) {
      boolean names = false;
      for (JsonNode m : item.path("article").path("entities")) {
        names |= m.path("id").asText().equals(entity);
      }
      assertTrue(names, entity + " in " + item.path("article").path("id"));
    }
  }

  @Test
  void otherMethodsAreRefusedWith405SayingWhatIsAllowed() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/stories"))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, r.statusCode());
    assertTrue(Json.MAPPER.readTree(r.body()).path("error").path("message").asText().contains("allowed: GET, HEAD"), r.body());
  }

  @Test
  void badParametersAreRefusedWithAClearMessage() throws Exception {
    assertTrue(json("/api/stories?limit=0", 400).path("error").path("message").asText().contains("'limit'"));
    assertTrue(json("/api/stories?limit=abc", 400).path("error").path("message").asText().contains("whole number"));
    assertTrue(json("/api/stories?limt=5", 400).path("error").path("message").asText().contains("unknown parameter 'limt'"));
    assertTrue(json("/api/search?q=x&from=yesterday", 400).path("error").path("message").asText().contains("YYYY-MM-DD"));
    assertTrue(json("/api/search", 400).path("error").path("message").asText().contains("'q'"));
    assertEquals(404, json("/api/articles/nope", 404).path("error").path("status").asInt());
    assertEquals(404, json("/api/nothing", 404).path("error").path("status").asInt());
    assertEquals(400, get("/?page=-1").statusCode());
    assertEquals(404, get("/story/nope").statusCode());
  }

  @Test
  void openApiDocumentDescribesTheApi() throws Exception {
    JsonNode spec = json("/api/openapi.json", 200);
    assertEquals("3.0.3", spec.path("openapi").asText());
    for (String path : new String[] {"/api/storylines", "/api/storylines/{id}", "/api/storylines/{id}/stories",
        "/api/stories", "/api/stories/{id}", "/api/articles", "/api/articles/{id}", "/api/entities/{id}", "/api/quotes",
        "/api/search"}) {
      assertTrue(spec.path("paths").has(path), path);
    }
  }

  @Test
  void hostileMarkupIsShownAsText() throws Exception {
    String id = json("/api/search?q=harbour&limit=1", 200).path("items").get(0).path("article").path("id").asText();
    String storyline = json("/api/stories/" + storyOf("harbour"), 200).path("storyline").asText();
    for (String path : new String[] {"/article/" + id, "/search?q=harbour+council", "/", "/story/" + storyOf("harbour"),
        "/storylines", "/storyline/" + storyline}) {
      String html = get(path).body();
      assertFalse(html.contains("<script>"), path);
      assertFalse(html.contains("<img"), path);
      assertTrue(html.contains("&lt;script&gt;"), path);
    }
    assertTrue(get("/article/" + id).body().contains("&lt;img src=x onerror=alert(1)&gt;"));
    assertEquals(WebFixtures.HOSTILE_BODY, json("/api/articles/" + id, 200).path("body").asText().split("\n")[0]);
  }

  @Test
  void noDirectoryTraversal() throws Exception {
    for (String path : new String[] {"/static/../../../../etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e/%2e%2e/pom.xml", "/static/..%5c..%5cpom.xml", "/article/..%2F..%2Fpom.xml",
        "/api/articles/..%2F..%2Fetc%2Fpasswd", "/entity/%2e%2e", "/static/style.css%00.txt"}) {
      HttpResponse<String> r = get(path);
      assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode());
      assertFalse(r.body().contains("root:") || r.body().contains("<project"), path);
    }
  }

  @Test
  void ingestsAPostedDocumentAndShowsIt() throws Exception {
    String doc = "{\"title\":\"Tram line opens in Lviv\",\"date\":\"2024-12-04\",\"text\":\"The city of Lviv opened a new tram line "
        + "to the Sykhiv district on Wednesday. The mayor said trams would run every six minutes.\"}";
    HttpResponse<String> created = post(server, doc, "application/json");
    assertEquals(201, created.statusCode(), created.body());
    String id = Json.MAPPER.readTree(created.body()).path("id").asText();
    assertEquals(200, post(server, doc, "application/json").statusCode());
    assertEquals("Tram line opens in Lviv", json("/api/articles/" + id, 200).path("title").asText());
    int found = 0; // lists and search see it once the catalog is rebuilt, within seconds
    for (long deadline = System.nanoTime() + 20_000_000_000L; found == 0 && System.nanoTime() < deadline; Thread.sleep(100)) {
      found = json("/api/search?q=tram+Sykhiv", 200).path("total").asInt();
    }
    assertEquals(1, found);
    assertEquals(400, post(server, "{\"title\":\"no text\"}", "application/json").statusCode());
    assertEquals(400, post(server, "not json", "application/json").statusCode());
    assertEquals(415, post(server, doc, "text/plain").statusCode());
    try (Kronika reader = Kronika.openForReading(dir.resolve("data"));
         WebServer readOnly = WebServer.start(reader, null, "127.0.0.1", 0, 1)) {
      HttpResponse<String> refused = post(readOnly, doc, "application/json");
      assertEquals(403, refused.statusCode());
      assertTrue(refused.body().contains("--ingest"));
    }
  }

  @Test
  void postedTextIsStoredAsTextWhateverItLooksLike() throws Exception {
    String prose = "The harbour council met on Monday and approved the budget for the new ferry pier after a long debate.";
    String lines = "{\"text\":\"" + prose + "\",\"url\":\"http://forged.example/1\",\"title\":\"Forged\",\"date\":\"1999-01-01\"}\n"
        + "{\"text\":\"" + prose + " Again.\",\"url\":\"http://forged.example/2\",\"title\":\"Forged\",\"date\":\"1999-01-02\"}\n";
    HttpResponse<String> r = post(server, Json.write(java.util.Map.of("text", lines)), "application/json");
    assertEquals(201, r.statusCode(), r.body());
    JsonNode article = Json.MAPPER.readTree(r.body());
    assertTrue(article.path("url").isMissingNode() || article.path("url").isNull(), r.body());
    assertTrue(kronika.articleBody(article.path("id").asText()).orElseThrow().contains("forged.example/2"), "the text as posted");
    kronika.refreshReads();
    java.util.List<String> forged = new java.util.ArrayList<>();
    kronika.forEachArticle(a -> {
      if (a.url() != null && a.url().contains("forged.example")) {
        forged.add(a.url());
      }
    });
    assertEquals(java.util.List.of(), forged);

    Path posted = dir.resolve("data").resolve("posted");
    long files = java.nio.file.Files.list(posted).count();
    HttpResponse<String> nul = post(server, "{\"text\":\"A headline\\u0000 with a NUL in it\"}", "application/json");
    assertEquals(400, nul.statusCode(), nul.body());
    assertTrue(Json.MAPPER.readTree(nul.body()).path("error").path("message").asText().contains("control character"), nul.body());
    assertEquals(files, java.nio.file.Files.list(posted).count(), "nothing left in posted/");
  }

  @Test
  void seesCommitsOfAnotherProcessWithinSeconds() throws Exception {
    Path other = dir.resolve("other");
    Path first = dir.resolve("other-in/first.txt");
    Path second = dir.resolve("other-in/second.txt");
    java.nio.file.Files.createDirectories(first.getParent());
    java.nio.file.Files.writeString(first, " date 2024-12-05\nBridge reopens in Dnipro\nThe bridge over the Dnipro reopened to traffic.\n");
    java.nio.file.Files.writeString(second, " date 2024-12-06\nFerry resumes in Odesa\nThe ferry between Odesa and Izmail resumed service.\n");
    try (Kronika writer = Kronika.openForIngest(other)) {
      writer.ingest(java.util.List.of(first), new org.kronika.pipeline.Ingest.Options(1, 10), r -> { });
    }
    try (Kronika reader = Kronika.openForReading(other);
         WebServer readOnly = WebServer.start(reader, null, "127.0.0.1", 0, 1)) {
      URI articles = URI.create("http://127.0.0.1:" + readOnly.port() + "/api/articles");
      assertEquals(1, Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(articles).build(),
          HttpResponse.BodyHandlers.ofString()).body()).path("total").asInt());
      try (Kronika writer = Kronika.openForIngest(other)) {
        writer.ingest(java.util.List.of(second), new org.kronika.pipeline.Ingest.Options(1, 10), r -> { });
      }
      int total = 1;
      for (long deadline = System.nanoTime() + 10_000_000_000L; total == 1 && System.nanoTime() < deadline; Thread.sleep(100)) {
        total = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(articles).build(),
            HttpResponse.BodyHandlers.ofString()).body()).path("total").asInt();
      }
      assertEquals(2, total);
    }
  }

  private static HttpResponse<String> post(WebServer to, String body, String type) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + "/api/articles"))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
