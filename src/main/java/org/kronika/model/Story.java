package org.kronika.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A story as the contract shows it: the articles reporting one development, and why it is in
 * its storyline ({@code null} when it opened the storyline). Immutable.
 */
public record Story(String id, String title, List<String> articles, List<String> languages,
                    LocalDate first, LocalDate last, List<EntityRef> entities, String storyline,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Why why) {
  public Story {
    articles = List.copyOf(articles);
    languages = List.copyOf(languages);
    entities = List.copyOf(entities);
  }

  /** An entity named by id and display name. */
  public record EntityRef(String id, String name) {}
}
