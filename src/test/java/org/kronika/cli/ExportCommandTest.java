package org.kronika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kronika export}: what each kind writes, in both formats, and what the filters keep. */
class ExportCommandTest {
  @TempDir static Path tmp;
  static String data;

  @BeforeAll
  static void ingest() throws Exception {
    Path news = Files.createDirectories(tmp.resolve("news"));
    Files.writeString(news.resolve("dam-1.txt"), " date 2025-03-02\nAmberfield dam repairs\n"
        + "Engineers inspected the Amberfield dam on Monday. \"We will rebuild it, whatever it costs\", said Mayor "
        + "Olga Brannick, who put the bill at 42 million.\n");
    Files.writeString(news.resolve("dam-2.txt"), " date 2025-03-03\nAmberfield dam to cost 42 million\n"
        + "Mayor Olga Brannick said repairs to the Amberfield dam would cost 42 million after engineers found cracks.\n");
    Files.writeString(news.resolve("strike.txt"), " date 2025-04-11\nColdharbour rail strike\n"
        + "Train drivers in Coldharbour began a strike over wages; union leader Piotr Weslaw asked for 12 percent.\n");
    data = tmp.resolve("data").toString();
    Cli r = Cli.run("ingest", "--data", data, news.toString());
    assertEquals(0, r.status(), r.err());
  }

  @Test
  void articlesAsJsonLinesAreTheContractsObjects() throws Exception {
    Cli r = Cli.run("export", "--data", data);
    assertEquals(0, r.status(), r.err());
    List<JsonNode> lines = json(r.out());
    assertEquals(3, lines.size());
    assertTrue(lines.stream().allMatch(a -> a.has("id") && a.has("body") && a.has("entities") && a.has("story")));
  }

  @Test
  void articlesAsCsvKeepCommasQuotesAndLineBreaksInTheirCells() throws Exception {
    Cli r = Cli.run("export", "--data", data, "--format", "csv", "--query", "Brannick");
    assertEquals(0, r.status(), r.err());
    List<Map<String, String>> rows = csv(r.out());
    assertEquals(2, rows.size(), r.out());
    assertEquals(List.of("id", "date", "lang", "source", "url", "title", "story", "entities", "bodyless", "body"),
        List.copyOf(rows.get(0).keySet()));
    Map<String, String> first = rows.stream().filter(x -> x.get("source").endsWith("dam-1.txt")).findFirst().orElseThrow();
    assertEquals("2025-03-02", first.get("date"));
    assertTrue(first.get("body").contains("\"We will rebuild it, whatever it costs\""), first.get("body"));
    assertTrue(first.get("entities").contains("Brannick"), first.get("entities"));
  }

  @Test
  void storiesEntitiesAndQuotesOfTheSelectedArticles() throws Exception {
    Cli stories = Cli.run("export", "--data", data, "--stories", "--query", "Amberfield");
    assertEquals(0, stories.status(), stories.err());
    List<JsonNode> story = json(stories.out());
    assertEquals(1, story.size(), "the two dam reports are one story: " + stories.out());
    assertEquals(2, story.get(0).get("articles").size());
    assertEquals(2, json(Cli.run("export", "--data", data, "--stories").out()).size(), "unfiltered: every story");

    Cli ofStory = Cli.run("export", "--data", data, "--format", "csv", "--story", story.get(0).get("id").asText());
    assertEquals(2, csv(ofStory.out()).size());

    Cli entities = Cli.run("export", "--data", data, "--entities", "--format", "csv");
    Map<String, String> brannick = csv(entities.out()).stream().filter(e -> e.get("name").contains("Brannick"))
        .findFirst().orElseThrow(() -> new AssertionError(entities.out()));
    assertEquals("PER", brannick.get("type"));
    assertEquals("2", brannick.get("articles"));
    assertEquals("1", brannick.get("stories"));

    Cli quotes = Cli.run("export", "--data", data, "--quotes");
    List<JsonNode> q = json(quotes.out());
    assertEquals(1, q.size(), quotes.out());
    assertEquals("We will rebuild it, whatever it costs", q.get(0).get("text").asText());
    assertTrue(q.get(0).get("speaker").asText().contains("Brannick"), quotes.out());

    Cli storylines = Cli.run("export", "--data", data, "--storylines", "--lang", "en", "--from", "2025-04-01");
    assertEquals(1, json(storylines.out()).size(), storylines.out());
  }

  @Test
  void anOutputFileIsReplacedOnlyByAWholeExport() throws Exception {
    Path out = tmp.resolve("export.csv");
    assertEquals(0, Cli.run("export", "--data", data, "--format", "csv", "--output", out.toString()).status());
    String whole = Files.readString(out);
    assertEquals(3, csv(whole).size());

    Cli bad = Cli.run("export", "--data", data, "--story", "s-none", "--output", out.toString());
    assertEquals(1, bad.status());
    assertTrue(bad.err().contains("no story or storyline s-none"), bad.err());
    assertEquals(whole, Files.readString(out), "a failed export leaves the file as it was");
    try (var files = Files.list(tmp)) {
      assertTrue(files.noneMatch(f -> f.toString().endsWith(".part")), "no partial file left behind");
    }
    assertEquals(2, Cli.run("export", "--data", data, "--stories", "--quotes").status(), "one kind at a time");
  }

  private static List<JsonNode> json(String lines) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String line : lines.lines().toList()) {
      out.add(mapper.readTree(line));
    }
    return out;
  }

  private static List<Map<String, String>> csv(String text) throws Exception {
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
      return it.readAll();
    }
  }
}
