package org.kronika.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A clean article as Kronika stores and shows it (the contract's Article). Immutable; the
 * {@code with…} methods return copies.
 *
 * @param id          stable id from the source and the content
 * @param contentHash hash of the cleaned title and body alone, for exact duplicates
 * @param bodyless    no body was found (a headline-only item, a page whose text could not be
 *                    told from its chrome): the article stands on its title, and on its lead
 *                    when the page gave one as its body
 * @param truncated   the body was cut at a paragraph boundary to {@link #MAX_BODY_CHARS};
 *                    shown only when true
 * @param why         what placed it in its story; {@code null} when it opened the story
 */
public record Article(String id, String source, String url, String lang, LocalDate date,
                      String title, List<String> authors, String body,
                      List<EntityMention> entities, List<Quote> quotes,
                      String story, List<Duplicate> duplicates, String contentHash, boolean bodyless,
                      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean truncated,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Why why) {
  /**
   * The longest body stored, 1,000,000 characters (a long feature is about 50,000): a longer one
   * is cut at a paragraph boundary and the article marked {@code truncated}, so that every
   * reader (the command line, the API, the web pages) can show any stored article.
   */
  public static final int MAX_BODY_CHARS = 1_000_000;
  /** The longest title stored, 1,000 characters; a longer one is cut at a word boundary. */
  public static final int MAX_TITLE_CHARS = 1_000;

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(body, "body");
    authors = List.copyOf(authors);
    entities = List.copyOf(entities);
    quotes = List.copyOf(quotes);
    duplicates = List.copyOf(duplicates);
  }

  /** This article in a story, placed there by {@code evidence} ({@code null}: it opened the story). */
  public Article withStory(String storyId, Why evidence) {
    return new Article(id, source, url, lang, date, title, authors, body, entities, quotes,
        storyId, duplicates, contentHash, bodyless, truncated, evidence);
  }

  public Article withDuplicates(List<Duplicate> found) {
    return new Article(id, source, url, lang, date, title, authors, body, entities, quotes,
        story, found, contentHash, bodyless, truncated, why);
  }

  /** An entity met in an article: its identity and the forms it took there. */
  public record EntityMention(String id, String name, String type, List<String> mentions) {
    public EntityMention {
      mentions = List.copyOf(mentions);
    }
  }

  /** A direct quotation and its speaker, {@code null} when unresolved. */
  public record Quote(String text, Speaker speaker) {}

  /** Who said a quote. */
  public record Speaker(String id, String name) {}

  /** Another article this one duplicates: {@code exact}, {@code near} or {@code translation}. */
  public record Duplicate(String id, String kind) {}
}
