package org.kronika.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kronika.analysis.Analysis;
import org.kronika.analysis.TextAnalyzer;
import org.kronika.entity.EntityStage;
import org.kronika.entity.Mention;

/**
 * Measures the entity stage on the SlavicNER corpus's cross-topic test split: per language,
 * mention precision, recall and F1 for PER, ORG and LOC (exact span and type; gold EVT and PRO
 * and our MISC are left out), lemma accuracy over the gold PER/ORG/LOC mentions found with the
 * right span, and cross-lingual linking as pairwise F1 over those mentions (two share a
 * predicted id exactly when they share the gold id), and the time the stage adds per article
 * (the thread's CPU time, which other work on the machine inflates less, and wall clock), on the
 * test split and then on every article of the corpus.
 * Gold offsets count code points of the whole raw file, title line included; they are mapped
 * to Java chars, and the whole file is analysed as one text so that offsets line up.
 *
 * <p>Usage: {@code EntityBench CORPUS_DIR [--learned] [--no-stream] [--seed N] [--errors N] [--split FILE] [--learn-from FILE]}. By
 * default it measures what ships as a user gets it: the whole raw corpus is first ingested, as
 * an unlabelled stream in a shuffled order ({@code --seed}, default 1), into a fresh data
 * directory, and the test split is then scored with what that ingest learned (what the stream
 * taught and the entities the store remembers); {@code --no-stream} scores the stage fresh.
 * {@code --learned} first learns from the cross-topic training split as
 * {@code kronika learn --ner CORPUS_DIR --split SPLIT_cross-topic_train.txt} does. With
 * {@code -Dkeep=true} the stream's data directory is kept and named. {@code --split} scores
 * another list of files than the test split, or several after one ingest (comma-separated; the
 * stage learns nothing while scoring): tune rules on the training split's errors and keep the
 * test split for checking; {@code --learn-from} learns from another list than the training
 * split (a list of some topics' training files, scored on another topic's, tunes what is
 * learned without the test split).
 */
public final class EntityBench {
  private static final Set<String> TYPES = Set.of("PER", "ORG", "LOC");
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private record Gold(int start, int end, String surface, String lemma, String type, String id) {}

  /** Counts for one language, or all. */
  private static final class Tally {
    int tp;
    int fp;
    int fn;
    int lemmaRight;
    int lemmaTotal;
    final Map<String, Map<String, Integer>> links = new HashMap<>(); // gold id → predicted id → n
    final Map<String, Integer> falsePositives = new HashMap<>();
    final Map<String, Integer> falseNegatives = new HashMap<>();
    final Map<String, Integer> wrongLemmas = new HashMap<>();
  }

  private EntityBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: EntityBench CORPUS_DIR [--learned] [--no-stream] [--seed N] [--errors N] [--split FILE] [--learn-from FILE]");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    boolean learn = false;
    boolean stream = true;
    long seed = 1;
    int errors = 0;
    String split = "SPLIT_cross-topic_test.txt";
    String learnFrom = "SPLIT_cross-topic_train.txt";
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--learned")) {
        learn = true;
      } else if (args[i].equals("--no-stream")) {
        stream = false;
      } else if (args[i].equals("--seed") && i + 1 < args.length) {
        seed = Long.parseLong(args[++i]);
      } else if (args[i].equals("--errors") && i + 1 < args.length) {
        errors = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--split") && i + 1 < args.length) {
        split = args[++i];
      } else if (args[i].equals("--learn-from") && i + 1 < args.length) {
        learnFrom = args[++i];
      }
    }
    measure(root, learn ? learnFrom : null, stream, seed, errors, split, System.out);
  }

  /** Mention F1, lemma accuracy and linking F1 of one language, or of all ("all"). */
  public record Scores(double f1, double lemma, double linkF1) {}

  /**
   * Measures as {@link EntityBench} describes, printing the table (and the {@code errors} most
   * frequent errors of each kind) to {@code out}; returns the scores by language, "all" included, of the last split named.
   */
  public static Map<String, Scores> measure(Path root, String learnFrom, boolean stream, long seed, int errors,
                                            String split, java.io.PrintStream out) throws IOException {
    TextAnalyzer analyzer = new TextAnalyzer();
    Path learned = null;
    if (learnFrom != null) {
      learned = Files.createTempFile("kronika-entitybench", ".bin");
      learned.toFile().deleteOnExit();
      EntityStage.learn(root, root.resolve(learnFrom), learned);
    }
    EntityStage stage = new EntityStage(learned, org.kronika.entity.KnownEntities.NONE, null);
    org.kronika.store.LuceneStore store = null;
    Path data = null;
    if (stream) {
      data = Files.createTempDirectory("kronika-entitybench");
      List<Path> files;
      try (var walk = Files.walk(root.resolve("raw"))) {
        files = new ArrayList<>(walk.filter(f -> f.toString().endsWith(".txt")).sorted().toList());
      }
      java.util.Collections.shuffle(files, new java.util.Random(seed));
      if (learned != null) {
        Files.createDirectories(org.kronika.Kronika.learnedEntities(data).getParent());
        Files.copy(learned, org.kronika.Kronika.learnedEntities(data));
      }
      long s = System.nanoTime();
      try (org.kronika.Kronika k = org.kronika.Kronika.openForIngest(data)) {
        out.println(k.ingest(files, org.kronika.pipeline.Ingest.Options.defaults(),
            r -> out.println("rejected " + r)).summary());
      }
      out.printf("stream: the whole raw corpus ingested in a shuffled order (seed %d) in %.1f s%n", seed,
          (System.nanoTime() - s) / 1e9);
      store = org.kronika.store.LuceneStore.openForReading(data);
      stage = new EntityStage(learned, store, data.resolve("knowledge").resolve("stream-entities.bin"));
    }
    Map<String, Scores> scores = new TreeMap<>();
    for (String one : split.split(",")) {
      scores = scoreSplit(root, one, analyzer, stage, errors, out);
    }
    timeWholeCorpus(root, analyzer, stage, out);
    if (store != null) {
      store.close();
      if (Boolean.getBoolean("keep")) {
        out.println("data directory kept: " + data);
      } else {
        org.kronika.internal.Directories.deleteTree(data);
      }
    }
    return scores;
  }

  /** Scores the files listed in {@code split} with the stage as it now is, printing the table and the most frequent errors. */
  private static Map<String, Scores> scoreSplit(Path root, String split, TextAnalyzer analyzer, EntityStage stage,
                                                int errors, java.io.PrintStream out) throws IOException {
    out.println("split: " + split);
    Map<String, Tally> byLang = new TreeMap<>();
    Tally all = new Tally();
    long stageNanos = 0;
    long stageCpuNanos = 0;
    int articles = 0;
    for (String file : Files.readAllLines(root.resolve(split))) {
      file = file.trim();
      if (file.isEmpty()) {
        continue;
      }
      String lang = file.split("/")[2];
      String text = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
      List<Gold> gold = readGold(root.resolve(file.replaceFirst("^raw/", "ner/").replaceFirst("\\.txt$", ".tsv")), text);
      Analysis analysis = analyzer.analyze(lang, "", text);
      long s = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      stage.apply(analysis);
      stageCpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
      stageNanos += System.nanoTime() - s;
      articles++;
      List<Mention> found = stage.mentions(analysis.body(), lang);
      Tally tally = byLang.computeIfAbsent(lang, l -> new Tally());
      score(gold, found, tally);
      score(gold, found, all);
    }

    out.printf("%-4s %6s %6s %6s  %6s %6s  %6s %6s %6s%n",
        "lang", "P", "R", "F1", "lemma", "(n)", "linkP", "linkR", "linkF1");
    Map<String, Scores> scores = new TreeMap<>();
    byLang.forEach((lang, t) -> scores.put(lang, print(out, lang, t)));
    scores.put("all", print(out, "all", all));
    out.printf("entities+quotes, this split (first pass, JIT warming): %.3f ms/article CPU time, "
        + "%.3f ms wall clock, over %d articles%n", stageCpuNanos / 1e6 / articles, stageNanos / 1e6 / articles, articles);
    for (Map.Entry<String, Tally> e : byLang.entrySet()) {
      if (errors > 0) {
        out.println("== " + e.getKey() + " false positives: " + top(e.getValue().falsePositives, errors));
        out.println("== " + e.getKey() + " false negatives: " + top(e.getValue().falseNegatives, errors));
        out.println("== " + e.getKey() + " wrong lemmas: " + top(e.getValue().wrongLemmas, errors));
        out.println("== " + e.getKey() + " split entities: " + splits(e.getValue().links, errors));
      }
    }
    return scores;
  }

  /** Times the stage alone (not the analysis before it) on every article of the corpus. */
  private static void timeWholeCorpus(Path root, TextAnalyzer analyzer, EntityStage stage, java.io.PrintStream out)
      throws IOException {
    List<Path> files;
    try (var walk = Files.walk(root.resolve("raw"))) {
      files = walk.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    long cpuNanos = 0;
    long wallNanos = 0;
    for (Path file : files) {
      String lang = root.resolve("raw").relativize(file).getName(1).toString();
      Analysis analysis = analyzer.analyze(lang, "", Files.readString(file, StandardCharsets.UTF_8));
      long s = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      stage.apply(analysis);
      cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
      wallNanos += System.nanoTime() - s;
    }
    out.printf("entities+quotes, whole corpus: %.3f ms/article CPU time, %.3f ms wall clock, over %d articles%n",
        cpuNanos / 1e6 / files.size(), wallNanos / 1e6 / files.size(), files.size());
  }

  private static List<Gold> readGold(Path tsv, String text) throws IOException {
    List<Gold> out = new ArrayList<>();
    if (!Files.isRegularFile(tsv)) {
      return out;
    }
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (f.length < 6) {
        continue;
      }
      int start = text.offsetByCodePoints(0, Integer.parseInt(f[0]));
      int end = text.offsetByCodePoints(start, Integer.parseInt(f[1]) - Integer.parseInt(f[0]));
      out.add(new Gold(start, end, f[2], f[3], f[4], f[5]));
    }
    return out;
  }

  private static void score(List<Gold> gold, List<Mention> found, Tally t) {
    Map<Long, Mention> foundAt = new HashMap<>();
    Map<Long, String> goldTypeAt = new HashMap<>();
    for (Mention m : found) {
      foundAt.put(span(m.start(), m.end()), m);
    }
    for (Gold g : gold) {
      goldTypeAt.put(span(g.start(), g.end()), g.type());
      Mention m = foundAt.get(span(g.start(), g.end()));
      if (!TYPES.contains(g.type())) {
        continue;
      }
      if (m != null && m.type().name().equals(g.type())) {
        t.tp++;
      } else {
        t.fn++;
        t.falseNegatives.merge(g.type() + ":" + g.surface() + (m == null ? "" : "→" + m.type()), 1, Integer::sum);
      }
      if (m != null) {
        t.lemmaTotal++;
        if (m.lemma().equals(g.lemma())) {
          t.lemmaRight++;
        } else {
          t.wrongLemmas.merge(g.surface() + "→" + m.lemma() + " (gold " + g.lemma() + ")", 1, Integer::sum);
        }
        t.links.computeIfAbsent(g.id(), id -> new HashMap<>()).merge(m.id(), 1, Integer::sum);
      }
    }
    for (Mention m : found) {
      if (!TYPES.contains(m.type().name())) {
        continue;
      }
      String goldType = goldTypeAt.get(span(m.start(), m.end()));
      if (!m.type().name().equals(goldType)) {
        t.fp++;
        t.falsePositives.merge(m.type() + ":" + m.surface() + (goldType == null ? "" : "(gold " + goldType + ")"), 1, Integer::sum);
      }
    }
  }

  private static Scores print(java.io.PrintStream out, String lang, Tally t) {
    double p = ratio(t.tp, t.tp + t.fp);
    double r = ratio(t.tp, t.tp + t.fn);
    double[] link = pairwise(t.links);
    out.printf("%-4s %6.3f %6.3f %6.3f  %6.3f %6d  %6.3f %6.3f %6.3f%n", lang, p, r, f1(p, r),
        ratio(t.lemmaRight, t.lemmaTotal), t.lemmaTotal, link[0], link[1], f1(link[0], link[1]));
    return new Scores(f1(p, r), ratio(t.lemmaRight, t.lemmaTotal), f1(link[0], link[1]));
  }

  /** Pairwise precision and recall of the predicted clustering against the gold one. */
  private static double[] pairwise(Map<String, Map<String, Integer>> links) {
    double together = 0;
    Map<String, Integer> predicted = new HashMap<>();
    double goldPairs = 0;
    for (Map<String, Integer> row : links.values()) {
      int goldSize = 0;
      for (Map.Entry<String, Integer> cell : row.entrySet()) {
        together += pairs(cell.getValue());
        predicted.merge(cell.getKey(), cell.getValue(), Integer::sum);
        goldSize += cell.getValue();
      }
      goldPairs += pairs(goldSize);
    }
    double predictedPairs = 0;
    for (int n : predicted.values()) {
      predictedPairs += pairs(n);
    }
    return new double[] {ratio(together, predictedPairs), ratio(together, goldPairs)};
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static long span(int start, int end) {
    return (long) start * 1_000_003L + end; // Long hashes this well; start << 32 | end collides
  }

  /** The gold entities whose mentions got the most ids, each with its ids and their counts. */
  private static String splits(Map<String, Map<String, Integer>> links, int n) {
    return links.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .sorted(java.util.Comparator.comparingInt((Map.Entry<String, Map<String, Integer>> e) ->
            e.getValue().values().stream().mapToInt(Integer::intValue).sum()).reversed())
        .limit(n).map(e -> e.getKey() + "=" + e.getValue()).toList().toString();
  }

  private static String top(Map<String, Integer> counts, int n) {
    return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n).map(e -> e.getKey() + "×" + e.getValue()).toList().toString();
  }
}
