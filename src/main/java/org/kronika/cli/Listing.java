package org.kronika.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import org.kronika.internal.Json;

/** Prints a list as the contract's JSON Lines, or as one human-readable line per item. */
final class Listing {
  private Listing() {}

  static <T> void print(PrintWriter out, Iterable<T> items, boolean json, Function<T, String> line) {
    for (T item : items) {
      out.println(json ? Json.write(item) : line.apply(item));
    }
    out.flush();
  }
}
