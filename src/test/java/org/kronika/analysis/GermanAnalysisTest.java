package org.kronika.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class GermanAnalysisTest {
  private final Predicate<String> commonNoun = Languages.of("de").commonNoun();

  @Test
  void germanNounsAreCommonWordsAndNamesAreNot() {
    for (String noun : List.of("Vorbereitungen", "Filialen", "Gutachten", "Universität")) {
      assertTrue(commonNoun.test(noun), noun);
    }
    for (String compound : List.of("Kundenzahl", "Vorsorgemaßnahmen", "Infektionsgefahren", "Filialnetz")) {
      assertTrue(commonNoun.test(compound), compound + ", by its parts");
    }
    for (String name : List.of("Fielmann", "Berlin", "Merkel", "Deutschland", "NATO", "Pell")) {
      assertFalse(commonNoun.test(name), name);
    }
    assertFalse(Languages.of("en").commonNoun().test("Court"), "only languages that capitalise nouns say");
  }

  @Test
  void aCapitalisedWordIsLookedUpAsWritten() {
    AnalyzedText text = new TextAnalyzer().analyze(Languages.of("de"),
        "Kardinal Pell hofft auf Freispruch. Die Richter verkündeten Entscheidungen.");
    List<String> lemmas = text.tokens().stream().map(Token::lemma).toList();
    assertEquals(List.of("kardinal", "pell", "hoffen", "auf", "freispruch", "die", "richter", "verkünden",
        "entscheidung"), lemmas, "Pell is no form of pellen (to peel)");
  }
}
