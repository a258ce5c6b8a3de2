package org.kronika.extract.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One non-blank line of a plain-text page with the features the cleaner judges it by. The
 * features are computed once, in one pass over the characters; {@link #kind}, {@link #ending}
 * and {@link #repeats} are set by {@link LineClassifier} while it classifies the page, and
 * never change afterwards. Confined to the thread cleaning the page.
 */
final class Line {
  /** What a line is taken for. */
  enum Kind {
    /** Running prose: long, ends like a sentence, rich in function words. */
    GOOD,
    /** Prose-like but weaker: kept when it lies inside the article. */
    NEAR_GOOD,
    /** Too short to judge alone: a sub-heading inside the article, a link outside it. */
    SHORT,
    /** Chrome: navigation, bars, ads, credits, promos, list headers, repeated link text. */
    BAD
  }

  final int index;
  final String text;
  /** Lower case with end punctuation and inner runs of spaces normalised: equal lines, equal keys. */
  final String key;
  final String lower;
  final List<String> words;
  final int functionWords;
  final int barWords;
  final int capitalised;
  final boolean endsSentence;
  private final int size;
  Kind kind;
  /** Heads what only follows an article (a news feed, comments): no article runs across it. */
  boolean ending;
  int repeats;

  Line(int index, String text) {
    this.index = index;
    this.text = text;
    this.lower = text.toLowerCase(Locale.ROOT);
    this.key = keyOfLower(lower.strip());
    List<String> ws = new ArrayList<>();
    int fw = 0;
    int bar = 0;
    int caps = 0;
    int i = 0;
    // Words are found in the text itself: lower-casing can change its length (Turkish İ).
    int n = text.length();
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      // A word runs on through inner hyphens and apostrophes ("Bila-Tserkva", "Ukraine's").
      while (i < n && (Character.isLetterOrDigit(text.charAt(i))
          || (i + 1 < n && isJoiner(text.charAt(i)) && Character.isLetterOrDigit(text.charAt(i + 1))))) {
        i++;
      }
      if (i > start) {
        String w = text.substring(start, i).toLowerCase(Locale.ROOT);
        ws.add(w);
        int role = ChromeVocabulary.role(w);
        if ((role & ChromeVocabulary.FUNCTION_WORD) != 0) {
          fw++;
        }
        if ((role & ChromeVocabulary.BAR_WORD) != 0) {
          bar++;
        }
        if (Character.isUpperCase(text.charAt(start))) {
          caps++;
        }
      }
    }
    this.words = List.copyOf(ws);
    this.functionWords = fw;
    this.barWords = bar;
    this.capitalised = caps;
    this.endsSentence = endsSentence(text);
    int extra = 0;
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if ((c >= '\u3040' && c <= '\u30FF') || (c >= '\u3400' && c <= '\u9FFF')) {
        extra += 2;
      } else if (c >= '\uAC00' && c <= '\uD7AF') {
        extra += 1;
      }
    }
    this.size = text.length() + extra;
  }

  /**
   * How much text the line holds, in Latin-script characters: a Chinese or Japanese character
   * says about as much as three of them, a Korean syllable as two, so thresholds tuned on
   * alphabetic text hold there too.
   */
  int size() {
    return size;
  }

  double functionDensity() {
    return words.isEmpty() ? 0 : (double) functionWords / words.size();
  }

  boolean hasDigit() {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the line holds a run of four digits, as every written date's year is. */
  boolean hasYear() {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = Character.isDigit(text.charAt(i)) ? run + 1 : 0;
      if (run == 4) {
        return true;
      }
    }
    return false;
  }

  /** Ends like a statement: a full stop or an ellipsis, not a question or an exclamation. */
  boolean endsWithStop() {
    return endsSentence && !text.endsWith("?") && !text.endsWith("!") && !text.endsWith("？") && !text.endsWith("！");
  }

  private static boolean isJoiner(char c) {
    return c == '-' || c == '\'' || c == '’' || c == 'ʼ';
  }

  /** Ends like a sentence: with a stop, possibly inside closing quotes or brackets. */
  static boolean endsSentence(String text) {
    int i = text.length() - 1;
    while (i >= 0 && "\"'»”“)]’ 」』".indexOf(text.charAt(i)) >= 0) {
      i--;
    }
    return i >= 0 && ".!?…;。！？".indexOf(text.charAt(i)) >= 0;
  }

  static String key(String text) {
    return keyOfLower(text.strip().toLowerCase(Locale.ROOT));
  }

  /** The key of a stripped, lower-cased line: inner whitespace runs one space, end punctuation off. */
  private static String keyOfLower(String lower) {
    int end = lower.length();
    while (end > 0 && ".,:;!?…-–— ".indexOf(lower.charAt(end - 1)) >= 0) {
      end--;
    }
    StringBuilder sb = new StringBuilder(end);
    boolean space = false;
    for (int i = 0; i < end; i++) {
      char c = lower.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space && sb.length() > 0) {
          sb.append(' ');
        }
        space = false;
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return index + " " + kind + " " + text;
  }
}
