package org.kronika.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The small pieces that shape a name: ids, Latin names, learned endings, lemma case. */
class NameFormsTest {
  @Test
  void idsForgetScriptAndSpelling() {
    String id = EntityIds.key("Володимир Зеленський", "uk");
    assertEquals(id, EntityIds.key("Владимир Зеленский", "ru"));
    assertEquals(id, EntityIds.key("Volodymyr Zelenskyi", "en"));
    assertEquals(EntityIds.key("Київ", "uk"), EntityIds.key("Kiev", "en"));
    assertNotEquals(id, EntityIds.key("Зеленський", "uk"));
  }

  @Test
  void latinNamesFollowBgnAndKeepAcronyms() {
    assertEquals("Volodymyr Zelenskyy", EntityIds.latinName("Володимир Зеленський", "uk"));
    assertEquals("NATO", EntityIds.latinName("НАТО", "uk"));
  }

  @Test
  void looseKeysNeedANearSpelling() {
    assertTrue(EntityIds.similar("zelenskyy", "zelensky"));
    assertFalse(EntityIds.similar("however", "hoover"));
    assertFalse(EntityIds.distinctive("rt"));
  }

  @Test
  void learnedEndingsLemmatiseUnseenNames() {
    SuffixRules rules = new SuffixRules();
    rules.learn(EntityType.PER, "Kowalskiego", "Kowalski");
    rules.learn(EntityType.PER, "Nowickiego", "Nowicki");
    rules.learn(EntityType.PER, "Zielińskiego", "Zieliński");
    rules.freeze();
    assertEquals("Wiśniewski", rules.apply(EntityType.PER, "Wiśniewskiego"));
    assertEquals(null, rules.apply(EntityType.LOC, "Wiśniewskiego"));
  }

  @Test
  void lemmaIsCasedAsItsMention() {
    assertEquals("Европейский Союз", Lemmas.matchCase("Европейского Союза", "европейский союз"));
    assertEquals("евросоюз", Lemmas.matchCase("евросоюза", "Евросоюз"));
    assertEquals("Соединённые Штаты", Lemmas.matchCase("Соединённых Штатов", "Соединенные Штаты"));
  }
}
