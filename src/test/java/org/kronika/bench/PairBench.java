package org.kronika.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.kronika.Kronika;
import org.kronika.internal.Directories;
import org.kronika.model.Story;
import org.kronika.pipeline.Ingest;

/**
 * Scores story decisions on labelled news pairs in the SemEval-2022 Task 8 layout
 * ({@code pairs.tsv}: {@code id1 id2 lang1 lang2 overall …}, scores from 1, the same story, to
 * 4, unrelated; {@code articles/<id>.txt}). Every article is ingested, as one stream in the
 * order of the file names, into a fresh store with the shipped defaults; a pair with
 * {@code overall ≤ 1.5} should share a story, one with {@code overall ≥ 3} should not. Prints
 * same-event precision, recall and F1 per language pair and overall, for the pairs on even
 * rows (the half rules may be tuned on), the odd rows (kept for checking) and all.
 *
 * <p>Usage: {@code PairBench PAIRS_DIR [--failures] [--explain]}; {@code --failures} lists the
 * pairs decided wrongly with their titles; {@code --explain} also ingests each such pair alone,
 * the second article made to join the first's story, and prints why it would have;
 * {@code --similarities} prints that similarity for every pair, to set thresholds by;
 * {@code -Dstory.crossThreshold=X} tries another bar for stories across translated languages.
 */
public final class PairBench {
  private PairBench() {}

  /** One labelled pair. */
  record Pair(int row, String first, String second, String langs, double overall) {
    boolean same() {
      return overall <= 1.5;
    }

    boolean different() {
      return overall >= 3;
    }
  }

  /** Same-event decisions counted: true and false positives, false negatives, true negatives. */
  record Counts(int tp, int fp, int fn, int tn) {
    Counts plus(boolean gold, boolean predicted) {
      return new Counts(tp + (gold && predicted ? 1 : 0), fp + (!gold && predicted ? 1 : 0),
          fn + (gold && !predicted ? 1 : 0), tn + (!gold && !predicted ? 1 : 0));
    }

    double precision() {
      return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      return String.format("F1 %.3f (P %.3f R %.3f; same-event %d of %d together, dissimilar %d of %d together)",
          f1(), precision(), recall(), tp, tp + fn, fp, fp + tn);
    }
  }

  /** What the store decided for each article. */
  record Decisions(Map<String, String> story, Map<String, String> storyline, Map<String, String> title) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || !Files.isRegularFile(Path.of(args[0], "pairs.tsv"))) {
      System.err.println("usage: PairBench PAIRS_DIR [--failures] (a folder with pairs.tsv and articles/)");
      return;
    }
    Path dir = Path.of(args[0]);
    List<Pair> pairs = readPairs(dir.resolve("pairs.tsv"));
    long start = System.nanoTime();
    Decisions d = ingest(dir.resolve("articles"));
    System.out.printf("%d articles ingested in %.1f s%n", d.story().size(), (System.nanoTime() - start) / 1e9);
    for (String half : List.of("tune (even rows)", "check (odd rows)", "all")) {
      List<Pair> chosen = pairs.stream().filter(p -> half.startsWith("all") || (p.row() % 2 == 0) == half.startsWith("tune"))
          .toList();
      System.out.println("== " + half);
      print(chosen, d.story(), "stories");
      System.out.println("   storylines shared: " + score(chosen, d.storyline()).get("all"));
    }
    if (List.of(args).contains("--similarities")) {
      for (Pair p : pairs) {
        List<org.kronika.model.Why> whys = explain(dir.resolve("articles"), p);
        System.out.printf("similarity %s %.1f %s %.3f%n", p.langs(), p.overall(), p.row() % 2 == 0 ? "tune" : "check",
            whys.isEmpty() ? 0 : whys.get(0).story());
      }
    }
    if (List.of(args).contains("--failures")) {
      for (Pair p : pairs) {
        boolean together = together(p, d.story());
        if ((p.same() && !together) || (p.different() && together)) {
          System.out.printf("  %s %s %s %.1f %s%n     %s%n     %s%n", p.langs(), p.first(), p.second(), p.overall(),
              together ? "together" : "apart", d.title().get(p.first()), d.title().get(p.second()));
          if (List.of(args).contains("--explain")) {
            System.out.println("     " + explain(dir.resolve("articles"), p));
          }
        }
      }
    }
  }

  private static void print(List<Pair> pairs, Map<String, String> groups, String what) {
    score(pairs, groups).forEach((langs, c) -> System.out.println("   " + what + " " + langs + ": " + c));
  }

  /** Counts per language pair and for all pairs; pairs between 1.5 and 3 are not counted. */
  static Map<String, Counts> score(List<Pair> pairs, Map<String, String> groups) {
    Map<String, Counts> out = new TreeMap<>();
    for (Pair p : pairs) {
      if (!p.same() && !p.different()) {
        continue;
      }
      boolean together = together(p, groups);
      out.merge(p.langs(), new Counts(0, 0, 0, 0).plus(p.same(), together), PairBench::sum);
      out.merge("all", new Counts(0, 0, 0, 0).plus(p.same(), together), PairBench::sum);
    }
    return out;
  }

  private static Counts sum(Counts a, Counts b) {
    return new Counts(a.tp() + b.tp(), a.fp() + b.fp(), a.fn() + b.fn(), a.tn() + b.tn());
  }

  private static boolean together(Pair p, Map<String, String> groups) {
    String a = groups.get(p.first());
    return a != null && a.equals(groups.get(p.second()));
  }

  static List<Pair> readPairs(Path tsv) throws IOException {
    List<Pair> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv);
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t");
      if (f.length >= 5) {
        out.add(new Pair(i - 1, f[0], f[1], f[2] + "-" + f[3], Double.parseDouble(f[4])));
      }
    }
    return out;
  }

  /** The why of the pair's second article, made to join the first's story in a store of the two alone. */
  private static List<org.kronika.model.Why> explain(Path articles, Pair p) throws IOException {
    Path data = Files.createTempDirectory("kronika-pairbench");
    try {
      org.kronika.story.StoryStage joinAll = new org.kronika.story.StoryStage(
          org.kronika.story.StoryAssigner.Options.STORY.withThreshold(0), org.kronika.story.StoryAssigner.Options.STORYLINE);
      try (Kronika k = Kronika.openForIngest(data, joinAll)) {
        k.ingest(List.of(articles.resolve(p.first() + ".txt"), articles.resolve(p.second() + ".txt")),
            Ingest.Options.defaults(), r -> { });
      }
      List<org.kronika.model.Why> whys = new ArrayList<>();
      try (Kronika k = Kronika.openForReading(data)) {
        k.forEachArticle(a -> {
          if (a.why() != null) {
            whys.add(a.why());
          }
        });
      }
      return whys;
    } finally {
      Directories.deleteTree(data);
    }
  }

  /** The shipped story stage, its cross-language bar overridden by {@code -Dstory.crossThreshold}. */
  private static org.kronika.story.StoryStage stage() {
    org.kronika.story.StoryAssigner.Options story = org.kronika.story.StoryAssigner.Options.STORY;
    String cross = System.getProperty("story.crossThreshold");
    if (cross != null) {
      story = story.withCrossThreshold(Double.parseDouble(cross));
    }
    return new org.kronika.story.StoryStage(story, org.kronika.story.StoryAssigner.Options.STORYLINE);
  }

  /** Ingests every article into a fresh store; returns each article's story and storyline, by file name. */
  static Decisions ingest(Path articles) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(articles)) {
      files = list.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    Path data = Files.createTempDirectory("kronika-pairbench");
    try {
      try (Kronika k = Kronika.openForIngest(data, stage())) {
        k.ingest(files, Ingest.Options.defaults(), r -> System.err.println("rejected " + r));
      }
      Map<String, String> story = new HashMap<>();
      Map<String, String> storyline = new HashMap<>();
      Map<String, String> title = new HashMap<>();
      try (Kronika k = Kronika.openForReading(data)) {
        Map<String, String> nameOf = new HashMap<>();
        k.forEachArticle(a -> {
          String name = Path.of(a.source()).getFileName().toString().replaceFirst("\\.txt$", "");
          nameOf.put(a.id(), name);
          title.put(name, a.title());
        });
        for (Story s : k.stories()) {
          for (String id : s.articles()) {
            story.put(nameOf.get(id), s.id());
            storyline.put(nameOf.get(id), s.storyline() != null ? s.storyline() : s.id());
          }
        }
      }
      return new Decisions(story, storyline, title);
    } finally {
      Directories.deleteTree(data);
    }
  }
}
