package org.kronika.store;

import java.util.ArrayList;
import java.util.List;
import org.kronika.internal.Json;
import org.kronika.model.Article;
import org.kronika.story.ArticleFeatures;
import org.kronika.story.Feature;
import org.kronika.story.Fingerprint;

/**
 * What both stores index and keep of an article, each rendering it into its own document (the
 * text field, analysed by each store's own means, aside): its id, content hash, language, story,
 * day ({@code null} when undated), JSON, name keys, fingerprint (0 when it has none) and the
 * fingerprint's bands.
 */
record ArticleDocument(String id, String hash, String lang, String story, Integer day, String json,
                       List<String> names, long fingerprint, List<String> bands) {

  /** The article's document; {@code bands} are {@link #bands}'s. */
  static ArticleDocument of(Article article, ArticleFeatures features, List<String> bands) {
    return new ArticleDocument(article.id(), article.contentHash(), article.lang(), article.story(),
        article.date() == null ? null : (int) article.date().toEpochDay(), Json.write(article),
        new ArrayList<>(features.get(Feature.NAME).keySet()), features.fingerprint(), bands);
  }

  /** The bands of an article's fingerprint, which near duplicates share; none without a fingerprint. */
  static List<String> bands(Article article, ArticleFeatures features) {
    long fingerprint = features.fingerprint();
    return fingerprint == 0 ? List.of() : Fingerprint.bands(fingerprint, article.lang());
  }
}
