package org.kronika.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.analysis.TextAnalyzer;
import org.kronika.testing.Prerequisites;

/** The entity stage with what {@code kronika learn} learns from the SlavicNER training split, when the corpus is at hand. */
class EntityStageLearningTest {
  private static final Path CORPUS = Path.of("..", "shared", "bench", "corpus", "slavicner");

  @Test
  void aSurnameAloneFindsTheFullNameLearnedFromTheCorpus(@TempDir Path temp) throws Exception {
    Path split = CORPUS.resolve("SPLIT_cross-topic_train.txt");
    Prerequisites.require(Files.isRegularFile(split), "the SlavicNER corpus at " + CORPUS.toAbsolutePath());
    Path knowledge = temp.resolve("learned.bin");
    EntityStage.learn(CORPUS, split, knowledge);
    EntityStage stage = new EntityStage(knowledge, KnownEntities.NONE, null);
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
