package org.kronika.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kronika.model.Article;
import org.kronika.story.ArticleFeatures;
import org.kronika.story.Fingerprint;
import org.kronika.story.StoryIndex.WeightedTerm;
import org.kronika.story.StoryProfile;
import org.kronika.story.StoryStage;

/**
 * What a writer added since its index last became searchable, which its own reads must see at
 * once: article ids and content hashes, fingerprint bands, and the changed story and storyline
 * profiles with the terms they were joined by. Shared by the stores so both answer alike.
 * Not thread-safe.
 */
final class Pending {
  private final Map<String, StoryProfile> groups = new LinkedHashMap<>();
  /**
   * Feature terms of the articles added, to the groups they joined (each once; lists, as they
   * hold a story and its storyline or a few more).
   */
  private final Map<String, List<String>> groupsByTerm = new HashMap<>();
  private final Set<String> ids = new HashSet<>();
  private final Map<String, String> idByHash = new HashMap<>();
  private final Map<String, List<Fingerprinted>> byBand = new HashMap<>();
  private final Map<String, List<Article>> articlesByStory = new HashMap<>();

  private record Fingerprinted(String id, long fingerprint) {}

  /** Records an article with its fingerprint bands, and the groups it joined as they now stand. */
  void add(Article article, ArticleFeatures features, StoryStage.Placement placement, List<String> bands) {
    ids.add(article.id());
    idByHash.put(article.contentHash(), article.id());
    articlesByStory.computeIfAbsent(article.story(), k -> new ArrayList<>()).add(article);
    bands.forEach(b -> byBand.computeIfAbsent(b, k -> new ArrayList<>())
        .add(new Fingerprinted(article.id(), features.fingerprint())));
    for (StoryProfile group : List.of(placement.story(), placement.storyline())) {
      groups.put(group.id(), group);
    }
    String story = placement.story().id();
    String storyline = placement.storyline().id();
    for (String term : features.terms()) {
      List<String> joined = groupsByTerm.computeIfAbsent(term, t -> new ArrayList<>(2));
      if (!joined.contains(story)) {
        joined.add(story);
      }
      if (!joined.contains(storyline)) {
        joined.add(storyline);
      }
    }
  }

  /** Records a group changed outside an article's placement (a merge). */
  void update(StoryProfile group) {
    groups.put(group.id(), group);
  }

  boolean contains(String articleId) {
    return ids.contains(articleId);
  }

  int articles() {
    return ids.size();
  }

  Optional<String> articleWithContent(String contentHash) {
    return Optional.ofNullable(idByHash.get(contentHash));
  }

  /** A changed group, or {@code null}. */
  StoryProfile group(String id) {
    return groups.get(id);
  }

  Collection<StoryProfile> groups() {
    return groups.values();
  }

  /** Adds to {@code found} the pending articles near this fingerprint in one of its bands. */
  void nearDuplicates(long fingerprint, List<String> bands, Collection<String> found) {
    for (String band : bands) {
      for (Fingerprinted p : byBand.getOrDefault(band, List.of())) {
        if (Fingerprint.near(fingerprint, p.fingerprint())) {
          found.add(p.id());
        }
      }
    }
  }

  /**
   * Adds to {@code found} up to {@code limit} changed groups of one level sharing terms with
   * the query, ranked as the index ranks: by the query weight they share.
   */
  void addCandidates(StoryProfile.Level level, Collection<WeightedTerm> terms, int limit,
                     Map<String, StoryProfile> found) {
    Map<String, Double> scores = new HashMap<>();
    for (WeightedTerm t : terms) {
      for (String id : groupsByTerm.getOrDefault(t.term(), List.of())) {
        if (groups.get(id).level() == level && !found.containsKey(id)) {
          scores.merge(id, (double) t.weight(), Double::sum);
        }
      }
    }
    scores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(limit)
        .forEach(e -> found.put(e.getKey(), groups.get(e.getKey())));
  }

  /** Adds the articles of a story in other languages than {@code lang} added since the last refresh, by id. */
  void addArticlesOfStory(String story, String lang, Map<String, Article> found) {
    articlesByStory.getOrDefault(story, List.of()).stream().filter(a -> !a.lang().equals(lang))
        .forEach(a -> found.put(a.id(), a));
  }

  void clear() {
    articlesByStory.clear();
    groups.clear();
    groupsByTerm.clear();
    ids.clear();
    idByHash.clear();
    byBand.clear();
  }
}
