package org.kronika.input;

/** A file (or an item inside one) that could not be read, and why, in one line. */
public record Rejection(String source, String reason) {
  @Override
  public String toString() {
    return source + ": " + reason;
  }
}
