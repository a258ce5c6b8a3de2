package org.kronika.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.kronika.Kronika;
import org.kronika.extract.html.HtmlExtractor;
import org.kronika.input.Inputs;
import org.kronika.input.Rejection;
import org.kronika.input.SourceDocument;
import org.kronika.internal.Directories;
import org.kronika.model.Article;
import org.kronika.pipeline.Ingest;
import org.kronika.story.StoryStage;

/**
 * Scores {@link HtmlExtractor} on the shared benchmarks the way their maintainers do, beside
 * the peers Debian packages: boilerpipe's ArticleExtractor (loaded at run time from
 * /usr/share/java, not a build dependency) and readability-lxml (run with /usr/bin/python3).
 * Prints corpus precision, recall and F1 ({@link ShingleMetric}) per set and per language,
 * date accuracy on the date set, and pages per second (medians of several single-threaded runs)
 * for Kronika, boilerpipe and a bare jsoup parse, the ceiling for any jsoup-based extractor.
 * Pages are read through the real input stage, so charset detection is part of the test. Then
 * the product path: the same pages given to {@code kronika ingest} as JSON Lines with their URLs,
 * bodies and dates scored beside the extractor's, with the pages it rejected.
 *
 * <p>Usage: {@code ExtractionBench [BENCH_DIR] [--no-peers] [--runs N] [--worst N] [--lang L] [--dump DIR] [--split] [--quick] [--no-readability] [--headline]}:
 * {@code --worst} lists each set's N lowest-scoring pages, {@code --lang} keeps one DAnIEL language,
 * {@code --split} scores each set's tuning half (pages at even positions in id order) and its
 * checking half (odd positions) apart and lists only tuning pages as worst, {@code --quick} skips
 * the product path, {@code --runs 0} the speed rounds, {@code --no-readability} the slow Python peer,
 * {@code --dump DIR} writes those worst pages' output and gold text there ({@code ID.out}, {@code ID.gold})
 * to compare by eye (outside the repository: the gold is other people's text), {@code --headline}
 * scores Kronika's title and body together, as DAnIEL's gold main text opens with the headline
 * (the peers' output is scored as it is: boilerpipe keeps a headline in the text where it finds
 * one, readability-lxml does not).
 */
public final class ExtractionBench {
  /** The date set's gold file has a NaN or two where a page had no date. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
  private static final Path SHARE = Path.of("/usr/share/java");
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  /** One benchmark page: its id, decoded HTML, URL, language and gold text. */
  record Page(String id, String html, String url, String lang, String gold) {}

  private ExtractionBench() {}

  public static void main(String[] args) throws Exception {
    Path bench = Path.of("../shared/bench");
    boolean peers = true;
    boolean withReadability = true;
    int runs = 5;
    int worst = 0;
    String onlyLang = null;
    Path dump = null;
    boolean split = false;
    boolean quick = false;
    boolean headline = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--no-peers" -> peers = false;
        case "--no-readability" -> withReadability = false;
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--worst" -> worst = Integer.parseInt(args[++i]);
        case "--lang" -> onlyLang = args[++i];
        case "--dump" -> dump = Path.of(args[++i]);
        case "--split" -> split = true;
        case "--quick" -> quick = true;
        case "--headline" -> headline = true;
        default -> bench = Path.of(args[i]);
      }
    }
    if (!Files.isDirectory(bench.resolve("extraction"))) {
      System.err.println("no benchmark data under " + bench + "; nothing to do");
      System.exit(2);
    }
    HtmlExtractor kronika = new HtmlExtractor();
    boolean withHeadline = headline;
    Function<Page, String> ours = p -> {
      org.kronika.extract.Extracted e = kronika.extract(document(p));
      return withHeadline && e.title() != null && !e.title().isBlank() ? e.title() + "\n\n" + e.body() : e.body();
    };
    Function<Page, String> boilerpipe = peers ? boilerpipe() : null;
    boolean readability = peers && withReadability && readabilityAvailable();
    if (peers && withReadability && !readability) {
      System.out.println("readability-lxml not installed (apt-get install python3-readability): skipped");
    }

    List<Page> scrapinghub = scrapinghub(bench.resolve("extraction/scrapinghub"));
    List<Page> daniel = daniel(bench.resolve("extraction/daniel"));
    if (onlyLang != null) {
      String lang = onlyLang;
      daniel = daniel.stream().filter(p -> p.lang().equals(lang)).toList();
    }
    System.out.printf("%-26s %6s | %-20s | %-20s | %-20s%n", "set", "pages",
        "Kronika P / R / F1", "boilerpipe P / R / F1", "readability P / R / F1");
    for (var set : List.of(Map.entry("scrapinghub", scrapinghub), Map.entry("daniel", daniel))) {
      Map<String, List<Page>> groups = new LinkedHashMap<>();
      groups.put(set.getKey() + " (all)", set.getValue());
      if (set.getKey().equals("daniel")) {
        new TreeMap<>(byLang(set.getValue())).forEach((lang, pages) -> groups.put("daniel " + lang, pages));
      }
      Map<String, String> ourText = run(set.getValue(), ours);
      Map<String, String> bpText = boilerpipe == null ? null : run(set.getValue(), boilerpipe);
      Map<String, String> rdText = readability ? readability(set.getValue()) : null;
      List<String> ids = set.getValue().stream().map(Page::id).sorted().toList();
      java.util.Set<String> tuning = new java.util.HashSet<>();
      for (int k = 0; k < ids.size(); k += 2) {
        tuning.add(ids.get(k));
      }
      boolean halves = split;
      groups.forEach((name, pages) -> {
        System.out.printf("%-26s %6d | %s | %s | %s%n", name, pages.size(),
            score(pages, ourText), score(pages, bpText), score(pages, rdText));
        if (halves) {
          for (boolean tune : new boolean[] {true, false}) {
            List<Page> half = pages.stream().filter(p -> tuning.contains(p.id()) == tune).toList();
            System.out.printf("  %-24s %6d | %s | %s | %s%n", tune ? "tune (even)" : "check (odd)", half.size(),
                score(half, ourText), score(half, bpText), score(half, rdText));
          }
        }
      });
      if (worst > 0) {
        printWorst(split ? set.getValue().stream().filter(p -> tuning.contains(p.id())).toList() : set.getValue(),
            ourText, worst, dump);
      }
    }
    dates(bench.resolve("dates/mediacloud2020"), kronika, worst > 0);
    if (!quick) {
      productPath(scrapinghub, mediacloud(bench.resolve("dates/mediacloud2020")), ours);
    }
    List<Page> all = new ArrayList<>(scrapinghub);
    all.addAll(daniel);
    if (runs > 0) {
      speed(all, runs, ours, boilerpipe);
    }
  }

  private static SourceDocument document(Page p) {
    return new SourceDocument(p.id(), SourceDocument.Format.HTML, p.html(), p.url(), null, null, null);
  }

  private static Map<String, List<Page>> byLang(List<Page> pages) {
    Map<String, List<Page>> groups = new LinkedHashMap<>();
    for (Page p : pages) {
      groups.computeIfAbsent(p.lang(), k -> new ArrayList<>()).add(p);
    }
    return groups;
  }

  private static Map<String, String> run(List<Page> pages, Function<Page, String> extractor) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Page p : pages) {
      String text;
      try {
        text = extractor.apply(p);
      } catch (RuntimeException | StackOverflowError e) {
        text = ""; // a failed page scores as no output, as in the benchmark
      }
      out.put(p.id(), text == null ? "" : text);
    }
    return out;
  }

  private static String score(List<Page> pages, Map<String, String> texts) {
    if (texts == null) {
      return String.format("%-20s", "  (not run)");
    }
    ShingleMetric.Score s = corpusScore(pages, texts);
    return String.format("%.3f / %.3f / %.3f", s.precision(), s.recall(), s.f1());
  }

  private static double f1(List<Page> pages, Map<String, String> texts) {
    return corpusScore(pages, texts).f1();
  }

  private static ShingleMetric.Score corpusScore(List<Page> pages, Map<String, String> texts) {
    List<ShingleMetric.PageScore> scores = new ArrayList<>();
    for (Page p : pages) {
      scores.add(ShingleMetric.page(p.gold(), texts.getOrDefault(p.id(), "")));
    }
    return ShingleMetric.corpus(scores);
  }

  private static void printWorst(List<Page> pages, Map<String, String> texts, int n, Path dump) throws IOException {
    var worst = pages.stream()
        .map(p -> Map.entry(p, ShingleMetric.page(p.gold(), texts.get(p.id()))))
        .sorted(Comparator.comparingDouble(e -> 2 * e.getValue().tp() / (1 + e.getValue().tp())))
        .limit(n)
        .toList();
    if (dump != null) {
      Files.createDirectories(dump);
    }
    for (var e : worst) {
      Page p = e.getKey();
      System.out.printf("    worst %-40s %s P %.2f R %.2f%n", p.id(), p.lang(),
          e.getValue().precision(), e.getValue().recall());
      if (dump != null) {
        Files.writeString(dump.resolve(p.id() + ".out"), texts.get(p.id()));
        Files.writeString(dump.resolve(p.id() + ".gold"), p.gold());
      }
    }
  }

  // ---- data sets ----------------------------------------------------------------------------

  private static String readPage(Path file) throws IOException {
    Inputs.Collected got = new Inputs.Collected();
    Inputs.standard().readFile(file, got);
    if (got.documents.isEmpty()) {
      throw new IOException(file + ": " + got.rejections);
    }
    return got.documents.get(0).content();
  }

  private static List<Page> scrapinghub(Path dir) throws IOException {
    JsonNode truth = JSON.readTree(dir.resolve("ground-truth.json").toFile());
    List<Page> pages = new ArrayList<>();
    for (Iterator<String> ids = truth.fieldNames(); ids.hasNext(); ) {
      String id = ids.next();
      JsonNode t = truth.get(id);
      pages.add(new Page(id, readPage(dir.resolve("html/" + id + ".html.gz")), t.path("url").asText(null),
          "", t.path("articleBody").asText("")));
    }
    return pages;
  }

  private static List<Page> daniel(Path dir) throws IOException {
    JsonNode langs = JSON.readTree(dir.resolve("languages.json").toFile());
    List<Page> pages = new ArrayList<>();
    try (var files = Files.list(dir.resolve("html"))) {
      for (Path f : files.sorted().toList()) {
        String id = f.getFileName().toString().replaceFirst("\\.html\\.gz$", "");
        Path ref = dir.resolve("reference/" + id);
        if (!langs.has(id) || !Files.exists(ref)) {
          continue;
        }
        String gold = Files.readString(ref, StandardCharsets.UTF_8)
            .replaceAll("(?i)</?p[^>]*>", "\n").strip();
        pages.add(new Page(id, readPage(f), null, langs.get(id).asText(), Parser.unescapeEntities(gold, false)));
      }
    }
    return pages;
  }

  /** Publication dates found against the gold: right (a page with none found none too), wrong, none found. */
  record DateScores(int right, int wrong, int none) {
    int pages() {
      return right + wrong + none;
    }
  }

  private static void dates(Path dir, HtmlExtractor kronika, boolean listMissing) throws IOException {
    List<String> wrongOnes = new ArrayList<>();
    DateScores d = dates(dir, kronika, listMissing, wrongOnes);
    int n = d.pages();
    System.out.printf("dates/mediacloud2020 %d pages: correct %d (%.1f %%), wrong %d (%.1f %%), none %d%n",
        n, d.right(), 100.0 * d.right() / n, d.wrong(), 100.0 * d.wrong() / n, d.none());
    wrongOnes.forEach(w -> System.out.println("    date " + w));
  }

  /** Scores the dates of the mediacloud2020 pages; the wrong ones (and the missing, when asked) go to {@code report}. */
  static DateScores dates(Path dir, HtmlExtractor kronika, boolean listMissing, List<String> report) throws IOException {
    Map<String, LocalDate> found = new HashMap<>();
    List<Page> pages = mediacloud(dir);
    for (Page p : pages) {
      found.put(p.id(), kronika.extract(document(p)).date());
    }
    return scoreDates(pages, found, listMissing, report);
  }

  /** The mediacloud2020 pages, each with its gold date as its gold text ({@code ""}: the page has none). */
  static List<Page> mediacloud(Path dir) throws IOException {
    JsonNode gold = JSON.readTree(dir.resolve("gold.json").toFile());
    List<Page> pages = new ArrayList<>();
    for (Iterator<String> files = gold.fieldNames(); files.hasNext(); ) {
      String file = files.next();
      JsonNode g = gold.get(file);
      String html;
      try {
        html = readPage(dir.resolve("html/" + file + ".gz"));
      } catch (IOException e) {
        html = "";
      }
      // NaN in the gold: the page has none
      pages.add(new Page(file, html, g.path("url").asText(null), "", g.path("date").isTextual() ? g.get("date").asText() : ""));
    }
    return pages;
  }

  /** Scores the dates found per page (a page missing from {@code found} found none) against the pages' gold dates. */
  static DateScores scoreDates(List<Page> pages, Map<String, LocalDate> found, boolean listMissing, List<String> report) {
    int right = 0;
    int wrong = 0;
    int none = 0;
    for (Page p : pages) {
      LocalDate got = found.get(p.id());
      if (got == null && p.gold().isEmpty()) {
        right++;
      } else if (got == null) {
        none++;
        if (listMissing) {
          report.add(p.id() + " none, gold " + p.gold());
        }
      } else if (got.toString().equals(p.gold())) {
        right++;
      } else {
        wrong++;
        report.add(p.id() + " got " + got + " gold " + (p.gold().isEmpty() ? "none" : p.gold()));
      }
    }
    return new DateScores(right, wrong, none);
  }

  // ---- the product path ---------------------------------------------------------------------

  /**
   * Scores what {@code kronika ingest} stores of the same pages given as JSON Lines with their
   * URLs, beside the extractor called directly: bodies on scrapinghub, dates on mediacloud2020.
   * Pages not stored score as no output; the rejections are listed.
   */
  private static void productPath(List<Page> bodies, List<Page> dated, Function<Page, String> ours) throws IOException {
    System.out.println("product path: the same pages as JSON Lines with their URLs through kronika ingest");
    Ingested b = ingest(bodies);
    Map<String, String> ingestedText = new HashMap<>();
    b.articles().forEach((id, a) -> ingestedText.put(id, a.body()));
    System.out.printf("%-26s %6d | extractor %s | ingest %s, stored %d, bodyless %d%n", "scrapinghub bodies", bodies.size(),
        score(bodies, run(bodies, ours)), score(bodies, ingestedText), b.articles().size(), b.bodyless());
    Ingested d = ingest(dated);
    Map<String, LocalDate> extracted = new HashMap<>();
    HtmlExtractor kronika = new HtmlExtractor();
    dated.forEach(p -> extracted.put(p.id(), kronika.extract(document(p)).date()));
    Map<String, LocalDate> ingestedDates = new HashMap<>();
    d.articles().forEach((id, a) -> ingestedDates.put(id, a.date()));
    List<String> wrongOnes = new ArrayList<>();
    DateScores x = scoreDates(dated, extracted, false, new ArrayList<>());
    DateScores i = scoreDates(dated, ingestedDates, false, wrongOnes);
    int n = dated.size();
    System.out.printf("%-26s %6d | extractor correct %.1f %% wrong %.1f %% | ingest correct %.1f %% wrong %.1f %%, stored %d, bodyless %d%n",
        "mediacloud2020 dates", n, 100.0 * x.right() / n, 100.0 * x.wrong() / n, 100.0 * i.right() / n, 100.0 * i.wrong() / n,
        d.articles().size(), d.bodyless());
    wrongOnes.forEach(w -> System.out.println("    ingest date " + w));
    for (Rejection r : b.rejections()) {
      System.out.println("    rejected (scrapinghub) " + r);
    }
    for (Rejection r : d.rejections()) {
      System.out.println("    rejected (mediacloud2020) " + r);
    }
  }

  /** The articles {@code kronika ingest} stored of some pages, by page id, and its rejections. */
  record Ingested(Map<String, Article> articles, List<Rejection> rejections) {
    long bodyless() {
      return articles.values().stream().filter(Article::bodyless).count();
    }
  }

  /**
   * Ingests the pages as one JSON Lines file ({@code html} and {@code url}) into a temporary data
   * directory, as {@code kronika ingest} does, and reads back what was stored.
   */
  static Ingested ingest(List<Page> pages) throws IOException {
    Path work = Files.createTempDirectory("kronika-extraction");
    try {
      Path jsonl = work.resolve("pages.jsonl");
      try (BufferedWriter w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
        for (Page p : pages) {
          Map<String, String> line = new LinkedHashMap<>();
          line.put("html", p.html());
          if (p.url() != null) {
            line.put("url", p.url());
          }
          w.write(JSON.writeValueAsString(line));
          w.write('\n');
        }
      }
      List<Rejection> rejections = new ArrayList<>();
      try (Kronika kronika = Kronika.openForIngest(work.resolve("data"), StoryStage.standard())) {
        kronika.ingest(List.of(jsonl), Ingest.Options.defaults(), rejections::add);
      }
      Map<String, Article> articles = new HashMap<>();
      try (Kronika kronika = Kronika.openForReading(work.resolve("data"))) {
        kronika.forEachArticle(a -> articles.put(pages.get(lineNumber(a.source()) - 1).id(), a));
      }
      List<Rejection> named = rejections.stream()
          .map(r -> new Rejection(r.source().contains("#") ? pages.get(lineNumber(r.source()) - 1).id() : r.source(), r.reason()))
          .toList();
      return new Ingested(articles, named);
    } finally {
      Directories.deleteTree(work);
    }
  }

  private static int lineNumber(String source) {
    return Integer.parseInt(source.substring(source.lastIndexOf('#') + 1));
  }

  /** Body F1 of Kronika's extraction on the DAnIEL pages, by language and in all. */
  static Map<String, Double> danielF1(Path dir) throws IOException {
    HtmlExtractor kronika = new HtmlExtractor();
    List<Page> pages = daniel(dir);
    Map<String, String> texts = run(pages, p -> kronika.extract(document(p)).body());
    Map<String, Double> out = new TreeMap<>();
    out.put("all", f1(pages, texts));
    byLang(pages).forEach((lang, ofLang) -> out.put(lang, f1(ofLang, texts)));
    return out;
  }

  // ---- speed --------------------------------------------------------------------------------

  /**
   * Times the extractors in turn within each round, so that the load of a shared machine
   * falls on all of them alike, and reports each one's median rate.
   */
  private static void speed(List<Page> pages, int runs, Function<Page, String> ours, Function<Page, String> boilerpipe) {
    Map<String, Function<Page, String>> contenders = new LinkedHashMap<>();
    contenders.put("jsoup parse only (ceiling) ", p -> Jsoup.parse(p.html()).title());
    contenders.put("Kronika HtmlExtractor      ", ours);
    if (boilerpipe != null) {
      contenders.put("boilerpipe ArticleExtractor", boilerpipe);
    }
    // wall-clock rates, and the thread's CPU time, which other work on a shared machine disturbs less
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, double[]> rates = new LinkedHashMap<>();
    Map<String, double[]> cpuRates = new LinkedHashMap<>();
    contenders.keySet().forEach(name -> {
      rates.put(name, new double[runs]);
      cpuRates.put(name, new double[runs]);
    });
    for (int r = -1; r < runs; r++) {
      for (var c : contenders.entrySet()) {
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        run(pages, c.getValue());
        if (r >= 0) {
          rates.get(c.getKey())[r] = pages.size() / ((System.nanoTime() - start) / 1e9);
          cpuRates.get(c.getKey())[r] = pages.size() / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }
      }
    }
    System.out.printf("speed, %d pages, single thread, median of %d interleaved runs after one warm-up:%n",
        pages.size(), runs);
    if (boilerpipe != null) {
      String k = "Kronika HtmlExtractor      ";
      String b = "boilerpipe ArticleExtractor";
      double[] wall = new double[runs];
      double[] cpu = new double[runs];
      for (int r = 0; r < runs; r++) {
        wall[r] = rates.get(k)[r] / rates.get(b)[r];
        cpu[r] = cpuRates.get(k)[r] / cpuRates.get(b)[r];
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf("  Kronika / boilerpipe, median of the rounds' ratios: %.2fx wall clock, %.2fx thread CPU time%n",
          wall[runs / 2], cpu[runs / 2]);
    }
    rates.forEach((name, r) -> {
      double[] c = cpuRates.get(name);
      Arrays.sort(r);
      Arrays.sort(c);
      System.out.printf("  %s %8.1f pages/s (runs %.0f to %.0f), %8.1f pages per CPU second%n",
          name, r[runs / 2], r[0], r[runs - 1], c[runs / 2]);
    });
  }

  // ---- peers --------------------------------------------------------------------------------

  /** boilerpipe's ArticleExtractor from Debian's jars, or {@code null} with a message. */
  private static Function<Page, String> boilerpipe() {
    List<URL> jars = new ArrayList<>();
    for (String jar : List.of("boilerpipe.jar", "nekohtml.jar", "xercesImpl.jar")) {
      Path p = SHARE.resolve(jar);
      if (!Files.exists(p)) {
        System.out.println("boilerpipe not installed (apt-get install libboilerpipe-java): skipped");
        return null;
      }
      try {
        jars.add(p.toUri().toURL());
      } catch (IOException e) {
        return null;
      }
    }
    try {
      ClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), ExtractionBench.class.getClassLoader());
      Class<?> type = Class.forName("de.l3s.boilerpipe.extractors.ArticleExtractor", true, loader);
      Object instance = type.getField("INSTANCE").get(null);
      Method getText = type.getMethod("getText", String.class);
      return p -> {
        try {
          return (String) getText.invoke(instance, p.html());
        } catch (ReflectiveOperationException e) {
          return "";
        }
      };
    } catch (ReflectiveOperationException | LinkageError e) {
      System.out.println("boilerpipe cannot be loaded (" + e + "): skipped");
      return null;
    }
  }

  private static final String READABILITY = String.join("\n",
      "import sys, json, lxml.html",
      "from readability import Document",
      "BLOCKS = {'p','div','li','h1','h2','h3','h4','h5','h6','br','tr','td','blockquote','pre','section','article'}",
      "for line in sys.stdin:",
      "    text = ''",
      "    try:",
      "        tree = lxml.html.fromstring(Document(json.loads(line)).summary())",
      "        for el in tree.iter():",
      "            if isinstance(el.tag, str) and el.tag in BLOCKS:",
      "                el.tail = '\\n' + (el.tail or '')",
      "        text = tree.text_content()",
      "    except Exception:",
      "        pass",
      "    sys.stdout.write(json.dumps(text) + '\\n')",
      "    sys.stdout.flush()");

  private static boolean readabilityAvailable() {
    try {
      return Files.isExecutable(PYTHON)
          && new ProcessBuilder(PYTHON.toString(), "-c", "import readability").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs readability-lxml over the pages in one Python process, page by page. */
  private static Map<String, String> readability(List<Page> pages) throws IOException {
    Process py = new ProcessBuilder(PYTHON.toString(), "-c", READABILITY)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Map<String, String> out = new LinkedHashMap<>();
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(py.getOutputStream(), StandardCharsets.UTF_8));
         BufferedReader r = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8))) {
      for (Page p : pages) {
        w.write(JSON.writeValueAsString(p.html()));
        w.write('\n');
        w.flush();
        String line = r.readLine();
        out.put(p.id(), line == null ? "" : JSON.readValue(line, String.class));
      }
    }
    return out;
  }
}
