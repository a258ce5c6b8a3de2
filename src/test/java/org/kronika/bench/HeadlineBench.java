package org.kronika.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.kronika.Kronika;
import org.kronika.internal.Directories;
import org.kronika.pipeline.Ingest;
import org.kronika.story.StoryStage;

/**
 * Measures headline-only news through the product path: writes the title of every SlavicNER
 * article ({@code raw/<topic>/<lang>/*.txt}, whose first line is the title) as a one-line file
 * of its own into a temporary directory, ingests them as {@code kronika ingest} does, and
 * prints how many were stored and how many bodyless (of the files), and how many got the language
 * of their folder (of those stored), in all and per language, with the languages mistaken for each and the rejections'
 * reasons.
 *
 * <p>Usage: {@code HeadlineBench SLAVICNER_DIR} (the folder holding {@code raw/}).
 */
public final class HeadlineBench {
  private HeadlineBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !Files.isDirectory(Path.of(args[0], "raw"))) {
      System.err.println("usage: HeadlineBench SLAVICNER_DIR (the folder holding raw/)");
      System.exit(2);
    }
    Path work = Files.createTempDirectory("kronika-headlines");
    try {
      Map<String, String> langOfFile = writeTitles(Path.of(args[0], "raw"), work.resolve("titles"));
      Map<String, Integer> reasons = new TreeMap<>();
      Ingest.Report report;
      try (Kronika kronika = Kronika.openForIngest(work.resolve("data"), StoryStage.standard())) {
        report = kronika.ingest(List.of(work.resolve("titles")), Ingest.Options.defaults(),
            rejection -> reasons.merge(rejection.reason(), 1, Integer::sum));
      }
      Map<String, int[]> byLang = new TreeMap<>(); // lang -> files, stored, bodyless, language right
      langOfFile.values().forEach(l -> byLang.computeIfAbsent(l, k -> new int[4])[0]++);
      AtomicInteger stories = new AtomicInteger();
      Map<String, Integer> storySizes = new HashMap<>();
      Map<String, Integer> confused = new TreeMap<>(); // "gold as got" -> titles
      try (Kronika kronika = Kronika.openForReading(work.resolve("data"))) {
        kronika.forEachArticle(a -> {
          String gold = langOfFile.get(a.source());
          if (gold == null) {
            return;
          }
          int[] c = byLang.get(gold);
          c[1]++;
          c[2] += a.bodyless() ? 1 : 0;
          c[3] += gold.equals(a.lang()) ? 1 : 0;
          if (!gold.equals(a.lang())) {
            confused.merge(gold + " as " + a.lang(), 1, Integer::sum);
          }
          if (storySizes.merge(a.story(), 1, Integer::sum) == 1) {
            stories.incrementAndGet();
          }
        });
      }
      System.out.println(report.summary());
      int[] all = new int[4];
      System.out.printf("%-5s %6s %16s %16s %16s%n", "lang", "files", "stored", "bodyless", "lang. right/stored");
      byLang.forEach((lang, c) -> {
        print(lang, c);
        for (int i = 0; i < 4; i++) {
          all[i] += c[i];
        }
      });
      print("all", all);
      long inStories = storySizes.values().stream().filter(n -> n > 1).mapToLong(n -> n).sum();
      System.out.printf("stories %d; titles sharing a story with another %d (%.1f %%)%n", stories.get(), inStories,
          100.0 * inStories / Math.max(1, all[1]));
      System.out.println("language wrong: " + confused);
      reasons.forEach((reason, n) -> System.out.println("  rejected " + n + ": " + reason));
    } finally {
      Directories.deleteTree(work);
    }
  }

  private static void print(String lang, int[] c) {
    System.out.printf("%-5s %6d %7d %6.1f %% %7d %6.1f %% %7d %6.1f %%%n", lang, c[0],
        c[1], 100.0 * c[1] / c[0], c[2], 100.0 * c[2] / c[0], c[3], 100.0 * c[3] / Math.max(1, c[1]));
  }

  /** Writes each article's first line as a file of its own; returns each file's language by its path. */
  private static Map<String, String> writeTitles(Path raw, Path out) throws IOException {
    Map<String, String> langOfFile = new HashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(raw)) {
      files = walk.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    int n = 0;
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      int newline = text.indexOf('\n');
      String title = (newline < 0 ? text : text.substring(0, newline)).strip();
      String lang = f.getParent().getFileName().toString();
      Path file = out.resolve(lang).resolve(n++ + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, title + "\n", StandardCharsets.UTF_8);
      langOfFile.put(file.toString(), lang);
    }
    return langOfFile;
  }
}
