package org.kronika.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.pipeline.Ingest;

class LuceneStoreTest {
  @TempDir Path tmp;

  @Test
  void documentFrequenciesSurviveReopening() throws Exception {
    Path data = tmp.resolve("data");
    Path first = Files.writeString(tmp.resolve("first.txt"), """
        Harbour reopens
        The harbour of Odesa reopened in 2024 after repairs that took most of the winter.
        """);
    Path second = Files.writeString(tmp.resolve("second.txt"), """
        Grain exports
        Grain exports through the Black Sea grew in 2024, the port authority said on Monday.
        """);
    try (Kronika k = Kronika.openForIngest(data)) {
      k.ingest(List.of(first), new Ingest.Options(1, 1000), r -> { });
    }
    try (Kronika k = Kronika.openForIngest(data)) {
      k.ingest(List.of(second), new Ingest.Options(1, 1000), r -> { });
    }
    try (LuceneStore store = LuceneStore.openForWriting(data)) {
      assertEquals(2, store.documentFrequency("#:2024"));
      assertEquals(2, store.articleCount());
    }
  }
}
