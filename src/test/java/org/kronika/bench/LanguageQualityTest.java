package org.kronika.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kronika.language.LanguageIdentifier;
import org.kronika.testing.Prerequisites;

/**
 * Guards language identification: every SlavicNER article (its folder names its language)
 * identified from its text and from its title alone, and the five samples, each bound just under
 * the figure measured when it was set (LanguageBench compares the candidates).
 */
class LanguageQualityTest {
  private static final Path RAW = Path.of("..", "shared", "bench", "corpus", "slavicner", "raw");
  private static final Path SAMPLES = Path.of("..", "shared", "samples");

  @Test
  void slavicArticlesAndTitlesAndTheSamples() throws Exception {
    Prerequisites.require(Files.isDirectory(RAW), "the SlavicNER corpus at " + RAW.toAbsolutePath());
    LanguageIdentifier identifier = LanguageIdentifier.standard();
    int articles = 0;
    int rightTexts = 0;
    int rightTitles = 0;
    try (Stream<Path> files = Files.walk(RAW)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String gold = file.getParent().getFileName().toString();
        String text = Files.readString(file);
        int newline = text.indexOf('\n');
        articles++;
        rightTexts += identifier.identify(text).equals(gold) ? 1 : 0;
        rightTitles += identifier.identify(newline < 0 ? text : text.substring(0, newline)).equals(gold) ? 1 : 0;
      }
    }
    assertTrue(rightTexts >= 0.998 * articles, rightTexts + " of " + articles + " texts (measured all 5,017)");
    assertTrue(rightTitles >= 0.96 * articles, rightTitles + " of " + articles + " titles (measured 97.0 %)");

    Prerequisites.require(Files.isDirectory(SAMPLES), "../shared/samples");
    Map<String, String> languages = Map.of("000", "uk", "001", "en", "002", "uk", "003", "en", "004", "en");
    try (Stream<Path> files = Files.list(SAMPLES)) {
      for (Path file : files.sorted().toList()) {
        String prefix = file.getFileName().toString().substring(0, 3);
        assertEquals(languages.get(prefix), identifier.identify(Files.readString(file)), file.toString());
      }
    }
  }
}
