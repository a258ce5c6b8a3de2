package org.kronika.story;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.kronika.model.Why;
import org.kronika.story.StoryIndex.WeightedTerm;

/**
 * Puts an article into the best-fitting group of one level (a story, or a storyline) or opens
 * a new one. Online and incremental: a few candidates come from the index by the article's
 * strongest terms, each is scored, and the best joins when it scores above the threshold.
 * Cost per article is one index query and a few vector comparisons, however large the store.
 * Thread-safe (holds no state).
 *
 * <p>The score is a weighted sum of cosines per feature kind. Against a group with no
 * article in the new article's language, the kinds that cross languages (names, keys,
 * numbers) carry the whole score, so a translation can join its original. Groups fade with
 * the days between the article and the group's dates.
 */
public final class StoryAssigner {
  /**
   * Tunable parameters of one level.
   *
   * @param threshold      the similarity an article needs to join a group with an article in its language
   * @param crossThreshold the similarity it needs to join a group with none when both sides have
   *                       words translated into English: those make half the score, and the cosine of
   *                       two translated vocabularies runs lower than that of two names' (the best bar
   *                       on half of the SemEval-2022 pairs, docs/stories.md); between
   *                       languages without a dictionary the score is the names', keys' and numbers'
   *                       alone, as tuned for {@code threshold} (applied there instead, lowering it
   *                       joined more Slavic stories across languages and cost storylines 0.02 F1)
   * @param datedToFade    the dated articles a group needs (all of them, when it holds fewer) for
   *                       its dates to fade a merge: a storyline's dates are those of its dated
   *                       articles, and where few are dated (a dateline dates one SlavicNER article in
   *                       seven) one stray of another subject dated it months away from its own
   */
  public record Options(double threshold, double crossThreshold, int candidates, int queryTermsPerKind,
                        double graceDays, double decayDays, Map<Feature, Double> sameLanguage,
                        Map<Feature, Double> crossLanguage, double mergeThreshold, int datedToFade) {
    /** Stories: one development, days apart at most; never merged. */
    public static final Options STORY = new Options(0.30, 0.17, 6, 6, 2, 5,
        weights(0.35, 0.40, 0.15, 0.10, 0), weights(0.60, 0, 0.30, 0.10, 1.0), Double.POSITIVE_INFINITY, 1);
    /** Storylines: one long-running subject, over weeks; merged when two grow alike. */
    public static final Options STORYLINE = new Options(0.07, 0.07, 10, 8, 14, 30,
        weights(0.35, 0.40, 0.15, 0.10, 0), weights(0.60, 0, 0.30, 0.10, 1.0), 0.13, 3);

    /** These options with another joining threshold, the cross-language one scaled alike. */
    public Options withThreshold(double newThreshold) {
      return new Options(newThreshold, threshold == 0 ? crossThreshold : crossThreshold * newThreshold / threshold,
          candidates, queryTermsPerKind, graceDays, decayDays, sameLanguage, crossLanguage, mergeThreshold, datedToFade);
    }

    /** These options with another threshold for joining across translated languages. */
    public Options withCrossThreshold(double newCrossThreshold) {
      return new Options(threshold, newCrossThreshold, candidates, queryTermsPerKind, graceDays, decayDays, sameLanguage,
          crossLanguage, mergeThreshold, datedToFade);
    }

    /** These options with another merging threshold. */
    public Options withMergeThreshold(double newThreshold) {
      return new Options(threshold, crossThreshold, candidates, queryTermsPerKind, graceDays, decayDays, sameLanguage,
          crossLanguage, newThreshold, datedToFade);
    }

    /** These options with another count of dated articles a group needs for its dates to fade a merge. */
    public Options withDatedToFade(int dated) {
      return new Options(threshold, crossThreshold, candidates, queryTermsPerKind, graceDays, decayDays, sameLanguage,
          crossLanguage, mergeThreshold, dated);
    }

    /**
     * Weights for names, words, keys, numbers and words translated into English. Where one side
     * has no translated words (no dictionary for its language), the others share the whole score.
     */
    public static Map<Feature, Double> weights(double names, double words, double keys, double numbers,
                                               double translated) {
      Map<Feature, Double> w = new EnumMap<>(Feature.class);
      w.put(Feature.NAME, names);
      w.put(Feature.WORD, words);
      w.put(Feature.KEY, keys);
      w.put(Feature.NUMBER, numbers);
      w.put(Feature.TRANSLATED, translated);
      return w;
    }
  }

  /**
   * The group an article joins (as it is with the article) and how it got there: the similarity
   * to the best group, and when it joined that group, the evidence ({@code null} when it opened one).
   */
  public record Assignment(StoryProfile group, boolean opened, double similarity, Why why) {}

  /** Shared features listed as evidence, the strongest. */
  private static final int EVIDENCE = 8;
  /** Shared features giving less of the similarity than this are not listed. */
  private static final double SMALLEST_EVIDENCE = 0.005;

  /** The size from which a storyline's centroid counts as settled when deciding a merge. */
  private static final int SETTLED_STORYLINE = 100;

  /** Names counted as a group's central ones when deciding whether two groups may merge. */
  private static final int CENTRAL_NAMES = 15;

  /** The other group's strongest names among which one of a group's central entities must be. */
  private static final int NAMES_MATCHED = 40;

  private static final String STORY_PREFIX = "s";
  private static final String STORYLINE_PREFIX = "l";

  private final StoryProfile.Level level;
  private final Options options;
  /**
   * The cross-language weights for a group that has articles in the article's language, scored
   * as if it had none: its translated words would only repeat the words the language shares.
   */
  private final Map<Feature, Double> languageNeutral;

  public StoryAssigner(StoryProfile.Level level, Options options) {
    this.level = level;
    this.options = options;
    Map<Feature, Double> neutral = new EnumMap<>(options.crossLanguage());
    neutral.put(Feature.TRANSLATED, 0.0);
    this.languageNeutral = Map.copyOf(neutral);
  }

  /** Assigns an article, weighed as {@code v}, with its headline ({@code null} for none); the index is only read. */
  public Assignment assign(String articleId, Headline headline, LocalDate date, ArticleFeatures features,
                           WeightedFeatures v, StoryIndex index) {
    StoryProfile best = null;
    double bestScore = 0;
    for (StoryProfile candidate : index.candidates(level, queryTerms(v.vectors()), date, options.candidates())) {
      if (candidate.mergedInto() != null) {
        continue;
      }
      double s = similarity(v, features.lang(), date, candidate);
      if (s > bestScore) {
        best = candidate;
        bestScore = s;
      }
    }
    if (best != null && bestScore >= joiningThreshold(best,
        translatedAcross(List.of(features.lang()), Centroid.of(v.sparse(Feature.TRANSLATED)), best))) {
      return new Assignment(best.plus(headline, features, v, date), false, bestScore,
          explain(v, features, date, best, bestScore));
    }
    String id = (level == StoryProfile.Level.STORY ? STORY_PREFIX : STORYLINE_PREFIX) + articleId;
    return new Assignment(StoryProfile.open(id, level, headline, features, v, date), true, bestScore, null);
  }

  /**
   * The similarity an article needs to join a group. A storyline of a few articles is weak
   * evidence of a subject: whatever two articles of a season share can make a second subject
   * join it, and the storyline then attracts both. So the bar starts at twice the threshold and
   * falls towards it as the storyline grows (one-and-a-half times at two articles). Fed the
   * corpus in a random order, storylines opened by such joins were the main loss.
   */
  private double joiningThreshold(StoryProfile group, boolean translatedAcross) {
    double threshold = translatedAcross ? options.crossThreshold() : options.threshold();
    return level == StoryProfile.Level.STORYLINE ? threshold * (1 + 1.0 / group.size()) : threshold;
  }

  /**
   * How well an article fits a group, from 0 to 1. A storyline is also scored as if it had no
   * article in the article's language, and keeps the better score: a storyline written mostly in
   * other languages, with a few articles in this one, shares few of its words, and weighed as a
   * same-language group its names count for less than across languages. It then lost its
   * subject's articles to another subject's storyline written mostly in their language (Russian
   * reports of a forced landing in Minsk went to a Russian-heavy pipeline storyline).
   */
  double similarity(WeightedFeatures v, String lang, LocalDate date, StoryProfile group) {
    boolean sameLanguage = group.langs().contains(lang);
    return weigh(article(v), sameLanguage, sameLanguage && level == StoryProfile.Level.STORYLINE, group).score()
        * fade(daysApart(date, date, group.first(), group.last()));
  }

  /** The weights a similarity was taken under, and the score they gave, before fading. */
  private record Weighed(Map<Feature, Double> weights, double score) {}

  /**
   * How alike one side (an article's vectors, or a grown member's centroids) is to a group, under
   * the weights for sharing a language or not, and, with {@code neutralToo}, under the
   * language-neutral weights as well, whichever scores higher.
   */
  private Weighed weigh(Function<Feature, Centroid> mine, boolean sameLanguage, boolean neutralToo, StoryProfile group) {
    Map<Feature, Double> weights = sameLanguage ? options.sameLanguage() : options.crossLanguage();
    double score = weightedShare(weights, mine, group);
    double neutral = neutralToo ? weightedShare(languageNeutral, mine, group) : 0;
    return neutral > score ? new Weighed(languageNeutral, neutral) : new Weighed(weights, score);
  }

  /** An article's vectors as centroids of one article (unit length, so cosines are unchanged). */
  private static Function<Feature, Centroid> article(WeightedFeatures v) {
    return kind -> Centroid.of(v.sparse(kind));
  }

  /** The weighted mean of the cosines, kind by kind, over the kinds both sides can have. */
  private static double weightedShare(Map<Feature, Double> weights, Function<Feature, Centroid> mine,
                                      StoryProfile group) {
    double s = 0;
    for (Map.Entry<Feature, Double> w : weights.entrySet()) {
      Centroid theirs = group.centroid(w.getKey());
      Centroid own = mine.apply(w.getKey());
      if (w.getValue() > 0 && bothHave(w.getKey(), own, theirs)) {
        s += w.getValue() * theirs.cosine(own);
      }
    }
    double total = usableWeight(weights, mine, group);
    return total > 0 ? s / total : 0;
  }

  /** The sum of the weights of the kinds both sides can have: translated words only where both have them. */
  private static double usableWeight(Map<Feature, Double> weights, Function<Feature, Centroid> mine, StoryProfile group) {
    double total = 0;
    for (Map.Entry<Feature, Double> w : weights.entrySet()) {
      if (bothHave(w.getKey(), mine.apply(w.getKey()), group.centroid(w.getKey()))) {
        total += w.getValue();
      }
    }
    return total;
  }

  private static boolean bothHave(Feature kind, Centroid mine, Centroid theirs) {
    return kind != Feature.TRANSLATED || (mine.norm() > 0 && theirs.norm() > 0);
  }

  /** Whether one side is weighed against a group in none of its languages, with translated words on both sides. */
  private static boolean translatedAcross(java.util.Collection<String> langs, Centroid translated, StoryProfile group) {
    return langs.stream().noneMatch(group.langs()::contains)
        && bothHave(Feature.TRANSLATED, translated, group.centroid(Feature.TRANSLATED));
  }

  /**
   * The evidence for an article's {@link #similarity} to a group: each shared feature's part of
   * it, under the weights that gave the similarity, strongest first.
   */
  Why explain(WeightedFeatures v, ArticleFeatures features, LocalDate date, StoryProfile group, double similarity) {
    boolean sameLanguage = group.langs().contains(features.lang());
    Weighed weighed = weigh(article(v), sameLanguage, sameLanguage && level == StoryProfile.Level.STORYLINE, group);
    return explain(weighed.weights(), article(v), features.displayNames(), group,
        fade(daysApart(date, date, group.first(), group.last())), similarity);
  }

  /** The evidence for a grown member's {@link #groupSimilarity} to the group it moves to. */
  Why explain(StoryProfile member, StoryProfile group, double similarity) {
    return explain(groupWeights(member, group), member::centroid, member.displayNames(), group,
        fade(daysApart(member.first(), member.last(), group.first(), group.last())), similarity);
  }

  private Why explain(Map<Feature, Double> weights, Function<Feature, Centroid> from,
                      Map<String, String> displayNames, StoryProfile group, double fade, double similarity) {
    List<Why.Evidence> evidence = new ArrayList<>();
    double total = usableWeight(weights, from, group);
    for (Feature kind : Feature.values()) {
      double w = weights.getOrDefault(kind, 0.0) / total;
      Centroid mine = from.apply(kind);
      Centroid theirs = group.centroid(kind);
      if (w == 0 || mine.norm() == 0 || theirs.norm() == 0) {
        continue;
      }
      Map<String, Float> shared = theirs.weights();
      mine.weights().forEach((term, x) -> {
        Float y = shared.get(term);
        if (y != null) {
          String shown = kind != Feature.NAME ? term
              : displayNames.getOrDefault(term, group.displayNames().getOrDefault(term, ArticleFeatures.entityId(term)));
          evidence.add(new Why.Evidence(kind.evidenceKind(), shown, w * x * y / (mine.norm() * theirs.norm()) * fade));
        }
      });
    }
    // an entity and its name's key read alike (NATO, NATO): one line, their parts summed
    Map<List<String>, Double> summed = new java.util.LinkedHashMap<>();
    evidence.forEach(e -> summed.merge(List.of(e.kind(), e.value()), e.weight(), Double::sum));
    return new Why(round(similarity), summed.entrySet().stream()
        .map(e -> new Why.Evidence(e.getKey().get(0), e.getKey().get(1), e.getValue()))
        .filter(e -> e.weight() >= SMALLEST_EVIDENCE)
        .sorted(Comparator.comparingDouble(Why.Evidence::weight).reversed().thenComparing(Why.Evidence::value))
        .limit(EVIDENCE).map(e -> new Why.Evidence(e.kind(), e.value(), round(e.weight()))).toList());
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  /** How much a similarity keeps across a gap of days: whole within the grace days, then decaying. */
  private double fade(long gap) {
    return gap > options.graceDays() ? Math.exp(-(gap - options.graceDays()) / options.decayDays()) : 1;
  }

  /** Days between two date ranges, 0 when they overlap or one is undated. */
  private static long daysApart(LocalDate first, LocalDate last, LocalDate otherFirst, LocalDate otherLast) {
    if (first == null || otherFirst == null) {
      return 0;
    }
    if (last.isBefore(otherFirst)) {
      return ChronoUnit.DAYS.between(last, otherFirst);
    }
    return first.isAfter(otherLast) ? ChronoUnit.DAYS.between(otherLast, first) : 0;
  }

  /**
   * Merges groups that have grown alike: each changed group is compared with its candidates,
   * centroid to centroid, and a candidate close enough is absorbed by the larger of the two,
   * the smaller keeping only a forwarding address ({@link StoryProfile#mergedInto}). Returns
   * the profiles to write. Cost: one index query per changed group.
   */
  public List<StoryProfile> reconcile(java.util.Collection<String> changed, StoryIndex index) {
    return reconcile(changed, index, false);
  }

  /**
   * As {@link #reconcile(java.util.Collection, StoryIndex)}; with {@code concurrent} writers the
   * group with the smaller id absorbs the other, whatever their sizes, so that two writers
   * merging the same pair at once, each seeing the sizes it last read, agree on the direction
   * (opposite directions would leave two groups forwarding to each other).
   */
  public List<StoryProfile> reconcile(java.util.Collection<String> changed, StoryIndex index, boolean concurrent) {
    Map<String, StoryProfile> updated = new java.util.LinkedHashMap<>();
    for (String id : changed) {
      StoryProfile group = StoryStage.resolve(id, updated, index).orElse(null);
      if (group == null) {
        continue;
      }
      for (StoryProfile found : index.candidates(level, queryTerms(group), null, options.candidates())) {
        StoryProfile other = updated.getOrDefault(found.id(), found);
        if (other.id().equals(group.id()) || other.mergedInto() != null) {
          continue;
        }
        if (mergeable(group, other, index)) {
          StoryProfile big = concurrent ? (group.id().compareTo(other.id()) <= 0 ? group : other)
              : group.size() >= other.size() ? group : other;
          StoryProfile small = big == group ? other : group;
          group = big.absorb(small);
          updated.put(group.id(), group);
          updated.put(small.id(), small.mergedInto(group.id()));
        }
      }
    }
    return new ArrayList<>(updated.values());
  }

  /**
   * Whether two stories were opened by two writers that could not see each other's: only those
   * merge. A story one writer could see when it opened the other was weighed and left by that
   * story's first article, as a single writer would have; merging them after all made stories
   * several times larger than a single writer's.
   */
  private static boolean openedInParallel(StoryProfile a, StoryProfile b, StoryIndex index) {
    Optional<StoryIndex.Opening> first = index.opening(a.id());
    Optional<StoryIndex.Opening> second = index.opening(b.id());
    return first.isPresent() && second.isPresent() && first.get().inParallelWith(second.get());
  }

  /**
   * Whether two groups are alike enough to merge. Stories merge only when two writers opened
   * them in parallel ({@link #openedInParallel}), at the joining threshold. Storylines must also share a central name and,
   * when both have {@value #SETTLED_STORYLINE} articles or more, be half as much again alike:
   * the centroids of two grown storylines are alike by all that a season's news share, each
   * one's noise averaged away (below that size, merges joined one subject's storylines in
   * different languages; above it, two subjects of one season). Two storylines are also scored
   * as if they shared no language, keeping the better score, as an article is against a
   * storyline ({@link #similarity}): storylines of one subject written mostly in different
   * languages share one by a few articles, and weighed as same-language groups their words,
   * mostly apart, outweighed their names (Brexit stayed in a Polish-Czech and a
   * Bulgarian-Russian storyline of 823 and 699 articles).
   */
  boolean mergeable(StoryProfile a, StoryProfile b, StoryIndex index) {
    if (level == StoryProfile.Level.STORY) {
      return groupSimilarity(a, b) >= options.mergeThreshold() && openedInParallel(a, b, index);
    }
    double similarity = Math.max(groupSimilarity(a, b), weightedShare(languageNeutral, a::centroid, b));
    double settled = Math.min(a.size(), b.size()) >= SETTLED_STORYLINE ? 1.5 : 1;
    return similarity * fade(mergeGap(a, b)) >= options.mergeThreshold() * settled && shareCentralNames(a, b);
  }

  /**
   * Days between two groups when deciding a merge: 0 when either's dates rest on too few of its
   * articles ({@link Options#datedToFade}). Only merges: an article joining, or a story moving,
   * fades by the dates as they are (taking them as undated there too cost storylines 0.02 F1).
   */
  private long mergeGap(StoryProfile a, StoryProfile b) {
    return a.datedBy(options.datedToFade()) && b.datedBy(options.datedToFade())
        ? daysApart(a.first(), a.last(), b.first(), b.last()) : 0;
  }

  /**
   * Whether two groups share a central name: one of either's {@value #CENTRAL_NAMES} central
   * names is among the other's {@value #NAMES_MATCHED} strongest. Groups about one subject have
   * their main actors and places in common; groups about two subjects can be alike through words
   * and names every subject of a season shares (a country, "Northern" in Northern Ireland and in
   * Nord Stream), and one such merge makes a group that then attracts both subjects. The other
   * side is read further down because a storyline of one language's reports puts its own
   * country's places and politicians first, and the subject's storyline in other languages holds
   * them too, but below the actors all its languages report (docs/stories.md). When both have
   * recognised entities among their central names, only those count: an entity id names one
   * thing, a name key can stand for several. Groups without names (scripts without capitals)
   * are not held back.
   */
  static boolean shareCentralNames(StoryProfile a, StoryProfile b) {
    List<String> strongestOfA = a.centralNames(NAMES_MATCHED);
    List<String> strongestOfB = b.centralNames(NAMES_MATCHED);
    return centralNameAmongStrongest(central(strongestOfA), strongestOfB)
        || centralNameAmongStrongest(central(strongestOfB), strongestOfA);
  }

  /** A group's central names: the first {@value #CENTRAL_NAMES} of its strongest, which come sorted. */
  private static List<String> central(List<String> strongest) {
    return strongest.subList(0, Math.min(CENTRAL_NAMES, strongest.size()));
  }

  /** Whether one of a group's central names is among another's strongest ({@link #shareCentralNames}). */
  private static boolean centralNameAmongStrongest(List<String> central, List<String> strongest) {
    if (central.stream().anyMatch(ArticleFeatures::isEntity) && strongest.stream().anyMatch(ArticleFeatures::isEntity)) {
      return central.stream().filter(ArticleFeatures::isEntity).anyMatch(strongest::contains);
    }
    return central.isEmpty() || strongest.isEmpty() || central.stream().anyMatch(strongest::contains);
  }

  /**
   * The group a grown member (a story in its storyline) now fits better than the group it is in,
   * centroid to centroid, if any: the member's own group is scored without the member, and the
   * other must also clear its joining threshold. One index query.
   */
  Optional<StoryProfile> betterGroup(StoryProfile member, StoryProfile current, StoryIndex index) {
    if (current.size() <= member.size()) {
      return Optional.empty(); // the member is all its group holds: moving it is a merge
    }
    double bar = groupSimilarity(member, current.without(member));
    StoryProfile best = null;
    for (StoryProfile candidate : index.candidates(level, queryTerms(member), member.first(), options.candidates())) {
      if (candidate.mergedInto() != null || candidate.id().equals(current.id())) {
        continue;
      }
      double s = groupSimilarity(member, candidate)
          * fade(daysApart(member.first(), member.last(), candidate.first(), candidate.last()));
      if (s > bar && s >= joiningThreshold(candidate,
          translatedAcross(member.langs(), member.centroid(Feature.TRANSLATED), candidate))) {
        best = candidate;
        bar = s;
      }
    }
    return Optional.ofNullable(best);
  }

  /** How alike two groups are, centroid to centroid, weighted as an article would be. */
  double groupSimilarity(StoryProfile a, StoryProfile b) {
    return weightedShare(groupWeights(a, b), a::centroid, b);
  }

  /** The weights two groups are compared under: same-language ones when they share a language. */
  private Map<Feature, Double> groupWeights(StoryProfile a, StoryProfile b) {
    return a.langs().stream().anyMatch(b.langs()::contains) ? options.sameLanguage() : options.crossLanguage();
  }

  /** A group's strongest terms, to find the groups alike to it. */
  private List<WeightedTerm> queryTerms(StoryProfile group) {
    Map<Feature, Map<String, Float>> vectors = new java.util.EnumMap<>(Feature.class);
    group.centroids().forEach((kind, c) -> vectors.put(kind, c.weights()));
    return queryTerms(vectors);
  }

  private List<WeightedTerm> queryTerms(Map<Feature, Map<String, Float>> vectors) {
    List<WeightedTerm> out = new ArrayList<>();
    for (Feature kind : Feature.values()) {
      int n = kind == Feature.NUMBER ? Math.max(1, options.queryTermsPerKind() / 3) : options.queryTermsPerKind();
      vectors.getOrDefault(kind, Map.of()).entrySet().stream()
          .sorted(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder()))
          .limit(n).forEach(e -> out.add(new WeightedTerm(kind.term(e.getKey()), e.getValue())));
    }
    return out;
  }
}
