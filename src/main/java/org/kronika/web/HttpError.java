package org.kronika.web;

/** A request that cannot be answered, with the HTTP status and a message for the client. */
final class HttpError extends RuntimeException {
  final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  static HttpError notFound(String message) {
    return new HttpError(404, message);
  }

  /** Characters of a client's input repeated in a message at most. */
  private static final int QUOTED_CHARS = 60;

  /**
   * The client's input in quotes for a message, cut short: an error must not echo a
   * 200 KB parameter name back (nor make the log line that long).
   */
  static String quoted(String input) {
    return "'" + (input.length() > QUOTED_CHARS ? input.substring(0, QUOTED_CHARS) + "…" : input) + "'";
  }
}
