package org.kronika.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's own metric, reproduced exactly so that Kronika's figures
 * stand in the published tables: tokens are maximal runs of letters, digits and {@code _}
 * (case kept); shingles are 4-token windows counted as a multiset (a text shorter than four
 * tokens is one shorter shingle); per page, tp/fp/fn are the multiset overlap and excesses,
 * scaled to sum to one. Corpus precision is the mean over pages with output, corpus recall
 * the mean over pages with gold, F1 their harmonic mean. Stateless and thread-safe.
 */
public final class ShingleMetric {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final int N = 4;

  private ShingleMetric() {}

  /** One page's scaled tp, fp and fn. */
  public record PageScore(double tp, double fp, double fn) {
    /** Whether the page had any expected text. */
    public boolean hasGold() {
      return tp + fn > 0;
    }

    /** Whether the extractor returned any text. */
    public boolean hasOutput() {
      return tp + fp > 0;
    }

    public double precision() {
      return fp == 0 && fn == 0 ? 1 : tp / (tp + fp);
    }

    public double recall() {
      return fp == 0 && fn == 0 ? 1 : tp / (tp + fn);
    }
  }

  /** Corpus precision, recall and F1 over some pages. */
  public record Score(double precision, double recall, int pages) {
    public double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
  }

  /** Scores one page's extracted text against its gold text. */
  public static PageScore page(String gold, String extracted) {
    Map<String, Integer> expected = shingles(gold);
    Map<String, Integer> got = shingles(extracted);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      int g = got.getOrDefault(e.getKey(), 0);
      tp += Math.min(e.getValue(), g);
      fn += Math.max(0, e.getValue() - g);
    }
    for (Map.Entry<String, Integer> e : got.entrySet()) {
      fp += Math.max(0, e.getValue() - expected.getOrDefault(e.getKey(), 0));
    }
    double sum = tp + fp + fn;
    return sum == 0 ? new PageScore(0, 0, 0) : new PageScore(tp / sum, fp / sum, fn / sum);
  }

  /** Averages page scores as the benchmark does. */
  public static Score corpus(List<PageScore> pages) {
    double p = pages.stream().filter(PageScore::hasOutput).mapToDouble(PageScore::precision).average().orElse(0);
    double r = pages.stream().filter(PageScore::hasGold).mapToDouble(PageScore::recall).average().orElse(0);
    return new Score(p, r, pages.size());
  }

  static Map<String, Integer> shingles(String text) {
    List<String> tokens = new java.util.ArrayList<>();
    if (text != null) {
      Matcher m = TOKEN.matcher(text);
      while (m.find()) {
        tokens.add(m.group());
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
      String shingle = String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + N)));
      if (!shingle.isEmpty()) {
        counts.merge(shingle, 1, Integer::sum);
      }
    }
    return counts;
  }
}
