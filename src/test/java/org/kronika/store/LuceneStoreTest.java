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

  @Test
  void aStoreInAnEarlierFormatIsRefusedByName() throws Exception {
    Path data = tmp.resolve("old");
    try (var dir = org.apache.lucene.store.FSDirectory.open(data.resolve("index"));
         var writer = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig())) {
      org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
      doc.add(new org.apache.lucene.document.TextField("text.en", "The harbour reopened.",
          org.apache.lucene.document.Field.Store.NO));
      writer.addDocument(doc);
      writer.commit();
    }
    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> LuceneStore.openForWriting(data).close());
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("older version of Kronika"), e.getMessage());
  }
}
