package org.kronika;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.model.Article;
import org.kronika.pipeline.Ingest;

/** Entities named by stored articles are remembered, on disk, and reused by later ones. */
class KnownEntitiesTest {
  @TempDir Path tmp;

  @Test
  void aSurnameMetAloneJoinsTheFullNameMetInAnEarlierIngest() throws Exception {
    Path data = tmp.resolve("data");
    Path first = Files.writeString(tmp.resolve("first.txt"), """
        Minister visits the harbour
        Foreign minister Andrii Sybiha visited the harbour of Odesa on Monday and met the port authority.
        """);
    Path later = Files.writeString(tmp.resolve("later.txt"), """
        Talks on grain exports continue
        Sybiha said on Tuesday that talks on grain exports through the Black Sea would continue next week.
        """);
    try (Kronika k = Kronika.openForIngest(data)) {
      k.ingest(List.of(first), new Ingest.Options(1, 1000), r -> { });
    }
    try (Kronika k = Kronika.openForIngest(data)) { // reopened: what was learned is read back from disk
      k.ingest(List.of(later), new Ingest.Options(1, 1000), r -> { });
    }
    List<Article> articles = new ArrayList<>();
    try (Kronika k = Kronika.openForReading(data)) {
      k.forEachArticle(articles::add);
    }
    String fullName = idOf(articles.get(0), "Andrii Sybiha");
    assertEquals(fullName, idOf(articles.get(1), "Sybiha"));
    assertTrue(articles.get(1).entities().stream().anyMatch(e -> e.name().contains("Andrii")));
  }

  private static String idOf(Article a, String mention) {
    return a.entities().stream().filter(e -> e.mentions().contains(mention)).findFirst()
        .orElseThrow(() -> new AssertionError("no mention " + mention + " in " + a.entities())).id();
  }
}
