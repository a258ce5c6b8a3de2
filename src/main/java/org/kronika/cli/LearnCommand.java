package org.kronika.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kronika.Kronika;
import org.kronika.entity.EntityStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "learn", mixinStandardHelpOptions = true,
    description = {"Learns entity knowledge from a corpus annotated with names, for later ingests to use.",
        "The corpus is laid out as SlavicNER/BSNLP lays it out: raw/<folders>/<lang>/<name>.txt holds an article "
            + "and ner/<folders>/<lang>/<name>.tsv its names, one a line, tab-separated: start and end offsets in "
            + "code points, surface, lemma, type (PER, ORG, LOC, EVT or PRO) and an id shared across languages.",
        "The knowledge is written into the data directory, where ingest reads it, or to --knowledge FILE (then "
            + "give ingest the same option).",
        "Kronika works without it, from what it ships with and what it learns from the news it reads. "
            + "Articles stored before are not changed."})
final class LearnCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Spec CommandSpec spec;

  @Option(names = "--ner", paramLabel = "DIR", required = true, description = "The annotated corpus.")
  Path corpus;

  @Option(names = "--split", paramLabel = "FILE",
      description = "Learn only from the raw files this file lists, one path (raw/…) a line (default: all).")
  Path split;

  @Option(names = "--knowledge", paramLabel = "FILE",
      description = "Write the knowledge to this file instead of the data directory.")
  Path knowledge;

  @Override
  public Integer call() throws Exception {
    Path dir = data.directoryOnly("learn writes into a data directory or a --knowledge file; give that file to each "
        + "worker's ingest");
    if (split != null && !Files.isRegularFile(split)) {
      throw new IllegalArgumentException(split + ": no such split file");
    }
    Path out = knowledge != null ? knowledge : Kronika.learnedEntities(dir);
    long start = System.nanoTime();
    EntityStage.Learned learned = EntityStage.learn(corpus, split, out);
    spec.commandLine().getOut().printf("learned from %d files in %s: %d names; written to %s in %.1f s%n",
        learned.files(), String.join(", ", learned.languages()), learned.names(), out,
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
