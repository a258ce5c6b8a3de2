package org.kronika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void oneHostileFileNeverEndsAnIngest() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a-good.txt"), "Headline\nSome news of the day in a sentence.\n");
    Files.writeString(in.resolve("b-deep.atom"), org.kronika.input.HostileInputTest.deepAtom(3000));
    Cli r = Cli.run("ingest", "--data", tmp.resolve("data").toString(), in.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("read 1, stored 1, duplicates 0, already stored 0, rejected 1", r.out().strip());
    assertTrue(r.err().contains("b-deep.atom: XML nested deeper than the limit of 256 elements"), r.err());
  }

  @Test
  void aSecondWriterIsToldWhoHoldsTheDataDirectory() throws Exception {
    Path data = tmp.resolve("data");
    Path good = Files.writeString(tmp.resolve("good.txt"), "Headline\nSome news of the day in a sentence.\n");
    try (org.kronika.Kronika writer = org.kronika.Kronika.openForIngest(data)) {
      Cli r = Cli.run("ingest", "--data", data.toString(), good.toString());
      assertTrue(r.status() != 0);
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains("another process is writing this data directory (this very process, "
          + ProcessHandle.current().pid()), r.err());
    }
  }

  @Test
  void aReadOnlyDataDirectoryIsSaidToBeOne() throws Exception {
    Path data = tmp.resolve("data");
    Path good = Files.writeString(tmp.resolve("good.txt"), "Headline\nSome news of the day in a sentence.\n");
    assertEquals(0, Cli.run("ingest", "--data", data.toString(), good.toString()).status());
    Path index = data.resolve("index");
    boolean root = "root".equals(System.getProperty("user.name"));
    // root ignores permissions: the immutable attribute (ext4 and others) stands in for a read-only mount
    Process p = new ProcessBuilder(root ? List.of("chattr", "+i", index.toString(), index.resolve("write.lock").toString())
        : List.of("chmod", "-R", "a-w", index.toString())).redirectErrorStream(true).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "cannot make a directory read-only here");
    try {
      Cli r = Cli.run("ingest", "--data", data.toString(), good.toString());
      assertTrue(r.status() != 0);
      assertTrue(r.err().contains("cannot write to the data directory"), r.err());
    } finally {
      new ProcessBuilder(root ? List.of("chattr", "-i", index.toString(), index.resolve("write.lock").toString())
          : List.of("chmod", "-R", "u+w", index.toString())).start().waitFor();
    }
  }

  @Test
  void readingANonexistentDataDirectoryIsAOneLineError() {
    Cli r = Cli.run("stories", "--data", tmp.resolve("none").toString());
    assertEquals(1, r.status(), "a failure, not a usage error");
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("no data directory"), r.err());
  }

  @Test
  void benchReportsEachRoundThenColdAndSteadyRates() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Budget passes\nParliament passed the budget on Monday after a long debate.\n");
    Files.writeString(corpus.resolve("b.txt"), "Storm hits coast\nA storm closed roads and ports along the northern coast.\n");
    Cli r = Cli.run("bench", "--rounds", "2", "--data", tmp.resolve("bench").toString(), corpus.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("round 1 of 2 (cold") && r.out().contains("round 2 of 2"), r.out());
    assertEquals(2, r.out().lines().filter(l -> l.startsWith("read 2, stored 2")).count(), r.out());
    assertTrue(r.out().contains("cold (round 1): ") && r.out().contains("steady state (median of rounds 2-2): "), r.out());
    assertTrue(Files.isDirectory(tmp.resolve("bench").resolve("round-2")), "the last round's store is kept with --data");
    assertTrue(Cli.run("bench", "--rounds", "0", corpus.toString()).status() != 0);
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, Cli.run("search", "--limit", "0", "x").status());
    assertEquals(2, Cli.run("ingest", "--no-such-option", "x").status());
    Cli both = Cli.run("stories", "--data", tmp.toString(), "--cluster", tmp.resolve("c.properties").toString());
    assertEquals(2, both.status());
    assertTrue(both.err().contains("--data and --cluster exclude each other"), both.err());
  }

  @Test
  void helpReadsAsWholeSentencesAndGivesTheExitStatuses() {
    for (String command : new String[] {"ingest", "articles", "stories", "storylines", "search", "serve", "learn",
        "watch", "sources", "worker", "bench"}) {
      Cli r = Cli.run(command, "--help");
      assertEquals(0, r.status(), command);
      assertTrue(r.out().contains("Exit status:") && r.out().contains("2   A usage error"), command + ": " + r.out());
    }
    // the command list shows each command's first description line, wrapped: it must be a whole sentence
    String list = Cli.run("--help").out();
    list = list.substring(list.indexOf("Commands:"), list.indexOf("Exit status:"));
    for (String entry : list.replaceAll("\n {5,}", " ").lines().skip(1).filter(l -> !l.isBlank()).toList()) {
      assertTrue(entry.endsWith("."), entry);
    }
    assertTrue(Cli.run("--version").out().startsWith("kronika "), "a version");
  }

  @Test
  void alertsAreSavedListedAndRemoved() throws Exception {
    Path data = tmp.resolve("alerts-data");
    Path news = Files.writeString(tmp.resolve("dam.txt"), "Amberfield dam\nEngineers inspected the Amberfield dam on Monday after cracks appeared in its wall.\n");
    assertEquals(0, Cli.run("ingest", "--data", data.toString(), news.toString()).status());
    Cli added = Cli.run("alerts", "add", "--data", data.toString(), "--webhook", "http://127.0.0.1:9/hook", "Amberfield", "dam");
    assertEquals(0, added.status(), added.err());
    String id = added.out().strip();
    Cli list = Cli.run("alerts", "list", "--data", data.toString());
    assertTrue(list.out().contains(id + "  Amberfield dam  -> http://127.0.0.1:9/hook"), list.out());
    assertTrue(list.out().contains("0 notices waiting"), list.out());
    Cli ftp = Cli.run("alerts", "add", "--data", data.toString(), "--webhook", "ftp://x/y", "dam");
    assertEquals(1, ftp.status());
    assertTrue(ftp.err().contains("a webhook is an http or https URL"), ftp.err());
    assertEquals(2, Cli.run("alerts", "list", "--cluster", tmp.resolve("c.properties").toString()).status());
    Cli wrongId = Cli.run("alerts", "remove", "--data", data.toString(), "nope");
    assertEquals(1, wrongId.status());
    assertTrue(wrongId.err().contains("no alert nope"), wrongId.err());
    assertEquals(0, Cli.run("alerts", "remove", "--data", data.toString(), id).status());
  }
}
