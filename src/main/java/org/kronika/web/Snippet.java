package org.kronika.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kronika.analysis.NameKeys;

/**
 * A piece of an article's text around the words a search matched, with those words marked:
 * a word matches when it starts like a query word (Зеленського for Зеленський) or, for a
 * capitalised word, when it is the same name in another script (Зеленського for Zelensky).
 * Looks at the first {@value #SCAN_CHARS} characters only, so it costs well under a
 * millisecond. Immutable and thread-safe.
 *
 * @param text  the piece of text, with "…" where it was cut
 * @param marks start and end offsets in {@code text} of each matched word, in order
 */
record Snippet(String text, List<int[]> marks) {
  private static final int SCAN_CHARS = 4_000;
  private static final int LENGTH = 260;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’ʼ-]*");
  private static final List<String> NAME_LANGS = List.of("en", "uk", "ru");

  /** The snippet of {@code body} (in language {@code lang}) for a query's words, prepared once per search. */
  static Snippet of(String body, String lang, Query q) {
    String text = body.length() > SCAN_CHARS ? body.substring(0, SCAN_CHARS) : body;
    List<int[]> hits = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      if (q.matches(m.group(), lang)) {
        hits.add(new int[] {m.start(), m.end()});
      }
    }
    int start = hits.isEmpty() ? 0 : Math.max(0, hits.get(0)[0] - 80);
    while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
      start--;
    }
    int end = Math.min(text.length(), start + LENGTH);
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    String prefix = start > 0 ? "…" : "";
    String piece = prefix + text.substring(start, end) + (end < body.length() ? "…" : "");
    List<int[]> marks = new ArrayList<>();
    for (int[] h : hits) {
      if (h[0] >= start && h[1] <= end) {
        marks.add(new int[] {h[0] - start + prefix.length(), h[1] - start + prefix.length()});
      }
    }
    return new Snippet(piece, marks);
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

  /** Query words as prefixes and as name keys (a few transliterations: made once per search, not per hit). */
  record Query(Set<String> prefixes, Set<String> nameKeys, Set<Character.UnicodeScript> scripts) {
    static Query of(String query) {
      Set<String> prefixes = new HashSet<>();
      Set<String> keys = new HashSet<>();
      Set<Character.UnicodeScript> scripts = new HashSet<>();
      Matcher m = WORD.matcher(query);
      while (m.find()) {
        String w = m.group().toLowerCase(Locale.ROOT);
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
      return new Query(prefixes, keys, scripts);
    }

    boolean matches(String word, String lang) {
      String lower = word.toLowerCase(Locale.ROOT);
      for (String p : prefixes) {
        if (lower.startsWith(p)) {
          return true;
        }
      }
      // Names are compared by key only across scripts (the costly part): within one script
      // the prefixes above already match them.
      return Character.isUpperCase(word.charAt(0)) && !nameKeys.isEmpty()
          && !scripts.contains(Character.UnicodeScript.of(word.codePointAt(0)))
          && nameKeys.contains(NameKeys.of(word, lang == null ? "en" : lang));
    }
  }
}
