package org.kronika.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Learns {@link Knowledge} from the training split of the SlavicNER corpus
 * (Piskorski et al. 2024): gazetteers of the names annotated there with their lemmas and
 * cross-lingual ids, lemma rules, the type model, and known entities; and English names from
 * those ids. Reads only the files listed in {@value #TRAINING_SPLIT}, never the test split.
 * What it yields are derived counts and names, no running text ({@link KnowledgeCache} may
 * keep them on disk). Costs one analysis pass over the training articles (half a minute on
 * this machine). Not thread-safe; use once.
 */
final class SlavicNerLearner {
  static final String TRAINING_SPLIT = "SPLIT_cross-topic_train.txt";

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

  /** Whether {@code root} holds the corpus with its training split. */
  static boolean available(Path root) {
    return root != null && Files.isRegularFile(root.resolve(TRAINING_SPLIT));
  }

  /** Learns from the training split under {@code root}. */
  static Knowledge.Learned learn(Path root) {
    SlavicNerLearner learner = new SlavicNerLearner();
    try {
      List<String> files = Files.readAllLines(root.resolve(TRAINING_SPLIT)).stream()
          .map(String::trim).filter(f -> !f.isEmpty()).toList();
      for (String file : files) {
        learner.countLowerCaseWords(languageOf(file),
            Files.readString(root.resolve(file), StandardCharsets.UTF_8));
      }
      learner.freezeCommonWords();
      for (String file : files) {
        learner.learnFile(root, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the SlavicNER training split under " + root, e);
    }
    return learner.build();
  }

  /** The language of a corpus file, from its path {@code raw/<topic>/<lang>/<file>}. */
  static String languageOf(String file) {
    return file.split("/")[2];
  }

  /** Reads a raw file's text and its gold mentions, offsets mapped from code points. */
  static Map.Entry<String, List<Gold>> read(Path root, String file) throws IOException {
    String text = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
    Path ner = root.resolve(file.replaceFirst("^raw/", "ner/").replaceFirst("\\.txt$", ".tsv"));
    List<Gold> gold = new ArrayList<>();
    if (Files.isRegularFile(ner)) {
      for (String line : Files.readAllLines(ner, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t");
        if (f.length < 6) {
          continue;
        }
        int start = text.offsetByCodePoints(0, Integer.parseInt(f[0]));
        int end = text.offsetByCodePoints(start, Integer.parseInt(f[1]) - Integer.parseInt(f[0]));
        gold.add(new Gold(start, end, f[2], f[3], EntityType.ofLabel(f[4]), f[5]));
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
      Knowledge.addCountries(gazetteers.get(lang), lang);
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
    Knowledge.addCountries(gazetteer, "en");
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
