package org.kronika.extract.text;

import java.util.List;
import org.kronika.extract.text.Line.Kind;

/**
 * Finds a page's headline. A headline is a line of a few to a few dozen words that does not
 * end with a full stop and is no chrome. Pages show their own choice in two ways, tried in
 * this order: the page's first line is often its {@code <title>}, "Headline - Site", and the
 * headline then recurs on its own above the article; or the headline is printed twice in a row
 * (above and beside the lead photo). Such a line is an <em>anchor</em>: the article starts just
 * below it. Without an anchor the headline is the page's first line if it looks like one, as
 * in clean files that carry the title on top, else there is none: a sentence is never
 * promoted to a title. Stateless and thread-safe.
 */
final class Headline {
  private static final int MIN_WORDS = 2;
  private static final int MAX_WORDS = 30;
  static final int MAX_CHARS = 250;
  /** A first line ending with a full stop is a headline only this short. */
  private static final int MAX_STOPPED_WORDS = 20;
  /** A page's {@code <title>} line is the headline and the site's name: a few words more. */
  private static final int MAX_PAGE_TITLE_WORDS = MAX_WORDS + 10;
  /** How far below its first copy a repeated headline is printed again. */
  private static final int REPEAT_DISTANCE = 3;
  /** How much of a {@code <title>} line the headline copy must cover, site name aside. */
  private static final double TITLE_COVER = 0.4;

  private Headline() {}

  /** The index of the line the page marks as its headline, or -1. */
  static int anchor(List<Line> lines) {
    if (lines.isEmpty()) {
      return -1;
    }
    Line first = lines.get(0);
    if (first.words.size() <= MAX_PAGE_TITLE_WORDS) {
      for (int i = 1; i < lines.size(); i++) {
        Line line = lines.get(i);
        if (line.key.length() >= TITLE_COVER * first.key.length() && line.key.length() <= first.key.length()
            && isCandidate(line) && (first.key.startsWith(line.key) || first.key.endsWith(line.key))) {
          return i;
        }
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line.repeats > 1 && isCandidate(line)) {
        for (int j = i + 1; j < lines.size() && j <= i + REPEAT_DISTANCE; j++) {
          if (lines.get(j).key.equals(line.key)) {
            return i;
          }
        }
      }
    }
    return -1;
  }

  /**
   * The headline: the anchor's text if there is one, else the first line if it reads as a
   * title, else {@code null}.
   */
  static String find(List<Line> lines, int anchor, int bodyStart) {
    if (anchor >= 0) {
      return TextCleaner.stripTime(lines.get(anchor).text);
    }
    if (lines.isEmpty()) {
      return null;
    }
    // A headline-like first line is the title even where the cleaner took it for a paragraph;
    // a short sentence only when the cleaner left it above the body.
    boolean title = isCandidate(lines.get(0)) || (bodyStart > 0 && firstLineIsTitle(lines));
    return title ? TextCleaner.stripTime(lines.get(0).text) : null;
  }

  /**
   * Whether the page's first line reads as its title: headline-like, or a sentence short
   * enough to be one (some sites end headlines with a full stop).
   */
  static boolean firstLineIsTitle(List<Line> lines) {
    if (lines.size() < 2) {
      return false;
    }
    Line first = lines.get(0);
    int words = first.words.size();
    return isCandidate(first)
        || (first.kind != Kind.BAD && words >= MIN_WORDS && words <= MAX_STOPPED_WORDS);
  }

  private static boolean isCandidate(Line line) {
    int words = line.words.size();
    if (words < MIN_WORDS || words > MAX_WORDS || line.size() > MAX_CHARS) {
      return false;
    }
    // Repetition makes a line BAD as link text, but it is the very sign of a headline.
    return !line.endsWithStop() && (line.kind != Kind.BAD || !LineClassifier.isChrome(line));
  }
}
