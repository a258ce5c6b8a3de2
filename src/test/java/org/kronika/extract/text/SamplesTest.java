package org.kronika.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kronika.extract.Extracted;
import org.kronika.input.SourceDocument;
import org.kronika.testing.Prerequisites;

/**
 * The cleaner on the project's five sample articles in ../shared/samples. This repository must
 * not carry their text, so expectations name the samples' lines by number: the title is line
 * n, the body is exactly lines a, b, c..., and every other line is gone. Skipped where
 * ../shared is absent.
 */
class SamplesTest {
  private static final Path SAMPLES = Path.of("../shared/samples");
  private static final TextCleaner CLEANER = new TextCleaner(LocalDate.of(2025, 1, 1));

  @BeforeEach
  void samplesPresent() {
    Prerequisites.require(Files.isDirectory(SAMPLES), "../shared/samples");
  }

  /** A sample's lines, numbered from 1 as an editor shows them, and what the cleaner makes of it. */
  private record Sample(List<String> lines, Extracted extracted) {
    String line(int number) {
      return lines.get(number - 1).strip();
    }

    /** Asserts that the body is exactly these paragraphs and holds no other line of the page. */
    void assertBody(List<String> paragraphs, int... numbers) {
      assertEquals(String.join("\n\n", paragraphs), extracted.body());
      Set<Integer> kept = Set.copyOf(IntStream.of(numbers).boxed().toList());
      for (int n = 1; n <= lines.size(); n++) {
        // A short line ("NATO") may well occur inside a paragraph; a longer one may not.
        boolean distinctive = line(n).length() > 20;
        if (!kept.contains(n) && distinctive && !paragraphs.contains(line(n))) {
          assertFalse(extracted.body().contains(line(n)), "line " + n + " is chrome or metadata");
        }
      }
    }

    List<String> lines(int... numbers) {
      List<String> selected = new ArrayList<>();
      for (int n : numbers) {
        selected.add(line(n));
      }
      return selected;
    }
  }

  private static Sample sample(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
      String text = Files.readString(file);
      return new Sample(text.lines().toList(), CLEANER.extract(SourceDocument.text(file.toString(), text)));
    }
  }

  private static int[] range(int from, int to, int step) {
    return IntStream.iterate(from, n -> n <= to, n -> n + step).toArray();
  }

  @Test
  void ukrainianOriginalKeepsEveryParagraphAndDropsTheChannelPromo() throws IOException {
    Sample s = sample("000_");
    assertEquals(s.line(1), s.extracted().title());
    assertNull(s.extracted().date());
    int[] body = range(2, 13, 1);
    s.assertBody(s.lines(body), body);
    assertFalse(s.extracted().body().contains(s.line(14)), "the Telegram channel promo");
  }

  @Test
  void englishTranslationIsCleanAndKeptWhole() throws IOException {
    Sample s = sample("001_");
    assertEquals(s.line(1), s.extracted().title());
    assertNull(s.extracted().date());
    int[] body = range(2, 11, 1);
    s.assertBody(s.lines(body), body);
  }

  @Test
  void ukrainianPageLosesItsShareBarTeaserAndRelatedHeadlines() throws IOException {
    Sample s = sample("002_");
    assertEquals(s.line(3), s.extracted().title());
    assertEquals(s.line(3), s.line(5), "the page prints its headline twice");
    assertNull(s.extracted().date());
    int[] body = range(9, 19, 2);
    s.assertBody(s.lines(body), body);
  }

  @Test
  void englishPageGetsTitleAuthorsDateAndKeepsItsBackgroundList() throws IOException {
    Sample s = sample("003_");
    assertEquals(s.line(8), s.extracted().title());
    assertEquals(LocalDate.of(2024, 12, 3), s.extracted().date());
    List<String> authors = s.extracted().authors();
    assertEquals(2, authors.size(), authors.toString());
    assertTrue(s.line(10).startsWith(String.join(", ", authors) + "Tuesday"), authors.toString());
    int[] body = {14, 16, 18, 22, 24, 26, 30, 32, 33, 34};
    s.assertBody(s.lines(body), body);
  }

  @Test
  void headerFollowedByASentenceGivesNoTitle() throws IOException {
    Sample s = sample("004_");
    // The header shares its line with a two-sentence lead, and no headline follows: the short
    // line below the lead heads the paragraphs after it, a sub-heading. So the title is null.
    assertNull(s.extracted().title());
    assertEquals(LocalDate.of(2024, 11, 30), s.extracted().date());
    int[] body = range(1, 25, 2);
    List<String> paragraphs = s.lines(body);
    paragraphs.set(0, s.line(1).replaceFirst("^date \\d{4}-\\d{2}-\\d{2} ", ""));
    paragraphs.set(7, s.line(15).replaceFirst(" Share$", ""));
    assertTrue(s.line(3).split(" ").length < 10, "line 3 is a short heading");
    s.assertBody(paragraphs, body);
  }
}
