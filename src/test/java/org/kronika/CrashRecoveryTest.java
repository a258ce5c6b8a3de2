package org.kronika;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.model.Article;
import org.kronika.pipeline.Ingest;

/**
 * Kills an ingest process with SIGKILL midway, then checks that every article it had
 * reported as stored is readable and that running the ingest again completes the store
 * without storing anything twice.
 */
class CrashRecoveryTest {
  private static final int ARTICLES = 1500;
  private static final Pattern PROGRESS = Pattern.compile("stored (\\d+) articles so far");

  @TempDir Path tmp;

  @Test
  void killedIngestLosesNothingReportedAndResumes() throws Exception {
    Path news = generateNews(tmp.resolve("news"));
    Path data = tmp.resolve("data");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.kronika.cli.Main",
        "ingest", "--data", data.toString(), "--progress", "--commit-every", "50", "--threads", "1", news.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    long reported = 0;
    try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = err.readLine(); line != null; line = err.readLine()) {
        Matcher m = PROGRESS.matcher(line);
        if (m.find()) {
          reported = Long.parseLong(m.group(1));
          if (reported >= 200) {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            break;
          }
        }
      }
    }
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertTrue(reported >= 200 && reported < ARTICLES, "the kill came midway, after " + reported);

    List<Article> survived = new ArrayList<>();
    try (Kronika k = Kronika.openForReading(data)) {
      k.forEachArticle(survived::add);
    }
    assertTrue(survived.size() >= reported, survived.size() + " readable, " + reported + " reported");
    assertTrue(survived.stream().allMatch(a -> a.story() != null && !a.body().isEmpty()));

    Ingest.Report again;
    try (Kronika k = Kronika.openForIngest(data)) {
      again = k.ingest(List.of(news), new Ingest.Options(2, 1000), r -> { });
    }
    assertEquals(survived.size(), again.alreadyStored());
    assertEquals(ARTICLES - survived.size(), again.stored());

    Set<String> ids = new HashSet<>();
    List<Article> all = new ArrayList<>();
    try (Kronika k = Kronika.openForReading(data)) {
      k.forEachArticle(all::add);
    }
    all.forEach(a -> ids.add(a.id()));
    assertEquals(ARTICLES, all.size());
    assertEquals(ARTICLES, ids.size(), "no article stored twice");
  }

  /** Distinct small English articles made of invented place names and figures. */
  private static Path generateNews(Path dir) throws Exception {
    Files.createDirectories(dir);
    Random random = new Random(7);
    String[] towns = {"Amberfield", "Brookmere", "Coldharbour", "Dunwick", "Eastvale", "Fernhollow"};
    String[] events = {"opened a bridge", "held an election", "flooded after rain", "hosted a fair"};
    for (int i = 0; i < ARTICLES; i++) {
      String town = towns[random.nextInt(towns.length)];
      String event = events[random.nextInt(events.length)];
      Files.writeString(dir.resolve(String.format("%05d.txt", i)),
          town + " " + event + " number " + i + "\n"
              + "Officials in " + town + " said the town " + event + " on day " + i + ".\n"
              + "About " + random.nextInt(10_000) + " residents took part, the council of " + town + " reported.\n");
    }
    return dir;
  }
}
