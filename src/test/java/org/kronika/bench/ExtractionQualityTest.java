package org.kronika.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kronika.extract.html.HtmlExtractor;
import org.kronika.testing.Prerequisites;

/**
 * Guards HTML extraction beyond scrapinghub (HtmlExtractorBenchmarkTest): body text on the
 * DAnIEL pages in five languages and publication dates on mediacloud2020, from the extractor and
 * through {@code kronika ingest} of the pages as JSON Lines with their URLs, each bound just under
 * the figure measured when it was set (ExtractionBench), so that a regression fails and noise
 * does not.
 */
class ExtractionQualityTest {
  private static final Path BENCH = Path.of("..", "shared", "bench");
  /** Body F1 measured 0.924 in all; Chinese 0.912, English 0.932, Greek 0.965, Polish 0.911, Russian 0.901. */
  private static final Map<String, Double> DANIEL_F1 = Map.of("all", 0.91, "Chinese", 0.90, "English", 0.92,
      "Greek", 0.95, "Polish", 0.90, "Russian", 0.89);

  @Test
  void danielBodiesInEveryLanguage() throws Exception {
    Path daniel = BENCH.resolve("extraction/daniel");
    Prerequisites.require(Files.isDirectory(daniel), "the DAnIEL pages at " + daniel.toAbsolutePath());
    Map<String, Double> f1 = ExtractionBench.danielF1(daniel);
    DANIEL_F1.forEach((lang, bound) -> assertTrue(f1.get(lang) >= bound, lang + " body F1 " + f1.get(lang) + " < " + bound));
  }

  @Test
  void publicationDates() throws Exception {
    Path dates = BENCH.resolve("dates/mediacloud2020");
    Prerequisites.require(Files.isDirectory(dates), "the mediacloud2020 dates at " + dates.toAbsolutePath());
    List<String> wrong = new ArrayList<>();
    ExtractionBench.DateScores d = ExtractionBench.dates(dates, new HtmlExtractor(), false, wrong);
    assertTrue(d.right() >= 0.88 * d.pages(), "right " + d + " (measured 184 of 200)");
    assertTrue(d.wrong() <= 0.025 * d.pages(), "wrong " + d + " (measured 4 of 200): " + wrong);
  }

  @Test
  void theProductPathKeepsEveryPageWithTextAndItsDate() throws Exception {
    Path dates = BENCH.resolve("dates/mediacloud2020");
    Prerequisites.require(Files.isDirectory(dates), "the mediacloud2020 dates at " + dates.toAbsolutePath());
    List<ExtractionBench.Page> pages = ExtractionBench.mediacloud(dates);
    ExtractionBench.Ingested got = ExtractionBench.ingest(pages);
    assertTrue(got.articles().size() >= 0.98 * pages.size(), "stored " + got.articles().size() + " (measured 197 of 200): "
        + got.rejections());
    Map<String, java.time.LocalDate> found = new java.util.HashMap<>();
    got.articles().forEach((id, a) -> found.put(id, a.date()));
    List<String> wrong = new ArrayList<>();
    ExtractionBench.DateScores d = ExtractionBench.scoreDates(pages, found, false, wrong);
    assertTrue(d.right() >= 0.88 * d.pages(), "right " + d + " (measured 184 of 200)");
    assertTrue(d.wrong() <= 0.025 * d.pages(), "wrong " + d + " (measured 4 of 200): " + wrong);
  }
}
