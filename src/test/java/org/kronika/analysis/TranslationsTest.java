package org.kronika.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.testing.Prerequisites;

class TranslationsTest {
  private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** Writes a dictionary in dictd's layout from its entries, each a headword and the entry's text. */
  private static Path[] dictionary(Path dir, String... headwordsAndEntries) throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    StringBuilder index = new StringBuilder();
    for (int i = 0; i < headwordsAndEntries.length; i += 2) {
      byte[] entry = headwordsAndEntries[i + 1].getBytes(StandardCharsets.UTF_8);
      index.append(headwordsAndEntries[i]).append('\t').append(base64(text.size())).append('\t')
          .append(base64(entry.length)).append('\n');
      text.write(entry);
    }
    Path dict = dir.resolve("test.dict.dz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dict))) {
      out.write(text.toByteArray());
    }
    Path idx = Files.writeString(dir.resolve("test.index"), index.toString());
    return new Path[] {idx, dict};
  }

  private static String base64(long v) {
    StringBuilder out = new StringBuilder();
    do {
      out.insert(0, BASE64.charAt((int) (v % 64)));
      v /= 64;
    } while (v > 0);
    return out.toString();
  }

  @Test
  void readsTheFirstSensesOfEachHeadwordAsEnglishStems(@TempDir Path dir) throws IOException {
    Path[] d = dictionary(dir,
        "erdgas", "Erdgas /ipa/ <neut, n, sg>\nnatural gas <n>, rock gas <n>\n      \"Erdgas unter Druck\"  - gas\n see: {Flüssigerdgas}\n",
        "auslieferung", "Auslieferung /ipa/ <fem, n, sg>\n [jur.] extradition <n>\n         Note: of a person\n",
        "auslieferung", "Auslieferung /ipa/ <fem, n, sg>\ndelivery of goods <n>, delivery <n>\n",
        "treffen", "treffen /ipa/ <v, trans>\nafflict sb. <v>, smite sb. <v>\n",
        "two words", "zwei Wörter\ntwo words\n");
    Translations t = Translations.read(d[0], d[1]);

    assertEquals(List.of("natur", "ga", "rock"), t.of("erdgas"), "stemmed as English articles' words are");
    assertEquals(List.of("extradit", "deliveri", "good"), t.of("auslieferung"), "field labels and grammar dropped");
    assertEquals(List.of("afflict", "smite"), t.of("treffen"), "placeholders (sb.) dropped");
    assertEquals(3, t.size(), "headwords of several words are not read");
    assertEquals(List.of("melbourn"), t.of("melbourne"), "a word it lacks, a name mostly, is itself as English");
  }

  @Test
  void germanToEnglishComesFromTheInstalledFreeDictPackage() {
    Prerequisites.require(Files.isRegularFile(Path.of("/usr/share/dictd/freedict-deu-eng.index")),
        "Debian's dict-freedict-deu-eng (German-English dictionary)");
    Translations german = Translations.toEnglish("de").orElseThrow();
    assertTrue(german.size() > 100_000, "headwords: " + german.size());
    assertTrue(german.of("erdgas").contains("natur"), german.of("erdgas").toString());
    assertTrue(german.of("kreuzfahrtschiff").contains("cruis"), german.of("kreuzfahrtschiff").toString());
    assertTrue(Translations.toEnglish("en").isEmpty(), "English is the pivot");
  }
}
