package org.kronika.extract.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.kronika.extract.Vocabulary;
import org.kronika.extract.html.Block.Kind;

/**
 * Step 3 of {@link HtmlContent}: keeps the chosen container's blocks by their class and their
 * context, as jusText does, and ends the article at a long run of links or at a heading over
 * comments or other articles. Stateless and thread-safe.
 */
final class Keeper {
  /**
   * A line that opens the readers' comments: "Comments (12)", "Комментарии", "Leave a comment",
   * "Обсуждение статьи" (discussion of the article), perhaps with an asterisk that refers to the
   * site's disclaimer of what readers write.
   */
  private static final Pattern COMMENTS_HEADING = Pattern.compile("(?iu)(?:\\d+\\s+)?(?:(?:leave|add|post|write)\\s+a\\s+|"
      + "(?:добавить|оставить|написать|додати|залишити|dodaj|napisz)\\s+)?(?:comments?|reader comments|"
      + "комментари[йияе]в?|коментар[іяі]в?|komentarz[eyy]?|σχόλια|评论|評論|留言|kommentare?|commentaires?|"
      + "comentários?|comentarios?|commenti|yorumlar|"
      + "(?:discussion|обсуждение|обговорення|dyskusja)(?:\\s+(?:статьи|статті|материала|новости))?)"
      + "(?:\\s*\\(\\d+\\))?\\s*[:*]?");

  /**
   * A heading over other articles: "See also", "Смотрите также", "Больше по теме" (more on the
   * topic), the {@code see-also-headings} of the {@link Vocabulary}; an inline "read also" line is a
   * paragraph, not a heading. Not Polish "Zobacz też": Polish sites head boxes inside the article
   * with it, and the text goes on below.
   */
  private static final Pattern SEE_ALSO_HEADING = Pattern.compile("(?iu)(?:"
      + Vocabulary.section("see-also-headings").stream().map(Pattern::quote).collect(Collectors.joining("|"))
      + ")\\s*:?");

  private Keeper() {}

  /** The blocks under {@code container} worth keeping, judged in context. */
  static String keep(List<Block> all, Element container, int anchor, String title, HtmlContent.Options o) {
    int from = anchor >= 0 && Markup.isInside(all.get(anchor).owner, container) ? anchor : 0;
    List<Block> inside = new ArrayList<>();
    int firstInside = -1;
    for (int i = from; i < all.size(); i++) {
      if (Markup.isInside(all.get(i).owner, container)) {
        firstInside = firstInside < 0 ? i : firstInside;
        inside.add(all.get(i));
      }
    }
    if (firstInside > 0 && firstInside - 1 != anchor && isLeadOf(all.get(firstInside - 1), container, o)) {
      inside.add(0, all.get(firstInside - 1));
    }
    // a long run of links after a good deal of prose is the news list under the article (one
    // block is not a run: a paragraph can be dense with links, and pop-up cards behind names),
    // unless a good deal of the article's own prose goes on after it (a box of recommended links
    // inside the text); a heading that announces comments ends it too, but for the article's own
    // paragraphs
    int prose = 0;
    int linkRun = 0;
    int linkBlocks = 0;
    int runStart = 0;
    for (int i = 0; i < inside.size(); i++) {
      Block b = inside.get(i);
      if (b.kind == Kind.PROSE) {
        prose += b.weight;
        linkRun = 0;
        linkBlocks = 0;
      } else if (prose >= o.articleDone() && b.weight < o.endHeading() && COMMENTS_HEADING.matcher(b.text).matches()) {
        inside = beforeComments(inside, i);
        break;
      } else if (prose >= o.articleDone() && b.kind == Kind.HEADING && b.weight < 60
          && SEE_ALSO_HEADING.matcher(b.text).matches()) {
        inside = inside.subList(0, i);
        break;
      } else if (b.kind == Kind.CHROME) {
        runStart = linkBlocks == 0 ? i : runStart;
        linkRun += b.weight;
        linkBlocks++;
        if (prose >= o.articleDone() && linkRun >= o.linkRun() && linkBlocks >= o.linkRunBlocks()) {
          inside = beforeLinkRun(inside, runStart, i + 1, o.articleDone());
          break;
        }
      }
    }
    int n = inside.size();
    // in a box without link chrome, short lines (list items, one-line paragraphs) are the article's too
    int chrome = 0;
    int total = 0;
    for (Block b : inside) {
      total += b.weight;
      chrome += b.kind == Kind.CHROME ? b.weight : 0;
    }
    // ... once the text has begun: the short lines above it are kicker, byline and date
    boolean clean = chrome <= o.cleanChrome() * total;
    int firstProse = n;
    for (int i = n - 1; i >= 0; i--) {
      if (inside.get(i).kind == Kind.PROSE) {
        firstProse = i;
      }
    }
    boolean[] keep = new boolean[n];
    int[] prevProse = new int[n];
    int last = -1;
    for (int i = 0; i < n; i++) {
      prevProse[i] = last;
      if (inside.get(i).kind == Kind.PROSE) {
        last = i;
      } else if (inside.get(i).kind == Kind.CHROME) {
        last = -1;
      }
    }
    int next = -1;
    for (int i = n - 1; i >= 0; i--) {
      Block b = inside.get(i);
      switch (b.kind) {
        case PROSE -> keep[i] = true;
        case SHORT -> keep[i] = clean && i > firstProse || prevProse[i] >= 0 && next >= 0
            || i < firstProse && next >= 0 && b.weight >= o.leadLine() && b.linkDensity == 0
            || isStandfirst(b, i, inside, firstProse, o) || isCoda(b, i, inside, prevProse[i]);
        case HEADING -> keep[i] = next >= 0 && !b.text.equalsIgnoreCase(title == null ? "" : title.strip())
            && !b.owner.normalName().equals("h1");
        case CHROME -> keep[i] = false;
      }
      if (b.kind == Kind.PROSE) {
        next = i;
      } else if (b.kind == Kind.CHROME) {
        next = -1;
      }
    }
    // a paragraph of prose said again elsewhere is a second copy of the article (a hidden print
    // version); in the same box it is the article's own refrain (an interview's recurring question)
    Map<String, Element> said = new HashMap<>();
    StringBuilder out = new StringBuilder();
    int nextKept = n;
    int[] following = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      following[i] = nextKept;
      nextKept = keep[i] ? i : nextKept;
    }
    for (int i = 0; i < n; i++) {
      Block b = inside.get(i);
      Element first = b.kind == Kind.PROSE && keep[i] ? said.putIfAbsent(b.text, b.owner.parent()) : null;
      Block nextKeptBlock = following[i] < n ? inside.get(following[i]) : null;
      if (keep[i] && (first == null || first == b.owner.parent()) && !isRepeatedLead(b, nextKeptBlock)) {
        if (out.length() > 0) {
          out.append("\n\n");
        }
        out.append(inside.get(i).text);
      }
    }
    return out.toString();
  }

  /**
   * Whether a paragraph is said again, whole, inside the next one kept: a lead printed above the
   * text that its first paragraph repeats after a dateline ("PARIS, May 5 (Agency) - ...").
   */
  private static boolean isRepeatedLead(Block b, Block next) {
    return b.kind == Kind.PROSE && next != null && next.text.length() > b.text.length() && next.text.contains(b.text);
  }

  /**
   * Whether a block just before the container is its lead: sites set the lead apart in a box of its
   * own beside the text's, and text set off by {@code <br>} in one {@code <p>} wins as the article
   * without the {@code <p>} of the lead before it. Prose or a plain line as long as a lead, and not
   * the headline.
   */
  private static boolean isLeadOf(Block b, Element container, HtmlContent.Options o) {
    Element before = container.previousElementSibling();
    return before != null && Markup.isInside(b.owner, before) && b.linkDensity == 0
        && (b.kind == Kind.PROSE || b.kind == Kind.SHORT && b.weight >= o.leadLine());
  }

  /**
   * Whether block {@code i} is the article's standfirst: a plain line of some length just before
   * its first paragraph and beside it in the same box, as the text's own first line is. Kickers,
   * bylines and dates stand in boxes of their own, or are shorter.
   */
  private static boolean isStandfirst(Block b, int i, List<Block> inside, int firstProse, HtmlContent.Options o) {
    return i == firstProse - 1 && firstProse < inside.size() && b.weight >= o.standfirst() && b.linkDensity == 0
        && b.owner.parent() == inside.get(firstProse).owner.parent();
  }

  /**
   * Whether block {@code i} is the article's closing sentence: a short plain sentence right after a
   * paragraph ({@code prose}, or -1) in the same box, though link chrome or a copyright line follows.
   */
  private static boolean isCoda(Block b, int i, List<Block> inside, int prose) {
    return prose == i - 1 && prose >= 0 && b.linkDensity == 0 && b.owner.parent() == inside.get(prose).owner.parent()
        && BlockJudge.endsSentence(b.text);
  }

  /**
   * The blocks before the comments heading at {@code heading}, and after it only those that go on
   * in an element holding the article's paragraphs above (a box of the first comments can stand
   * in the middle of an article).
   */
  private static List<Block> beforeComments(List<Block> inside, int heading) {
    Set<Element> articleParents = articleParents(inside.subList(0, heading));
    List<Block> kept = new ArrayList<>(inside.subList(0, heading));
    for (Block b : inside.subList(heading + 1, inside.size())) {
      if (b.owner.parent() != null && articleParents.contains(b.owner.parent())) {
        kept.add(b);
      }
    }
    return kept;
  }

  /**
   * The blocks before a run of links from {@code runStart}, and from {@code resume} on the prose
   * that goes on in an element holding the article's paragraphs above, when there is as much of
   * it as {@code goesOn}: the article resumes after a box of recommended links (and the box's
   * label goes with its links), while a summary or two under a news list is no article.
   */
  private static List<Block> beforeLinkRun(List<Block> inside, int runStart, int resume, int goesOn) {
    Set<Element> articleParents = articleParents(inside.subList(0, runStart));
    List<Block> after = new ArrayList<>();
    int prose = 0;
    for (Block b : inside.subList(resume, inside.size())) {
      if (b.kind == Kind.PROSE && b.owner.parent() != null && articleParents.contains(b.owner.parent())) {
        after.add(b);
        prose += b.weight;
      }
    }
    if (prose < goesOn) {
      return inside.subList(0, runStart);
    }
    // the box's label ("Recommended") goes with it
    int end = runStart;
    while (end > 0 && inside.get(end - 1).kind != Kind.PROSE && !articleParents.contains(inside.get(end - 1).owner.parent())) {
      end--;
    }
    List<Block> kept = new ArrayList<>(inside.subList(0, end));
    kept.addAll(after);
    return kept;
  }

  /** The elements that hold the paragraphs of prose among {@code blocks}. */
  private static Set<Element> articleParents(List<Block> blocks) {
    Set<Element> parents = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Block b : blocks) {
      if (b.kind == Kind.PROSE && b.owner.parent() != null) {
        parents.add(b.owner.parent());
      }
    }
    return parents;
  }
}
