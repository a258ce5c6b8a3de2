package org.kronika.extract.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeFilter.FilterResult;

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

  /**
   * {@link org.jsoup.select.NodeTraversor#filter}, for passes that only read the tree: each node's
   * children are taken by index from a stack of open elements, where jsoup's traversal, which lets
   * a visitor change the tree, looks up every node's siblings and parent again after visiting it
   * (a tenth of the passes' time). Honours {@code CONTINUE}, {@code SKIP_CHILDREN}, {@code
   * SKIP_ENTIRELY} and {@code STOP}; {@code tail}'s answer is ignored. Iterative.
   */
  static void walk(NodeFilter filter, Node root) {
    FilterResult first = filter.head(root, 0);
    if (first == FilterResult.STOP || first == FilterResult.SKIP_ENTIRELY) {
      return;
    }
    if (first == FilterResult.SKIP_CHILDREN || root.childNodeSize() == 0) {
      filter.tail(root, 0);
      return;
    }
    Node[] open = new Node[64];
    int[] next = new int[64];
    int top = 0;
    open[0] = root;
    while (top >= 0) {
      Node parent = open[top];
      int i = next[top];
      if (i == parent.childNodeSize()) {
        filter.tail(parent, top);
        top--;
        continue;
      }
      next[top] = i + 1;
      Node child = parent.childNode(i);
      FilterResult r = filter.head(child, top + 1);
      if (r == FilterResult.STOP) {
        return;
      }
      if (r == FilterResult.SKIP_ENTIRELY) {
        continue;
      }
      if (r == FilterResult.SKIP_CHILDREN || child.childNodeSize() == 0) {
        filter.tail(child, top + 1);
        continue;
      }
      if (++top == open.length) {
        open = java.util.Arrays.copyOf(open, 2 * top);
        next = java.util.Arrays.copyOf(next, 2 * top);
      }
      open[top] = child;
      next[top] = 0;
    }
  }
}
