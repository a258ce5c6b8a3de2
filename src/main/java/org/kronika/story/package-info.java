/**
 * Stories and storylines: an article's features ({@code ArticleFeatures}), and the online
 * assignment of articles to stories and of stories to storylines ({@code StoryStage}, tuned in
 * {@code StoryAssigner.Options}) against a {@code StoryIndex}.
 */
package org.kronika.story;
