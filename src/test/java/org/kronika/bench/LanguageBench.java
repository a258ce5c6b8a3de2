package org.kronika.bench;

import com.github.pemistahl.lingua.api.Language;
import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.kronika.language.LanguageIdentifier;

/**
 * Compares language identifiers on the SlavicNER articles (gold language = directory name):
 * accuracy on whole articles and on their titles (first line) per language, the confusion
 * counts, the five project samples, CPU and wall time per article, and retained heap.
 *
 * <p>Usage: {@code LanguageBench [slavicnerRawDir [samplesDir]]}, defaults
 * {@code ../shared/bench/corpus/slavicner/raw} and {@code ../shared/samples}. Each candidate
 * runs in a JVM of its own, since Lingua keeps its models in static maps that would otherwise
 * carry over from one candidate to the next and spoil the heap figures. The machine may be
 * shared: the process's CPU time is the steadier speed figure, wall time the pessimistic one.
 */
public final class LanguageBench {
  private static final String SUMMARY = "SUMMARY";
  /** Every n-th article and title is run once before timing, so that the JIT is done. */
  private static final int WARM_UP_EVERY = 5;
  private static final Map<String, String> SAMPLE_LANGUAGES =
      Map.of("000", "uk", "001", "en", "002", "uk", "003", "en", "004", "en");

  private LanguageBench() {}

  /** The identifiers compared. */
  private enum Candidate {
    LINGUA("Lingua 1.2.2 high accuracy, 74 spoken languages, whole text") {
      @Override
      LanguageIdentifier build() {
        return lingua(com.github.pemistahl.lingua.api.LanguageDetectorBuilder
            .fromAllSpokenLanguages().withPreloadedLanguageModels().build());
      }
    },
    LINGUA_LOW("Lingua 1.2.2 low accuracy, 74 spoken languages, whole text") {
      @Override
      LanguageIdentifier build() {
        return lingua(com.github.pemistahl.lingua.api.LanguageDetectorBuilder
            .fromAllSpokenLanguages().withLowAccuracyMode().withPreloadedLanguageModels().build());
      }
    },
    OPTIMAIZE("Optimaize 0.6 detect(), 70 built-in profiles, whole text") {
      @Override
      LanguageIdentifier build() throws IOException {
        LanguageDetector detector = optimaize();
        TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();
        return text -> {
          com.google.common.base.Optional<LdLocale> found = detector.detect(texts.forText(text));
          return found.isPresent() ? found.get().getLanguage() : LanguageIdentifier.UNKNOWN;
        };
      }
    },
    OPTIMAIZE_BEST("Optimaize 0.6 best guess, 70 built-in profiles, whole text") {
      @Override
      LanguageIdentifier build() throws IOException {
        LanguageDetector detector = optimaize();
        TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();
        return text -> {
          List<DetectedLanguage> ranked = detector.getProbabilities(texts.forText(text));
          return ranked.isEmpty()
              ? LanguageIdentifier.UNKNOWN : ranked.get(0).getLocale().getLanguage();
        };
      }
    },
    STANDARD("LanguageIdentifier.standard(): Optimaize, then Lingua among close Slavic languages") {
      @Override
      LanguageIdentifier build() {
        return LanguageIdentifier.standard();
      }
    };

    final String description;

    Candidate(String description) {
      this.description = description;
    }

    abstract LanguageIdentifier build() throws IOException;
  }

  private record Article(String gold, String text, String title) {}

  public static void main(String[] args) throws Exception {
    Path raw = Path.of(args.length > 0 ? args[0] : "../shared/bench/corpus/slavicner/raw");
    Path samples = Path.of(args.length > 1 ? args[1] : "../shared/samples");
    if (args.length > 2) {
      measure(Candidate.valueOf(args[2]), raw, samples);
      return;
    }
    List<String> summaries = new ArrayList<>();
    for (Candidate candidate : Candidate.values()) {
      summaries.addAll(runInOwnJvm(candidate, raw, samples));
    }
    System.out.println();
    System.out.printf("%-15s %9s %9s %12s %7s %9s %9s %9s %8s %8s%n", "candidate", "articles",
        "titles", "uk>ru,bg a/t", "samples", "cpu us/a", "thread us", "wall us/a", "heap MB",
        "load s");
    summaries.forEach(System.out::println);
  }

  /** Runs one candidate in a child JVM, echoing its report; returns its summary lines. */
  private static List<String> runInOwnJvm(Candidate candidate, Path raw, Path samples)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx3g", "-cp", System.getProperty("java.class.path"),
        LanguageBench.class.getName(), raw.toString(), samples.toString(), candidate.name())
        .redirectErrorStream(true)
        .start();
    List<String> summaries = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith(SUMMARY)) {
          summaries.add(line.substring(SUMMARY.length() + 1));
        } else {
          System.out.println(line);
        }
      }
    }
    if (child.waitFor() != 0) {
      throw new IllegalStateException(candidate + " failed with exit code " + child.exitValue());
    }
    return summaries;
  }

  private static void measure(Candidate candidate, Path raw, Path samples) throws IOException {
    List<Article> articles = readArticles(raw);
    // Process, not thread, CPU time: Lingua spreads each detection over the common fork-join pool.
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long heapBefore = usedHeapAfterGc();
    long loadStart = System.nanoTime();
    LanguageIdentifier identifier = candidate.build();
    identifier.identify("load the models");
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    for (int i = 0; i < articles.size(); i += WARM_UP_EVERY) {
      identifier.identify(articles.get(i).text());
      identifier.identify(articles.get(i).title());
    }

    long wall = System.nanoTime();
    ThreadMXBean thread = ManagementFactory.getThreadMXBean();
    long cpu = os.getProcessCpuTime();
    long threadCpu = thread.getCurrentThreadCpuTime();
    Confusion onArticles = new Confusion();
    articles.forEach(a -> onArticles.add(a.gold(), identifier.identify(a.text())));
    double articleCpuMicros = (os.getProcessCpuTime() - cpu) / 1e3 / articles.size();
    double articleThreadCpuMicros =
        (thread.getCurrentThreadCpuTime() - threadCpu) / 1e3 / articles.size();
    double articleWallMicros = (System.nanoTime() - wall) / 1e3 / articles.size();

    cpu = os.getProcessCpuTime();
    Confusion onTitles = new Confusion();
    articles.forEach(a -> onTitles.add(a.gold(), identifier.identify(a.title())));
    double titleCpuMicros = (os.getProcessCpuTime() - cpu) / 1e3 / articles.size();

    long heapMb = (usedHeapAfterGc() - heapBefore) >> 20;
    Reference.reachabilityFence(identifier);

    System.out.printf("%n== %s: %s%n", candidate, candidate.description);
    System.out.printf("articles: %.1f us process CPU (%.1f us in the calling thread), %.1f us"
        + " wall per article; titles: %.1f us process CPU per title; heap %d MB; load %.1f s%n",
        articleCpuMicros, articleThreadCpuMicros, articleWallMicros, titleCpuMicros, heapMb,
        loadSeconds);
    onArticles.print("articles");
    onTitles.print("titles");
    int samplesRight = 0;
    if (Files.isDirectory(samples)) {
      try (Stream<Path> files = Files.list(samples)) {
        for (Path file : files.sorted().toList()) {
          String gold = SAMPLE_LANGUAGES.get(file.getFileName().toString().substring(0, 3));
          String found = identifier.identify(Files.readString(file));
          samplesRight += found.equals(gold) ? 1 : 0;
          System.out.printf("sample %s: gold %s, found %s%n", file.getFileName(), gold, found);
        }
      }
    } else {
      System.out.println("samples: " + samples + " is absent");
    }
    System.out.printf(Locale.ROOT,
        "%s %-15s %8.2f%% %8.2f%% %5d/%-6d %3d/5 %9.0f %9.0f %9.0f %8d %8.1f%n",
        SUMMARY, candidate, onArticles.accuracy(), onTitles.accuracy(),
        onArticles.count("uk", "ru") + onArticles.count("uk", "bg"),
        onTitles.count("uk", "ru") + onTitles.count("uk", "bg"),
        samplesRight, articleCpuMicros, articleThreadCpuMicros, articleWallMicros, heapMb,
        loadSeconds);
  }

  /** Gold language to found language to count. */
  private static final class Confusion {
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();

    void add(String gold, String found) {
      counts.computeIfAbsent(gold, g -> new TreeMap<>()).merge(found, 1, Integer::sum);
    }

    int count(String gold, String found) {
      return counts.getOrDefault(gold, Map.of()).getOrDefault(found, 0);
    }

    double accuracy() {
      int right = 0;
      int all = 0;
      for (Map.Entry<String, Map<String, Integer>> row : counts.entrySet()) {
        right += count(row.getKey(), row.getKey());
        all += total(row.getValue());
      }
      return 100.0 * right / all;
    }

    void print(String what) {
      for (Map.Entry<String, Map<String, Integer>> row : counts.entrySet()) {
        int all = total(row.getValue());
        System.out.printf("%s %s: %.2f%% of %d  %s%n", what, row.getKey(),
            100.0 * count(row.getKey(), row.getKey()) / all, all, row.getValue());
      }
      System.out.printf("%s overall: %.2f%%%n", what, accuracy());
    }

    private static int total(Map<String, Integer> row) {
      return row.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private static List<Article> readArticles(Path raw) throws IOException {
    List<Article> articles = new ArrayList<>();
    try (Stream<Path> files = Files.walk(raw)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String text = Files.readString(file);
        int newline = text.indexOf('\n');
        articles.add(new Article(file.getParent().getFileName().toString(), text,
            newline < 0 ? text : text.substring(0, newline)));
      }
    }
    if (articles.isEmpty()) {
      throw new IllegalArgumentException("no articles under " + raw);
    }
    return articles;
  }

  private static LanguageIdentifier lingua(
      com.github.pemistahl.lingua.api.LanguageDetector detector) {
    return text -> {
      Language language = detector.detectLanguageOf(text);
      return language == Language.UNKNOWN
          ? LanguageIdentifier.UNKNOWN
          : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    };
  }

  private static LanguageDetector optimaize() throws IOException {
    return LanguageDetectorBuilder.create(NgramExtractors.standard())
        .seed(1)
        .withProfiles(new LanguageProfileReader().readAllBuiltIn())
        .build();
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
