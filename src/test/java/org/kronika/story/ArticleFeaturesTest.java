package org.kronika.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kronika.analysis.TextAnalyzer;

class ArticleFeaturesTest {
  private static Map<String, Integer> numbers(String lang, String body) {
    return ArticleFeatures.of(new TextAnalyzer().analyze(lang, null, body)).get(Feature.NUMBER);
  }

  @Test
  void numbersMeetHoweverEachLanguageWritesThem() {
    assertEquals("2000", ArticleFeatures.canonicalNumber("2,000"));
    assertEquals("2000", ArticleFeatures.canonicalNumber("2.000"));
    assertEquals("1.5", ArticleFeatures.canonicalNumber("1,5"));
    assertEquals("1.5", ArticleFeatures.canonicalNumber("1.5"));
    assertEquals("12345.67", ArticleFeatures.canonicalNumber("12,345.67"));
    assertEquals("12345.67", ArticleFeatures.canonicalNumber("12.345,67"));
    assertEquals("0.125", ArticleFeatures.canonicalNumber("0.125"));
    assertEquals("1990s", ArticleFeatures.canonicalNumber("1990s"));

    assertEquals(Map.of("2500000", 1, "1.5", 1), numbers("en", "The fund holds 2,500,000 euros, 1.5 times more."));
    assertEquals(Map.of("2500000", 1, "1.5", 1), numbers("de", "Der Fonds hält 2.500.000 Euro, 1,5-mal mehr."));
    assertEquals(Map.of("2500000", 1, "1.5", 1), numbers("uk", "Фонд має 2 500 000 євро, у 1,5 раза більше."));
    assertEquals(Map.of("2024", 1, "250", 1), numbers("en", "In 2024 250 ships came."), "a year and a count stay apart");
  }

  @Test
  void aNumberThatIsPartOfANameIsNoQuantity() {
    assertEquals(Map.of("500", 1), numbers("en", "Covid-19 kept 500 F-16 jets grounded."));
    assertEquals(Map.of("2020", 1, "19", 1), numbers("sl", "Leta 2020 je umrlo 19 ljudi zaradi covid-19."));
    assertEquals(Map.of("2020", 1, "2021", 1), numbers("ru", "В 2020-2021 годах Су-27 не летали."), "a range stays two numbers");
  }
}
