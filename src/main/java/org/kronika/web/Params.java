package org.kronika.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's query parameters, checked: unknown names, repeated names, malformed numbers
 * and dates and out-of-range values are refused with a {@link HttpError} (400) saying which
 * parameter and why. Not thread-safe; one per request.
 */
final class Params {
  /** The most items one page of a list may hold. */
  static final int MAX_LIMIT = 200;
  private static final int MAX_VALUE_CHARS = 1000;

  private final Map<String, String> values = new HashMap<>();

  private Params() {}

  /** Parses a raw query string, accepting only the given parameter names. */
  static Params parse(String rawQuery, Set<String> allowed) {
    Params p = new Params();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return p;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!allowed.contains(name)) {
        throw HttpError.badRequest("unknown parameter " + HttpError.quoted(name) + "; allowed: " + String.join(", ", new TreeSet<>(allowed)));
      }
      if (p.values.put(name, value) != null) {
        throw HttpError.badRequest("parameter '" + name + "' given more than once");
      }
      if (value.length() > MAX_VALUE_CHARS) {
        throw HttpError.badRequest("parameter '" + name + "' is longer than " + MAX_VALUE_CHARS + " characters");
      }
    }
    return p;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("malformed percent-encoding in the query string");
    }
  }

  /** The value, stripped; {@code null} when absent or blank. */
  String string(String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** An integer in {@code [min, max]}, or {@code fallback} when absent. */
  int integer(String name, int fallback, int min, int max) {
    String v = string(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw HttpError.badRequest("parameter '" + name + "' must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("parameter '" + name + "' must be a whole number, got " + HttpError.quoted(v));
    }
  }

  /** An ISO date (YYYY-MM-DD), or {@code null} when absent. */
  LocalDate date(String name) {
    String v = string(name);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw HttpError.badRequest("parameter '" + name + "' must be a date YYYY-MM-DD, got " + HttpError.quoted(v));
    }
  }

  /** An ISO 639-1 language code, or {@code null} when absent. */
  String language(String name) {
    String v = string(name);
    if (v != null && !v.matches("[a-z]{2,3}")) {
      throw HttpError.badRequest("parameter '" + name + "' must be a language code like 'en' or 'uk', got " + HttpError.quoted(v));
    }
    return v;
  }
}
