package org.kronika.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kronika.Kronika;
import org.kronika.internal.Directories;
import org.kronika.model.Story;
import org.kronika.pipeline.Ingest;
import org.kronika.story.StoryAssigner;
import org.kronika.story.StoryStage;

/**
 * Scores stories and storylines on the SlavicNER corpus, whose seven topics are long-running
 * storylines reported in six languages: each subset (all, the cross-topic train split, the
 * test split) is ingested into a fresh store and its stories and storylines are compared with
 * the topics, BCubed and pairwise, all languages pooled. Stories should never mix two topics
 * (precision); storylines should gather each topic (F1).
 *
 * <p>Usage: {@code StoryBench [SLAVICNER_DIR] [all|train|test]...}; the system properties
 * {@code story.threshold}, {@code storyline.threshold}, {@code storyline.merge} and
 * {@code storyline.dated} ({@link StoryAssigner.Options#datedToFade}) override the tuned thresholds.
 * The corpus is ingested folder by folder, one topic in one language after another, unless
 * {@code -Dorder=interleaved}: then one file of each folder in turn, as a live stream mixes its
 * sources, which puts every topic in play at once; or {@code -Dorder=shuffled}
 * ({@code -Dseed=N}): a random order, the corpus having no dates to order it by; or
 * {@code -Dorder=partitioned} ({@code -Dseed=N}): the order in which cluster workers take the
 * corpus from a log partitioned by site, each site's files in runs of a worker's batch. The
 * largest storylines are printed with the topics and languages they hold. With
 * {@code -Dlearned=true} each store first learns entities from the cross-topic training split,
 * as {@code kronika learn} does; by default it measures what ships. With {@code -Dkeep=DIR} the
 * store is moved to DIR (not existing yet, on the temporary directory's file system) instead of
 * deleted, to read its storylines and their {@code why} afterwards (one subset per run).
 */
public final class StoryBench {
  private StoryBench() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/bench/corpus/slavicner");
    if (!Files.isDirectory(corpus.resolve("raw"))) {
      System.err.println("no SlavicNER corpus at " + corpus + ": nothing to score");
      return;
    }
    List<String> subsets = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("train", "test", "all");
    for (String subset : subsets) {
      run(corpus, subset);
    }
  }

  /** Stories and storylines scored against the topics. */
  record Scores(Clustering stories, Clustering storylines) {}

  private static void run(Path corpus, String subset) throws IOException {
    List<Path> files = inOrder(files(corpus, subset));
    long start = System.nanoTime();
    StoryAssigner.Options storyOptions = withThreshold(StoryAssigner.Options.STORY, "story.threshold");
    StoryAssigner.Options storylineOptions = withThreshold(StoryAssigner.Options.STORYLINE, "storyline.threshold");
    measure(corpus, files, new StoryStage(storyOptions, storylineOptions), Boolean.getBoolean("learned"), subset, start);
  }

  /**
   * Ingests {@code files} into a fresh store (after learning from the training split when
   * {@code learned}), prints the figures when {@code subset} names them (else prints nothing) and
   * returns the scores.
   */
  static Scores measure(Path corpus, List<Path> files, StoryStage stage, boolean learned, String subset, long start)
      throws IOException {
    Path data = Files.createTempDirectory("kronika-storybench");
    if (learned) {
      org.kronika.entity.EntityStage.learn(corpus, corpus.resolve("SPLIT_cross-topic_train.txt"),
          Kronika.learnedEntities(data));
    }
    try (Kronika k = Kronika.openForIngest(data, stage)) {
      k.ingest(files, Ingest.Options.defaults(), r -> System.err.println("rejected " + r));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, String> topic = new HashMap<>();
    Map<String, String> story = new HashMap<>();
    Map<String, String> storyline = new HashMap<>();
    Map<String, Path> sourceOf = new HashMap<>();
    List<Story> stories;
    try (Kronika k = Kronika.openForReading(data)) {
      k.forEachArticle(a -> {
        Path p = Path.of(a.source());
        sourceOf.put(a.id(), p);
        topic.put(a.id(), p.getParent().getParent().getFileName().toString());
      });
      stories = k.stories();
    }
    String keep = System.getProperty("keep");
    if (keep != null) {
      Files.move(data, Path.of(keep));
    } else {
      Directories.deleteTree(data);
    }
    int multilingualStories = 0;
    Map<String, java.util.Set<String>> storylineLangs = new HashMap<>();
    for (Story s : stories) {
      String line = s.storyline() != null ? s.storyline() : s.id();
      for (String id : s.articles()) {
        story.put(id, s.id());
        storyline.put(id, line);
      }
      if (s.languages().size() > 1) {
        multilingualStories++;
      }
      storylineLangs.computeIfAbsent(line, x -> new java.util.TreeSet<>()).addAll(s.languages());
    }
    Scores scores = new Scores(Clustering.score(story, topic), Clustering.score(storyline, topic));
    if (subset == null) {
      return scores;
    }
    long multilingualStorylines = storylineLangs.values().stream().filter(l -> l.size() > 1).count();
    System.out.printf("== %s: %d articles ingested in %.1f s (%.0f articles/s)%n", subset, topic.size(), seconds,
        topic.size() / seconds);
    System.out.println("stories    vs topics: " + scores.stories());
    System.out.println("storylines vs topics: " + scores.storylines());
    System.out.printf("stories spanning several languages: %d of %d; storylines: %d of %d%n", multilingualStories,
        stories.size(), multilingualStorylines, storylineLangs.size());
    printLargestMixed(stories, topic);
    printLargestStorylines(storyline, topic, sourceOf);
    return scores;
  }

  private static StoryAssigner.Options withThreshold(StoryAssigner.Options o, String property) {
    StoryAssigner.Options tuned = o.withThreshold(Double.parseDouble(System.getProperty(property, String.valueOf(o.threshold()))));
    String merge = System.getProperty(property.replace("threshold", "merge"));
    tuned = merge == null ? tuned : tuned.withMergeThreshold(Double.parseDouble(merge));
    String dated = System.getProperty(property.replace("threshold", "dated"));
    return dated == null ? tuned : tuned.withDatedToFade(Integer.parseInt(dated));
  }

  /** The largest storylines with their topics and languages, to see which subjects they mix. */
  private static void printLargestStorylines(Map<String, String> storyline, Map<String, String> topic,
                                             Map<String, Path> sourceOf) {
    Map<String, Map<String, Integer>> mix = new HashMap<>();
    storyline.forEach((id, line) -> mix.computeIfAbsent(line, k -> new java.util.TreeMap<>())
        .merge(topic.get(id) + "/" + sourceOf.get(id).getParent().getFileName(), 1, Integer::sum));
    mix.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> -e.getValue().values().stream().mapToInt(Integer::intValue).sum()))
        .limit(Integer.getInteger("storylines.shown", 10))
        .forEach(e -> System.out.println("  storyline " + e.getKey() + " "
            + e.getValue().values().stream().mapToInt(Integer::intValue).sum() + ": " + e.getValue()));
  }

  /** The largest stories that mix topics, to see what goes wrong. */
  private static void printLargestMixed(List<Story> stories, Map<String, String> topic) {
    int shown = 0;
    for (Story s : stories) {
      Map<String, Integer> topics = new HashMap<>();
      s.articles().forEach(id -> topics.merge(topic.get(id), 1, Integer::sum));
      if (topics.size() > 1 && shown++ < 5) {
        System.out.println("  mixed story (" + s.articles().size() + " articles) " + topics + ": " + s.title());
      }
    }
  }

  /**
   * The files in the order {@code -Dorder} asks for: {@code interleaved}, {@code shuffled} (by
   * {@code -Dseed}, default 1), {@code partitioned} (by {@code -Dseed}), else as listed (folder by
   * folder).
   */
  static List<Path> inOrder(List<Path> files) {
    String order = System.getProperty("order", "folders");
    if (order.equals("interleaved")) {
      return interleaved(files);
    }
    if (order.equals("partitioned")) {
      return partitioned(files, new java.util.Random(Long.getLong("seed", 1)));
    }
    if (order.equals("shuffled")) {
      return shuffled(files, Long.getLong("seed", 1));
    }
    return files;
  }

  /** The files in a random order, as a live stream mixes its sources. */
  static List<Path> shuffled(List<Path> files, long seed) {
    List<Path> shuffled = new ArrayList<>(files);
    java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
    return shuffled;
  }

  /**
   * As cluster workers read a log partitioned by site: the folders (sites) dealt at random to
   * {@value #PARTITIONS} partitions, each read in its own order, {@code -Dchunk} files (default
   * 200, a worker's batch) from one partition at a time, the partitions taken at random.
   */
  private static List<Path> partitioned(List<Path> files, java.util.Random random) {
    List<java.util.ArrayDeque<Path>> partitions = new ArrayList<>();
    for (int i = 0; i < PARTITIONS; i++) {
      partitions.add(new java.util.ArrayDeque<>());
    }
    Map<Path, Integer> partitionOf = new HashMap<>();
    files.forEach(f -> partitions.get(partitionOf.computeIfAbsent(f.getParent(), k -> random.nextInt(PARTITIONS))).add(f));
    List<Path> out = new ArrayList<>(files.size());
    while (out.size() < files.size()) {
      java.util.ArrayDeque<Path> partition = partitions.get(random.nextInt(PARTITIONS));
      for (int i = 0; i < CHUNK && !partition.isEmpty(); i++) {
        out.add(partition.poll());
      }
    }
    return out;
  }

  private static final int PARTITIONS = 4;
  private static final int CHUNK = Integer.getInteger("chunk", 200);

  /** One file of each folder in turn, the folders in order, until all are taken. */
  private static List<Path> interleaved(List<Path> files) {
    Map<Path, java.util.ArrayDeque<Path>> byFolder = new java.util.TreeMap<>();
    files.forEach(f -> byFolder.computeIfAbsent(f.getParent(), k -> new java.util.ArrayDeque<>()).add(f));
    List<Path> out = new ArrayList<>(files.size());
    while (out.size() < files.size()) {
      for (java.util.ArrayDeque<Path> folder : byFolder.values()) {
        if (!folder.isEmpty()) {
          out.add(folder.poll());
        }
      }
    }
    return out;
  }

  static List<Path> files(Path corpus, String subset) throws IOException {
    if (subset.equals("all")) {
      try (Stream<Path> walk = Files.walk(corpus.resolve("raw"))) {
        return walk.filter(Files::isRegularFile).sorted().toList();
      }
    }
    Path list = corpus.resolve("SPLIT_cross-topic_" + subset + ".txt");
    List<Path> out = new ArrayList<>();
    for (String line : Files.readAllLines(list)) {
      if (!line.isBlank()) {
        out.add(corpus.resolve(line.strip()));
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

}
