package org.kronika.extract.html;

import java.util.List;
import org.kronika.extract.html.Block.Kind;

/**
 * Finds the block that holds the page's headline, where the article starts. Stateless and
 * thread-safe.
 */
final class TitleAnchor {
  private TitleAnchor() {}

  /**
   * The index of the block holding the headline: the first heading or short line whose words
   * are the title's (or contain them, with little more), or are part of the page's
   * {@code <title>} (which often carries the site's name too); -1 when there is none. A line after
   * the last paragraph of prose heads nothing: it is the site's name again, in the footer.
   */
  static int find(List<Block> blocks, String title, String pageTitle, HtmlContent.Options o) {
    String t = title == null ? "" : normalise(title);
    String page = pageTitle == null ? "" : normalise(pageTitle);
    int longest = 2 * Math.max(t.length(), page.length()) + 20;
    int lastProse = blocks.size() - 1;
    while (lastProse >= 0 && blocks.get(lastProse).kind != Kind.PROSE) {
      lastProse--;
    }
    for (int i = 0; i < lastProse; i++) {
      Block b = blocks.get(i);
      if (b.kind != Kind.HEADING && b.kind != Kind.SHORT) {
        continue;
      }
      if (b.text.length() < o.titleChars() || b.text.length() > longest) {
        continue; // normalising only shortens a line, so these can match neither title
      }
      String h = normalise(b.text);
      if (h.length() < o.titleChars()) {
        continue;
      }
      if (t.length() >= o.titleChars() && (t.contains(h) || h.contains(t) && h.length() <= t.length() * 3 / 2 + 10)
          || h.length() >= o.pageTitleChars() && page.contains(h)) {
        return i;
      }
    }
    return -1;
  }

  /** Lower-case letters and digits, every run of anything else one space, none at the ends. */
  private static String normalise(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        out.appendCodePoint(Character.toLowerCase(c));
        gap = false;
      } else {
        gap = true;
      }
    }
    return out.toString();
  }
}
