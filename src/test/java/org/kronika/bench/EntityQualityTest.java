package org.kronika.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kronika.testing.Prerequisites;

/**
 * Guards what ships: entities on SlavicNER's test split after the whole corpus was ingested as an
 * unlabelled stream (EntityBench's shipped default), each bound just under the figure measured
 * when it was set (docs/entities.md), so that a regression fails and noise does not.
 */
class EntityQualityTest {
  private static final Path CORPUS = Path.of("..", "shared", "bench", "corpus", "slavicner");
  /** Mention F1 by language, measured 0.773, 0.762, 0.808, 0.765, 0.731, 0.838 and 0.778 in all. */
  private static final Map<String, Double> MENTION_F1 = Map.of("bg", 0.75, "cs", 0.74, "pl", 0.78, "ru", 0.74,
      "sl", 0.71, "uk", 0.81, "all", 0.75);

  @Test
  void theShippedDefaultKeepsItsEntityFigures() throws Exception {
    Prerequisites.require(Files.isRegularFile(CORPUS.resolve("SPLIT_cross-topic_test.txt")),
        "the SlavicNER corpus at " + CORPUS.toAbsolutePath());
    Map<String, EntityBench.Scores> scores = EntityBench.measure(CORPUS, false, true, 1, 0,
        "SPLIT_cross-topic_test.txt", new PrintStream(OutputStream.nullOutputStream()));
    MENTION_F1.forEach((lang, bound) -> assertTrue(scores.get(lang).f1() >= bound,
        lang + " mention F1 " + scores.get(lang).f1() + " < " + bound));
    assertTrue(scores.get("all").lemma() >= 0.89, "lemma accuracy " + scores.get("all").lemma() + " (measured 0.909)");
    assertTrue(scores.get("all").linkF1() >= 0.87, "linking F1 " + scores.get("all").linkF1() + " (measured 0.917; 0.874-0.905 before)");
  }
}
