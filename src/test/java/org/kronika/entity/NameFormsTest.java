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
  @Test
  void aPersonJoinsBySurnameWhenFirstNamesAgreeAcrossScripts() {
    java.util.Map<String, KnownEntities.Known> store = java.util.Map.of(
        "bdn", new KnownEntities.Known("Dzho Bayden", EntityType.PER),
        "mrkl", new KnownEntities.Known("Merkel", EntityType.PER),
        "nhl-mrkl", new KnownEntities.Known("Angela Merkel", EntityType.PER),
        "trmp", new KnownEntities.Known("Donald Trump", EntityType.PER));
    KnownEntities known = key -> java.util.Optional.ofNullable(store.get(key));
    assertEquals("Dzho Bayden", EntityIds.personBySurname(known, "Joe Biden", "cs").orElseThrow().name());
    assertEquals("Dzho Bayden", EntityIds.personBySurname(known, "Joeja Biden", "sl").orElseThrow().name());
    assertEquals("Merkel", EntityIds.personBySurname(known, "Merklova", "sl").orElseThrow().name());
    assertEquals("Angela Merkel", EntityIds.personBySurname(known, "Angela Merkelová", "cs").orElseThrow().name());
    assertTrue(EntityIds.personBySurname(known, "Angela Merkel", "cs").isEmpty()); // its own key is looked up elsewhere
    assertTrue(EntityIds.personBySurname(known, "Melania Trump", "sl").isEmpty());
    assertTrue(EntityIds.personBySurname(known, "Hunter Biden", "pl").isEmpty());
    assertTrue(EntityIds.personBySurname(known, "Trump", "pl").isEmpty());
    assertEquals("Donald Trump", EntityIds.personBySurname(known, "Trumpova", "sl").orElseThrow().name());
  }
  @Test
  void czechWomensSurnamesHaveTheirNominative() {
    assertEquals("Bibiová", EntityLanguages.womansSurname("cs", "Bibiovou"));
    assertEquals("Mayová", EntityLanguages.womansSurname("cs", "Mayové"));
    assertEquals(null, EntityLanguages.womansSurname("cs", "Nová"));
    assertEquals(null, EntityLanguages.womansSurname("pl", "Mayová"));
  }
  @Test
  void aPossessiveOfAPersonTakesTheSurnameForLemma() {
    assertEquals("Merkel", Linker.possessorLemma("Merklova", "Angela Merkel", "sl"));
    assertEquals("Trump", Linker.possessorLemma("Trumpove", "Donald Trump", "sl"));
    assertEquals("Putin", Linker.possessorLemma("Putin", "Vladimir Putin", "sl"));
    assertEquals("Donald Trump", Linker.possessorLemma("Donald Trump", "Donald Trump", "sl"));
  }
  @Test
  void aPolishPeopleNamedInThePluralKeepsThePlural() {
    NameLexicon polish = EntityLanguages.lexicon("pl");
    assertEquals("Polacy", polish.pluralNominative("Polaków"));
    assertEquals("Brytyjczycy", polish.pluralNominative("Brytyjczykom"));
    assertEquals("Amerykanie", polish.pluralNominative("Amerykanów"));
    assertEquals(null, polish.pluralNominative("Polak"));
  }
  @Test
  void aCountryWithAShortKeyIsFoundInItsOwnLanguagesCases() {
    Places.Found russia = Places.find("Rusiji", "sl").orElseThrow();
    assertEquals("Russia", russia.known().name());
    assertEquals("Rusija", russia.name());
    assertEquals("Italy", Places.find("Italiji", "sl").orElseThrow().known().name());
    assertTrue(Places.find("Irena", "sl").isEmpty()); // a woman, not Iran
  }
}
