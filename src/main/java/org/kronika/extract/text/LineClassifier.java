package org.kronika.extract.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kronika.extract.text.Line.Kind;

/**
 * Labels the lines of a plain-text page as prose or chrome and finds the article among them:
 * first each line by its own features, then the one stretch where prose outweighs chrome
 * (a maximum-sum segment, as in body-text extraction by Finn et al.), then the short lines
 * inside it by their neighbours. Stateless and thread-safe.
 */
final class LineClassifier {
  /** A line shorter than this many characters never passes for prose on length alone. */
  private static final int SHORT_CHARS = 70;
  /** A line this long is prose unless its words say otherwise. */
  private static final int LONG_CHARS = 150;
  /** Below this share of function words over the whole page, the word lists do not know its language. */
  private static final double COVERED_PAGE = 0.08;
  private static final double PROSE_DENSITY = 0.15;
  /** A short line of this many words that ends with a full stop is a sentence, not a link. */
  private static final int MIN_SENTENCE_WORDS = 6;
  /** What a line of chrome or a link costs the stretch that contains it. */
  private static final int SHORT_COST = 70;
  private static final int BAD_COST = 100;
  /** What the headline's line earns the stretch below it: about a few paragraphs' worth. */
  private static final int ANCHOR_BONUS = 800;
  /** How many short sentences may close an article after its last paragraph. */
  private static final int CLOSING_LINES = 2;
  /** How many lines below the headline the article may start: bylines, credits, share bars. */
  private static final int HEADER_LINES = 30;
  /**
   * Past this many words a line that opens like a caption ("Photo: AFP. The minister ...")
   * holds a paragraph the scraper glued to it: losing the paragraph would cost more.
   */
  private static final int MAX_CAPTION_WORDS = 40;
  /** A credit or support phrase marks a line this short; in a longer one it is quoted prose. */
  private static final int MAX_PHRASE_WORDS = 25;
  private static final int MAX_TAG_WORDS = 8;
  private static final int MAX_PROMO_WORDS = 50;

  /** A byline or dateline is no paragraph: "By Jane Roe", "November 20, 2019 10:43". */
  private static final int MAX_DATELINE_WORDS = 12;
  private static final Pattern BYLINE = Pattern.compile(
      "^(?:By|BY|Written by|Author:|Authors:|Автор:|Автори:|Авторы:|Авторка:)\\s+\\p{Lu}");
  private static final Pattern TIME_OR_NUMBER = Pattern.compile(
      "^[\\d\\s:.,/|()+%-]*$|^\\d{1,2}[:.]\\d{2}(?:\\s*(?:am|pm|a\\.m\\.|p\\.m\\.))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_ONLY = Pattern.compile(
      "^(?:https?://\\S+|(?:www\\.)?[\\w-]+(?:\\.[\\w-]+)*\\.[a-z]{2,}(?:/\\S*)?)$", Pattern.CASE_INSENSITIVE);
  /** Counters and timestamps of comment threads and teaser lists: "[ 167 comments ]", "2 days ago". */
  private static final Pattern COUNTER = Pattern.compile(
      "^[\\[(]?\\s*\\d[\\d,.]*\\s*(?:comments?|replies|votes?|shares?|views?|коментар\\p{L}*|комментари\\p{L}*"
          + "|перегляд\\p{L}*|просмотр\\p{L}*)\\s*[\\])]?$"
          + "|^rating:|\\b\\d+\\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\s+ago\\b"
          + "|\\b\\d+\\s+(?:секунд\\p{L}*|хвилин\\p{L}*|годин\\p{L}*|дн\\p{L}*|тиж\\p{L}*|минут\\p{L}*|час\\p{L}*)\\s+(?:тому|назад)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** A share button's word left at the end of a paragraph: "... the minister said. Share". */
  private static final Pattern TRAILING_SHARE = Pattern.compile(
      "(?<=[.!?…\"»”)])\\s+(?:share|tweet|поділитися|поделиться)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final int SHARE_WORD_CHARS = "поділитися".length() + 1;
  /** Tags glued together by a scraper: "NATOUkraine", "MazurenkoTuesday". */
  private static final Pattern GLUED = Pattern.compile("\\p{Ll}\\p{Lu}|\\p{Lu}{3}\\p{Ll}");

  private LineClassifier() {}

  /** Splits the text into lines and labels each by its own features and its repetition. */
  static List<Line> classify(String text) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? n : nl;
      String s = withoutShareWord(text.substring(start, end).strip());
      if (!s.isEmpty()) {
        lines.add(new Line(lines.size(), s));
      }
      start = end + 1;
    }
    Map<String, Integer> counts = new HashMap<>();
    int words = 0;
    int functionWords = 0;
    for (Line line : lines) {
      counts.merge(line.key, 1, Integer::sum);
      words += line.words.size();
      functionWords += line.functionWords;
    }
    boolean covered = words > 0 && (double) functionWords / words >= COVERED_PAGE;
    for (Line line : lines) {
      line.repeats = counts.get(line.key);
      line.kind = kind(line, covered);
      line.ending = ChromeVocabulary.isEnding(line.key);
    }
    return lines;
  }

  private static Kind kind(Line line, boolean covered) {
    if (isChrome(line)) {
      return Kind.BAD;
    }
    int length = line.size();
    boolean prosaic = !covered || line.functionDensity() >= PROSE_DENSITY;
    if (line.repeats > 1 && length < LONG_CHARS * 2 && !(line.endsWithStop() && length >= SHORT_CHARS)) {
      // Link text printed twice (a teaser block, the headline above and beside the photo);
      // a repeated sentence is a paragraph whose copy the cleaner drops later.
      return Kind.BAD;
    }
    if ((length >= LONG_CHARS && prosaic) || (length >= 2 * LONG_CHARS && line.endsSentence)) {
      return Kind.GOOD;
    }
    if (length >= SHORT_CHARS && line.endsSentence && prosaic) {
      return Kind.GOOD;
    }
    if (length >= SHORT_CHARS || (line.endsWithStop() && line.words.size() >= MIN_SENTENCE_WORDS)) {
      return Kind.NEAR_GOOD;
    }
    return Kind.SHORT;
  }

  private static String withoutShareWord(String line) {
    int n = line.length();
    boolean mayEndWithOne = n > 6 && Character.isLetter(line.charAt(n - 1)) && line.lastIndexOf(' ') > 0
        && n - line.lastIndexOf(' ') <= SHARE_WORD_CHARS;
    return mayEndWithOne ? TRAILING_SHARE.matcher(line).replaceFirst("") : line;
  }

  /** Whether a line is chrome whatever its neighbours: menus, bars, ads, credits, promos, lists. */
  static boolean isChrome(Line line) {
    int words = line.words.size();
    boolean oneToken = line.text.indexOf(' ') < 0;
    if (words == 0 || TIME_OR_NUMBER.matcher(line.text).matches()
        || (oneToken && URL_ONLY.matcher(line.text).matches())) {
      return true;
    }
    if (ChromeVocabulary.isNavigation(line.key) || ChromeVocabulary.isListHeader(line.key)
        || ChromeVocabulary.isEnding(line.key)) {
      return true;
    }
    if (words <= MAX_CAPTION_WORDS && ChromeVocabulary.startsLikeChrome(line.lower)) {
      return true;
    }
    if (words <= MAX_PHRASE_WORDS && ChromeVocabulary.hasChromePhrase(line.lower)) {
      return true;
    }
    if (!line.endsSentence && line.barWords * 2 >= words) {
      return true;
    }
    if (words <= MAX_TAG_WORDS && !line.endsSentence && GLUED.matcher(line.text).find() && words <= 2 * line.capitalised) {
      return isTagRun(line);
    }
    if (words <= MAX_DATELINE_WORDS && line.hasDigit() && COUNTER.matcher(line.text).find()) {
      return true;
    }
    if (words <= MAX_DATELINE_WORDS && (BYLINE.matcher(line.text).find() || isDateline(line))) {
      return true;
    }
    return words <= MAX_PROMO_WORDS && ChromeVocabulary.isChannelPromo(line.words);
  }

  /** A line that is a date and nothing else ("Tuesday November 19, 2019"). */
  private static boolean isDatelineAlone(Line line) {
    if (line.kind != Kind.BAD || !line.hasYear() || line.words.size() > MAX_DATELINE_WORDS / 2) {
      return false;
    }
    DateFinder.Found date = DateFinder.locate(line.text, LocalDate.MAX);
    return date != null && 2 * (date.end() - date.start()) >= line.text.length();
  }

  /** A line that carries a date and little else: no sentence that merely mentions a date. */
  private static boolean isDateline(Line line) {
    if (!line.hasYear()) {
      return false;
    }
    DateFinder.Found date = DateFinder.locate(line.text, LocalDate.MAX);
    return date != null && (!line.endsWithStop() || 2 * (date.end() - date.start()) >= line.text.length());
  }

  /** A run of topic tags glued without spaces: most of its capitals follow a letter directly. */
  private static boolean isTagRun(Line line) {
    int glued = 0;
    var m = GLUED.matcher(line.text);
    while (m.find()) {
      glued++;
    }
    return glued >= 1 && !line.text.contains(",");
  }

  /**
   * The stretch {@code [from, to)} of line indexes where prose outweighs chrome most: prose
   * earns its length, chrome and short lines cost a fixed amount each. Below the headline the
   * page marks ({@code anchor}, or -1), chrome in the byline area up to the first run of prose
   * costs nothing, and that run's first line earns a bonus: the article starts there.
   */
  static int[] mainRegion(List<Line> lines, int anchor) {
    int start = anchor < 0 ? -1 : firstProse(lines, anchor);
    // Below its headline, the first comment thread closes the article for good.
    int stop = lines.size();
    for (int i = Math.max(start, 0); start >= 0 && i < stop; i++) {
      stop = ChromeVocabulary.isCommentHeader(lines.get(i).key) ? i : stop;
    }
    long best = 0;
    int bestFrom = 0;
    int bestTo = 0;
    long sum = 0;
    int from = 0;
    for (int i = 0; i < stop; i++) {
      int gain;
      if (i == start) {
        gain = gain(lines.get(i)) + ANCHOR_BONUS;
      } else if (start >= 0 && i >= anchor && i < start) {
        gain = Math.max(0, gain(lines.get(i)));
      } else {
        gain = gain(lines.get(i));
      }
      if (lines.get(i).ending || (start >= 0 && i > start && isDatelineAlone(lines.get(i)))) {
        // A news feed or comments follow (each teaser of a feed under its own dateline): the
        // article does not go on across them.
        gain = -(int) Math.min(Integer.MAX_VALUE, sum + 1);
      }
      sum += gain;
      if (sum <= 0) {
        sum = 0;
        from = i + 1;
      } else if (sum > best) {
        best = sum;
        bestFrom = from;
        bestTo = i + 1;
      }
    }
    return new int[] {bestFrom, bestTo > bestFrom ? closeOver(lines, bestTo) : bestTo};
  }

  /** {@code to}, moved past the short sentences that close the article ending there. */
  private static int closeOver(List<Line> lines, int to) {
    int end = to;
    while (end < lines.size() && end - to < CLOSING_LINES && isClosingSentence(lines.get(end))) {
      end++;
    }
    return end;
  }

  /**
   * A short sentence that may close an article ("He declined to comment."): too short to earn
   * its place, but no chrome either.
   */
  private static boolean isClosingSentence(Line line) {
    return line.kind == Kind.SHORT && line.endsWithStop() && line.words.size() >= 2;
  }

  /**
   * The first line of running prose within a screen below the headline, or -1: a long line
   * followed by another; failing that, any long line. A lone standfirst above a byline block
   * is not where the article's paragraphs start.
   */
  private static int firstProse(List<Line> lines, int anchor) {
    int end = Math.min(lines.size(), anchor + HEADER_LINES + 1);
    int lone = -1;
    for (int i = anchor + 1; i < end; i++) {
      if (lines.get(i).kind == Kind.GOOD) {
        if (i + 1 < lines.size() && lines.get(i + 1).kind == Kind.GOOD) {
          return i;
        }
        lone = lone < 0 ? i : lone;
      }
    }
    return lone;
  }

  private static int gain(Line line) {
    return switch (line.kind) {
      case GOOD -> line.size();
      case NEAR_GOOD -> line.size() / 3;
      case SHORT -> -SHORT_COST;
      case BAD -> -BAD_COST;
    };
  }

  /**
   * The lines of the article. Prose that runs from its first long paragraph to its last
   * without a single line of chrome in between is clean text, and all of it is the article,
   * lists of short lines included; otherwise it is the {@link #mainRegion} with short lines
   * kept only as sub-headings.
   */
  static List<Line> article(List<Line> lines, int anchor) {
    int first = -1;
    int last = -1;
    for (Line line : lines) {
      if (line.kind == Kind.GOOD) {
        first = first < 0 ? line.index : first;
        last = line.index;
      }
    }
    boolean clean = first >= 0;
    for (int i = first; clean && i <= last; i++) {
      clean = lines.get(i).kind != Kind.BAD;
    }
    if (!clean) {
      int[] region = mainRegion(lines, anchor);
      return keep(lines, region[0], region[1]);
    }
    // Above the first long paragraph, everything below the title is the article's (leads,
    // sub-headings); below the last, sentences and weaker prose are, a source line is not.
    int top = Headline.firstLineIsTitle(lines) ? 1 : 0;
    while (first > top && lines.get(first - 1).kind != Kind.BAD) {
      first--;
    }
    int end = last + 1;
    while (end < lines.size() && isProseEdge(lines.get(end))) {
      end++;
    }
    return lines.subList(first, end);
  }

  private static boolean isProseEdge(Line line) {
    return line.kind == Kind.NEAR_GOOD || (line.kind == Kind.SHORT && line.endsSentence);
  }

  /**
   * Where the list under a list header ends: at the first line from {@code from} that ends with
   * a full stop or is as long as a paragraph, since the titles of other articles it lists are
   * neither (they may end with a question mark).
   */
  private static int endOfList(List<Line> lines, int from, int to) {
    int i = from;
    while (i < to && !lines.get(i).endsWithStop() && lines.get(i).size() < LONG_CHARS) {
      i++;
    }
    return i;
  }

  /**
   * The lines of {@code [from, to)} that belong to the article: prose, and short lines that
   * head prose as sub-headings do, or close the article as short sentences; a run of three or
   * more short lines is a list of links, not headings, and so is what follows a list header
   * ("Related articles") up to the next sentence.
   */
  static List<Line> keep(List<Line> lines, int from, int to) {
    List<Line> kept = new ArrayList<>();
    int i = from;
    while (i < to) {
      Line line = lines.get(i);
      if (line.kind == Kind.BAD && ChromeVocabulary.isListHeader(line.key)) {
        i = endOfList(lines, i + 1, to);
      } else if (line.kind == Kind.GOOD || line.kind == Kind.NEAR_GOOD) {
        kept.add(line);
        i++;
      } else if (line.kind == Kind.BAD) {
        i++;
      } else {
        int end = i;
        while (end < to && lines.get(end).kind == Kind.SHORT) {
          end++;
        }
        boolean headsProse = end < to && lines.get(end).kind != Kind.BAD;
        boolean closes = end == to && i > from && isClosingSentence(lines.get(i));
        if (end - i <= 2 && (headsProse || closes)) {
          kept.addAll(lines.subList(i, end));
        }
        i = end;
      }
    }
    return kept;
  }
}
