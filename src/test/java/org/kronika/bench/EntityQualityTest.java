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
  /** Mention F1 by language, measured 0.776, 0.780, 0.809, 0.765, 0.752, 0.838 and 0.783 in all. */
  private static final Map<String, Double> MENTION_F1 = Map.of("bg", 0.76, "cs", 0.76, "pl", 0.79, "ru", 0.75,
      "sl", 0.73, "uk", 0.82, "all", 0.77);

  @Test
  void theShippedDefaultKeepsItsEntityFigures() throws Exception {
    Prerequisites.require(Files.isRegularFile(CORPUS.resolve("SPLIT_cross-topic_test.txt")),
        "the SlavicNER corpus at " + CORPUS.toAbsolutePath());
    Map<String, EntityBench.Scores> scores = EntityBench.measure(CORPUS, false, true, 1, 0,
        "SPLIT_cross-topic_test.txt", new PrintStream(OutputStream.nullOutputStream()));
    MENTION_F1.forEach((lang, bound) -> assertTrue(scores.get(lang).f1() >= bound,
        lang + " mention F1 " + scores.get(lang).f1() + " < " + bound));
    assertTrue(scores.get("all").lemma() >= 0.92, "lemma accuracy " + scores.get("all").lemma() + " (measured 0.932)");
    assertTrue(scores.get("all").linkF1() >= 0.91, "linking F1 " + scores.get("all").linkF1() + " (measured 0.932; 0.917 before)");
  }
}
