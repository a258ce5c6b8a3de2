package org.kronika.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kronika.extract.Extracted;
import org.kronika.extract.text.TextCleaner;
import org.kronika.input.SourceDocument;

/**
 * Scores plain-text cleaning on the scrapinghub benchmark's page text (each page's whole text,
 * chrome included) against its gold article bodies with {@link ShingleMetric}: the input
 * unchanged (the floor), the cleaned body, and the cleaned title and body together, with the
 * cleaner's speed, and the body's score on the pages at even and at odd places in id order
 * (tune rules on one half, check them on the other). Then, on the SlavicNER corpus (clean articles whose first line is the
 * title), the share of body characters the cleaner keeps, which should be all of them.
 * Usage: {@code PageTextBench [benchmark dir [slavicner raw dir]]}, defaults
 * {@code ../shared/bench/extraction/scrapinghub} and {@code ../shared/bench/corpus/slavicner/raw}.
 */
public final class PageTextBench {
  private static final int TIMING_ROUNDS = 10;

  private PageTextBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/bench/extraction/scrapinghub");
    ObjectMapper json = new ObjectMapper();
    JsonNode pages = json.readTree(Files.readString(dir.resolve("page-text.json")));
    JsonNode gold = json.readTree(Files.readString(dir.resolve("ground-truth.json")));
    TextCleaner cleaner = new TextCleaner();

    List<SourceDocument> documents = new ArrayList<>();
    List<ShingleMetric.PageScore> unchanged = new ArrayList<>();
    List<ShingleMetric.PageScore> body = new ArrayList<>();
    List<ShingleMetric.PageScore> titleAndBody = new ArrayList<>();
    java.util.TreeMap<String, ShingleMetric.PageScore> bodyById = new java.util.TreeMap<>();
    for (Map.Entry<String, JsonNode> page : gold.properties()) {
      JsonNode input = pages.get(page.getKey());
      if (input == null) {
        continue;
      }
      String expected = page.getValue().path("articleBody").asText("");
      String text = input.path("articleBody").asText("");
      SourceDocument document = SourceDocument.text(page.getKey(), text);
      Extracted extracted = cleaner.extract(document);
      documents.add(document);
      unchanged.add(ShingleMetric.page(expected, text));
      body.add(ShingleMetric.page(expected, extracted.body()));
      bodyById.put(page.getKey(), body.get(body.size() - 1));
      String both = extracted.title() == null ? extracted.body() : extracted.title() + "\n\n" + extracted.body();
      titleAndBody.add(ShingleMetric.page(expected, both));
    }

    long chars = documents.stream().mapToLong(d -> d.content().length()).sum();
    Timing timing = Timing.of(() -> {
      for (int round = 0; round < TIMING_ROUNDS; round++) {
        for (SourceDocument document : documents) {
          cleaner.extract(document);
        }
      }
    }, TIMING_ROUNDS * documents.size());

    System.out.printf("pages: %d (%.0f KB of text on average)%n", documents.size(), chars / 1024.0 / documents.size());
    print("input unchanged", ShingleMetric.corpus(unchanged));
    print("TextCleaner body", ShingleMetric.corpus(body));
    print("TextCleaner title+body", ShingleMetric.corpus(titleAndBody));
    List<ShingleMetric.PageScore> inOrder = new ArrayList<>(bodyById.values());
    for (int half = 0; half < 2; half++) { // pages at even places in id order tune the rules, odd ones check them
      List<ShingleMetric.PageScore> part = new ArrayList<>();
      for (int i = half; i < inOrder.size(); i += 2) {
        part.add(inOrder.get(i));
      }
      print(half == 0 ? "  body, even pages (tune)" : "  body, odd pages (check)", ShingleMetric.corpus(part));
    }
    System.out.println("speed: " + timing + " (pages, after a warm-up pass)");

    Path slavic = Path.of(args.length > 1 ? args[1] : "../shared/bench/corpus/slavicner/raw");
    if (Files.isDirectory(slavic)) {
      keptOnCleanText(cleaner, slavic);
    }
  }

  /** How much of clean articles' bodies (all but the title line) the cleaner keeps, and how fast. */
  private static void keptOnCleanText(TextCleaner cleaner, Path dir) throws IOException {
    List<Path> files;
    try (var walk = Files.walk(dir)) {
      files = walk.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    List<SourceDocument> documents = new ArrayList<>();
    for (Path file : files) {
      documents.add(SourceDocument.text(file.toString(), Files.readString(file)));
    }
    long bodyChars = 0;
    long keptChars = 0;
    int titles = 0;
    for (SourceDocument document : documents) {
      String text = document.content();
      int firstLineEnd = text.indexOf('\n');
      String title = firstLineEnd < 0 ? text.strip() : text.substring(0, firstLineEnd).strip();
      // Some files print the title twice; the copy is no body text.
      String body = firstLineEnd < 0 ? "" : text.substring(firstLineEnd + 1).lines()
          .filter(line -> !line.strip().equals(title)).collect(Collectors.joining("\n"));
      Extracted extracted = cleaner.extract(document);
      bodyChars += visible(body);
      keptChars += Math.min(visible(body), visible(extracted.body()));
      if (extracted.title() != null) {
        titles++;
      }
    }
    Timing timing = Timing.of(() -> {
      for (int round = 0; round < TIMING_ROUNDS; round++) {
        for (SourceDocument document : documents) {
          cleaner.extract(document);
        }
      }
    }, TIMING_ROUNDS * documents.size());
    long chars = documents.stream().mapToLong(d -> d.content().length()).sum();
    System.out.printf("SlavicNER clean text: %d files (%.1f KB on average), body characters kept %.2f %%,"
        + " titles found %d%n", documents.size(), chars / 1024.0 / documents.size(),
        100.0 * keptChars / Math.max(1, bodyChars), titles);
    System.out.println("speed: " + timing + " (articles)");
  }

  /**
   * How long some cleaning took, by the clock and in this thread's CPU time: on a shared
   * machine the clock also counts other processes' turns, CPU time only the cleaner's.
   */
  private record Timing(int items, double wallSeconds, double cpuSeconds) {
    static Timing of(Runnable work, int items) {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      work.run();
      return new Timing(items, (System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    @Override
    public String toString() {
      return String.format("%.3f ms CPU each (%.0f/s per core), %.3f ms by the clock, %d items",
          cpuSeconds * 1000 / items, items / cpuSeconds, wallSeconds * 1000 / items, items);
    }
  }

  private static long visible(String text) {
    return text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
  }

  private static void print(String what, ShingleMetric.Score score) {
    System.out.printf("%-24s P %.3f  R %.3f  F1 %.3f%n", what, score.precision(), score.recall(), score.f1());
  }
}
