package org.kronika.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kronika.story.StoryStage;
import org.kronika.testing.Prerequisites;

/**
 * Guards stories and storylines: the whole SlavicNER corpus ingested as one stream in a
 * shuffled order (StoryBench {@code -Dorder=shuffled -Dseed=1}, the shipped defaults), each
 * bound just under the figure measured when it was set (docs/stories.md), so that a regression
 * fails and noise does not. The order is fixed and ingest deterministic, so the figures are too.
 */
class StoryQualityTest {
  private static final Path CORPUS = Path.of("..", "shared", "bench", "corpus", "slavicner");

  @Test
  void storiesStayPureAndStorylinesGatherTheirTopics() throws Exception {
    Prerequisites.require(Files.isDirectory(CORPUS.resolve("raw")), "the SlavicNER corpus at " + CORPUS.toAbsolutePath());
    StoryBench.Scores scores = StoryBench.measure(CORPUS, StoryBench.shuffled(StoryBench.files(CORPUS, "all"), 1),
        StoryStage.standard(), false, null, System.nanoTime());
    assertTrue(scores.stories().bcubedPrecision() >= 0.99, "story precision " + scores.stories() + " (measured 0.998)");
    assertTrue(scores.storylines().bcubedF1() >= 0.85, "storylines " + scores.storylines() + " (measured 0.870)");
  }
}
