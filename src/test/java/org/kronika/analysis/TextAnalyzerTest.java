package org.kronika.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
  private final TextAnalyzer analyzer = new TextAnalyzer();

  @Test
  void lemmatisesUkrainianWithMorfologik() {
    AnalyzedText t = analyzer.analyze(Languages.of("uk"), "Зеленського привітали в Брюсселі.");
    assertEquals(List.of("зеленський", "привітати", "в", "брюссель"), t.tokens().stream().map(Token::lemma).toList());
    assertTrue(t.tokens().get(2).stopword());
    assertTrue(t.tokens().get(0).capitalised());
  }

  @Test
  void lemmatisesRussianWithItsDictionaryAndStemsEnglish() {
    assertEquals("переговоры", analyzer.analyze(Languages.of("ru"), "переговорах").tokens().get(0).lemma());
    assertEquals("киев", analyzer.analyze(Languages.of("ru"), "Киева").tokens().get(0).lemma());
    assertEquals("negoti", analyzer.analyze(Languages.of("en"), "negotiations").tokens().get(0).lemma());
  }

  @Test
  void fallsBackToPlainTokensForOtherLanguages() {
    AnalyzedText t = analyzer.analyze(Languages.of("sw"), "Habari za leo");
    assertEquals(List.of("habari", "za", "leo"), t.tokens().stream().map(Token::lemma).toList());
  }

  @Test
  void splitsSentencesAndMarksTheirFirstWords() {
    String text = "The minister met J. Smith in Kyiv. Talks went on.\nA new line starts here";
    AnalyzedText t = analyzer.analyze(Languages.of("en"), text);
    assertEquals(3, t.sentences().size());
    assertEquals("The minister met J. Smith in Kyiv.", text.substring(t.sentences().get(0)[0], t.sentences().get(0)[1]));
    List<String> initial = t.tokens().stream().filter(Token::sentenceInitial).map(Token::surface).toList();
    assertEquals(List.of("The", "Talks", "A"), initial);
    assertFalse(t.tokens().stream().filter(x -> x.surface().equals("Smith")).findFirst().orElseThrow().sentenceInitial());
  }
}
