package org.kronika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kronika serve} itself, in a process of its own as a user runs it: it says where it
 * listens, answers pages and takes a posted document with {@code --ingest}, and on SIGTERM
 * stops through its shutdown hook, the posted document durable.
 */
class ServeCommandTest {
  @TempDir Path tmp;

  @Test
  void servesTakesAPostAndStopsCleanlyOnSigterm() throws Exception {
    Path data = tmp.resolve("data");
    Path news = Files.writeString(tmp.resolve("dam.txt"),
        "Amberfield dam\nEngineers inspected the Amberfield dam on Monday after cracks appeared in its wall.\n");
    assertEquals(0, Cli.run("ingest", "--data", data.toString(), news.toString()).status());
    Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.kronika.cli.Main",
        "serve", "--data", data.toString(), "--port", "0", "--ingest").redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String base = null;
      for (String line; base == null && (line = out.readLine()) != null; ) {
        Matcher m = Pattern.compile("Serving .* at (http://127\\.0\\.0\\.1:\\d+)/").matcher(line);
        if (m.find()) {
          base = m.group(1);
        }
      }
      assertTrue(base != null, "serve said where it listens");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, home.statusCode());
      assertTrue(home.body().contains("Amberfield dam"), "the stored story is on the home page");
      HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Ferry pier approved\",\"text\":\"The harbour council "
              + "of Tarnby approved the budget for the new ferry pier on Tuesday after a long debate.\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(201, posted.statusCode(), posted.body());

      serve.destroy(); // SIGTERM, as a service manager stops it
      assertTrue(serve.waitFor(120, TimeUnit.SECONDS), "serve stopped");
      assertEquals(143, serve.exitValue(), "the JVM's status after the shutdown hooks ran on SIGTERM, not a crash");
    } finally {
      serve.destroyForcibly();
    }
    Cli articles = Cli.run("articles", "--data", data.toString());
    assertTrue(articles.out().contains("Ferry pier approved"), "the posted article is durable: " + articles.out());
  }
}
