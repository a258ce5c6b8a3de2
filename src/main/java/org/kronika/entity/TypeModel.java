package org.kronika.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kronika.analysis.AnalyzedText;
import org.kronika.analysis.Token;

/**
 * Decides whether a run of capitalised words no gazetteer knows is a name, and of which type:
 * a naive Bayes model over the run's endings, shape, neighbours and dictionary kinds, learned
 * from the candidates of a labelled corpus. Cost: a dozen map look-ups per candidate.
 * Not thread-safe while learning; thread-safe once {@link #freeze() frozen}.
 */
final class TypeModel implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** The outcome for a run that is not a name. */
  static final String NONE = "NONE";
  private static final String[] CLASSES = {"PER", "ORG", "LOC", "MISC", NONE};

  private final Map<String, int[]> featureCounts = new HashMap<>();
  private final int[] classCounts = new int[CLASSES.length];
  private final double[] prior = new double[CLASSES.length];
  private int vocabulary;

  /** Learns that a run with these features is of class {@code label}. */
  void learn(List<String> features, String label) {
    int c = indexOf(label);
    classCounts[c]++;
    for (String f : features) {
      featureCounts.computeIfAbsent(f, x -> new int[CLASSES.length])[c]++;
    }
  }

  void freeze() {
    int total = 0;
    for (int n : classCounts) {
      total += n;
    }
    for (int c = 0; c < CLASSES.length; c++) {
      prior[c] = Math.log((classCounts[c] + 1.0) / (total + CLASSES.length));
    }
    vocabulary = featureCounts.size();
  }

  /** Whether anything was learned. */
  boolean trained() {
    return vocabulary > 0;
  }

  /** The most likely class of a run with these features: PER, ORG, LOC, MISC or {@link #NONE}. */
  String classify(List<String> features) {
    double bestScore = Double.NEGATIVE_INFINITY;
    int best = CLASSES.length - 1;
    for (int c = 0; c < CLASSES.length; c++) {
      double score = prior[c];
      for (String f : features) {
        int[] counts = featureCounts.get(f);
        if (counts != null) {
          score += Math.log((counts[c] + 0.1) / (classCounts[c] + 0.1 * vocabulary));
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return CLASSES[best];
  }

  /**
   * The features of the run {@code from..to}: endings of its last and first word, its length
   * and shape, the words around it, and what the dictionary says of its words.
   */
  static List<String> features(AnalyzedText text, int from, int to, NameLexicon lexicon,
                               Set<String> commonWords) {
    List<Token> tokens = text.tokens();
    Token first = tokens.get(from);
    Token last = tokens.get(to - 1);
    List<String> f = new ArrayList<>(12);
    String lastLower = last.surface().toLowerCase(Locale.ROOT);
    f.add("s3:" + ending(lastLower, 3));
    f.add("s2:" + ending(lastLower, 2));
    f.add("n:" + Math.min(to - from, 3));
    f.add("shape:" + shape(first.surface()));
    f.add("ini:" + first.sentenceInitial());
    f.add("prev:" + (from == 0 || first.sentenceInitial() ? "<s>" : tokens.get(from - 1).lemma()));
    f.add("next:" + (to >= tokens.size() || tokens.get(to).sentenceInitial() ? "</s>" : tokens.get(to).lemma()));
    char before = first.start() > 0 ? text.text().charAt(first.start() - 1) : ' ';
    f.add("quoted:" + ("«\"„“'".indexOf(before) >= 0));
    if (to - from > 1) {
      f.add("f3:" + ending(first.surface().toLowerCase(Locale.ROOT), 3));
    }
    for (int i = from; i < to; i++) {
      String word = tokens.get(i).surface();
      NameLexicon.Reading r = lexicon.read(word, EntityType.MISC);
      String kind = r == null ? "unknown" : r.kind().name();
      f.add((i == from ? "k1:" : i == to - 1 ? "kn:" : "km:") + kind);
      if (i == from) {
        boolean common = commonWords.contains(word.toLowerCase(Locale.ROOT))
            || (r != null && !r.hasProperReading());
        f.add("common:" + common);
      }
    }
    return f;
  }

  private static String ending(String word, int n) {
    return word.length() <= n ? word : word.substring(word.length() - n);
  }

  private static String shape(String word) {
    if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
      return "CAPS";
    }
    for (int i = 1; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i))) {
        return "mixed";
      }
    }
    return "Title";
  }

  private static int indexOf(String label) {
    for (int c = 0; c < CLASSES.length; c++) {
      if (CLASSES[c].equals(label)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown class " + label);
  }
}
