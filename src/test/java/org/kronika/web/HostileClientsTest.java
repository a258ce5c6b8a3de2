package org.kronika.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.internal.Json;

/** The server under clients that mean harm: slow ones, forged Host headers, malformed requests. */
class HostileClientsTest {
  @TempDir static Path dir;
  static Kronika kronika;
  static WebServer server;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() throws IOException {
    kronika = Kronika.openForIngest(WebFixtures.build(dir));
    server = WebServer.start(kronika, dir.resolve("posted"), "127.0.0.1", 0, 4);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    kronika.close();
  }

  /** One raw request: what the server answered, status line to body. */
  private static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void slowClientsHoldNoWorkerAndAreDroppedWhenIdle() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 24; i++) { // more than the four workers, in three ways
        Socket s = new Socket("127.0.0.1", server.port());
        OutputStream out = s.getOutputStream();
        switch (i % 3) {
          case 0 -> out.write('G');
          case 1 -> out.write("GET /api/stories HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
          default -> out.write(("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100000\r\n\r\n{\"text\":").getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
        slow.add(s);
      }
      HttpResponse<String> r = get("/api/stories?limit=1");
      assertEquals(200, r.statusCode(), "answered while the slow clients hold their connections");
      for (Socket s : slow) { // each slow connection is closed by the server, at most when idle too long
        s.setSoTimeout(60_000);
        InputStream in = s.getInputStream();
        while (in.read() >= 0) {
          // a 4xx answer to the half request, if any, then the end
        }
      }
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void aBodyTrickledTooSlowlyIsCutOffWithAJsonError() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      try {
        for (int i = 0; i < 40; i++) { // two bytes a second, far below the least rate accepted
          Thread.sleep(500);
          out.write('a');
          out.flush();
        }
      } catch (IOException cutOff) {
        // the server answered and closed while the client was still sending
      }
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
      assertEquals(408, Json.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error").path("status").asInt());
      assertTrue(seconds < 12, "cut off after " + seconds + " s");
    }
  }

  @Test
  void onlyLocalHostNamesAreServedByDefault() throws Exception {
    String refused = raw("GET /api/stories HTTP/1.1\r\nHost: rebound.example:8080\r\nConnection: close\r\n\r\n");
    assertTrue(refused.startsWith("HTTP/1.1 421"), refused);
    assertTrue(refused.contains("\"error\"") && refused.contains("--allow-host"), refused);
    String post = raw("POST /api/articles HTTP/1.1\r\nHost: rebound.example\r\nContent-Type: application/json\r\n"
        + "Content-Length: 20\r\nConnection: close\r\n\r\n{\"text\":\"Forged...\"}");
    assertTrue(post.startsWith("HTTP/1.1 421"), post);
    for (String host : new String[] {"localhost", "localhost:8080", "127.0.0.1:" + server.port(), "[::1]:8080"}) {
      String ok = raw("GET /api/stories?limit=1 HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
      assertTrue(ok.startsWith("HTTP/1.1 200"), host + ": " + ok);
    }
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    for (String path : new String[] {"/", "/api/stories", "/api/nothing", "/nothing"}) {
      HttpResponse<String> r = get(path);
      assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
      assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
    }
    assertTrue(get("/").headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
  }

  /** A raw answer's status, headers (names lower-cased) and body. */
  private record Raw(int status, Map<String, String> headers, String body) {
    static Raw parse(String answer) {
      int end = answer.indexOf("\r\n\r\n");
      String[] lines = answer.substring(0, end).split("\r\n");
      Map<String, String> headers = new HashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
      return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.substring(end + 4));
    }
  }

  /** Requests the server cannot even parse get the API's JSON error and the security headers too. */
  @Test
  void unparsableRequestsGetJsonErrors() throws Exception {
    String bigHeader = "X-Big: " + "b".repeat(20_000) + "\r\n";
    String[][] cases = {
        {"GET /api/articles/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "400"},
        {"GET /% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "400"},
        {"DELETE /api/alerts/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "400"},
        {"GET /api/stories HTTP/1.1\r\nHost: localhost\r\n" + bigHeader + "Connection: close\r\n\r\n", "431"},
        {"GET /api/stories?" + "n".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "414"},
        {"GET /api/stories HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n", "505"}};
    for (String[] c : cases) {
      String request = c[0].length() > 80 ? c[0].substring(0, 80) + "..." : c[0];
      Raw r = Raw.parse(raw(c[0]));
      assertTrue(Integer.toString(r.status()).startsWith(c[1]), request + " -> " + r.status());
      assertTrue(r.headers().getOrDefault("content-type", "").startsWith("application/json"), request + ": " + r.headers());
      JsonNode error = Json.MAPPER.readTree(r.body()).path("error");
      assertEquals(r.status(), error.path("status").asInt(), request + ": " + r.body());
      assertTrue(error.path("message").asText().length() < 400, request + ": " + r.body());
      assertEquals("nosniff", r.headers().get("x-content-type-options"), request);
      assertEquals("DENY", r.headers().get("x-frame-options"), request);
      assertEquals("no-referrer", r.headers().get("referrer-policy"), request);
    }
  }

  @Test
  void errorMessagesDoNotEchoHugeInput() throws Exception {
    JsonNode error = Json.MAPPER.readTree(get("/api/stories?" + "n".repeat(6000) + "=1").body()).path("error");
    assertEquals(400, error.path("status").asInt(), error.toString());
    assertTrue(error.path("message").asText().length() < 400, "message of " + error.path("message").asText().length());
    HttpResponse<String> huge = get("/api/stories?" + "n".repeat(200_000) + "=1");
    assertTrue(huge.statusCode() == 414 || huge.statusCode() == 431 || huge.statusCode() == 400, "" + huge.statusCode());
    assertTrue(huge.body().length() < 1000, huge.body().length() + " characters");
  }
}
