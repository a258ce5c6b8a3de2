package org.kronika.extract.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.kronika.extract.html.Block.Kind;

/**
 * Finds a page's main text. Three steps, all iterative so that no page can exhaust the stack:
 * <ol>
 *   <li>{@link Pruner}: chrome is skipped by what it is (scripts, navigation, asides, figures, hidden elements)
 *       and by what publishers call it (class and id words such as share, related, comments,
 *       cookie, newsletter), except where those words mark the article body itself or a layout
 *       wrapper that holds it. The DOM is not modified.</li>
 *   <li>{@link Blocks}, {@link BlockJudge}, {@link BestContainer}: the remaining text is cut into blocks at block-level tags and {@code <br>}; each block is
 *       judged on its own (length, link density, sentence punctuation, CJK counted by
 *       information rather than characters) as prose, link chrome or short, and its value is
 *       added to every ancestor. The element with the greatest sum is the article: it has the
 *       most prose net of chrome, so it is neither a paragraph nor the whole page.</li>
 *   <li>{@link Keeper}: inside it, blocks are kept by class and context, as in jusText: prose is kept, link
 *       chrome dropped, and short blocks (subheadings, one-line paragraphs) kept only between
 *       prose blocks. The article ends at a long run of links, at a heading that opens readers'
 *       comments, or at one over other articles ("See also").</li>
 * </ol>
 * Other articles' teasers ({@link Teasers}: a headline link and a summary, again and again) and legal text
 * (a copyright sign) are chrome even though they read as prose.
 * Semantic containers ({@code [itemprop=articleBody]}, {@code article}, {@code main}) are
 * preferred when they hold the bulk of the chosen text. Linear in the page size (times the tree
 * depth for step 2). The headline's block ({@link TitleAnchor}) is where the article starts.
 * Every threshold is in {@link Options}. Stateless and thread-safe.
 */
final class HtmlContent {
  /**
   * Every threshold of the passes, in weighted characters (CJK counted as three, {@link
   * Block#weight}) unless said otherwise. A heuristic change is a change of one of these or of
   * one pass.
   *
   * @param proseChars          visible characters that make a paragraph of prose for the chrome test ({@link Pruner})
   * @param layoutGuard         the share of the page's text above which a layout-chrome element is kept
   * @param longBlock           a block this long is prose whatever its punctuation; below it, a block with
   *                            some links is chrome, and a typo-report notice is legal text
   * @param sentenceBlock       the shortest block that is prose when it reads as a sentence
   * @param chromeLine          the longest block that a chrome phrase ("Read more") alone fills
   * @param linkChrome          the link density above which a block is chrome
   * @param shortLinkChrome     the link density above which a block shorter than {@code longBlock} is
   *                            chrome, unless it is a sentence citing linked sources
   * @param linkedSentence      the shortest block that reads as a sentence citing linked sources
   * @param copyrightBlock      the longest block a copyright sign marks as the site's legal text: long
   *                            enough for the paragraphs of terms in a footer, short of a long paragraph
   *                            citing a source
   * @param paragraphHeading    the shortest heading that is a paragraph set in a heading's type
   * @param titleChars          the fewest letters and digits a line needs to match the headline
   *                            ({@link TitleAnchor})
   * @param pageTitleChars      the fewest a line needs to match part of the page's {@code <title>}
   * @param teaserGap           how many small lines (an author, a time) may stand between a teaser's
   *                            headline and its summary ({@link Teasers})
   * @param teaserRun           how many teasers in a row make a list of other articles
   * @param headlineLink        link text that makes a line a headline
   * @param headlineLinkDensity the link density from which a line is a teaser's headline link
   * @param teaserLine          the longest line that a teaser's headline or its author and time fill
   * @param minProse            below this much prose a page is judged by its short lines: when those
   *                            outweigh the prose {@code shortOverProse} times, every short line counts
   *                            as text (a list, a table, a calendar)
   * @param shortOverProse      see {@code minProse}
   * @param beforeTitle         how much prose before the headline counts against a container: it is
   *                            other articles' ({@link BestContainer})
   * @param titleReach          how many levels above the headline the article's text is looked for
   * @param underTitle          how much prose under the headline counts double
   * @param chromeCap           the most one block of link chrome counts against its container: a news
   *                            list inside the article's box should not outweigh the article, while a
   *                            menu of many links still does
   * @param shortCap            the most one short line counts against its container, times {@code shortCost}
   * @param shortCost           what a short line's character costs its container
   * @param articleParagraphs   the fewest paragraphs of prose that make an article: a winner with fewer
   *                            gives way to its parent when that has {@code boxParagraphs}
   * @param boxParagraphs       see {@code articleParagraphs}
   * @param semanticShare       the share of the winner's score that a semantic article body inside it
   *                            ({@code article}, {@code main}, {@code itemprop=articleBody}) must hold
   *                            to be the answer instead
   * @param cleanChrome         the share of link chrome under which an article's box counts as clean:
   *                            its short lines are the article's too ({@link Keeper})
   * @param articleDone         prose after which a long run of links, or a heading over comments or
   *                            other articles, ends the article; and the prose of its own that must go
   *                            on after such a run of links for the article to resume there
   * @param linkRun             link text in a row that ends an article
   * @param linkRunBlocks       how many blocks of links in a row end an article
   * @param endHeading          the longest heading that can end an article
   * @param leadLine            a line before the text's first paragraph this long is its lead, though it
   *                            lacks a full stop; kickers, bylines and dates are shorter
   * @param standfirst          the shortest standfirst kept beside the first paragraph: longer than a byline
   * @param dateLinesAfter      how many blocks from the headline on are looked at for the date
   * @param dateLinesBefore     how many blocks above the headline are looked at for the date
   * @param dateLinesAtEdges    how many blocks at each edge of the article are looked at for the date
   * @param dateLine            the longest block looked at for the date
   */
  record Options(int proseChars, double layoutGuard, int longBlock, int sentenceBlock, int chromeLine,
                 double linkChrome, double shortLinkChrome, int linkedSentence, int copyrightBlock,
                 int paragraphHeading, int titleChars, int pageTitleChars, int teaserGap, int teaserRun,
                 int headlineLink, double headlineLinkDensity, int teaserLine, int minProse, int shortOverProse,
                 double beforeTitle, int titleReach, int underTitle, int chromeCap, int shortCap,
                 double shortCost, int articleParagraphs, int boxParagraphs, double semanticShare,
                 double cleanChrome, int articleDone, int linkRun, int linkRunBlocks, int endHeading,
                 int leadLine, int standfirst, int dateLinesAfter, int dateLinesBefore, int dateLinesAtEdges,
                 int dateLine) {
    /** The values tuned on the benchmarks (docs/benchmarks.md). */
    static final Options DEFAULT = new Options(80, 0.25, 200, 70, 80,
        0.5, 0.3, 100, 1000,
        200, 8, 15, 2, 3,
        20, 0.7, 150, 300, 2,
        0.3, 3, 2000, 60, 40,
        0.2, 2, 3, 0.9,
        0.05, 500, 300, 2, 60,
        100, 40, 6, 3, 3,
        200);
  }

  private HtmlContent() {}

  /**
   * The main text of the page body, paragraphs separated by a blank line ("" when none), and,
   * when {@code wantDateLines}, the lines to look for its date in.
   */
  static Main extract(Element body, String title, String pageTitle, boolean wantDateLines, Options o) {
    List<Block> blocks = Blocks.cut(body, o);
    if (blocks.isEmpty()) {
      return new Main("", List.of());
    }
    int anchor = TitleAnchor.find(blocks, title, pageTitle, o);
    Teasers.mark(blocks, anchor, o);
    int prose = blocks.stream().filter(b -> b.kind == Kind.PROSE).mapToInt(b -> b.weight).sum();
    int shortLines = blocks.stream().filter(b -> b.kind == Kind.SHORT).mapToInt(b -> b.weight).sum();
    if (prose == 0 || prose < o.minProse() && shortLines > o.shortOverProse() * prose) {
      // a list, a table, a calendar: no prose to go by, so every plain short line counts as text
      for (Block b : blocks) {
        if (b.kind == Kind.SHORT) {
          b.kind = Kind.PROSE;
        }
      }
    }
    Element best = BestContainer.find(body, blocks, anchor, o);
    return new Main(Keeper.keep(blocks, best, anchor, title, o), wantDateLines ? dateLines(blocks, best, anchor, o) : List.of());
  }

  /**
   * The page's main text and the short lines where its date is usually printed: around the
   * headline first, then at the edges of the article.
   */
  record Main(String body, List<String> dateLines) {}

  private static List<String> dateLines(List<Block> blocks, Element container, int anchor, Options o) {
    List<Integer> order = new ArrayList<>();
    if (anchor >= 0) {
      for (int i = anchor; i <= anchor + o.dateLinesAfter(); i++) {
        order.add(i);
      }
      for (int i = anchor - 1; i >= anchor - o.dateLinesBefore(); i--) {
        order.add(i);
      }
    }
    List<Integer> inside = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (Markup.isInside(blocks.get(i).owner, container)) {
        inside.add(i);
      }
    }
    order.addAll(inside.subList(0, Math.min(o.dateLinesAtEdges(), inside.size())));
    order.addAll(inside.subList(Math.max(0, inside.size() - o.dateLinesAtEdges()), inside.size()));
    List<String> lines = new ArrayList<>();
    for (int i : order) {
      if (i >= 0 && i < blocks.size() && blocks.get(i).kind != Kind.CHROME && blocks.get(i).weight < o.dateLine()
          && !HtmlMetadata.visitDate(blocks.get(i).owner)) {
        lines.add(blocks.get(i).text);
      }
    }
    return lines;
  }
}
