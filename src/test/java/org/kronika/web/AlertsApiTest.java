package org.kronika.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.alert.Alerts;
import org.kronika.internal.Json;
import org.kronika.pipeline.Ingest;

/**
 * Saved searches through the API of a server on a data directory: saved, listed, told of the
 * next ingest's new match, removed; a change sent as a form, as a page of another site could
 * send it, is refused.
 */
class AlertsApiTest {
  @TempDir Path dir;

  @Test
  void alertsAreSavedListedToldAndRemovedThroughTheApi() throws Exception {
    Path data = WebFixtures.build(dir);
    List<JsonNode> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", ex -> {
      received.add(Json.MAPPER.readTree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    receiver.start();
    HttpClient http = HttpClient.newHttpClient();
    try (Kronika kronika = Kronika.openForIngest(data);
         WebServer server = WebServer.start(kronika, null, "127.0.0.1", 0, 2, List.of(), Alerts.of(data))) {
      String api = "http://127.0.0.1:" + server.port() + "/api/alerts";
      String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(api))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("query=Kharkiv&webhook=" + hook)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(415, form.statusCode(), "a form, as another site's page could post it, is refused");

      HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(api)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("query", "Kharkiv", "webhook", hook)))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(201, saved.statusCode(), saved.body());
      String id = Json.MAPPER.readTree(saved.body()).path("id").asText();
      JsonNode list = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(api)).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertEquals(1, list.path("total").asInt());
      assertEquals("Kharkiv", list.path("items").get(0).path("query").asText());

      Path later = Files.createDirectories(dir.resolve("later")).resolve("en-kharkiv-2.txt");
      Files.writeString(later, " date 2024-12-07\nAir defence crews near Kharkiv stop a drone attack\n"
          + "Air defence crews near Kharkiv stopped a drone attack overnight, the regional governor said on Saturday.\n");
      kronika.ingest(List.of(later), Ingest.Options.defaults(), r -> { throw new AssertionError(r.toString()); });
      assertEquals(1, received.size(), "only the article new since the alert was saved");
      assertEquals("Air defence crews near Kharkiv stop a drone attack", received.get(0).path("title").asText());

      HttpResponse<String> removed = http.send(HttpRequest.newBuilder(URI.create(api + "/" + id)).DELETE().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, removed.statusCode(), removed.body());
      assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(api + "/" + id)).DELETE().build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
      assertTrue(Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(api)).build(),
          HttpResponse.BodyHandlers.ofString()).body()).path("items").isEmpty());
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void thePagesFormsSaveAndRemoveOnlyWithTheServersToken() throws Exception {
    Path data = WebFixtures.build(dir);
    HttpClient http = HttpClient.newHttpClient(); // follows no redirects: the 303 is checked
    try (Kronika kronika = Kronika.openForReading(data);
         WebServer server = WebServer.start(kronika, null, "127.0.0.1", 0, 2, List.of(), Alerts.of(data))) {
      String base = "http://127.0.0.1:" + server.port();
      String search = http.send(HttpRequest.newBuilder(URI.create(base + "/search?q=Kharkiv")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(search.contains("href=\"/alerts?q=Kharkiv\""), "a search links its alert");
      String page = http.send(HttpRequest.newBuilder(URI.create(base + "/alerts?q=Kharkiv")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(page.contains("value=\"Kharkiv\""), "the query filled in");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"").matcher(page);
      assertTrue(m.find(), page);
      String token = m.group(1);

      String form = "q=Kharkiv&webhook=" + Html.encode("http://127.0.0.1:9/hook");
      assertEquals(403, post(http, base + "/alerts", form).statusCode(), "a form without the token, as from another site");
      assertEquals(403, post(http, base + "/alerts", form + "&token=0123").statusCode());
      HttpResponse<String> saved = post(http, base + "/alerts", form + "&token=" + token);
      assertEquals(303, saved.statusCode(), saved.body());
      assertEquals("/alerts", saved.headers().firstValue("Location").orElse(""));
      List<Alerts.Alert> alerts = Alerts.of(data).list();
      assertEquals(1, alerts.size());
      String listed = http.send(HttpRequest.newBuilder(URI.create(base + "/alerts")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(listed.contains("Kharkiv</a> → http://127.0.0.1:9/hook"), listed);
      assertEquals(303, post(http, base + "/alerts", "remove=" + alerts.get(0).id() + "&token=" + token).statusCode());
      assertTrue(Alerts.of(data).list().isEmpty());
    }
  }

  private static HttpResponse<String> post(HttpClient http, String url, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
