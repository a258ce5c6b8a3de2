package org.kronika.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words that site chrome, headings, legal notes and dates are written in, per language, for
 * both the text path and the HTML path: a phrase taught to one is there for the other. Read once
 * from the resource files under {@code org/kronika/extract/vocabulary/}: {@code languages.txt}
 * lists the languages, and each {@code CODE.txt} holds sections headed {@code [name]}, one entry a
 * line ({@code #} opens a comment line). Teaching Kronika a phrase is one line in one of them.
 *
 * <p>Sections: {@code navigation} (whole lines that are menu or bar items), {@code bar-words}
 * (words of share, social and language bars), {@code chrome-starts} (how ad, caption and promo
 * lines begin), {@code chrome-phrases} (what marks a short line as a photo credit or support
 * promo wherever it stands), {@code calls} (the imperatives of "follow us on" promos),
 * {@code list-headers} (headers of lists of other articles and of comments), {@code endings}
 * (those of them that never stand inside an article), {@code function-words} (the commonest
 * function words, whose density tells prose from link text), {@code see-also-headings} (a
 * heading over other articles that ends the article), {@code copyright-phrases} (legal lines
 * without a copyright sign), and {@code months} (twelve lines, January first, each the month's
 * names and forms separated by spaces). All entries lower case.
 *
 * <p>Internal to extraction (public only for its subpackages). Immutable and thread-safe.
 */
public final class Vocabulary {
  private static final String DIR = "vocabulary/";
  /** Language code to its sections, in the order of languages.txt. */
  private static final Map<String, Map<String, List<String>>> LANGUAGES = load();

  private Vocabulary() {}

  /** Every language's entries of a section, languages in the index's order, entries in file order. */
  public static List<String> section(String name) {
    List<String> all = new ArrayList<>();
    for (Map<String, List<String>> sections : LANGUAGES.values()) {
      all.addAll(sections.getOrDefault(name, List.of()));
    }
    return List.copyOf(all);
  }

  /**
   * Every month name and form of every language, lower case, to its month (1 to 12).
   *
   * @throws IllegalStateException when a word names two months
   */
  public static Map<String, Integer> months() {
    Map<String, Integer> months = new HashMap<>();
    for (Map.Entry<String, Map<String, List<String>>> language : LANGUAGES.entrySet()) {
      List<String> lines = language.getValue().getOrDefault("months", List.of());
      if (!lines.isEmpty() && lines.size() != 12) {
        throw new IllegalStateException(language.getKey() + ": months has " + lines.size() + " lines, not 12");
      }
      for (int month = 0; month < lines.size(); month++) {
        for (String word : lines.get(month).split(" ")) {
          Integer old = months.putIfAbsent(word, month + 1);
          if (old != null && old != month + 1) {
            throw new IllegalStateException("month name with two meanings: " + word);
          }
        }
      }
    }
    return Map.copyOf(months);
  }

  private static Map<String, Map<String, List<String>>> load() {
    Map<String, Map<String, List<String>>> languages = new LinkedHashMap<>();
    for (String code : lines("languages.txt")) {
      Map<String, List<String>> sections = new LinkedHashMap<>();
      List<String> current = null;
      for (String line : lines(code + ".txt")) {
        if (line.startsWith("[") && line.endsWith("]")) {
          current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
        } else if (current == null) {
          throw new IllegalStateException(code + ".txt: an entry before the first section: " + line);
        } else {
          current.add(line);
        }
      }
      sections.replaceAll((name, entries) -> List.copyOf(entries));
      languages.put(code, Map.copyOf(sections));
    }
    return languages;
  }

  /** A resource file's lines, without blank lines and comments. */
  private static List<String> lines(String file) {
    List<String> lines = new ArrayList<>();
    try (InputStream in = Vocabulary.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("missing vocabulary file " + DIR + file);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
