package org.kronika.extract.html;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kronika.extract.Vocabulary;

/**
 * Reads publication dates out of the strings a web page carries them in: machine-readable
 * values (ISO 8601, RFC 1123, epoch seconds), URL paths ({@code /2020/06/07/},
 * {@code /20200607}) and human text in the languages Kronika reads, and Arabic ("7 June 2020",
 * "June 7, 2020", "7 июня 2020", "7 червня 2020", "2020年6月7日", "07.06.2020"). Every date is
 * checked to lie between 1995 and tomorrow (a page is never published in the future; the day of
 * slack covers time zones). Ambiguous numeric dates (03/04/2020) are refused rather than
 * guessed, and so is the day of a timestamp taken near midnight, which depends on whose
 * midnight ({@link Stamp}). Stateless and thread-safe.
 */
final class HtmlDates {
  private static final LocalDate EARLIEST = LocalDate.of(1995, 1, 1);
  /**
   * UTC hours after which it is the same day in the Americas as in UTC: publishers that stamp in
   * UTC give the UTC day, except American ones in the first hours (02:54Z is the evening before
   * in New York).
   */
  private static final int UTC_SAFE_FROM = 5;
  /**
   * UTC hour from which it is already the next day across Europe, Africa and Asia (23:15Z is
   * 00:15 in Rome): a UTC stamp this late leaves the day open too.
   */
  private static final int UTC_SAFE_UNTIL = 22;

  private static final Pattern ISO = Pattern.compile(
      "(?<![\\d])((?:19|20)\\d\\d)-(\\d\\d?)-(\\d\\d?)(?![\\d])");
  /** A time of day with its zone right after a date, however loosely written: {@code T23:15:0Z}, {@code  09:05 +0200}. */
  private static final Pattern LOOSE_ZONED_TIME = Pattern.compile(
      "[T ]\\s*([01]?\\d|2[0-3]):([0-5]\\d)(?::\\d{1,2})?(?:\\.\\d+)?\\s*(Z|[+-]\\d\\d:?\\d\\d)");
  /** JavaScript's Date.toString(), which some sites print into datetime attributes. */
  private static final Pattern JS_DATE = Pattern.compile(
      "^\\w{3} (\\w{3} \\d\\d \\d{4} \\d\\d:\\d\\d:\\d\\d) (?:GMT|UTC)([+-]\\d\\d)(\\d\\d)");
  private static final DateTimeFormatter JS_DATE_FORMAT =
      DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss XXX", Locale.ENGLISH);
  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d\\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\\d|3[01])(?:[/_.-]|$)");
  private static final Pattern NUMERIC = Pattern.compile(
      "(?<![\\d.])(\\d\\d?)([./])(\\d\\d?)\\2((?:19|20)\\d\\d)(?![\\d])");
  private static final Pattern YMD_SLASH = Pattern.compile(
      "(?<![\\d])((?:19|20)\\d\\d)[./](\\d\\d?)[./](\\d\\d?)(?![\\d])");
  private static final Pattern CJK = Pattern.compile(
      "((?:19|20)\\d\\d)\\s*年\\s*(\\d\\d?)\\s*月\\s*(\\d\\d?)\\s*日");
  /** Patterns whose groups are year, month and day, in that order. */
  private static final List<Pattern> YEAR_FIRST = List.of(ISO, CJK, YMD_SLASH);
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?<![\\d\\p{L}])(\\d\\d?)(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(\\p{L}{3,12})\\.?,?\\s+(?:de\\s+)?((?:19|20)\\d\\d)(?![\\d])",
      Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?<![\\p{L}])(\\p{L}{3,12})\\.?\\s+(\\d\\d?)(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)(?![\\d])",
      Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);

  /** Month names and their usual abbreviations, lower-case, in the languages Kronika reads. */
  private static final Map<String, Integer> MONTHS = Vocabulary.months();

  private HtmlDates() {}

  /**
   * A machine-readable date's calendar day, and whether that day is certainly the publisher's:
   * a timestamp taken within an hour or so of midnight falls on one day or the next depending
   * on whose midnight, so its day is only a hint ({@code certain} false).
   */
  record Stamp(LocalDate day, boolean certain) {}

  /** A machine-readable date value (meta content, JSON-LD, a time element's datetime), if certain. */
  static LocalDate fromValue(String value, LocalDate today) {
    Stamp s = stamp(value, today);
    return s != null && s.certain() ? s.day() : null;
  }

  /** A machine-readable date value's day, certain or not, or {@code null} when there is none. */
  static Stamp stamp(String value, LocalDate today) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.matches("\\d{10}(\\d{3})?")) {
      long seconds = Long.parseLong(v.substring(0, 10));
      return stamp(OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC), today);
    }
    try {
      return stamp(OffsetDateTime.parse(v), today);
    } catch (DateTimeParseException notOffset) {
      // try the looser forms below
    }
    try {
      return stamp(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime(), today);
    } catch (DateTimeParseException notRfc) {
      // try the looser forms below
    }
    Matcher js = JS_DATE.matcher(v);
    if (js.find()) {
      try {
        return stamp(OffsetDateTime.parse(js.group(1) + " " + js.group(2) + ":" + js.group(3), JS_DATE_FORMAT), today);
      } catch (DateTimeParseException notJs) {
        return null;
      }
    }
    Matcher iso = ISO.matcher(v);
    if (iso.find() && iso.start() < 3) {
      LocalDate d = date(iso.group(1), iso.group(2), iso.group(3), today);
      if (d == null) {
        return null;
      }
      Matcher zoned = LOOSE_ZONED_TIME.matcher(v).region(iso.end(), v.length());
      if (zoned.lookingAt()) { // a zoned time, however loosely written, tells whether the day is in doubt
        try {
          ZoneOffset zone = zoned.group(3).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zoned.group(3));
          LocalTime time = LocalTime.of(Integer.parseInt(zoned.group(1)), Integer.parseInt(zoned.group(2)));
          return stamp(OffsetDateTime.of(d, time, zone), today);
        } catch (DateTimeException unreadableZone) {
          // the day stands
        }
      }
      return new Stamp(d, true); // a local time: the local day
    }
    LocalDate d = fromText(v, today);
    return d == null ? null : new Stamp(d, true);
  }

  /**
   * A timestamp's day. A UTC time names the publisher's day except early and late in the UTC
   * day (see {@link #UTC_SAFE_FROM}, {@link #UTC_SAFE_UNTIL}); a local time with its offset
   * does, except in the hour either side of midnight, when the UTC day and the local one are
   * both in use. A time of exactly midnight is a date without a time.
   */
  private static Stamp stamp(OffsetDateTime t, LocalDate today) {
    LocalDate d = checked(t.toLocalDate(), today);
    if (d == null) {
      return null;
    }
    boolean certain = t.getOffset().getTotalSeconds() == 0
        ? t.getHour() == 0 && t.getMinute() == 0 && t.getSecond() == 0
            || t.getHour() >= UTC_SAFE_FROM && t.getHour() < UTC_SAFE_UNTIL
        : t.getHour() != 0 && t.getHour() != 23 || t.getHour() == 0 && t.getMinute() == 0 && t.getSecond() == 0;
    return new Stamp(d, certain);
  }

  /** A date in a URL path, such as {@code /2020/06/07/} or {@code /20200607}. */
  static LocalDate fromUrl(String url, LocalDate today) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    return m.find() ? date(m.group(1), m.group(2), m.group(3), today) : null;
  }

  /** The first unambiguous full date written out in human text, or {@code null}. */
  static LocalDate fromText(String text, LocalDate today) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    LocalDate best = null;
    int bestAt = Integer.MAX_VALUE;
    Matcher m;
    for (Pattern yearFirst : YEAR_FIRST) {
      m = yearFirst.matcher(text);
      if (m.find() && m.start() < bestAt) {
        LocalDate d = date(m.group(1), m.group(2), m.group(3), today);
        if (d != null) {
          best = d;
          bestAt = m.start();
        }
      }
    }
    m = NUMERIC.matcher(text);
    while (m.find() && m.start() < bestAt) {
      LocalDate d = numeric(m.group(1), m.group(2), m.group(3), m.group(4), today);
      if (d != null) {
        best = d;
        bestAt = m.start();
        break;
      }
    }
    m = DAY_MONTH_YEAR.matcher(text);
    while (m.find() && m.start() < bestAt) {
      Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
      LocalDate d = month == null ? null : date(m.group(3), month.toString(), m.group(1), today);
      if (d != null) {
        best = d;
        bestAt = m.start();
        break;
      }
    }
    m = MONTH_DAY_YEAR.matcher(text);
    while (m.find() && m.start() < bestAt) {
      Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
      LocalDate d = month == null ? null : date(m.group(3), month.toString(), m.group(2), today);
      if (d != null) {
        best = d;
        break;
      }
    }
    return best;
  }

  /** dd.mm.yyyy is European everywhere; with slashes, a date readable both ways is refused. */
  private static LocalDate numeric(String a, String sep, String b, String year, LocalDate today) {
    LocalDate dayFirst = date(year, b, a, today);
    if (sep.equals(".")) {
      return dayFirst;
    }
    LocalDate monthFirst = date(year, a, b, today);
    if (dayFirst != null && monthFirst != null && !dayFirst.equals(monthFirst)) {
      return null;
    }
    return dayFirst != null ? dayFirst : monthFirst;
  }

  private static LocalDate date(String year, String month, String day, LocalDate today) {
    try {
      return checked(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)), today);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate checked(LocalDate d, LocalDate today) {
    return d.isBefore(EARLIEST) || d.isAfter(today.plusDays(1)) ? null : d;
  }
}
