package org.kronika.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.entity.EntityStage;
import org.kronika.input.Inputs;
import org.kronika.input.Rejection;
import org.kronika.language.LanguageIdentifier;
import org.kronika.store.LuceneStore;
import org.kronika.story.StoryStage;

/**
 * A document whose processing fails, with an exception or an error, is rejected with its
 * source and the failure named, and the ingest goes on to store every document after it.
 */
class IngestFailureTest {
  @TempDir Path tmp;

  @Test
  void aDocumentThatBreaksAStageIsRejectedByNameAndTheRestAreStored() throws Exception {
    Path news = Files.createDirectories(tmp.resolve("news"));
    Files.writeString(news.resolve("1-harbour.txt"), "Harbour council meets\nThe harbour council of Tarnby met on Monday.\n");
    Files.writeString(news.resolve("2-exception.txt"), "Breaking Zorblax report\nThe Zorblax report came out on Monday.\n");
    Files.writeString(news.resolve("3-error.txt"), "Deep Quorvath report\nThe Quorvath report came out on Tuesday.\n");
    Files.writeString(news.resolve("4-bridge.txt"), "Bridge reopens\nThe old bridge of Tarnby reopened on Wednesday.\n");
    LanguageIdentifier breaking = text -> {
      if (text.contains("Zorblax")) {
        throw new IllegalStateException("identifier broke\non purpose");
      }
      if (text.contains("Quorvath")) {
        throw new StackOverflowError();
      }
      return "en";
    };
    List<Rejection> rejected = new ArrayList<>();
    Path data = tmp.resolve("data");
    try (LuceneStore store = LuceneStore.openForWriting(data)) {
      Ingest ingest = new Ingest(new Pipeline(breaking, new EntityStage()), store, StoryStage.standard(),
          new Ingest.Options(2, 1000));
      Ingest.Report report = ingest.run(List.of(news), Inputs.standard(), rejected::add);
      assertEquals(2, report.stored(), report.summary());
      assertEquals(2, report.rejected(), report.summary());
      assertEquals(2, report.read(), "a rejected document is counted once, as rejected: " + report.summary());
    }
    assertEquals(List.of(
        news.resolve("2-exception.txt") + ": failed to process: IllegalStateException: identifier broke on purpose",
        news.resolve("3-error.txt") + ": failed to process: StackOverflowError"),
        rejected.stream().map(Rejection::toString).sorted().toList());
    List<String> stored = new ArrayList<>();
    try (LuceneStore store = LuceneStore.openForReading(data)) {
      store.forEachArticle(a -> stored.add(Path.of(a.source()).getFileName().toString()));
      assertTrue(store.stories().stream().allMatch(s -> !s.articles().isEmpty()));
    }
    assertEquals(List.of("1-harbour.txt", "4-bridge.txt"), stored.stream().sorted().toList());
  }
}
