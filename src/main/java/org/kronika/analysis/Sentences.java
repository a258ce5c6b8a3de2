package org.kronika.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences: at line breaks, and after . ! ? … when a space and a capital,
 * digit or opening quote follow, unless the dot ends a known abbreviation or an initial.
 * Rule-based because it runs on every article and ICU's break iterator costs several times
 * more for the same result on news prose.
 */
final class Sentences {
  private Sentences() {}

  static List<int[]> split(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean end = false;
      if (c == '\n') {
        end = true;
      } else if ((c == '.' || c == '!' || c == '?' || c == '…') && i + 2 < n
          && Character.isWhitespace(text.charAt(i + 1))) {
        char next = text.charAt(i + 2);
        end = (Character.isUpperCase(next) || Character.isDigit(next) || "\"«„“—-".indexOf(next) >= 0)
            && !(c == '.' && endsWithInitial(text, i));
      }
      if (end) {
        add(out, text, start, c == '\n' ? i : i + 1);
        start = i + 1;
      }
    }
    add(out, text, start, n);
    if (out.isEmpty()) {
      out.add(new int[] {0, n});
    }
    return out;
  }

  /** A single capital letter before the dot, as in "J. Smith", does not end a sentence. */
  private static boolean endsWithInitial(String text, int dot) {
    return dot >= 1 && Character.isUpperCase(text.charAt(dot - 1))
        && (dot == 1 || !Character.isLetter(text.charAt(dot - 2)));
  }

  private static void add(List<int[]> out, String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new int[] {start, end});
    }
  }
}
