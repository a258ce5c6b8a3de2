package org.kronika.story;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What story assignment needs from the store: collection statistics and a handful of
 * candidate stories retrieved by shared terms, never a scan of every story. Implemented by
 * each store (embedded, distributed); sees the stories of articles already assigned in
 * this run as soon as they are assigned.
 */
public interface StoryIndex {
  /** Articles stored so far. */
  long articleCount();

  /** How many stored articles carry a feature term ({@link ArticleFeatures#terms}). */
  int documentFrequency(String term);

  /**
   * Up to {@code limit} stories sharing the most weight with these prefixed terms, most
   * similar first; when {@code date} is known, stories whose dates lie far from it are left out.
   */
  List<StoryProfile> candidates(Collection<WeightedTerm> terms, LocalDate date, int limit);

  /** A prefixed feature term and its weight in the query. */
  record WeightedTerm(String term, float weight) {}
}
