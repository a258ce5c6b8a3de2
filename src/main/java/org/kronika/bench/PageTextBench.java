package org.kronika.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.kronika.extract.Extracted;
import org.kronika.extract.TextCleaner;
import org.kronika.input.SourceDocument;

/**
 * Scores plain-text cleaning on the scrapinghub benchmark's page text (each page's whole text,
 * chrome included) against its gold article bodies with {@link ShingleMetric}: the input
 * unchanged (the floor), the cleaned body, and the cleaned title and body together, with the
 * cleaner's speed. Then, on the SlavicNER corpus (clean articles whose first line is the
 * title), the share of body characters the cleaner keeps, which should be all of them.
 * Usage: {@code PageTextBench [benchmark dir [slavicner raw dir]]}, defaults
 * {@code ../shared/bench/extraction/scrapinghub} and {@code ../shared/bench/corpus/slavicner/raw}.
 */
public final class PageTextBench {
  private static final int TIMING_ROUNDS = 20;

  private PageTextBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/bench/extraction/scrapinghub");
    ObjectMapper json = new ObjectMapper();
    JsonNode pages = json.readTree(Files.readString(dir.resolve("page-text.json")));
    JsonNode gold = json.readTree(Files.readString(dir.resolve("ground-truth.json")));
    TextCleaner cleaner = new TextCleaner();

    List<String> ids = new ArrayList<>();
    List<SourceDocument> documents = new ArrayList<>();
    List<ShingleMetric.PageScore> unchanged = new ArrayList<>();
    List<ShingleMetric.PageScore> body = new ArrayList<>();
    List<ShingleMetric.PageScore> titleAndBody = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> page = it.next();
      JsonNode input = pages.get(page.getKey());
      if (input == null) {
        continue;
      }
      String expected = page.getValue().path("articleBody").asText("");
      String text = input.path("articleBody").asText("");
      SourceDocument document = SourceDocument.text(page.getKey(), text);
      Extracted extracted = cleaner.extract(document);
      ids.add(page.getKey());
      documents.add(document);
      unchanged.add(ShingleMetric.page(expected, text));
      body.add(ShingleMetric.page(expected, extracted.body()));
      String both = extracted.title() == null ? extracted.body() : extracted.title() + "\n\n" + extracted.body();
      titleAndBody.add(ShingleMetric.page(expected, both));
    }

    long chars = documents.stream().mapToLong(d -> d.content().length()).sum();
    long start = System.nanoTime();
    for (int round = 0; round < TIMING_ROUNDS; round++) {
      for (SourceDocument document : documents) {
        cleaner.extract(document);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int cleaned = TIMING_ROUNDS * documents.size();

    System.out.printf("pages: %d (%.0f KB of text on average)%n", documents.size(), chars / 1024.0 / documents.size());
    print("input unchanged", ShingleMetric.corpus(unchanged));
    print("TextCleaner body", ShingleMetric.corpus(body));
    print("TextCleaner title+body", ShingleMetric.corpus(titleAndBody));
    System.out.printf("speed: %.0f pages/s, %.3f ms/page on one thread (%d pages after a warm-up pass)%n",
        cleaned / seconds, seconds * 1000 / cleaned, cleaned);

    Path slavic = Path.of(args.length > 1 ? args[1] : "../shared/bench/corpus/slavicner/raw");
    if (Files.isDirectory(slavic)) {
      keptOnCleanText(cleaner, slavic);
    }
  }

  /** How much of clean articles' bodies (all but the title line) the cleaner keeps. */
  private static void keptOnCleanText(TextCleaner cleaner, Path dir) throws IOException {
    List<Path> files;
    try (var walk = Files.walk(dir)) {
      files = walk.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    long bodyChars = 0;
    long keptChars = 0;
    int titles = 0;
    long start = System.nanoTime();
    for (Path file : files) {
      String text = Files.readString(file);
      int firstLineEnd = text.indexOf('\n');
      String title = firstLineEnd < 0 ? text.strip() : text.substring(0, firstLineEnd).strip();
      // Some files print the title twice; the copy is no body text.
      String body = firstLineEnd < 0 ? "" : text.substring(firstLineEnd + 1).lines()
          .filter(line -> !line.strip().equals(title)).collect(java.util.stream.Collectors.joining("\n"));
      Extracted extracted = cleaner.extract(SourceDocument.text(file.toString(), text));
      bodyChars += visible(body);
      keptChars += Math.min(visible(body), visible(extracted.body()));
      if (extracted.title() != null) {
        titles++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("SlavicNER clean text: %d files, body characters kept %.2f %%, titles found %d,"
        + " %.3f ms/article (reading included)%n",
        files.size(), 100.0 * keptChars / Math.max(1, bodyChars), titles, seconds * 1000 / files.size());
  }

  private static long visible(String text) {
    return text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
  }

  private static void print(String what, ShingleMetric.Score score) {
    System.out.printf("%-24s P %.3f  R %.3f  F1 %.3f%n", what, score.precision(), score.recall(), score.f1());
  }
}
