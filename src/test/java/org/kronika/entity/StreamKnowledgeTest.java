package org.kronika.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.analysis.TextAnalyzer;

/**
 * What the entity stage learns from the articles it reads, and what ships with it, on texts of
 * our own: a name typed in one language types it in another, the knowledge survives a restart,
 * and places meet across languages and cases.
 */
class StreamKnowledgeTest {
  private static final TextAnalyzer ANALYZER = new TextAnalyzer();
  @TempDir Path tmp;

  private static Mention mention(EntityStage stage, String lang, String text, String surface) {
    List<Mention> found = stage.mentions(ANALYZER.analyze(lang, "", text).body(), lang);
    return found.stream().filter(m -> m.surface().equals(surface)).findFirst()
        .orElseThrow(() -> new AssertionError("no mention " + surface + " in " + found));
  }

  /** Ukrainian reports whose dictionary knows Байден for a surname, in varied sentences. */
  private static void readUkrainianNews(EntityStage stage, int articles) {
    for (int i = 0; i < articles; i++) {
      EntityStage.Result r = stage.apply(ANALYZER.analyze("uk", "Новини дня " + i,
          "У четвер " + (i + 1) + " грудня Байден провів переговори. Учора Байдена підтримали союзники, "
              + "а сьогодні Байден повернувся до столиці."));
      stage.observe(r.observed());
    }
  }

  @Test
  void aNameTypedInOneLanguageTypesItInAnother() throws Exception {
    EntityStage stage = new EntityStage();
    String czech = "Ve čtvrtek Biden jednal se spojenci.";
    assertNotEquals(EntityType.PER, mention(stage, "cs", czech, "Biden").type(), "nothing says Biden is a person yet");
    readUkrainianNews(stage, 40);
    stage.commit();
    Mention biden = mention(stage, "cs", czech, "Biden");
    assertEquals(EntityType.PER, biden.type());
    assertEquals(mention(stage, "uk", "Вчора Байден виступив.", "Байден").id(), biden.id());
  }

  @Test
  void whatTheStreamTaughtSurvivesARestart() throws Exception {
    Path file = tmp.resolve("knowledge").resolve("stream-entities.bin");
    EntityStage first = new EntityStage(null, KnownEntities.NONE, file);
    readUkrainianNews(first, 40);
    first.commit();
    assertTrue(Files.isRegularFile(file));
    EntityStage second = new EntityStage(null, KnownEntities.NONE, file);
    assertEquals(EntityType.PER, mention(second, "cs", "Ve čtvrtek Biden jednal.", "Biden").type());
  }

  @Test
  void aDictionaryTieGoesToTheLemmaTheNewsWrites() throws Exception {
    EntityStage stage = new EntityStage();
    for (int i = 0; i < 40; i++) {
      stage.observe(stage.apply(ANALYZER.analyze("ru", "Новости " + i,
          "Вчера " + (i + 1) + " числа в Германии прошли выборы, и Германия выбрала канцлера.")).observed());
    }
    stage.commit();
    assertEquals("Германия", mention(stage, "ru", "Канцлер Германии выступил.", "Германии").lemma());
  }

  @Test
  void aDamagedKnowledgeFileIsReportedByName() throws Exception {
    Path file = Files.writeString(tmp.resolve("stream-entities.bin"), "not knowledge");
    EntityStage stage = new EntityStage(null, KnownEntities.NONE, file);
    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, stage::load);
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void placesMeetAcrossLanguagesAndCases() {
    EntityStage stage = new EntityStage();
    Mention uk = mention(stage, "uk", "Міністри зустрілися у Брюсселі.", "Брюсселі");
    Mention pl = mention(stage, "pl", "Ministrowie spotkali się w Brukseli.", "Brukseli");
    Mention cs = mention(stage, "cs", "Ministři se sešli v Bruselu.", "Bruselu");
    Mention en = mention(stage, "en", "Ministers met in Brussels.", "Brussels");
    for (Mention m : List.of(uk, pl, cs)) {
      assertEquals(EntityType.LOC, m.type(), m.toString());
      assertEquals(en.id(), m.id(), m.toString());
    }
    assertEquals(EntityType.LOC, mention(stage, "pl", "Premier Wielkiej Brytanii przyjechał.", "Wielkiej Brytanii").type());
  }

  @Test
  void aFirstNameThatIsAlsoATownStaysAPerson() {
    EntityStage stage = new EntityStage();
    Mention m = mention(stage, "uk", "Учора Володимир Зеленський зустрівся з послами.", "Володимир Зеленський");
    assertEquals(EntityType.PER, m.type());
  }
}
