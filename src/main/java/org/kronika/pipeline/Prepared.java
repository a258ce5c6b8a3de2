package org.kronika.pipeline;

import org.kronika.entity.EntityStage;
import org.kronika.model.Article;
import org.kronika.story.ArticleFeatures;

/**
 * An article that went through every per-article stage and waits for the ones that need
 * the store (duplicates, story): the article without story, its matching features, and what
 * it teaches the entity stage ({@code null} for an article prepared elsewhere).
 */
public record Prepared(Article article, ArticleFeatures features, EntityStage.Observed observed) {
  public Prepared(Article article, ArticleFeatures features) {
    this(article, features, null);
  }
}
