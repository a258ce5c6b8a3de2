package org.kronika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.internal.Json;
import org.kronika.watch.NewsServer;
import org.kronika.watch.NewsServer.Validator;

/** {@code kronika watch --once} and {@code kronika sources} as a user runs them. */
class WatchCommandTest {
  @TempDir Path tmp;

  @Test
  void watchOnceThenSourcesReportsEachSourcesHealth() throws Exception {
    Path data = tmp.resolve("data");
    try (NewsServer site = new NewsServer()) {
      site.put("/news.rss", "application/rss+xml", NewsServer.rss(List.of(site.item(20, true), site.item(21, true))),
          Validator.ETAG, false);
      Path list = Files.writeString(tmp.resolve("sources.txt"), "# followed\n" + site.url("/news.rss") + "\n\n"
          + site.url("/gone.rss") + "\n");
      Cli watch = Cli.run("watch", "--once", "--data", data.toString(), "--sources", list.toString(),
          "--host-delay", "0s", "--min-interval", "30s", "--contact", "desk@example.invalid");
      assertEquals(0, watch.status(), watch.err());
      assertTrue(watch.out().contains("items 2, errors 1"), watch.out());
      assertTrue(watch.err().contains(site.url("/gone.rss") + ": HTTP 404"), watch.err());
      assertTrue(site.requestHeaders.get(0).get("user-agent").contains("(+desk@example.invalid)"));

      Cli sources = Cli.run("sources", "--json", "--data", data.toString());
      assertEquals(0, sources.status(), sources.err());
      Map<String, JsonNode> bySource = sources.out().lines().map(l -> Json.read(l, JsonNode.class))
          .collect(Collectors.toMap(n -> n.get("source").asText(), Function.identity()));
      JsonNode news = bySource.get(site.url("/news.rss"));
      assertEquals("feed", news.get("kind").asText());
      assertEquals(2, news.get("items").asInt());
      assertEquals(0, news.get("errors").asInt());
      assertTrue(news.get("nextPoll").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), news.toString());
      JsonNode gone = bySource.get(site.url("/gone.rss"));
      assertEquals(1, gone.get("errors").asInt());
      assertEquals("HTTP 404", gone.get("lastError").asText());

      Cli people = Cli.run("sources", "--data", data.toString());
      assertTrue(people.out().contains(site.url("/gone.rss") + "  unknown  FAILING"), people.out());
    }
  }

  @Test
  void badSourcesAndOptionsAreRefusedWithAReason() {
    Path data = tmp.resolve("data");
    Cli none = Cli.run("watch", "--data", data.toString());
    assertEquals(2, none.status());
    assertTrue(none.err().contains("no source given"), none.err());
    Cli bad = Cli.run("watch", "--once", "--data", data.toString(), tmp.resolve("no-such-folder").toString());
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("neither an http(s) URL nor a folder"), bad.err());
    Cli interval = Cli.run("watch", "--once", "--data", data.toString(), "--min-interval", "soon", "http://127.0.0.1:1/");
    assertEquals(2, interval.status());
    Cli noData = Cli.run("sources", "--data", tmp.resolve("absent").toString());
    assertEquals(1, noData.status(), "a failure, not a usage error");
    assertTrue(noData.err().contains("no data directory"), noData.err());
  }
}
