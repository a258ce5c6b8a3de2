package org.kronika.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.kronika.Kronika;
import org.kronika.entity.EntityStage;
import org.kronika.input.SourceDocument;
import org.kronika.internal.Directories;
import org.kronika.internal.Hashes;
import org.kronika.language.LanguageIdentifier;
import org.kronika.model.Article;
import org.kronika.pipeline.Ingest;
import org.kronika.pipeline.Pipeline;
import org.kronika.pipeline.Prepared;
import org.kronika.store.LuceneStore;
import org.kronika.story.ArticleFeatures;
import org.kronika.story.Feature;
import org.kronika.story.StoryStage;

/**
 * How ingest cost grows with the store: builds a SYNTHETIC stream of N articles from the
 * SlavicNER corpus (copies re-dated across three years, paragraphs shuffled and one dropped,
 * written to a temporary directory and deleted afterwards, never committed), ingests it in
 * chunks into one store, and prints per chunk the articles per second, the story stage's CPU
 * milliseconds per article, and the heap in use after a collection.
 *
 * <p>With {@code prepared} as fourth argument it measures the stages that depend on the store's
 * size alone, at a rate that makes a million articles an hour's run on two cores: each corpus
 * file goes through the per-article stages once (their cost does not depend on the store), and
 * the stream is made of copies of the prepared articles, re-dated as above, each with about an
 * eighth of its feature terms dropped and two bits of its fingerprint flipped, stored through
 * the same ingest session as files are.
 *
 * <p>Usage: {@code StoryScaleBench [SLAVICNER_RAW_DIR] [N=10000] [CHUNKS=10] [text|prepared]}
 */
public final class StoryScaleBench {
  private StoryScaleBench() {}

  public static void main(String[] args) throws IOException {
    Path raw = Path.of(args.length > 0 ? args[0] : "../shared/bench/corpus/slavicner/raw");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int chunks = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    boolean prepared = args.length > 3 && args[3].equals("prepared");
    if (!Files.isDirectory(raw)) {
      System.err.println("no SlavicNER corpus at " + raw + ": nothing to measure");
      return;
    }
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(raw)) {
      sources = walk.filter(Files::isRegularFile).sorted().toList();
    }
    if (prepared) {
      preparedStream(sources, n, chunks);
      return;
    }
    Path work = Files.createTempDirectory("kronika-scale");
    try (Kronika kronika = Kronika.openForIngest(work.resolve("data"))) {
      kronika.warmUp();
      System.out.printf("SYNTHETIC stream of %d articles from %d SlavicNER files, in %d chunks%n", n, sources.size(), chunks);
      printHeader();
      Random random = new Random(42);
      int perChunk = Math.max(1, n / chunks);
      for (int start = 0; start < n; start += perChunk) {
        Path chunk = Files.createDirectories(work.resolve("chunk-" + start));
        int end = Math.min(n, start + perChunk);
        for (int i = start; i < end; i++) {
          Files.writeString(chunk.resolve(String.format("synthetic-%08d.txt", i)),
              perturb(Files.readString(sources.get(i % sources.size())), i, n, random));
        }
        long storyBefore = kronika.stageTimes().snapshot().get(Pipeline.STORY);
        long t0 = System.nanoTime();
        Ingest.Report report = kronika.ingest(List.of(chunk), Ingest.Options.defaults(), r -> { });
        printChunk(end, report.stored() + report.duplicates(), System.nanoTime() - t0,
            kronika.stageTimes().snapshot().get(Pipeline.STORY) - storyBefore, work.resolve("data"));
        Directories.deleteTree(chunk);
      }
    } finally {
      Directories.deleteTree(work);
    }
  }

  private static void preparedStream(List<Path> sources, int n, int chunks) throws IOException {
    Path work = Files.createTempDirectory("kronika-scale");
    try (LuceneStore store = LuceneStore.openForWriting(work.resolve("data"))) {
      Pipeline pipeline = new Pipeline(LanguageIdentifier.standard(), new EntityStage(null, store, null));
      long t0 = System.nanoTime();
      List<Prepared> base = sources.parallelStream().map(p -> {
        try {
          SourceDocument doc = SourceDocument.text(p.toString(), Files.readString(p));
          return pipeline.prepare(doc, Pipeline.articleId(doc));
        } catch (IOException | Pipeline.EmptyArticleException e) {
          return null;
        }
      }).filter(java.util.Objects::nonNull).toList();
      System.out.printf("SYNTHETIC stream of %d prepared articles, copies of %d SlavicNER articles prepared in %.1f s,"
          + " in %d chunks%n", n, base.size(), (System.nanoTime() - t0) / 1e9, chunks);
      printHeader();
      Random random = new Random(42);
      Ingest ingest = new Ingest(pipeline, store, StoryStage.standard(), Ingest.Options.defaults());
      int perChunk = Math.max(1, n / chunks);
      try (Ingest.Session session = ingest.open(r -> { })) {
        for (int start = 0; start < n; start += perChunk) {
          int end = Math.min(n, start + perChunk);
          long storyBefore = pipeline.times().snapshot().get(Pipeline.STORY);
          long t1 = System.nanoTime();
          for (int i = start; i < end; i++) {
            session.accept(copy(base.get(i % base.size()), i, n, random));
          }
          session.commit();
          printChunk(end, end - start, System.nanoTime() - t1,
              pipeline.times().snapshot().get(Pipeline.STORY) - storyBefore, work.resolve("data"));
        }
      }
    } finally {
      Directories.deleteTree(work);
    }
  }

  private static void printHeader() {
    System.out.printf("%10s %12s %16s %10s %10s%n", "stored", "articles/s", "story+store ms", "heap MB", "store MB");
  }

  /**
   * One chunk's line: articles per second (wall clock, commits included), the placing thread's
   * CPU per article, the heap in use after a collection and the store's size.
   */
  private static void printChunk(int storedSoFar, long articles, long nanos, long storyCpuNanos, Path data)
      throws IOException {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf("%10d %12.0f %16.3f %10d %10d%n", storedSoFar, articles / (nanos / 1e9),
        storyCpuNanos / 1e6 / Math.max(1, articles), heap >> 20, Directories.size(data) >> 20);
  }

  /** Copy {@code i} of a prepared article: its own id and content, re-dated, some features dropped. */
  static Prepared copy(Prepared original, int i, int n, Random random) {
    Article a = original.article();
    String suffix = Integer.toString(i);
    Article article = new Article(Hashes.of(a.id(), suffix), a.source() + "#" + suffix, a.url(), a.lang(), date(i, n),
        a.title(), a.authors(), a.body(), a.entities(), a.quotes(), null, List.of(), Hashes.of(a.contentHash(), suffix),
        a.bodyless(), a.truncated(), null);
    ArticleFeatures f = original.features();
    Map<Feature, Map<String, Integer>> counts = new EnumMap<>(Feature.class);
    f.counts().forEach((kind, values) -> {
      Map<String, Integer> kept = new HashMap<>();
      values.forEach((term, count) -> {
        if (random.nextInt(8) != 0) {
          kept.put(term, count);
        }
      });
      counts.put(kind, Map.copyOf(kept));
    });
    long fingerprint = f.fingerprint() == 0 ? 0
        : f.fingerprint() ^ (1L << random.nextInt(64)) ^ (1L << random.nextInt(64));
    return new Prepared(article, new ArticleFeatures(f.lang(), counts, f.displayNames(), fingerprint, f.headline()));
  }

  /** Copy {@code i} of {@code n}'s date: the stream spreads over three years. */
  private static LocalDate date(int i, int n) {
    return LocalDate.of(2020, 1, 1).plusDays((long) i * 3 * 365 / n);
  }

  /** The article re-dated within three years, its paragraphs after the title shuffled, one dropped. */
  static String perturb(String text, int i, int n, Random random) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
    String title = lines.remove(0);
    lines.removeIf(String::isBlank);
    Collections.shuffle(lines, random);
    if (lines.size() > 2) {
      lines.remove(random.nextInt(lines.size()));
    }
    return " date " + date(i, n) + "\n" + title + "\n" + String.join("\n", lines) + "\n";
  }

}
