package org.kronika.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kronika.analysis.NameKeys;

/**
 * A piece of an article's text around the words a search matched, with those words marked:
 * a word matches when it starts like a query word (Зеленського for Зеленський) or, for a
 * capitalised word, when it is the same name in another script (Зеленського for Zelensky).
 * Looks at the first {@value #SCAN_CHARS} characters only, and no further than the end of
 * the piece shown, so it costs under ten microseconds. Immutable and thread-safe.
 *
 * @param text  the piece of text, with "…" where it was cut
 * @param marks start and end offsets in {@code text} of each matched word, in order
 */
record Snippet(String text, List<int[]> marks) {
  private static final int SCAN_CHARS = 4_000;
  private static final int LENGTH = 260;
  private static final List<String> NAME_LANGS = List.of("en", "uk", "ru");

  /** The snippet of {@code body} (in language {@code lang}) for a query's words, prepared once per search. */
  static Snippet of(String body, String lang, Query q) {
    int limit = Math.min(body.length(), SCAN_CHARS);
    List<int[]> hits = new ArrayList<>();
    int start = 0;
    int end = windowEnd(body, 0, limit);
    // Words are read only up to the end of the window the first match places: later ones are not shown.
    for (int from = 0, to; (from = wordStart(body, from, limit)) < (hits.isEmpty() ? limit : end); from = to) {
      to = wordEnd(body, from, limit);
      if (q.matches(body, from, to, lang)) {
        if (hits.isEmpty()) {
          start = Math.max(0, from - 80);
          while (start > 0 && !Character.isWhitespace(body.charAt(start - 1))) {
            start--;
          }
          end = windowEnd(body, start, limit);
        }
        if (to <= end) { // a first match after a long run without spaces can lie past the window
          hits.add(new int[] {from, to});
        }
      }
    }
    String prefix = start > 0 ? "…" : "";
    String piece = prefix + body.substring(start, end) + (end < body.length() ? "…" : "");
    List<int[]> marks = new ArrayList<>();
    for (int[] h : hits) {
      marks.add(new int[] {h[0] - start + prefix.length(), h[1] - start + prefix.length()});
    }
    return new Snippet(piece, marks);
  }

  /** Where a window of about {@value #LENGTH} characters from {@code start} ends: at a space, or at {@code limit}. */
  private static int windowEnd(String text, int start, int limit) {
    int end = Math.min(limit, start + LENGTH);
    while (end < limit && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Where the next word starts at or after {@code from}: a letter or digit; {@code limit} if none does. */
  private static int wordStart(String text, int from, int limit) {
    int i = from;
    while (i < limit) {
      int c = text.codePointAt(i);
      if (letterOrNumber(c)) {
        return i;
      }
      i += Character.charCount(c);
    }
    return limit;
  }

  /** Where the word starting at {@code from} ends: letters, digits, apostrophes and hyphens. */
  private static int wordEnd(String text, int from, int limit) {
    int i = from;
    while (i < limit) {
      int c = text.codePointAt(i);
      if (!letterOrNumber(c) && c != '\'' && c != '’' && c != 'ʼ' && c != '-') {
        return i;
      }
      i += Character.charCount(c);
    }
    return limit;
  }

  /** As the pattern classes {@code \\p{L}} and {@code \\p{N}}. */
  private static boolean letterOrNumber(int c) {
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** The snippet as HTML: escaped text, matched words in {@code <mark>}. */
  String html() {
    Html h = new Html();
    int at = 0;
    for (int[] mark : marks) {
      h.text(text.substring(at, mark[0])).element("mark", text.substring(mark[0], mark[1]));
      at = mark[1];
    }
    return h.text(text.substring(at)).toString();
  }

  /**
   * Query words as prefixes (a list: walked for every word of the text) and as name keys (a
   * few transliterations: made once per search, not per hit).
   */
  record Query(List<String> prefixes, Set<String> nameKeys, Set<Character.UnicodeScript> scripts) {
    static Query of(String query) {
      Set<String> prefixes = new LinkedHashSet<>();
      Set<String> keys = new HashSet<>();
      Set<Character.UnicodeScript> scripts = new HashSet<>();
      for (int from = 0, to; (from = wordStart(query, from, query.length())) < query.length(); from = to) {
        to = wordEnd(query, from, query.length());
        String w = query.substring(from, to).toLowerCase(Locale.ROOT);
        scripts.add(Character.UnicodeScript.of(w.codePointAt(0)));
        if (w.length() >= 3) {
          prefixes.add(w.substring(0, Math.min(w.length(), 5)));
          for (String l : NAME_LANGS) {
            String key = NameKeys.of(w, l);
            if (key.length() >= 3) {
              keys.add(key);
            }
          }
        }
      }
      return new Query(List.copyOf(prefixes), keys, scripts);
    }

    /** Whether the word from {@code from} to {@code to} in {@code text} matches; compared in place, not copied. */
    boolean matches(String text, int from, int to, String lang) {
      for (String p : prefixes) {
        if (p.length() <= to - from && text.regionMatches(true, from, p, 0, p.length())) {
          return true;
        }
      }
      // Names are compared by key only across scripts (the costly part): within one script
      // the prefixes above already match them.
      return Character.isUpperCase(text.charAt(from)) && !nameKeys.isEmpty()
          && !scripts.contains(Character.UnicodeScript.of(text.codePointAt(from)))
          && nameKeys.contains(NameKeys.of(text.substring(from, to), lang == null ? "en" : lang));
    }
  }
}
