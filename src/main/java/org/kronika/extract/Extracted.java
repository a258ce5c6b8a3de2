package org.kronika.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What extraction makes of a document: its headline, clean body and metadata, before any
 * language analysis. Immutable.
 *
 * @param body    the article's own text, paragraphs separated by one blank line
 * @param title   the headline, or {@code null} when none can be told from the text
 * @param date    publication date, or {@code null}
 * @param lang    a language declared by the source (markup or container), or {@code null}
 * @param bodyless no body was found: a headline alone, or a page whose text could not be told
 *                 from its chrome; {@code body} is then empty or the page's own lead
 */
public record Extracted(String source, String url, String title, String body, LocalDate date,
                        List<String> authors, String lang, boolean bodyless) {
  public Extracted {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(body, "body");
    authors = List.copyOf(authors);
  }
}
