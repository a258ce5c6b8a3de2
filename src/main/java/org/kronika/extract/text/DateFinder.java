package org.kronika.extract.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kronika.extract.Vocabulary;

/**
 * Finds an article's own publication date in its plain text: a scraper's header line
 * ({@code " date 2024-12-03"}) first, else the first date written near the top, where bylines
 * are ("Tuesday, 3 December 2024, 12:37", "3 грудня 2024 року", "3 декабря 2024 года",
 * "December 3, 2024", "03.12.2024", "2024-12-03"). Month names are known in English,
 * Ukrainian and Russian in every grammatical case, and in Polish, Czech, Bulgarian, German,
 * French and Spanish.
 *
 * <p>Only the first {@value #HEAD_LINES} non-blank lines (at most {@value #HEAD_CHARS}
 * characters) are read, so dates in related-news lists and footers further down are never
 * taken. A date after {@code notAfter} or before 1990 is refused as implausible, and the search
 * goes on to the next one. Costs a few regex scans of the head; stateless and thread-safe.
 */
public final class DateFinder {
  static final int HEAD_LINES = 12;
  static final int HEAD_CHARS = 2000;
  private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

  private static final Pattern HEADER = Pattern.compile("\\A[ \\t\\uFEFF]*date[ \\t]+(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Map<String, Integer> MONTHS = Vocabulary.months();
  private static final String MONTH = MONTHS.keySet().stream()
      .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
      .map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow();
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  // Every pattern anchors on digits or on a month word between word boundaries, so a miss
  // costs one linear scan: nothing here can backtrack badly.
  private static final Pattern ISO = Pattern.compile("(?<![\\d.])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|-?(?:го|е|ое|st|nd|rd|th|er))?\\s+(?:de\\s+)?(" + MONTH
          + ")\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})(?!\\d)", FLAGS);
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?<![\\p{L}])(" + MONTH + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)", FLAGS);
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?!\\d)");
  /** How far before its year a date can start: "Wednesday, 30 September 2024" and the like. */
  private static final int WINDOW = 40;
  /** How far after its year an ISO date ends: "-12-03" and a character to see where it ends. */
  private static final int ISO_TAIL = 7;
  private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})(?![\\d])");

  private DateFinder() {}

  /** The date of the article whose text this is, as of today. */
  public static Optional<LocalDate> find(String text) {
    return find(text, LocalDate.now());
  }

  /**
   * The header date if the text starts with one, else the first plausible date written in the
   * head of the text; never one after {@code notAfter} nor before 1990.
   */
  public static Optional<LocalDate> find(String text, LocalDate notAfter) {
    Optional<LocalDate> header = header(text, notAfter);
    return header.isPresent() ? header : inText(head(text), notAfter);
  }

  /** The date of a scraper's {@code " date YYYY-MM-DD"} header line, if the text starts with one. */
  public static Optional<LocalDate> header(String text, LocalDate notAfter) {
    Matcher m = HEADER.matcher(text);
    return m.find() ? plausible(m.group(1), m.group(2), m.group(3), notAfter) : Optional.empty();
  }

  /** The first plausible date written anywhere in {@code text}, which the caller keeps short. */
  static Optional<LocalDate> inText(CharSequence text, LocalDate notAfter) {
    Found found = locate(text, notAfter);
    return found == null ? Optional.empty() : Optional.of(found.date);
  }

  /** Where a date is written and which it is. */
  record Found(int start, int end, LocalDate date) {}

  /** The first plausible date written in {@code text}, or {@code null}. */
  static Found locate(CharSequence text, LocalDate notAfter) {
    // Every written date has a four-digit year; the full patterns run only just before one,
    // which keeps the month-name alternation off the bulk of the text.
    Matcher year = YEAR.matcher(text);
    int from = 0;
    while (year.find()) {
      int to = Math.min(text.length(), year.end() + ISO_TAIL);
      Found found = locate(text, Math.max(from, year.start() - WINDOW), to, notAfter);
      if (found != null) {
        return found;
      }
      from = year.start();
    }
    return null;
  }

  private static Found locate(CharSequence text, int from, int to, LocalDate notAfter) {
    Found best = null;
    for (Pattern p : new Pattern[] {ISO, DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC}) {
      Matcher m = p.matcher(text).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
      int limit = best == null ? to : best.start;
      while (m.find() && m.start() < limit) {
        Optional<LocalDate> date = parse(p, m, notAfter);
        if (date.isPresent()) {
          best = new Found(m.start(), m.end(), date.get());
          break;
        }
      }
    }
    return best;
  }

  private static Optional<LocalDate> parse(Pattern p, Matcher m, LocalDate notAfter) {
    if (p == ISO) {
      return plausible(m.group(1), m.group(2), m.group(3), notAfter);
    } else if (p == DAY_MONTH_YEAR) {
      return plausible(m.group(3), month(m.group(2)), m.group(1), notAfter);
    } else if (p == MONTH_DAY_YEAR) {
      return plausible(m.group(3), month(m.group(1)), m.group(2), notAfter);
    }
    int first = Integer.parseInt(m.group(1));
    int second = Integer.parseInt(m.group(3));
    // Dots are day-first everywhere; a slash date is read month-first only when it must be.
    boolean monthFirst = m.group(2).equals("/") && first <= 12 && second > 12;
    return monthFirst ? plausible(m.group(4), first, second, notAfter)
        : plausible(m.group(4), second, first, notAfter);
  }

  private static int month(String word) {
    return MONTHS.getOrDefault(word.toLowerCase(Locale.ROOT), 0);
  }

  private static Optional<LocalDate> plausible(String year, String month, String day, LocalDate notAfter) {
    return plausible(year, Integer.parseInt(month), Integer.parseInt(day), notAfter);
  }

  private static Optional<LocalDate> plausible(String year, int month, String day, LocalDate notAfter) {
    return plausible(year, month, Integer.parseInt(day), notAfter);
  }

  private static Optional<LocalDate> plausible(String year, int month, int day, LocalDate notAfter) {
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(year), month, day);
      return date.isBefore(EARLIEST) || date.isAfter(notAfter) ? Optional.empty() : Optional.of(date);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The first lines of the text, where a byline would be. */
  static CharSequence head(String text) {
    int end = 0;
    int lines = 0;
    int limit = Math.min(text.length(), HEAD_CHARS);
    while (end < limit && lines < HEAD_LINES) {
      int nl = text.indexOf('\n', end);
      int next = nl < 0 ? text.length() : nl + 1;
      if (!text.substring(end, next).isBlank()) {
        lines++;
      }
      end = next;
    }
    return text.substring(0, Math.min(end, limit));
  }
}
