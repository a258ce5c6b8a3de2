package org.kronika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.internal.Json;

/** {@code kronika learn} on a small annotated corpus of our own in the SlavicNER/BSNLP layout. */
class LearnCommandTest {
  @TempDir Path tmp;

  /** One annotated article: text in raw/, its names (code-point offsets) in ner/. */
  private void annotated(Path corpus, String name, String text, String... mentions) throws Exception {
    Path raw = Files.createDirectories(corpus.resolve("raw/topic/en")).resolve(name + ".txt");
    Files.writeString(raw, text);
    StringBuilder tsv = new StringBuilder();
    for (String m : mentions) {
      String[] f = m.split("\\|"); // surface|type|id
      int start = text.indexOf(f[0]);
      tsv.append(text.codePointCount(0, start)).append('\t').append(text.codePointCount(0, start + f[0].length()))
          .append('\t').append(f[0]).append('\t').append(f[0]).append('\t').append(f[1]).append('\t').append(f[2])
          .append('\n');
    }
    Path ner = Files.createDirectories(corpus.resolve("ner/topic/en")).resolve(name + ".tsv");
    Files.writeString(ner, tsv);
  }

  @Test
  void learnedKnowledgeIsWrittenIntoTheDataDirectoryAndUsedByIngest() throws Exception {
    Path corpus = tmp.resolve("corpus");
    for (int i = 0; i < 3; i++) {
      annotated(corpus, "a" + i, "Talks resumed\nThe ministers of Zembla met Quorvath officials on day " + i + ".\n",
          "Zembla|LOC|LOC-Zembla", "Quorvath|ORG|ORG-Quorvath");
    }
    Path data = tmp.resolve("data");
    Cli learn = Cli.run("learn", "--data", data.toString(), "--ner", corpus.toString());
    assertEquals(0, learn.status(), learn.err());
    assertTrue(learn.out().contains("learned from 3 files in en"), learn.out());
    assertTrue(Files.isRegularFile(data.resolve("knowledge/learned-entities.bin")));

    Path news = Files.writeString(tmp.resolve("news.txt"), "Zembla news\nQuorvath signed a deal in Zembla on Monday.\n");
    assertEquals(0, Cli.run("ingest", "--data", data.toString(), news.toString()).status());
    JsonNode article = Json.read(Cli.run("articles", "--json", "--data", data.toString()).out().strip(), JsonNode.class);
    String entities = article.get("entities").toString();
    assertTrue(entities.contains("\"name\":\"Quorvath\",\"type\":\"ORG\""), entities);
    assertTrue(entities.contains("\"name\":\"Zembla\",\"type\":\"LOC\""), entities);
  }

  @Test
  void aFolderThatIsNoAnnotatedCorpusIsAOneLineError() {
    Cli learn = Cli.run("learn", "--data", tmp.resolve("data").toString(), "--ner", tmp.toString());
    assertEquals(1, learn.status());
    assertTrue(learn.err().contains("not an annotated corpus"), learn.err());
    assertEquals(1, learn.err().strip().lines().count(), learn.err());
  }

  @Test
  void ingestNamesAKnowledgeFileItCannotRead() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.bin"), "junk");
    Path news = Files.writeString(tmp.resolve("news.txt"), "Headline\nSome news of the day in a sentence.\n");
    Cli ingest = Cli.run("ingest", "--data", tmp.resolve("data").toString(), "--knowledge", bad.toString(),
        news.toString());
    assertEquals(1, ingest.status());
    assertTrue(ingest.err().contains(bad.toString()) && ingest.err().contains("not a Kronika knowledge file"),
        ingest.err());
  }
}
