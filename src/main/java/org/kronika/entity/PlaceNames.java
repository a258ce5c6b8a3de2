package org.kronika.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * City and region names in many languages with their English names, so that a place named in
 * one language can be known by its name in another. The cities come from the resource
 * {@code places.tsv.gz}, one line per GeoNames id, derived from Debian's
 * {@code libgeonames-common} by {@code org.kronika.tools.PlaceNamesGenerator}; data
 * &copy; GeoNames (https://www.geonames.org), licensed under CC BY 4.0. The regions (a
 * country's states, provinces, oblasts) come from {@code regions.tsv.gz}, one line per ISO
 * 3166-2 code, derived from Debian's {@code iso-codes} by
 * {@code org.kronika.tools.RegionNamesGenerator}, licensed under LGPL-2.1-or-later.
 *
 * <p>The resources are read once, on the first call: about 24 thousand cities and 2 thousand
 * regions in about 165 languages, kept as their uncompressed UTF-8 text (about 3.3 MB) and the
 * English names: about 6 MB of heap, read in about 0.1 s.
 * A language's list is built from that text on its first request (a few milliseconds) and
 * kept, so later calls cost a map look-up. Thread-safe.
 */
final class PlaceNames {
  /** Cities first: where a region and a city share a name, the city is meant (New York, Moskva). */
  private static final List<String> RESOURCES = List.of("places.tsv.gz", "regions.tsv.gz");
  private static final Map<String, List<Place>> BY_LANGUAGE = new ConcurrentHashMap<>();

  /** A place's name in some language, with its English name. */
  record Place(String name, String english) {
  }

  private PlaceNames() {
  }

  /**
   * Every place that language {@code lang} (a lower-case ISO 639 code such as {@code uk})
   * names, cities in GeoNames id order, then regions in code order; for {@code en} the English
   * names themselves; an empty list for a language that names none. The list is unmodifiable.
   */
  static List<Place> in(String lang) {
    if (Holder.TABLES.stream().noneMatch(t -> t.languages.contains(lang))) {
      return List.of(); // not cached, so that unknown codes cannot grow the cache
    }
    return BY_LANGUAGE.computeIfAbsent(lang,
        l -> Holder.TABLES.stream().flatMap(t -> t.places(l).stream()).toList());
  }

  private static final class Holder {
    static final List<Table> TABLES = RESOURCES.stream().map(Table::read).toList();
  }

  /**
   * The resource's rows: {@code id TAB English TAB ll=name|ll=name|...}, where an empty
   * name is the English one. Only the English names are decoded up front; the other names
   * stay UTF-8 bytes until their language is asked for, as most languages never are.
   */
  private static final class Table {
    private final byte[] text;
    private final String[] english;
    /** Where each row's third column starts in {@link #text}. */
    private final int[] others;
    private final Set<String> languages;

    private Table(byte[] text, String[] english, int[] others, Set<String> languages) {
      this.text = text;
      this.english = english;
      this.others = others;
      this.languages = languages;
    }

    static Table read(String resource) {
      byte[] text;
      try (InputStream in = PlaceNames.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource + " next to " + PlaceNames.class.getName());
        }
        text = new GZIPInputStream(in, 1 << 16).readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read resource " + resource, e);
      }
      int[] others = new int[lines(text)];
      List<String> english = new ArrayList<>(others.length);
      Set<String> languages = new HashSet<>(Set.of("en"));
      for (int line = 0; line < text.length; line = end(text, line, '\n') + 1) {
        if (text[line] == '#') {
          continue;
        }
        int name = end(text, line, '\t') + 1;
        int rest = end(text, name, '\t') + 1;
        others[english.size()] = rest;
        english.add(decode(text, name, rest - 1));
        for (int entry = rest; text[entry] != '\n'; entry = next(text, entry)) {
          languages.add(decode(text, entry, end(text, entry, '=')));
        }
      }
      return new Table(text, english.toArray(String[]::new), Arrays.copyOf(others, english.size()), Set.copyOf(languages));
    }

    List<Place> places(String lang) {
      List<Place> places = new ArrayList<>();
      if (lang.equals("en")) {
        for (String name : english) {
          places.add(new Place(name, name));
        }
        return List.copyOf(places);
      }
      byte[] code = (lang + "=").getBytes(StandardCharsets.US_ASCII);
      for (int row = 0; row < english.length; row++) {
        int entry = others[row];
        while (text[entry] != '\n' && !Arrays.equals(text, entry, Math.min(entry + code.length, text.length), code, 0, code.length)) {
          entry = next(text, entry);
        }
        if (text[entry] != '\n') {
          int name = entry + code.length;
          int nameEnd = end(text, name, '|');
          places.add(new Place(name == nameEnd ? english[row] : decode(text, name, nameEnd), english[row]));
        }
      }
      return List.copyOf(places);
    }

    private static int lines(byte[] text) {
      int lines = 0;
      for (byte b : text) {
        if (b == '\n') {
          lines++;
        }
      }
      return lines;
    }

    /** The start of the entry after {@code entry} in a third column, or the line's end. */
    private static int next(byte[] text, int entry) {
      int bar = end(text, entry, '|');
      return text[bar] == '|' ? bar + 1 : bar;
    }

    /** The position of {@code stop} or of the line's end, whichever comes first, from {@code from}. */
    private static int end(byte[] text, int from, char stop) {
      int i = from;
      while (text[i] != stop && text[i] != '\n') {
        i++;
      }
      return i;
    }

    private static String decode(byte[] text, int from, int to) {
      return new String(text, from, to - from, StandardCharsets.UTF_8);
    }
  }
}
