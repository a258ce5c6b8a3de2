package org.kronika.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.pipeline.Ingest;

/**
 * Saved searches against a real store, with a webhook receiver on localhost that refuses on
 * purpose: notices for new matches only, kept through a failure and a restart, sent until the
 * receiver takes them, each with an id that a repeat shares.
 */
class AlertsTest {
  @TempDir Path tmp;
  HttpServer receiver;
  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  final AtomicInteger refuse = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean refused = refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
      if (!refused) {
        JsonNode notice = new ObjectMapper().readTree(new String(body, StandardCharsets.UTF_8));
        assertEquals(notice.get("id").asText(), exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        received.add(notice);
      }
      exchange.sendResponseHeaders(refused ? 503 : 204, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private URI hook() {
    return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(Files.createDirectories(tmp.resolve("news")).resolve(name), text);
  }

  @Test
  void newMatchesAreSentThroughFailuresAndRestartsWithStableIds() throws Exception {
    Path data = tmp.resolve("data");
    Path old = write("old.txt", " date 2025-03-01\nAmberfield dam inspected\n"
        + "Engineers inspected the Amberfield dam on Saturday after cracks appeared in its wall.\n");
    try (Kronika k = Kronika.openForIngest(data)) {
      assertEquals(1, k.ingest(List.of(old), Ingest.Options.defaults(), r -> { }).stored());
    }
    Alerts.Alert alert;
    try (Kronika k = Kronika.openForReading(data)) {
      alert = Alerts.of(data).add("Amberfield", null, hook(), k);
    }
    Path fresh = write("fresh.txt", " date 2025-03-02\nAmberfield dam to be rebuilt\n"
        + "The council of Amberfield voted to rebuild the dam for 42 million.\n");
    Path other = write("other.txt", " date 2025-03-02\nColdharbour rail strike\n"
        + "Train drivers in Coldharbour went on strike over wages on Monday morning.\n");
    refuse.set(1);
    List<String> said = new CopyOnWriteArrayList<>();
    try (Kronika k = Kronika.openForIngest(data)) {
      k.ingest(List.of(fresh, other), Ingest.Options.defaults(), new Ingest.Listener() {
        @Override
        public void rejected(org.kronika.input.Rejection rejection) {
          throw new AssertionError(rejection.toString());
        }

        @Override
        public void said(String line) {
          said.add(line);
        }
      });
    }
    assertEquals(List.of("alerts: 1 new notices; 0 sent, 1 failed, 1 waiting"), said, "refused once, kept");
    assertTrue(received.isEmpty());

    Alerts restarted = Alerts.of(data); // as after a restart: the outbox is all there is
    assertEquals(1, restarted.waiting());
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (received.isEmpty() && System.nanoTime() < deadline) {
      restarted.deliver(); // the retry is due a few seconds after the failure
      Thread.sleep(200);
    }
    assertEquals(1, received.size(), "the new match only, not the article from before the alert or the other one");
    JsonNode notice = received.get(0);
    assertEquals(alert.id(), notice.get("alert").asText());
    assertEquals("article", notice.get("kind").asText(), "it joined the story of the dam; a new story would say 'story'");
    assertEquals("Amberfield dam to be rebuilt", notice.get("title").asText());
    assertEquals(org.kronika.internal.Hashes.of(alert.id(), notice.get("article").asText()), notice.get("id").asText(),
        "a repeat of this notice would have the same id");
    assertEquals(0, restarted.waiting());

    try (Kronika k = Kronika.openForReading(data)) {
      assertEquals(0, restarted.check(k), "nothing new the second time");
    }
    assertTrue(restarted.remove(alert.id()));
    assertEquals(List.of(), restarted.list());
  }
}
