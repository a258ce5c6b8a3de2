package org.kronika.model;

import java.time.LocalDate;
import java.util.List;

/** A story as the contract shows it: the articles reporting one development. Immutable. */
public record Story(String id, String title, List<String> articles, List<String> languages,
                    LocalDate first, LocalDate last, List<EntityRef> entities, String storyline) {
  public Story {
    articles = List.copyOf(articles);
    languages = List.copyOf(languages);
    entities = List.copyOf(entities);
  }

  /** An entity named by id and display name. */
  public record EntityRef(String id, String name) {}
}
