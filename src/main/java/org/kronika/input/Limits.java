package org.kronika.input;

/**
 * The sizes Kronika reads and stores, in one place (docs/design.md lists them). They keep one
 * enormous document from exhausting the heap while it is read, and keep every stored article
 * small enough for each reader (the command line, the API, the web pages) to show. Constants;
 * thread-safe.
 */
public final class Limits {
  /**
   * The largest document read into memory, 16 MB: a file read whole (plain text, a feed), an
   * HTML page (a file or a WARC record), one JSON line. A larger one is rejected by name; no
   * news item is that big, and parsing one costs several times its size in heap.
   */
  public static final int MAX_DOCUMENT_BYTES = 16 << 20;

  /**
   * The longest body stored, 1,000,000 characters (a long feature is about 50,000): a longer one
   * is cut at the last paragraph boundary before it and the article marked {@code truncated}.
   */
  public static final int MAX_BODY_CHARS = 1_000_000;

  /** The longest title stored, 1,000 characters; a longer one is cut at a word boundary. */
  public static final int MAX_TITLE_CHARS = 1_000;

  private Limits() {}

  /** {@link #MAX_DOCUMENT_BYTES} in megabytes, for messages. */
  static int documentMegabytes() {
    return MAX_DOCUMENT_BYTES >> 20;
  }
}
