package org.kronika.story;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What story assignment needs from the store: collection statistics and a handful of
 * candidate stories or storylines retrieved by shared terms, never a scan of them all.
 * Implemented by each store (embedded, distributed); sees every profile written in this run
 * as soon as it is written.
 */
public interface StoryIndex {
  /** Articles stored so far. */
  long articleCount();

  /** How many stored articles carry a feature term ({@link ArticleFeatures#terms}). */
  int documentFrequency(String term);

  /**
   * Up to {@code limit} profiles of one level sharing the most weight with these prefixed
   * terms; when {@code date} is known, those whose dates lie far from it are left out.
   */
  List<StoryProfile> candidates(StoryProfile.Level level, Collection<WeightedTerm> terms, LocalDate date, int limit);

  /** The profile of a story or storyline by id. */
  Optional<StoryProfile> profile(String id);

  /** A prefixed feature term and its weight in the query. */
  record WeightedTerm(String term, float weight) {}
}
