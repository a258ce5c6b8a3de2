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

  /** How far, in days, a dated group's first and last dates may lie from a candidate article's. */
  int CANDIDATE_DAYS = 30;

  /**
   * Up to {@code limit} profiles of one level sharing the most weight with these prefixed
   * terms; when {@code date} is known, those whose dates lie more than {@link #CANDIDATE_DAYS}
   * from it are left out (undated ones are kept).
   */
  List<StoryProfile> candidates(StoryProfile.Level level, Collection<WeightedTerm> terms, LocalDate date, int limit);

  /** The profile of a story or storyline by id. */
  Optional<StoryProfile> profile(String id);

  /**
   * For a store several writers share: which writer opened a group and when, and from when the
   * others could see it. Empty when the store has one writer, or the group is unknown.
   */
  default Optional<Opening> opening(String groupId) {
    return Optional.empty();
  }

  /**
   * How a group came to be in a store several writers share.
   *
   * @param writer      the writer that opened it
   * @param placedAt    as of when that writer saw the others' groups as it looked for its first
   *                    article's group: what was visible then is all the first article was
   *                    weighed against (epoch milliseconds)
   * @param visibleFrom when the commit that made it visible to the others had ended;
   *                    {@link Long#MAX_VALUE} while that is not known
   */
  record Opening(String writer, long placedAt, long visibleFrom) {
    /**
     * How far the writers' clocks are taken to agree (NTP keeps a network's within a few
     * milliseconds): a commit ending this close to another writer's look is counted as unseen.
     */
    static final long CLOCK_SKEW_MILLIS = 100;

    /**
     * Whether two groups were opened by two writers, each without seeing the other's: neither
     * first article could have joined the other group, as it would have had one writer placed
     * both. A group one first article could see was weighed by it and left.
     */
    public boolean inParallelWith(Opening other) {
      return !writer.equals(other.writer)
          && saturatedAdd(visibleFrom, CLOCK_SKEW_MILLIS) > other.placedAt
          && saturatedAdd(other.visibleFrom, CLOCK_SKEW_MILLIS) > placedAt;
    }

    private static long saturatedAdd(long a, long b) {
      return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }
  }

  /** A prefixed feature term and its weight in the query. */
  record WeightedTerm(String term, float weight) {}
}
