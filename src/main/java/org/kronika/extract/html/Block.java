package org.kronika.extract.html;

import org.jsoup.nodes.Element;

/**
 * A run of a page's text between block boundaries, with the innermost block element holding it,
 * and what it was judged to be. Cut by {@link Blocks}, labelled by {@link BlockJudge}; {@link
 * Teasers} and {@link HtmlContent} relabel some. Mutable in its kind only, and only while one
 * page is extracted: not thread-safe, never shared.
 */
final class Block {
  /** What a block of text is, judged on its own. */
  enum Kind { PROSE, SHORT, HEADING, CHROME }

  final Element owner;
  final String text;
  final int weight;
  final double linkDensity;
  /** Characters of link text the block opens with (a teaser's headline, when it shares the block). */
  final int leadLink;
  Kind kind;

  Block(Element owner, String text, int weight, double linkDensity, int leadLink) {
    this.owner = owner;
    this.text = text;
    this.weight = weight;
    this.linkDensity = linkDensity;
    this.leadLink = leadLink;
  }

  /** Characters, with each CJK character counted as three: it carries about a word. */
  static int weight(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      w += Character.isIdeographic(c) || (c >= '\u3040' && c <= '\u30ff') || (c >= '\uac00' && c <= '\ud7af') ? 3 : 1;
    }
    return w;
  }
}
