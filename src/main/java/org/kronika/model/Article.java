package org.kronika.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A clean article as Kronika stores and shows it (the contract's Article). Immutable; the
 * {@code with…} methods return copies.
 *
 * @param id          stable id from the source and the content
 * @param contentHash hash of the cleaned title and body alone, for exact duplicates
 */
public record Article(String id, String source, String url, String lang, LocalDate date,
                      String title, List<String> authors, String body,
                      List<EntityMention> entities, List<Quote> quotes,
                      String story, List<Duplicate> duplicates, String contentHash) {
  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(body, "body");
    authors = List.copyOf(authors);
    entities = List.copyOf(entities);
    quotes = List.copyOf(quotes);
    duplicates = List.copyOf(duplicates);
  }

  public Article withStory(String storyId) {
    return new Article(id, source, url, lang, date, title, authors, body, entities, quotes,
        storyId, duplicates, contentHash);
  }

  public Article withDuplicates(List<Duplicate> found) {
    return new Article(id, source, url, lang, date, title, authors, body, entities, quotes,
        story, found, contentHash);
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
