package org.kronika.pipeline;

import org.kronika.model.Article;
import org.kronika.story.ArticleFeatures;

/**
 * An article that went through every per-article stage and waits for the ones that need
 * the store (duplicates, story): the article without story, and its matching features.
 */
public record Prepared(Article article, ArticleFeatures features) {}
