package org.kronika.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kronika.testing.Prerequisites;

/** The five articles the project started from, read from ../shared beside the checkout. */
class SamplesLanguageTest {
  private static final Path SAMPLES = Path.of("../shared/samples");

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "000_3db800c6c614844d.txt, uk",
      "001_ebaaf37f6b2a0632.txt, en",
      "002_783182a96038ca0e.txt, uk",
      "003_6b4b85b0cf501bb9.txt, en",
      "004_a03c4e4ffd75aa5a.txt, en",
  })
  void tellsTheSamplesLanguage(String file, String language) throws IOException {
    Path sample = SAMPLES.resolve(file);
    Prerequisites.require(Files.isRegularFile(sample), sample.toAbsolutePath().normalize().toString());
    assertEquals(language, LanguageIdentifier.standard().identify(Files.readString(sample)));
  }
}
