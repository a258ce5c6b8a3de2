package org.kronika.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.kronika.analysis.TextAnalyzer;

/** The entity stage with what it learns from the SlavicNER training split, when the corpus is at hand. */
class EntityStageLearningTest {
  private static final Path CORPUS = Path.of("..", "shared", "bench", "corpus", "slavicner");

  @Test
  void aSurnameAloneFindsTheFullNameLearnedFromTheCorpus() {
    Assumptions.assumeTrue(SlavicNerLearner.available(CORPUS),
        "SlavicNER corpus not found at " + CORPUS.toAbsolutePath() + "; skipping the learning test");
    EntityStage stage = new EntityStage(CORPUS);
    TextAnalyzer analyzer = new TextAnalyzer();
    List<Mention> uk = stage.mentions(analyzer.analyze("uk", "", "Вчора у Києві говорили про Зеленського.").body(), "uk");
    List<Mention> ru = stage.mentions(analyzer.analyze("ru", "", "Вчера в Москве говорили о Зеленском.").body(), "ru");
    Mention ukSurname = uk.stream().filter(m -> m.surface().equals("Зеленського")).findFirst().orElseThrow();
    Mention ruSurname = ru.stream().filter(m -> m.surface().equals("Зеленском")).findFirst().orElseThrow();
    assertEquals(EntityType.PER, ukSurname.type());
    assertEquals(ukSurname.id(), ruSurname.id());
    assertEquals("Зеленський", ukSurname.lemma());
  }
}
