package org.kronika.story;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kronika.story.StoryIndex.WeightedTerm;

/**
 * The story stage: puts each new article into the story of the same development, or opens a
 * new one. Online and incremental: a few candidate stories come from the index by the
 * article's strongest terms, each is scored, and the best joins when it scores above the
 * threshold. Cost per article is one index query and a few vector comparisons, however large
 * the store. Thread-safe (holds no state); callers assign one article at a time so each sees
 * the stories of the articles before it.
 *
 * <p>Similarity mixes three cosines: names (which cross languages), content lemmas (which
 * only meet within a language) and numbers. Against a story with no article in the new
 * article's language, the names and numbers carry the whole score, so a translation can
 * join its original. Stories fade with the days between the article and the story.
 */
public final class StoryAssigner {
  /** Tunable parameters. */
  public record Options(double threshold, int candidates, int queryTermsPerKind, double graceDays,
                        double decayDays) {
    public static final Options DEFAULT = new Options(0.30, 10, 6, 2, 5);
  }

  /** The story an article joins (as it is with the article) and how it got there. */
  public record Assignment(StoryProfile story, boolean opened, double similarity) {}

  private final Options options;

  public StoryAssigner(Options options) {
    this.options = options;
  }

  public StoryAssigner() {
    this(Options.DEFAULT);
  }

  /** Assigns an article; the index is only read. */
  public Assignment assign(String articleId, String title, LocalDate date, ArticleFeatures features,
                           StoryIndex index) {
    WeightedFeatures v = weigh(features, index);
    StoryProfile best = null;
    double bestScore = 0;
    for (StoryProfile candidate : index.candidates(queryTerms(v), date, options.candidates())) {
      double s = similarity(v, features.lang(), date, candidate);
      if (s > bestScore) {
        best = candidate;
        bestScore = s;
      }
    }
    if (best != null && bestScore >= options.threshold()) {
      return new Assignment(best.plus(title, features, v, date), false, bestScore);
    }
    return new Assignment(StoryProfile.open("s" + articleId, title, features, v, date), true, bestScore);
  }

  /** Tf-idf weights from the index's statistics. */
  public static WeightedFeatures weigh(ArticleFeatures features, StoryIndex index) {
    double n = index.articleCount() + 1;
    return WeightedFeatures.of(features, term -> Math.log(n / (index.documentFrequency(term) + 1)) + 1);
  }

  /** How well an article fits a story, from 0 to 1. */
  double similarity(WeightedFeatures v, String lang, LocalDate date, StoryProfile story) {
    double names = story.names().cosine(v.names());
    double numbers = story.numbers().cosine(v.numbers());
    double s;
    if (story.langs().contains(lang)) {
      s = 0.4 * names + 0.5 * story.words().cosine(v.words()) + 0.1 * numbers;
    } else {
      s = 0.8 * names + 0.2 * numbers;
    }
    long gap = daysApart(date, story.first(), story.last());
    if (gap > options.graceDays()) {
      s *= Math.exp(-(gap - options.graceDays()) / options.decayDays());
    }
    return s;
  }

  private static long daysApart(LocalDate date, LocalDate first, LocalDate last) {
    if (date == null || first == null) {
      return 0;
    }
    if (date.isBefore(first)) {
      return ChronoUnit.DAYS.between(date, first);
    }
    return date.isAfter(last) ? ChronoUnit.DAYS.between(last, date) : 0;
  }

  private List<WeightedTerm> queryTerms(WeightedFeatures v) {
    List<WeightedTerm> out = new ArrayList<>();
    strongest(v.names(), ArticleFeatures.NAME, options.queryTermsPerKind(), out);
    strongest(v.words(), ArticleFeatures.WORD, options.queryTermsPerKind(), out);
    strongest(v.numbers(), ArticleFeatures.NUMBER, options.queryTermsPerKind() / 3, out);
    return out;
  }

  private static void strongest(Map<String, Float> v, String prefix, int n, List<WeightedTerm> out) {
    v.entrySet().stream().sorted(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder()))
        .limit(n).forEach(e -> out.add(new WeightedTerm(prefix + e.getKey(), e.getValue())));
  }
}
