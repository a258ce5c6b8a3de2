package org.kronika.extract.html;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.kronika.extract.Vocabulary;
import org.kronika.extract.html.Block.Kind;

/**
 * Step 2 of {@link HtmlContent}, second half: judges one block on its own (length, link density,
 * sentence punctuation, its element, legal and chrome wording) as prose, a heading, a short line
 * or chrome. Stateless and thread-safe.
 */
final class BlockJudge {
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  /** Characters that end a sentence at the end of a text, and those that end one within it. */
  private static final String SENTENCE_END_CHARS = ".!?…:;。！？：；»\"”";
  private static final String SENTENCE_STOPS = ".!?。！？";
  /** The full-width stops, which end a sentence with no space after them (Chinese, Japanese). */
  private static final String WIDE_STOPS = "。！？";
  private static final Pattern CHROME_TEXT = Pattern.compile(
      "(?iu)^(?:advert(?:isement)?|реклама|reklama|read more|читайте также|читайте також|читати також|"
      + "share( this)?|поделиться|поширити|podziel się|分享到[:：]?|分享工具|related( articles| stories| news)?|"
      + "follow us.*|подпишитесь.*|підпишіться.*|"
      + "click here.*|sign up.*|subscribe.*|загрузка\\.*|loading\\.*|"
      + "rate this.*|оцените.*|оцініть.*|related links:?|.*(?:requires|enable) javascript.*|"
      + "(?:ссылки|новости|материалы|статьи) по теме:?|(?:посилання|новини|матеріали|статті) по темі:?)$");

  private static final List<String> COPYRIGHT_PHRASES = Vocabulary.section("copyright-phrases");

  private BlockJudge() {}

  /** What {@code b} is, judged on its own. */
  static Kind kind(Block b, HtmlContent.Options o) {
    if ((b.linkDensity > o.linkChrome() || b.linkDensity > o.shortLinkChrome() && b.weight < o.longBlock() && !isLinkedSentence(b, o)) && !inEmbeddedPost(b.owner)
        || (b.weight < o.chromeLine() && CHROME_TEXT.matcher(b.text).matches())) {
      return Kind.CHROME;
    }
    if (b.weight < o.copyrightBlock()) {
      String lower = b.text.toLowerCase(Locale.ROOT);
      if (isCopyright(lower) || isReuseNotice(lower) || isPostMeta(lower)
          || b.weight < o.longBlock() && isTypoReport(lower)) {
        return Kind.CHROME;
      }
    }
    if (HEADINGS.contains(b.owner.normalName()) && !isParagraphHeading(b, o)) {
      return Kind.HEADING;
    }
    if (b.weight >= o.longBlock() || b.weight >= o.sentenceBlock() && hasSentence(b.text)) {
      return Kind.PROSE;
    }
    return Kind.SHORT;
  }

  /**
   * A copyright line: a © sign (not glued to a letter, as in the mojibake of é), "(c)" or
   * "copyright" first, or a {@code copyright-phrases} entry of the {@link Vocabulary} ("all rights
   * reserved"). Takes the block's text lower-cased, as the tests
   * below do: they run on every block, and the JDK's search is fastest on a plain copy.
   */
  private static boolean isCopyright(String lower) {
    for (int at = lower.indexOf('©'); at >= 0; at = lower.indexOf('©', at + 1)) {
      if (at == 0 || !Character.isLetter(lower.charAt(at - 1))) {
        return true;
      }
    }
    return lower.startsWith("(c)")
        || lower.startsWith("copyright") && (lower.length() == 9 || !Character.isLetterOrDigit(lower.charAt(9)))
        || containsAny(lower, COPYRIGHT_PHRASES);
  }

  private static boolean containsAny(String lower, List<String> phrases) {
    for (String phrase : phrases) {
      if (lower.contains(phrase)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The site's terms for reprinting its articles, or its disclaimer of other people's text: "may not
   * be reproduced", "при использовании ссылка обязательна" (a link is required), "не несет
   * ответственности" (is not responsible), "未经授权不得转载" (no reprint without permission). Legal
   * text as a copyright line is, but without the sign.
   */
  private static boolean isReuseNotice(String lower) {
    return lower.contains("may not be reproduced") || lower.contains("without the written permission")
        || lower.contains("перепечат") || lower.contains("передрук")
        || lower.contains("ссылка") && lower.contains("обязательна")
        || lower.contains("посилання") && lower.contains("обов")
        || lower.contains("не несет ответственности") || lower.contains("не несёт ответственности")
        || lower.contains("转载") && (lower.contains("授权") || lower.contains("版权") || lower.contains("本网"));
  }

  /**
   * The note a blog engine prints under a post ("This entry was posted on ... You can follow any
   * responses to this entry through the RSS 2.0 feed"), in whatever language the theme is
   * translated to: the feed's name is left as it is.
   */
  private static boolean isPostMeta(String lower) {
    return lower.contains("rss 2.0");
  }

  /**
   * A typo-report notice ("Found a mistake? Select it and press Ctrl+Enter"), which the widget that
   * sends the selection to the editors puts under the text of many sites.
   */
  private static boolean isTypoReport(String lower) {
    return lower.contains("ctrl") && lower.contains("enter"); // Ctrl+Enter, Ctrl + Enter
  }

  /** Whether a text ends with a full stop, a question or an exclamation mark (not a colon: a label). */
  static boolean endsSentence(String text) {
    return !text.isEmpty() && SENTENCE_STOPS.indexOf(text.charAt(text.length() - 1)) >= 0;
  }

  /**
   * Whether a text ends as a sentence ends, or has a sentence end followed by more: a stop and a
   * space, or a full-width stop, after which CJK text goes on without one.
   */
  private static boolean hasSentence(String text) {
    int end = text.length() - 1;
    while (end >= 0 && Character.isWhitespace(text.charAt(end))) {
      end--;
    }
    if (end >= 0 && SENTENCE_END_CHARS.indexOf(text.charAt(end)) >= 0) {
      return true;
    }
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (SENTENCE_STOPS.indexOf(c) >= 0 && (Character.isWhitespace(text.charAt(i + 1)) || WIDE_STOPS.indexOf(c) >= 0)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a heading element holds a paragraph: sentences as long as prose, as sites set the
   * article's lead in an {@code <h2>} or {@code <h4>}. Headlines are shorter and end without a full
   * stop; an {@code <h1>} that long, or a heading beside an image, is a photo's caption.
   */
  private static boolean isParagraphHeading(Block b, HtmlContent.Options o) {
    return b.weight >= o.paragraphHeading() && endsSentence(b.text) && !b.owner.normalName().equals("h1")
        && (b.owner.parent() == null || b.owner.parent().selectFirst("> img") == null);
  }

  /**
   * Whether a block with some links (under half its text) is a sentence of the article that cites
   * its sources, as agencies link earlier reports, rather than a "read also" line: long enough
   * for a sentence and ending as one.
   */
  private static boolean isLinkedSentence(Block b, HtmlContent.Options o) {
    return b.weight >= o.linkedSentence() && hasSentence(b.text);
  }

  /** Whether a block is part of a quoted social-network post, whose links are its text (handles, tags). */
  private static boolean inEmbeddedPost(Element owner) {
    Element e = owner;
    for (int up = 0; up < 3 && e != null; up++, e = e.parent()) {
      if (e.normalName().equals("blockquote") && Pruner.EMBEDDED_POST.matcher(e.className()).find()) {
        return true;
      }
    }
    return false;
  }
}
