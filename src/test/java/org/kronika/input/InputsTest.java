package org.kronika.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
  @TempDir Path dir;

  @Test
  void readsGoodFilesAndRejectsEachBadOneWithItsReason() throws Exception {
    Files.writeString(dir.resolve("a-good.txt"), "A headline\nA paragraph of news.\n");
    Files.write(dir.resolve("b-cp1251.txt"), "Заголовок\nНовина дня про погоду в місті.\n"
        .getBytes(Charset.forName("windows-1251")));
    Files.write(dir.resolve("c-empty.txt"), new byte[0]);
    Files.write(dir.resolve("d-binary.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0});
    Files.write(dir.resolve("e-blank.txt"), "   \n\n  ".getBytes(StandardCharsets.UTF_8));
    Path huge = dir.resolve("f-huge.txt");
    try (OutputStream out = Files.newOutputStream(huge)) {
      byte[] line = "This line repeats until the file is larger than any article.\n".getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written <= Inputs.MAX_DOCUMENT_BYTES; written += line.length) {
        out.write(line);
      }
    }
    Inputs.Collected got = new Inputs.Collected();
    Inputs.standard().read(List.of(dir, dir.resolve("missing.txt")), got);

    assertEquals(List.of("A headline\nA paragraph of news.\n", "Заголовок\nНовина дня про погоду в місті.\n"),
        got.documents.stream().map(SourceDocument::content).toList());
    Map<String, String> reasons = got.rejections.stream()
        .collect(Collectors.toMap(r -> Path.of(r.source()).getFileName().toString(), Rejection::reason));
    assertEquals(5, reasons.size(), reasons.toString());
    assertTrue(reasons.get("c-empty.txt").contains("empty"));
    assertTrue(reasons.get("d-binary.bin").contains("binary"));
    assertTrue(reasons.get("e-blank.txt").contains("no text"));
    assertTrue(reasons.get("f-huge.txt").contains("limit"));
    assertTrue(reasons.get("missing.txt").contains("no such file"));
  }
}
