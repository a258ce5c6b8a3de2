package org.kronika.store;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.kronika.entity.KnownEntities;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.model.Storyline;
import org.kronika.story.ArticleFeatures;
import org.kronika.story.StoryIndex;
import org.kronika.story.StoryProfile;
import org.kronika.story.StoryStage;

/**
 * Where articles and stories live, and how they are found again. The embedded implementation
 * is {@link LuceneStore}, the distributed one {@link SolrStore}; both hold the fields
 * {@link StoreField} defines, and both pass the same contract tests.
 *
 * <p>It also remembers every entity its articles named ({@link KnownEntities}), so that later
 * articles reuse them.
 *
 * <p>Writes become durable together at {@link #commit}: after a crash the store holds exactly
 * what the last commit held, so an article is reported as stored only once committed. Reads of
 * {@link StoryIndex} see every write of this session at once. One writer at a time; reads are
 * thread-safe.
 */
public interface Store extends StoryIndex, KnownEntities, Closeable {

  /** Whether an article with this id is stored (or written in this session). */
  boolean contains(String articleId) throws IOException;

  /**
   * Tells the store that {@link #contains} will soon be asked about these articles, so that a
   * store whose every look-up is a round trip ({@link SolrStore}) asks about them together; a
   * local store ignores it.
   */
  default void lookUpArticles(java.util.Collection<String> articleIds) throws IOException {}

  /**
   * Tells the store that {@link #articleWithContent} and {@link #nearDuplicates} will soon be
   * asked about these articles, so that a store whose every look-up is a round trip
   * ({@link SolrStore}) asks about them together; a local store ignores it.
   */
  default void lookUpDuplicates(java.util.Collection<DuplicateKeys> articles) throws IOException {}

  /** What an article's copies are found by: its content hash, and its fingerprint in its language. */
  record DuplicateKeys(String contentHash, long fingerprint, String lang) {}

  /** The id of a stored article with exactly this cleaned content, if any. */
  Optional<String> articleWithContent(String contentHash) throws IOException;

  /**
   * Up to {@code limit} stored articles in {@code lang} whose fingerprint is within
   * {@link org.kronika.story.Fingerprint#NEAR} bits of this one, found through an index of
   * fingerprint bands (never a scan).
   */
  List<String> nearDuplicates(long fingerprint, String lang, int limit) throws IOException;

  /** Adds an article, with the features it is matched by and its story and storyline as they now stand. */
  void add(Article article, ArticleFeatures features, StoryStage.Placement placement) throws IOException;

  /** Up to {@code limit} articles stored in a story in other languages than {@code lang}, those not yet committed included. */
  List<Article> articlesOfStory(String storyId, String lang, int limit) throws IOException;

  /** Writes story or storyline profiles changed outside an article's placement (merges). */
  void update(java.util.Collection<StoryProfile> profiles) throws IOException;

  /** Makes every write so far durable, all or nothing. */
  void commit() throws IOException;

  /** Every stored article, in the order they were stored. */
  void forEachArticle(Consumer<Article> action) throws IOException;

  /** One article by id. */
  Optional<Article> article(String id) throws IOException;

  /** Every story, largest first. */
  List<Story> stories() throws IOException;

  /** The body of one article by id: for callers needing no more of it, which some stores read faster. */
  default Optional<String> articleBody(String id) throws IOException {
    return article(id).map(Article::body);
  }

  /** Every storyline, largest and freshest first. */
  default List<Storyline> storylines() throws IOException {
    return storylines(stories());
  }

  /**
   * The storylines of {@code stories} (as {@link #stories} listed them), largest and freshest
   * first: for callers that list both, without reading every article twice.
   */
  List<Storyline> storylines(List<Story> stories) throws IOException;

  /** Ranked articles for a query in any language; {@code lang} may be {@code null}. */
  List<SearchHit> search(String query, String lang, int limit) throws IOException;

  /** A search result: the article, its score, and a snippet of text around the match. */
  record SearchHit(Article article, float score, String snippet) {}

  /**
   * Ids and scores of the articles matching a query, best first, up to {@code limit}, without
   * reading the articles themselves: for callers that filter, facet and page every match.
   */
  List<RankedId> searchIds(String query, String lang, int limit) throws IOException;

  /** An article id and its search score. */
  record RankedId(String id, float score) {}

  /**
   * Makes reads see the latest commit (another process's included; for a writer, every write
   * so far) and returns a number that changes whenever what reads see changes. Cheap when
   * nothing changed; meant to be polled.
   */
  long refreshReads() throws IOException;
}
