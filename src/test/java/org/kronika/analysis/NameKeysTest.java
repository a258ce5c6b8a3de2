package org.kronika.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class NameKeysTest {
  private final TextAnalyzer analyzer = new TextAnalyzer();

  /** The key of the first word of a text, through its language's lemmatiser. */
  private String key(String word, String lang) {
    Token t = analyzer.analyze(Languages.of(lang), word).tokens().get(0);
    return NameKeys.of(t.lemma(), lang);
  }

  @Test
  void oneNameMeetsItselfAcrossScriptsInflectionsAndSpellings() {
    String zelensky = key("Зеленський", "uk");
    assertEquals("zlnsk", zelensky);
    assertEquals(zelensky, key("Зеленського", "uk"));
    assertEquals(zelensky, key("Зеленского", "ru"));
    assertEquals(zelensky, key("Zelenskyy", "en"));
    assertEquals(zelensky, key("Zelensky", "en"));
    assertEquals(zelensky, key("Zelenskyi", "en"));
    assertEquals(zelensky, key("Zełenski", "pl"));
  }

  @Test
  void placeNamesAndAcronymsMeetToo() {
    String kyiv = key("Київ", "uk");
    assertEquals(kyiv, key("Kyiv", "en"));
    assertEquals(kyiv, key("Kiev", "en"));
    assertEquals(kyiv, key("Киев", "ru"));
    assertEquals(key("НАТО", "uk"), key("NATO", "en"));
    assertEquals(key("Рютте", "uk"), key("Rutte", "en"));
    assertEquals(key("Вашингтон", "uk"), key("Washington", "en"));
  }

  @Test
  void differentNamesStayApart() {
    assertNotEquals(key("Зеленський", "uk"), key("Рютте", "uk"));
    assertNotEquals(key("Trump", "en"), key("Biden", "en"));
  }

  @Test
  void romanisesWithTheLanguagesOwnRules() {
    assertEquals("zelenskyy", NameKeys.latin("Зеленський", "uk"));
    assertEquals("zelenskiy", NameKeys.latin("Зеленский", "ru"));
  }
}
