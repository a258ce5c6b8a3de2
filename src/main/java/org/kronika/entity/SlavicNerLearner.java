package org.kronika.entity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kronika.analysis.AnalyzedText;
import org.kronika.analysis.Languages;
import org.kronika.analysis.TextAnalyzer;
import org.kronika.analysis.Token;

/**
 * Learns {@link Knowledge} from a corpus annotated in the SlavicNER/BSNLP layout
 * (Piskorski et al. 2024): {@code raw/<any folders>/<lang>/<name>.txt}, each with its mentions in
 * {@code ner/<same folders>/<lang>/<name>.tsv} (one a line: start and end in code points,
 * surface, lemma, type PER/ORG/LOC/EVT/PRO, cross-lingual id). It learns gazetteers of the
 * names annotated there with their lemmas and cross-lingual ids, lemma rules, the type model,
 * and known entities; and English names from those ids. What it yields are derived counts and
 * names, no running text. Costs one analysis pass over the articles (half a minute for 4,500).
 * Not thread-safe; use once.
 */
final class SlavicNerLearner {
  private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-z]{2}");

  private final Map<String, Gazetteer> gazetteers = new HashMap<>();
  private final Map<String, SuffixRules> rules = new HashMap<>();
  private final Map<String, TypeModel> types = new HashMap<>();
  private final Map<String, Map<String, Integer>> lowerCaseCounts = new HashMap<>();
  private final Map<String, Set<String>> commonWords = new HashMap<>();
  private final Map<String, Map<String, Integer>> knownNames = new HashMap<>();
  private final Map<String, EntityType> knownTypes = new HashMap<>();
  private final Map<String, Map<EntityType, Integer>> canonicalTypes = new HashMap<>();
  private final TextAnalyzer analyzer = new TextAnalyzer();

  /** One annotated mention, with offsets in UTF-16 chars. */
  record Gold(int start, int end, String surface, String lemma, EntityType type, String id) {}

  /**
   * The annotated files under {@code root}, as paths relative to it ({@code raw/…/*.txt}): those
   * listed in {@code split} when it is given (one a line), else every raw file with annotations.
   */
  static List<String> files(Path root, Path split) throws IOException {
    if (!Files.isDirectory(root.resolve("raw")) || !Files.isDirectory(root.resolve("ner"))) {
      throw new IOException(root + ": not an annotated corpus (expected raw/**/*.txt with ner/**/*.tsv beside)");
    }
    if (split != null) {
      return Files.readAllLines(split).stream().map(String::trim).filter(f -> !f.isEmpty()).toList();
    }
    try (var walk = Files.walk(root.resolve("raw"))) {
      return walk.filter(f -> f.toString().endsWith(".txt"))
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .filter(f -> Files.isRegularFile(root.resolve(annotationsOf(f))))
          .sorted().toList();
    }
  }

  /** Learns from the annotated files {@code files} (relative to {@code root}). */
  static Knowledge.Learned learn(Path root, List<String> files) throws IOException {
    SlavicNerLearner learner = new SlavicNerLearner();
    for (String file : files) {
      learner.countLowerCaseWords(languageOf(file), Files.readString(root.resolve(file), StandardCharsets.UTF_8));
    }
    learner.freezeCommonWords();
    for (String file : files) {
      learner.learnFile(root, file);
    }
    return learner.build();
  }

  /** The language of a corpus file: the name of its folder, an ISO 639-1 code ({@code raw/<topic>/<lang>/<file>}). */
  static String languageOf(String file) {
    String[] parts = file.split("/");
    String folder = parts.length >= 2 ? parts[parts.length - 2] : "";
    if (!LANGUAGE.matcher(folder).matches()) {
      throw new IllegalArgumentException(file + ": cannot tell its language; put it in a folder named by its"
          + " ISO 639-1 code (raw/<topic>/<lang>/<name>.txt)");
    }
    return folder;
  }

  /** The annotation file of a raw file: {@code raw/a/b.txt} → {@code ner/a/b.tsv}. */
  static String annotationsOf(String file) {
    return file.replaceFirst("^raw/", "ner/").replaceFirst("\\.txt$", ".tsv");
  }

  /** Reads a raw file's text and its gold mentions, offsets mapped from code points. */
  static Map.Entry<String, List<Gold>> read(Path root, String file) throws IOException {
    String text = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
    Path ner = root.resolve(annotationsOf(file));
    List<Gold> gold = new ArrayList<>();
    if (Files.isRegularFile(ner)) {
      List<String> lines = Files.readAllLines(ner, StandardCharsets.UTF_8);
      for (int n = 0; n < lines.size(); n++) {
        String[] f = lines.get(n).split("\t");
        if (f.length < 6) {
          continue;
        }
        try {
          int start = text.offsetByCodePoints(0, Integer.parseInt(f[0]));
          int end = text.offsetByCodePoints(start, Integer.parseInt(f[1]) - Integer.parseInt(f[0]));
          gold.add(new Gold(start, end, f[2], f[3], EntityType.ofLabel(f[4]), f[5]));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
          throw new IOException(ner + ": line " + (n + 1) + ": not start, end, surface, lemma, type, id"
              + " within the text (" + e.getMessage() + ")", e);
        }
      }
    }
    return Map.entry(text, gold);
  }

  /** The canonical name in a cross-lingual id: {@code PER-Volodymyr-Zelensky} → Volodymyr Zelensky. */
  static String nameOfId(String id) {
    int dash = id.indexOf('-');
    return (dash < 0 ? id : id.substring(dash + 1)).replace('-', ' ').replace('_', ' ').trim();
  }

  /** Counts the words written in lower case: a capitalised one of them opens a sentence, not a name. */
  private void countLowerCaseWords(String lang, String text) {
    Map<String, Integer> counts = lowerCaseCounts.computeIfAbsent(lang, l -> new HashMap<>());
    int i = 0;
    while (i < text.length()) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (Character.isLowerCase(text.charAt(start))) {
        counts.merge(text.substring(start, i), 1, Integer::sum);
      }
    }
  }

  private void freezeCommonWords() {
    lowerCaseCounts.forEach((lang, counts) -> {
      Set<String> common = new HashSet<>();
      counts.forEach((w, n) -> {
        if (n >= 2) {
          common.add(w);
        }
      });
      commonWords.put(lang, Set.copyOf(common));
    });
    lowerCaseCounts.clear();
  }

  private void learnFile(Path root, String file) throws IOException {
    String lang = languageOf(file);
    Map.Entry<String, List<Gold>> read = read(root, file);
    String text = read.getKey();
    List<Gold> golds = read.getValue();
    Gazetteer gazetteer = gazetteers.computeIfAbsent(lang, l -> new Gazetteer());
    SuffixRules lemmaRules = rules.computeIfAbsent(lang, l -> new SuffixRules());
    AnalyzedText analysed = analyzer.analyze(Languages.of(lang), text);
    List<Token> tokens = analysed.tokens();
    Map<Integer, Integer> tokenAtStart = new HashMap<>();
    Map<Integer, Integer> tokenAtEnd = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      tokenAtStart.put(tokens.get(i).start(), i);
      tokenAtEnd.put(tokens.get(i).end(), i);
    }
    Map<Long, Gold> goldAt = new HashMap<>();
    boolean[] insideGold = new boolean[text.length() + 1];
    for (Gold g : golds) {
      String name = nameOfId(g.id());
      Integer from = tokenAtStart.get(g.start());
      Integer last = tokenAtEnd.get(g.end());
      String lemmaKey = from != null && last != null ? Gazetteer.lemmaKey(tokens, from, last + 1) : null;
      gazetteer.add(g.surface(), lemmaKey, g.type(), g.lemma(), name);
      String[] words = g.surface().split(" ");
      String[] lemmaWords = g.lemma().split(" ");
      if (words.length == lemmaWords.length) {
        for (int w = 0; w < words.length; w++) {
          lemmaRules.learn(g.type(), words[w], lemmaWords[w]);
        }
      }
      String key = EntityIds.key(g.lemma(), lang);
      if (EntityIds.distinctive(key) && !isAcronym(g.lemma())) {
        knownNames.computeIfAbsent(key, k -> new HashMap<>()).merge(name, 1, Integer::sum);
        knownTypes.putIfAbsent(key, g.type());
      }
      canonicalTypes.computeIfAbsent(name, n -> new HashMap<>()).merge(g.type(), 1, Integer::sum);
      goldAt.put(span(g.start(), g.end()), g);
      for (int c = g.start(); c < g.end(); c++) {
        insideGold[c] = true;
      }
    }
    countGazetteerHits(analysed, gazetteer, goldAt);
    learnTypes(analysed, lang, goldAt, insideGold);
  }

  /** Counts, for each gazetteer name met in the text, whether it was annotated there. */
  private static void countGazetteerHits(AnalyzedText text, Gazetteer gazetteer, Map<Long, Gold> goldAt) {
    List<Token> tokens = text.tokens();
    for (int i = 0; i < tokens.size(); ) {
      Gazetteer.Match m = Candidates.mayStartName(tokens.get(i)) ? gazetteer.longest(text, i, false) : null;
      if (m == null) {
        i++;
        continue;
      }
      Gold g = goldAt.get(span(tokens.get(m.from()).start(), tokens.get(m.to() - 1).end()));
      Gazetteer.countMet(m, g != null);
      i = m.to();
    }
  }

  /** Labels every candidate run by the annotation and feeds it to the type model. */
  private void learnTypes(AnalyzedText text, String lang, Map<Long, Gold> goldAt, boolean[] insideGold) {
    TypeModel model = types.computeIfAbsent(lang, l -> new TypeModel());
    NameLexicon lexicon = EntityLanguages.lexicon(lang);
    Set<String> common = commonWords.getOrDefault(lang, Set.of());
    List<Token> tokens = text.tokens();
    for (int i = 0; i < tokens.size(); ) {
      if (!Candidates.nameLike(tokens.get(i))) {
        i++;
        continue;
      }
      int to = Candidates.runEnd(text, i);
      int start = tokens.get(i).start();
      int end = tokens.get(to - 1).end();
      Gold g = goldAt.get(span(start, end));
      boolean overlaps = false;
      for (int c = start; c < end && !overlaps; c++) {
        overlaps = insideGold[c];
      }
      if (g != null || !overlaps) {
        model.learn(TypeModel.features(text, i, to, lexicon, common),
            g == null ? TypeModel.NONE : g.type().name());
      }
      i = to;
    }
  }

  private Knowledge.Learned build() {
    for (String lang : gazetteers.keySet()) {
      Linker.addAliasesTo(gazetteers.get(lang), lang);
      Places.addTo(gazetteers.get(lang), lang);
      gazetteers.get(lang).freeze();
      rules.get(lang).freeze();
      types.get(lang).freeze();
    }
    english();
    Map<String, KnownEntities.Known> known = new HashMap<>();
    knownNames.forEach((key, names) -> names.entrySet().stream().max(Map.Entry.comparingByValue())
        .ifPresent(e -> known.put(key, new KnownEntities.Known(e.getKey(), knownTypes.get(key)))));
    return new Knowledge.Learned(gazetteers, rules, types, commonWords, known);
  }

  /**
   * English knowledge from the corpus's cross-lingual ids, which name entities in English
   * (PER-Volodymyr-Zelensky): a gazetteer of those names, seen at least twice.
   */
  private void english() {
    Gazetteer gazetteer = new Gazetteer();
    canonicalTypes.forEach((name, counts) -> {
      if (counts.values().stream().mapToInt(Integer::intValue).sum() >= 2) {
        EntityType type = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        AnalyzedText a = analyzer.analyze(Languages.of("en"), name);
        String lemmaKey = a.tokens().isEmpty() ? null : Gazetteer.lemmaKey(a.tokens(), 0, a.tokens().size());
        gazetteer.add(name, lemmaKey, type, name, name);
      }
    });
    Linker.addAliasesTo(gazetteer, "en");
    Places.addTo(gazetteer, "en");
    gazetteer.freeze();
    SuffixRules noRules = new SuffixRules();
    noRules.freeze();
    TypeModel untrained = new TypeModel();
    untrained.freeze();
    gazetteers.put("en", gazetteer);
    rules.put("en", noRules);
    types.put("en", untrained);
  }

  private static boolean isAcronym(String lemma) {
    return lemma.length() > 1 && lemma.equals(lemma.toUpperCase(java.util.Locale.ROOT));
  }

  private static long span(int start, int end) {
    return (long) start * 1_000_003L + end; // Long hashes this well; start << 32 | end collides
  }
}
