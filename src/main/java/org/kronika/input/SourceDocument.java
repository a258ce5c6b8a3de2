package org.kronika.input;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One document as an input format delivers it, before any cleaning: the decoded content and
 * whatever the container already knew about it (a feed item's title, a JSON line's date).
 * Immutable; the hints are {@code null} when unknown.
 *
 * @param source  where it came from: a file path, a URL, or {@code file#item} inside a container
 * @param format  how {@link #content} is to be read
 * @param content decoded text (plain text or markup, per {@code format})
 * @param url     the page URL when known, else {@code null}
 * @param title   a title given by the container, else {@code null}
 * @param date    a date given by the container, else {@code null}
 * @param lang    an ISO 639-1 language given by the container, else {@code null}
 */
public record SourceDocument(String source, Format format, String content,
                             String url, String title, LocalDate date, String lang) {
  public SourceDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(content, "content");
  }

  /** A plain-text document with no hints. */
  public static SourceDocument text(String source, String content) {
    return new SourceDocument(source, Format.TEXT, content, null, null, null, null);
  }

  /** The kinds of content a document can carry. */
  public enum Format { TEXT, HTML }
}
