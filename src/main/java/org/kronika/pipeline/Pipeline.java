package org.kronika.pipeline;

import java.util.List;
import org.kronika.analysis.Analysis;
import org.kronika.analysis.TextAnalyzer;
import org.kronika.entity.EntityStage;
import org.kronika.extract.Extracted;
import org.kronika.extract.Extractor;
import org.kronika.extract.html.HtmlExtractor;
import org.kronika.extract.text.TextCleaner;
import org.kronika.input.SourceDocument;
import org.kronika.internal.Hashes;
import org.kronika.language.LanguageIdentifier;
import org.kronika.model.Article;
import org.kronika.story.ArticleFeatures;

/**
 * The per-article stages in their one order: extraction (cleaning) → language → analysis →
 * entities and quotes → features. Each stage is a plain function of the record before it, so documents can be
 * prepared on several threads at once; the stages that need the store (duplicates, stories)
 * follow in {@link Ingest}, one article at a time. Thread-safe.
 */
public final class Pipeline {
  static final String EXTRACT = "extract";
  static final String LANGUAGE = "language";
  static final String ANALYSIS = "analysis";
  static final String ENTITIES = "entities+quotes";
  static final String FEATURES = "features";
  /** The stage name under which {@link #times} counts duplicates, story placement and storing. */
  public static final String STORY = "story+store";

  private final Extractor text = new TextCleaner();
  private final Extractor html = new HtmlExtractor();
  private final LanguageIdentifier languages;
  private final TextAnalyzer analyzer = new TextAnalyzer();
  private final EntityStage entities;
  private final StageTimes times = new StageTimes(EXTRACT, LANGUAGE, ANALYSIS, ENTITIES, FEATURES, STORY);

  public Pipeline(LanguageIdentifier languages, EntityStage entities) {
    this.languages = languages;
    this.entities = entities;
  }

  /** Time spent per stage so far. */
  public StageTimes times() {
    return times;
  }

  /** The id an article from this document gets: from its source and its raw content. */
  public static String articleId(SourceDocument doc) {
    return Hashes.of(doc.source(), doc.content());
  }

  /**
   * Runs the per-article stages on a document whose {@link #articleId} the caller has computed
   * (it needed it first, to skip documents already stored). A document whose body cannot be
   * found keeps its title (and lead) as a bodyless article; titles and bodies beyond
   * {@link Article#MAX_TITLE_CHARS} and {@link Article#MAX_BODY_CHARS} are cut, a cut body marks
   * the article truncated.
   *
   * @throws EmptyArticleException when no word is left after cleaning, in a title or a body
   */
  public Prepared prepare(SourceDocument doc, String id) {
    return prepare(doc, id, entities.snapshot());
  }

  /**
   * As {@link #prepare(SourceDocument, String)}, with the entity knowledge of {@code knowledge}:
   * taken when the document arrived, so that its entities do not depend on how far the articles
   * before it had been stored when a worker thread took it up.
   */
  public Prepared prepare(SourceDocument doc, String id, EntityStage.Snapshot knowledge) {
    long t0 = StageTimes.now();
    Extracted e = (doc.format() == SourceDocument.Format.HTML ? html : text).extract(doc);
    String title = e.title() == null || e.title().isBlank() ? null : cut(e.title().strip(), Article.MAX_TITLE_CHARS);
    if (!hasLetter(e.body()) && (title == null || !hasLetter(title))) {
      throw new EmptyArticleException("no text found: no words in a title or a body");
    }
    String body = cut(e.body(), Article.MAX_BODY_CHARS);
    long t1 = StageTimes.now();
    String lang = e.lang() != null ? e.lang() : languages.identify(title == null ? body : title + "\n" + body);
    long t2 = StageTimes.now();
    Analysis analysis = analyzer.analyze(lang, title, body);
    long t3 = StageTimes.now();
    EntityStage.Result found = entities.apply(analysis, knowledge);
    long t4 = StageTimes.now();
    ArticleFeatures features = ArticleFeatures.of(analysis, found.entities());
    long t5 = StageTimes.now();
    times.add(EXTRACT, t1 - t0);
    times.add(LANGUAGE, t2 - t1);
    times.add(ANALYSIS, t3 - t2);
    times.add(ENTITIES, t4 - t3);
    times.add(FEATURES, t5 - t4);
    Article article = new Article(id, doc.source(), e.url(), lang, e.date(), title, e.authors(),
        body, found.entities(), found.quotes(), null, List.of(), Hashes.of(title, body), e.bodyless(),
        e.body().length() > Article.MAX_BODY_CHARS, null);
    return new Prepared(article, features, found.observed());
  }

  /** Whether the text has a letter: one of numbers and punctuation alone (a timestamp) says nothing. */
  private static boolean hasLetter(String text) {
    return text.codePoints().anyMatch(Character::isLetter);
  }

  /**
   * The text cut to at most {@code max} characters: at the last paragraph break in its second
   * half, else the last line break, else the last space, else at {@code max}; the text itself
   * when short enough.
   */
  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    for (String boundary : new String[] {"\n\n", "\n", " "}) {
      int at = text.lastIndexOf(boundary, max - boundary.length());
      if (at >= max / 2) {
        return text.substring(0, at).strip();
      }
    }
    return text.substring(0, Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max); // never half a character
  }

  /** The entity stage's knowledge of this moment, for a document arriving now. */
  EntityStage.Snapshot knowledge() {
    return entities.snapshot();
  }

  /** Hands what a stored article teaches about names to the entity stage; in input order. */
  void learnFrom(Prepared prepared) {
    if (prepared.observed() != null) {
      entities.observe(prepared.observed());
    }
  }

  /** Makes what the stored articles taught part of the entity knowledge, and durable. */
  void commitKnowledge() throws java.io.IOException {
    entities.commit();
  }

  void addStoreTime(long nanos) {
    times.add(STORY, nanos);
  }

  /** A document that held no article text. */
  public static final class EmptyArticleException extends RuntimeException {
    EmptyArticleException(String message) {
      super(message);
    }
  }
}
