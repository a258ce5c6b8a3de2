package org.kronika.extract.html;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.kronika.extract.html.Block.Kind;

/**
 * Step 2 of {@link HtmlContent}, the choice: each block's value goes to every ancestor of its
 * element, and the element with the greatest sum is the article. Stateless and thread-safe.
 */
final class BestContainer {
  private BestContainer() {}

  /**
   * The element whose blocks sum to the most prose net of chrome. Prose just after the
   * headline, and near it in the tree, counts double and prose before it counts against: an article starts under its
   * title, while legal blurbs and teaser summaries elsewhere can be as long as its paragraphs.
   */
  static Element find(Element root, List<Block> blocks, int anchor, HtmlContent.Options o) {
    // jsoup elements compare by identity; insertion order (deepest first, in document order)
    // makes ties go to the innermost, earliest element, the same on every run
    Map<Element, double[]> score = new LinkedHashMap<>();
    Map<Element, double[]> byOwner = new LinkedHashMap<>();
    Element nearTitle = anchor < 0 ? root : blocks.get(anchor).owner;
    for (int up = 0; up < o.titleReach() && nearTitle != root && nearTitle.parent() != null; up++) {
      nearTitle = nearTitle.parent();
    }
    double proseAfterAnchor = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      double factor = 1;
      if (anchor >= 0 && i < anchor) {
        factor = b.kind == Kind.PROSE ? -o.beforeTitle() : 1;
      } else if (anchor >= 0 && b.kind == Kind.PROSE && proseAfterAnchor < o.underTitle()
          && Markup.isInside(b.owner, nearTitle)) {
        factor = 2;
        proseAfterAnchor += b.weight;
      }
      double v = factor * switch (b.kind) {
        case PROSE -> b.weight * (1 - b.linkDensity);
        case CHROME -> -Math.min(b.weight, o.chromeCap());
        case SHORT -> -Math.min(b.weight, o.shortCap()) * o.shortCost();
        case HEADING -> 0;
      };
      double[] sums = byOwner.computeIfAbsent(b.owner, k -> new double[2]);
      sums[0] += v;
      sums[1] += b.kind == Kind.PROSE ? 1 : 0;
    }
    // each owner's sum goes to all its ancestors (owners in document order, as their blocks came)
    for (Map.Entry<Element, double[]> owner : byOwner.entrySet()) {
      for (Element e = owner.getKey(); e != null; e = e.parent()) {
        double[] s = score.computeIfAbsent(e, k -> new double[2]);
        s[0] += owner.getValue()[0];
        s[1] += owner.getValue()[1];
        if (e == root) {
          break;
        }
      }
    }
    Element best = root;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Map.Entry<Element, double[]> e : score.entrySet()) {
      if (e.getValue()[0] > bestScore) {
        bestScore = e.getValue()[0];
        best = e.getKey();
      }
    }
    // one paragraph is not an article: when its box has more of them, the list of links that
    // sank the box's score (latest news under the text) is dropped later, block by block
    while (best != root && best.parent() != null && score.get(best)[1] < o.articleParagraphs()
        && score.containsKey(best.parent()) && score.get(best.parent())[1] >= o.boxParagraphs()) {
      best = best.parent();
    }
    // a semantic article body inside the winner that holds nearly all its score is the more exact
    // answer; the first in document order, looked for only where there is text
    Element winner = best;
    double threshold = o.semanticShare() * bestScore;
    Element[] semantic = {null};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        double[] s = score.get(e);
        if (s == null) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (e != winner && s[0] >= threshold && (e.normalName().equals("article") || e.normalName().equals("main")
            || e.attr("itemprop").equalsIgnoreCase("articleBody"))) {
          semantic[0] = e;
          return FilterResult.STOP;
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    }, best);
    return semantic[0] != null ? semantic[0] : best;
  }
}
