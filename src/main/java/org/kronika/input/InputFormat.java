package org.kronika.input;

import java.io.IOException;

/**
 * One way of reading documents out of a file (plain text, HTML, WARC, a feed, JSON Lines).
 * Formats are tried in order by {@link Inputs}; the first that {@link #accepts} a file reads it.
 * Implementations are stateless and thread-safe.
 */
public interface InputFormat {
  /** A short name for messages and counts, such as {@code "text"} or {@code "warc"}. */
  String name();

  /** Whether this format reads the file, judged from its content (and its name as a hint). */
  boolean accepts(InputFile file) throws IOException;

  /**
   * Reads every document of the file into the sink. A document that cannot be read inside a
   * container is rejected through the sink; a file that cannot be read at all throws.
   */
  void read(InputFile file, InputSink sink) throws IOException;
}
