package org.kronika.extract.html;

import org.jsoup.nodes.Element;

/**
 * Small tests on page text and the element tree that the passes (and {@link HtmlMetadata}) run
 * on every character or block. Stateless and thread-safe.
 */
final class Markup {
  private Markup() {}

  /**
   * {@link Character#isWhitespace(char)}, answered at once for the characters above the ASCII
   * space outside U+1680 to U+3000, none of which is white space: the JDK's look-up is a call per
   * character that the JIT cannot inline on pages of mixed scripts, and the passes here run it on
   * every character of the page.
   */
  static boolean isWhitespace(char c) {
    return (c <= ' ' || c >= '\u1680' && c <= '\u3000') && Character.isWhitespace(c);
  }

  /** Whether {@code text} contains {@code lowerNeedle} in any case, without copying the text. */
  static boolean containsIgnoreCase(String text, String lowerNeedle) {
    char first = lowerNeedle.charAt(0);
    for (int i = 0; i <= text.length() - lowerNeedle.length(); i++) {
      if (toLowerCase(text.charAt(i)) == first && text.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
        return true;
      }
    }
    return false;
  }

  /** {@link Character#toLowerCase(char)}, answered at once for ASCII, as {@link #isWhitespace} is. */
  static char toLowerCase(char c) {
    if (c >= 0x80) {
      return Character.toLowerCase(c);
    }
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Whether {@code e} is {@code container} or lies under it. */
  static boolean isInside(Element e, Element container) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == container) {
        return true;
      }
    }
    return false;
  }
}
