package org.kronika.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kronika.model.Article;

/**
 * A candidate title of a story: one article's headline, its language and the feature terms
 * of the headline alone (names, cross-script keys, numbers), by which it is scored against
 * the story. A story keeps its best few ({@link #KEEP}) in its profile, scored again as the
 * story grows, so choosing a title costs the same however many articles the story has.
 * Immutable.
 *
 * <p>A headline's score is how much of the story's centroids its terms carry, weighted as an
 * article in another language is ({@link StoryAssigner.Options#crossLanguage}): names and
 * keys meet across languages, so no language wins by the number of its articles alone.
 *
 * @param terms prefixed feature terms ({@link Feature#term}) of the headline
 */
public record Headline(String text, String lang, List<String> terms) {
  /** Candidates a story keeps, besides its best English one. */
  static final int KEEP = 5;
  /** An English headline is the title when it scores at least this share of the best one. */
  static final double ENGLISH_SHARE = 0.75;
  /** Fewer words than this is a section name or site chrome ("Новини"), not a headline. */
  static final int MIN_WORDS = 3;
  private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
  private static final String ENGLISH = "en";

  public Headline {
    terms = List.copyOf(terms);
  }

  /** Words of the body's opening that stand in for a missing title. */
  static final int LEAD_WORDS = 12;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s");

  /**
   * The headline of an article with these features; for an article without a title, the
   * opening of its body, with no terms, so that any headline sharing a word with the story
   * ranks above it; {@code null} when the article has neither.
   */
  static Headline of(Article article, ArticleFeatures features) {
    String title = article.title();
    if (title != null && !title.isBlank()) {
      return new Headline(title.strip(), features.lang(), features.headline());
    }
    String sentence = SENTENCE_END.split(article.body().strip(), 2)[0].strip();
    String[] words = sentence.split("\\s+");
    if (sentence.isEmpty()) {
      return null;
    }
    String lead = words.length <= LEAD_WORDS ? sentence : String.join(" ", List.of(words).subList(0, LEAD_WORDS)) + " …";
    return new Headline(lead, features.lang(), List.of());
  }

  /** Whether it reads as a headline: enough words to say what happened. */
  boolean plausible() {
    Matcher m = WORD.matcher(text);
    int words = 0;
    while (words < MIN_WORDS && m.find()) {
      words++;
    }
    return words >= MIN_WORDS;
  }

  /** How representative it is of a story with these centroids, from 0 to 1. */
  double score(Map<Feature, Centroid> centroids) {
    double s = 0;
    for (Map.Entry<Feature, Double> w : StoryAssigner.Options.STORY.crossLanguage().entrySet()) {
      Centroid c = centroids.getOrDefault(w.getKey(), Centroid.EMPTY);
      if (w.getValue() == 0 || c.norm() == 0) {
        continue;
      }
      int n = 0;
      double dot = 0;
      for (String t : terms) {
        if (Feature.of(t) == w.getKey()) {
          n++;
          dot += c.weights().getOrDefault(Feature.value(t), 0f);
        }
      }
      if (n > 0) {
        s += w.getValue() * dot / (Math.sqrt(n) * c.norm()); // cosine with the headline's terms as a unit vector
      }
    }
    return s;
  }

  /**
   * The candidates worth keeping, best first: plausible headlines before the others, then by
   * score against the story's centroids; one per text; at most {@link #KEEP} and the best
   * English one.
   */
  static List<Headline> rank(List<Headline> candidates, Map<Feature, Centroid> centroids) {
    record Scored(Headline h, boolean plausible, double score) {}
    Set<String> texts = new HashSet<>();
    List<Scored> scored = new ArrayList<>();
    for (Headline h : candidates) {
      if (texts.add(h.text())) {
        scored.add(new Scored(h, h.plausible(), h.score(centroids)));
      }
    }
    scored.sort(Comparator.comparing(Scored::plausible).thenComparingDouble(Scored::score).reversed());
    List<Headline> kept = new ArrayList<>();
    boolean english = false;
    for (Scored s : scored) {
      boolean isEnglish = ENGLISH.equals(s.h().lang());
      if (kept.size() < KEEP || (isEnglish && !english)) {
        kept.add(s.h());
        english |= isEnglish;
      }
    }
    return kept;
  }

  /**
   * The title among ranked candidates: the best, or the best English one when it is as
   * plausible and scores {@link #ENGLISH_SHARE} of it; {@code fallback} when there is none.
   */
  static String title(List<Headline> ranked, Map<Feature, Centroid> centroids, String fallback) {
    if (ranked.isEmpty()) {
      return fallback;
    }
    Headline best = ranked.get(0);
    double bar = ENGLISH_SHARE * best.score(centroids);
    for (Headline h : ranked) {
      if (ENGLISH.equals(h.lang()) && h.plausible() == best.plausible()) {
        return h.score(centroids) >= bar ? h.text() : best.text();
      }
    }
    return best.text();
  }
}
