package org.kronika.model;

import java.time.LocalDate;
import java.util.List;

/** A storyline as the contract shows it: the stories of one long-running development. Immutable. */
public record Storyline(String id, String title, List<String> stories, List<String> articles,
                        List<String> languages, LocalDate first, LocalDate last, List<Story.EntityRef> entities) {
  public Storyline {
    stories = List.copyOf(stories);
    articles = List.copyOf(articles);
    languages = List.copyOf(languages);
    entities = List.copyOf(entities);
  }
}
