package org.kronika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.internal.Json;
import org.kronika.testing.Prerequisites;

/** The contract's commands run on the five samples the project started from. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamplesEndToEndTest {
  static final Path SAMPLES = Path.of("..", "shared", "samples");

  @TempDir static Path tmp;
  Path data;
  final Map<String, JsonNode> byPrefix = new HashMap<>();

  @BeforeAll
  void ingestSamples() {
    if (!Files.isDirectory(SAMPLES)) {
      return; // each test reports itself skipped (or failed in CI), see requireSamples
    }
    data = tmp.resolve("data");
    Cli ingest = Cli.run("ingest", "--data", data.toString(), SAMPLES.toString());
    assertEquals(0, ingest.status(), ingest.err());
    assertEquals("read 5, stored 5, duplicates 0, already stored 0, rejected 0", ingest.out().strip());
    Cli articles = Cli.run("articles", "--json", "--data", data.toString());
    for (String line : articles.out().strip().split("\n")) {
      JsonNode a = Json.read(line, JsonNode.class);
      byPrefix.put(Path.of(a.get("source").asText()).getFileName().toString().substring(0, 3), a);
    }
  }

  @BeforeEach
  void requireSamples() {
    Prerequisites.require(Files.isDirectory(SAMPLES), "../shared/samples");
  }

  @Test
  void languagesDatesAndTitles() {
    assertEquals(List.of("uk", "en", "uk", "en", "en"),
        List.of("000", "001", "002", "003", "004").stream().map(k -> byPrefix.get(k).get("lang").asText()).toList());
    assertEquals("2024-12-03", byPrefix.get("003").get("date").asText());
    assertEquals("2024-11-30", byPrefix.get("004").get("date").asText());
    assertTrue(byPrefix.get("000").get("date").isNull());
    assertEquals("Україна ініціює коаліцію з НАТО для захисту від російських ракет",
        byPrefix.get("002").get("title").asText());
    assertEquals("NATO meeting will discuss aid for Ukraine, not membership – NATO Secretary General",
        byPrefix.get("003").get("title").asText());
  }

  @Test
  void bodiesAreCleanOfChromeAndKeepTheArticle() {
    String body002 = byPrefix.get("002").get("body").asText();
    assertFalse(body002.contains("iPress"));
    assertFalse(body002.contains("Том Купер"), "related-article list removed");
    assertTrue(body002.contains("бракує"), "last paragraph of the article kept");
    String body003 = byPrefix.get("003").get("body").asText();
    assertFalse(body003.contains("Advertisement"));
    assertFalse(body003.contains("RECENT NEWS"));
    assertFalse(body003.startsWith("NATO meeting will discuss"), "the headline is the title, not the first body line");
    assertTrue(body003.contains("Quote from Rutte"));
    assertTrue(body003.contains("\n\n"), "paragraphs separated by a blank line");
  }

  @Test
  void theTranslationPairSharesAStoryAndTheCoalitionArticleHasItsOwn() {
    String story000 = byPrefix.get("000").get("story").asText();
    assertEquals(story000, byPrefix.get("001").get("story").asText());
    assertNotEquals(story000, byPrefix.get("002").get("story").asText());
    Cli stories = Cli.run("stories", "--json", "--data", data.toString());
    JsonNode largest = Json.read(stories.out().strip().split("\n")[0], JsonNode.class);
    assertTrue(largest.get("articles").toString().contains(byPrefix.get("001").get("id").asText()));
    assertEquals("[\"en\",\"uk\"]", largest.get("languages").toString());
    assertEquals("[{\"id\":\"" + byPrefix.get("000").get("id").asText() + "\",\"kind\":\"translation\"}]",
        byPrefix.get("001").get("duplicates").toString());
  }

  @Test
  void theTranslationIsFoundWhicheverArrivesFirstInAStoryOfSeveral() throws Exception {
    Path later = tmp.resolve("later");
    for (String prefix : List.of("003", "001", "004", "000")) { // the Ukrainian original last, one ingest each
      try (var files = Files.list(SAMPLES)) {
        Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        assertEquals(0, Cli.run("ingest", "--data", later.toString(), file.toString()).status());
      }
    }
    Map<String, JsonNode> byId = new HashMap<>();
    Cli.run("articles", "--json", "--data", later.toString()).out().strip().lines()
        .map(l -> Json.read(l, JsonNode.class)).forEach(a -> byId.put(a.get("id").asText(), a));
    String original = byPrefix.get("000").get("id").asText();
    String english = byPrefix.get("001").get("id").asText();
    assertEquals(byId.get(original).get("story").asText(), byId.get(byPrefix.get("003").get("id").asText()).get("story").asText(),
        "the story already held two English reports");
    assertEquals("[{\"id\":\"" + english + "\",\"kind\":\"translation\"}]", byId.get(original).get("duplicates").toString());
    assertEquals("[]", byId.get(byPrefix.get("003").get("id").asText()).get("duplicates").toString(),
        "another report of the same meeting is no translation");
  }

  @Test
  void storiesAndStorylinesAreTitledByARepresentativeHeadlineInEnglishWhenThereIsOne() {
    List<JsonNode> stories = Cli.run("stories", "--json", "--data", data.toString()).out().strip().lines()
        .map(l -> Json.read(l, JsonNode.class)).toList();
    JsonNode pair = stories.get(0);
    assertEquals(byPrefix.get("001").get("title").asText(), pair.get("title").asText(),
        "the translation pair's story takes the English headline");
    for (JsonNode story : stories) {
      assertFalse(story.get("title").asText("").isBlank(), "every story has a title: " + story);
      assertFalse(story.get("entities").isEmpty(), "central entities: " + story);
      story.get("entities").forEach(e -> assertTrue(e.hasNonNull("id") && e.hasNonNull("name"), e.toString()));
    }
    JsonNode untitled = stories.stream().filter(st -> st.get("articles").toString()
        .contains(byPrefix.get("004").get("id").asText())).findFirst().orElseThrow();
    assertTrue(byPrefix.get("004").get("title").isNull()
        ? untitled.get("title").asText().startsWith("The team of Ukrainian leader Volodymyr Zelensky")
        : untitled.get("title").asText().equals(byPrefix.get("004").get("title").asText()),
        "an untitled article's story is titled by the opening of its body: " + untitled.get("title"));
    JsonNode storyline = Json.read(Cli.run("storylines", "--json", "--data", data.toString()).out().strip()
        .lines().findFirst().orElseThrow(), JsonNode.class);
    assertEquals(pair.get("title"), storyline.get("title"), "a storyline takes its largest story's title");
  }

  @Test
  void entitiesAreOneIdentityAcrossTheTranslationPair() {
    String zelensky000 = entityId(byPrefix.get("000"), "Зеленський");
    assertEquals(zelensky000, entityId(byPrefix.get("001"), "Zelenskyy"));
  }

  @Test
  void searchFindsInflectedNamesAcrossScripts() {
    Cli search = Cli.run("search", "--json", "--data", data.toString(), "Зеленського", "НАТО");
    List<String> ids = search.out().strip().lines()
        .map(l -> Json.read(l, JsonNode.class).get("article").get("id").asText()).toList();
    assertTrue(ids.contains(byPrefix.get("000").get("id").asText()));
    assertTrue(ids.contains(byPrefix.get("001").get("id").asText()), "the English translation is found by name");
    Cli english = Cli.run("search", "--lang", "uk", "--json", "--data", data.toString(), "Zelensky");
    assertFalse(english.out().isBlank(), "a Latin-script query finds Ukrainian articles");
  }

  private static String entityId(JsonNode article, String mention) {
    for (JsonNode e : article.get("entities")) {
      if (e.get("mentions").toString().contains(mention)) {
        return e.get("id").asText();
      }
    }
    throw new AssertionError("no entity mentioned as " + mention + " in " + article.get("entities"));
  }
}
