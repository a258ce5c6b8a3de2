package org.kronika.extract.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.kronika.extract.html.Block.Kind;

/**
 * Finds lists of other articles among the prose: the summaries of teasers, which read as prose
 * but are chrome. Relabels the blocks it is given. Stateless and thread-safe.
 */
final class Teasers {
  private Teasers() {}

  /**
   * Marks as chrome the summaries in lists of other articles: a headline link, perhaps an
   * author and a time, then a paragraph that reads as prose, again and again. One or two such
   * pairs are paragraphs after "read also" links inside the article; a longer run is a list.
   * The first paragraph under the headline ({@code anchor}) is the article's own and stays out
   * of any run: a share bar above it looks like a teaser's headline link, and when the site puts
   * the same bar over each of the other articles listed below, they would carry it away.
   */
  static void mark(List<Block> blocks, int anchor, HtmlContent.Options o) {
    int lead = anchor < 0 ? -1 : firstProse(blocks, anchor);
    List<Integer> prose = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).kind == Kind.PROSE && i != lead) {
        prose.add(i);
      }
    }
    // teaser k follows teaser k - 1 directly when only its headline and small lines stand
    // between, and both are built alike, as the items of one list are
    int[] headline = new int[prose.size()];
    for (int k = 0; k < prose.size(); k++) {
      headline[k] = headlineBefore(blocks, prose.get(k), o);
    }
    int runStart = 0;
    for (int k = 1; k <= prose.size(); k++) {
      boolean follows = k < prose.size() && headline[k] >= 0 && headline[k - 1] >= 0
          && headline[k] - prose.get(k - 1) <= o.teaserGap() + 1
          && sameKind(blocks.get(headline[k]).owner, blocks.get(headline[k - 1]).owner)
          && sameKind(blocks.get(prose.get(k)).owner, blocks.get(prose.get(k - 1)).owner);
      if (!follows) {
        if (k - runStart >= o.teaserRun()) {
          for (int r = runStart; r < k; r++) {
            blocks.get(prose.get(r)).kind = Kind.CHROME;
          }
        }
        runStart = k;
      }
    }
  }

  /** The index of the first prose block at or after {@code from}, or -1. */
  private static int firstProse(List<Block> blocks, int from) {
    for (int i = from; i < blocks.size(); i++) {
      if (blocks.get(i).kind == Kind.PROSE) {
        return i;
      }
    }
    return -1;
  }

  /** Whether two elements look like the same part of a repeated item: same tag, same class. */
  private static boolean sameKind(Element a, Element b) {
    return a.normalName().equals(b.normalName()) && a.className().equals(b.className());
  }

  /**
   * The index of the headline link that opens block {@code i} or stands just before it, past at
   * most a few small lines, or -1.
   */
  private static int headlineBefore(List<Block> blocks, int i, HtmlContent.Options o) {
    if (blocks.get(i).leadLink >= o.headlineLink()) {
      return i; // headline and summary in one block
    }
    for (int j = i - 1; j >= Math.max(0, i - 1 - o.teaserGap()); j--) {
      Block b = blocks.get(j);
      if (b.kind == Kind.PROSE || b.kind == Kind.HEADING || b.weight >= o.teaserLine()) {
        return -1;
      }
      if (b.linkDensity >= o.headlineLinkDensity() && b.weight >= o.headlineLink()) {
        return j;
      }
    }
    return -1;
  }
}
