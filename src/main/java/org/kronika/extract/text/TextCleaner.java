package org.kronika.extract.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kronika.extract.Extracted;
import org.kronika.extract.Extractor;
import org.kronika.input.SourceDocument;

/**
 * Cleans plain-text news that still carries its site's chrome (menus, share bars, ads, photo
 * credits, tag runs, related-article and recent-news lists, comments) and tells its headline,
 * byline and date apart from the body.
 *
 * <p>Each line is a paragraph. {@link LineClassifier} labels every line from its own features
 * (length, end punctuation, density of function words, share of share-bar words, chrome
 * vocabulary from {@link ChromeVocabulary}, repetition on the page) as prose, weaker prose,
 * short or chrome. Text with no chrome between its first and last long paragraph is clean and
 * kept whole. Otherwise the article is the one stretch of lines where prose outweighs chrome,
 * found in linear time, and inside it short lines survive only as sub-headings of the prose
 * that follows them or as closing sentences, much as jusText's context rules decide. The
 * headline the page marks ({@link Headline}: its title line recurring alone, or a line
 * printed twice) anchors that stretch. The byline near it gives the authors ({@link Byline})
 * and {@link DateFinder} the date; a {@code " date YYYY-MM-DD"} header wins over dates in
 * the text, and the container's own title and date win over both.
 *
 * <p>For 004-like pages, whose header shares its line with the first sentence of the lead,
 * the title stays {@code null}: a sentence is never promoted to a headline, and a short line
 * further down that heads paragraphs is a sub-heading.
 *
 * <p>Costs one pass of cheap per-line tests and a linear region search: about 0.2 ms for a
 * 2 KB article. Stateless and thread-safe.
 */
public final class TextCleaner implements Extractor {
  private static final Pattern HEADER = Pattern.compile("\\A[ \\t\\uFEFF]*date[ \\t]+\\d{4}-\\d{2}-\\d{2}[ \\t]*");
  private static final Pattern TIME_PREFIX = Pattern.compile("^\\d{1,2}[:.]\\d{2}\\s+(?=\\S)");
  private static final Pattern TRAILING_STOPS = Pattern.compile("[.!?…]+$");
  /** How far above the headline a dateline may stand. */
  private static final int ABOVE_HEADLINE = 2;
  /** How far above the body the byline may stand on a page without a known headline. */
  private static final int ABOVE_BODY = 8;
  /** How many of the body's first lines may state the article's date ("... said on 3 March"). */
  private static final int BODY_LINES_DATED = 2;
  /** How many of the first paragraphs may be teasers of later ones. */
  private static final int TEASER_LEADS = 3;
  /** A lead shorter than this may be a teaser of a later paragraph. */
  private static final int MAX_TEASER_CHARS = 300;
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");

  private final LocalDate notAfter;

  /** A cleaner that refuses dates after the day each document is cleaned. */
  public TextCleaner() {
    this(null);
  }

  /** A cleaner that refuses dates after {@code notAfter} ({@code null}: today). */
  public TextCleaner(LocalDate notAfter) {
    this.notAfter = notAfter;
  }

  @Override
  public Extracted extract(SourceDocument document) {
    LocalDate latest = notAfter != null ? notAfter : LocalDate.now();
    String text = normalize(document.content());
    LocalDate date = document.date();
    if (date == null) {
      date = DateFinder.header(text, latest).orElse(null);
    }
    text = HEADER.matcher(text).replaceFirst("");

    List<Line> lines = LineClassifier.classify(text);
    int anchor = document.title() == null ? Headline.anchor(lines) : -1;
    List<Line> body = LineClassifier.article(lines, anchor);
    int bodyStart = body.isEmpty() ? lines.size() : body.get(0).index;

    String title = document.title();
    if (title == null) {
      title = Headline.find(lines, anchor, bodyStart);
    }
    // The byline area: from just above the headline, or a few lines above the body, to the
    // first lines of the body below the headline; dates in menus and sidebars further up
    // belong to other articles.
    int headStart = anchor >= 0 ? Math.max(0, anchor - ABOVE_HEADLINE) : Math.max(0, bodyStart - ABOVE_BODY);
    int headEnd = bodyStart;
    for (Line line : body) {
      if (line.index > anchor) {
        headEnd = Math.max(bodyStart, line.index);
        break;
      }
    }
    Byline byline = Byline.find(lines, headStart, headEnd, latest);
    if (date == null && byline != null) {
      date = byline.date();
    }
    if (date == null) {
      date = DateFinder.inText(head(lines, headStart, headEnd), latest).orElse(null);
    }
    String clean = assemble(body, title, byline);
    if (isHeadlineAlone(lines, document.title())) {
      // a wire's flash, a feed item without text: the title, with no body to repeat it
      title = title != null ? title : stripTime(lines.get(0).text);
      clean = "";
    } else if (clean.isEmpty() && title == null && !lines.isEmpty()) {
      title = lines.get(0).text; // no body told from the chrome: the first line is the best name it has
    }
    return new Extracted(document.source(), document.url(), title, clean, date,
        byline == null ? List.of() : byline.authors(), document.lang(), clean.isEmpty());
  }

  /**
   * Whether the text is one line short enough for a headline (and the container's title, if it
   * gave one): a headline-only item, whose line is its title rather than its body.
   */
  private static boolean isHeadlineAlone(List<Line> lines, String containerTitle) {
    return lines.size() == 1 && lines.get(0).size() <= Headline.MAX_CHARS
        && (containerTitle == null || Line.key(containerTitle).equals(lines.get(0).key));
  }

  private static String normalize(String content) {
    String text = content.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
    return INVISIBLE.matcher(text).replaceAll("");
  }

  /**
   * The text a date is looked for in: the byline area and the body's first lines, at most as
   * much as {@link DateFinder} reads of a text's head.
   */
  private static String head(List<Line> lines, int from, int bodyStart) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < lines.size() && i <= bodyStart + BODY_LINES_DATED && sb.length() < DateFinder.HEAD_CHARS; i++) {
      sb.append(lines.get(i).text).append('\n');
    }
    return sb.length() > DateFinder.HEAD_CHARS ? sb.substring(0, DateFinder.HEAD_CHARS) : sb.toString();
  }

  private static String assemble(List<Line> body, String title, Byline byline) {
    Set<String> seen = new HashSet<>();
    if (title != null) {
      seen.add(Line.key(title));
      seen.add(Line.key(TIME_PREFIX.matcher(title).replaceFirst("")));
    }
    List<String> paragraphs = new ArrayList<>();
    for (Line line : body) {
      if (byline != null && line.index == byline.lineIndex()) {
        continue;
      }
      // A page repeats its headline and its teasers; the first copy is the article's own.
      if (!seen.add(line.key)) {
        continue;
      }
      paragraphs.add(line.text);
    }
    dropTeasers(paragraphs);
    return String.join("\n\n", paragraphs);
  }

  /**
   * Drops a short lead that a later paragraph starts with: the page's teaser of the article
   * printed above it, not a paragraph of its own. Only the first few paragraphs can be such
   * leads, which keeps this linear.
   */
  private static void dropTeasers(List<String> paragraphs) {
    for (int i = 0; i < Math.min(TEASER_LEADS, paragraphs.size()); i++) {
      String p = paragraphs.get(i);
      if (p.length() > MAX_TEASER_CHARS) {
        continue;
      }
      String stem = TRAILING_STOPS.matcher(p).replaceFirst("");
      for (int j = i + 1; j < paragraphs.size(); j++) {
        if (paragraphs.get(j).length() > p.length() && paragraphs.get(j).startsWith(stem)) {
          paragraphs.remove(i--);
          break;
        }
      }
    }
  }

  /** Strips a leading time of day ("12:37 ") from a title line. */
  static String stripTime(String title) {
    Matcher m = TIME_PREFIX.matcher(title);
    return m.find() ? title.substring(m.end()) : title;
  }
}
