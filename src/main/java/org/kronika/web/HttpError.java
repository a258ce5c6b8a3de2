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
}
