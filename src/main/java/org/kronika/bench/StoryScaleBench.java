package org.kronika.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.kronika.Kronika;
import org.kronika.internal.Directories;
import org.kronika.pipeline.Ingest;

/**
 * How ingest cost grows with the store: builds a SYNTHETIC stream of N articles from the
 * SlavicNER corpus (copies re-dated across three years, paragraphs shuffled and one dropped,
 * written to a temporary directory and deleted afterwards, never committed), ingests it in
 * chunks into one store, and prints per chunk the articles per second, the story stage's CPU
 * milliseconds per article, and the heap in use after a collection.
 *
 * <p>Usage: {@code StoryScaleBench [SLAVICNER_RAW_DIR] [N=10000] [CHUNKS=10]}
 */
public final class StoryScaleBench {
  private StoryScaleBench() {}

  public static void main(String[] args) throws IOException {
    Path raw = Path.of(args.length > 0 ? args[0] : "../shared/bench/corpus/slavicner/raw");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int chunks = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    if (!Files.isDirectory(raw)) {
      System.err.println("no SlavicNER corpus at " + raw + ": nothing to measure");
      return;
    }
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(raw)) {
      sources = walk.filter(Files::isRegularFile).sorted().toList();
    }
    Path work = Files.createTempDirectory("kronika-scale");
    try (Kronika kronika = Kronika.openForIngest(work.resolve("data"))) {
      kronika.warmUp();
      System.out.printf("SYNTHETIC stream of %d articles from %d SlavicNER files, in %d chunks%n", n, sources.size(), chunks);
      System.out.printf("%10s %12s %16s %10s%n", "stored", "articles/s", "story+store ms", "heap MB");
      Random random = new Random(42);
      int perChunk = Math.max(1, n / chunks);
      for (int start = 0; start < n; start += perChunk) {
        Path chunk = Files.createDirectories(work.resolve("chunk-" + start));
        int end = Math.min(n, start + perChunk);
        for (int i = start; i < end; i++) {
          Files.writeString(chunk.resolve(String.format("synthetic-%08d.txt", i)),
              perturb(Files.readString(sources.get(i % sources.size())), i, n, random));
        }
        long storyBefore = kronika.stageTimes().snapshot().get("story+store");
        long t0 = System.nanoTime();
        Ingest.Report report = kronika.ingest(List.of(chunk), Ingest.Options.defaults(), r -> { });
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> times = kronika.stageTimes().snapshot();
        long stored = report.stored() + report.duplicates();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%10d %12.0f %16.3f %10d%n", end, stored / seconds,
            (times.get("story+store") - storyBefore) / 1e6 / Math.max(1, stored), heap >> 20);
        Directories.deleteTree(chunk);
      }
    } finally {
      Directories.deleteTree(work);
    }
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
    LocalDate date = LocalDate.of(2020, 1, 1).plusDays((long) i * 3 * 365 / n);
    return " date " + date + "\n" + title + "\n" + String.join("\n", lines) + "\n";
  }

}
