package org.kronika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses and messages, as the contract fixes them. */
class CommandLineTest {
  @TempDir Path tmp;

  @Test
  void ingestFailsOnlyWhenNothingAtAllCouldBeRead() throws Exception {
    Path data = tmp.resolve("data");
    Cli missing = Cli.run("ingest", "--data", data.toString(), tmp.resolve("nowhere").toString());
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("nowhere: no such file or directory"), missing.err());
    assertEquals("read 0, stored 0, duplicates 0, already stored 0, rejected 1", missing.out().strip());

    Path good = Files.writeString(tmp.resolve("good.txt"), "Headline\nSome news of the day in a sentence.\n");
    Cli mixed = Cli.run("ingest", "--data", data.toString(), good.toString(), tmp.resolve("nowhere").toString());
    assertEquals(0, mixed.status());
    assertTrue(mixed.out().contains("stored 1"), mixed.out());
  }

  @Test
  void readingANonexistentDataDirectoryIsAOneLineError() {
    Cli r = Cli.run("stories", "--data", tmp.resolve("none").toString());
    assertEquals(2, r.status());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("no data directory"), r.err());
  }

  @Test
  void badOptionsAreRejected() {
    assertTrue(Cli.run("search", "--limit", "0", "x").status() != 0);
    assertTrue(Cli.run("ingest", "--no-such-option", "x").status() != 0);
  }
}
