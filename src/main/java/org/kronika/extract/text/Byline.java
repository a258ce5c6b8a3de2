package org.kronika.extract.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The byline of a plain-text article: the short line near the headline that names the authors
 * ("By Jane Roe", "Автор: Іван Петренко") or carries the date, often both glued together
 * ("Serhiy Sydorenko, Alona MazurenkoTuesday, 3 December 2024, 12:37").
 *
 * @param lineIndex the line's index, so that the cleaner leaves it out of the body
 * @param authors   the names, in order; empty when the line names nobody recognisably
 * @param date      the date written in it, or {@code null}
 */
record Byline(int lineIndex, List<String> authors, LocalDate date) {
  /** Lines below the body's first line that may still hold the byline. */
  private static final int BELOW_BODY = 1;
  private static final int MAX_CHARS = 200;
  private static final Pattern AUTHOR_LABEL = Pattern.compile(
      "^(?:by|from|written by|автор(?:и|ка)?|від|от|текст)\\b[:\\s]*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
      + "|понеділок|вівторок|середа|четвер|п['’ʼ]ятниця|субота|неділя"
      + "|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье";
  /** A weekday ending a fragment, standing alone or glued to a name by a scraper ("MazurenkoTuesday"). */
  private static final Pattern WEEKDAY = Pattern.compile(
      "(?:(?<=\\p{Ll})(?=\\p{Lu})|(?<![\\p{L}]))(?iu:" + WEEKDAYS + ")[\\s,.]*$");
  private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:,|;|&|\\band\\b|\\bі\\b|\\bта\\b|\\bи\\b)\\s*",
      Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern NAME = Pattern.compile(
      "\\p{Lu}[\\p{L}'’ʼ.-]*(?:\\s+(?:(?:van|von|de|der|da|di|la|le|bin)\\s+)?\\p{Lu}[\\p{L}'’ʼ.-]*){1,3}");
  /** Where names end and the rest of a byline begins: a separator or a number. */
  private static final Pattern CUT = Pattern.compile("\\s+(?:[|•·—–-]|\\d)");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:.–—-]+$");

  /**
   * The byline among the lines from {@code from} to {@code bodyStart} (and the body's first
   * line there), or {@code null}: the first short line with an author label or a date.
   */
  static Byline find(List<Line> lines, int from, int bodyStart, LocalDate notAfter) {
    int end = Math.min(lines.size(), bodyStart + BELOW_BODY);
    for (int i = from; i < end; i++) {
      Line line = lines.get(i);
      if (line.text.length() > MAX_CHARS) {
        continue;
      }
      Matcher label = AUTHOR_LABEL.matcher(line.text);
      // A date after notAfter still marks where the names end; it is only not taken as the date.
      DateFinder.Found found = DateFinder.locate(line.text, LocalDate.MAX);
      LocalDate date = found == null || found.date().isAfter(notAfter) ? null : found.date();
      if (label.find() && label.end() > 0 && label.end() < line.text.length()) {
        String rest = line.text.substring(label.end());
        if (found != null && found.start() >= label.end()) {
          rest = line.text.substring(label.end(), found.start());
        }
        List<String> authors = names(rest);
        if (!authors.isEmpty()) {
          return new Byline(i, authors, date);
        }
      }
      if (found != null && i < bodyStart) {
        return new Byline(i, names(line.text.substring(0, found.start())), date);
      }
    }
    return null;
  }

  /** The names in a byline fragment, or none when any piece does not look like a name. */
  static List<String> names(String fragment) {
    String s = WEEKDAY.matcher(fragment.strip()).replaceFirst("");
    Matcher cut = CUT.matcher(s);
    if (cut.find()) {
      s = s.substring(0, cut.start());
    }
    s = TRAILING_PUNCTUATION.matcher(s).replaceFirst("").strip();
    if (s.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String piece : SEPARATORS.split(s)) {
      if (piece.isBlank()) {
        continue;
      }
      if (!NAME.matcher(piece.strip()).matches()) {
        return List.of();
      }
      names.add(piece.strip());
    }
    return List.copyOf(names);
  }
}
