package org.kronika.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@code places.tsv.gz}, the city names by GeoNames id that {@code PlaceNames} reads,
 * from the gettext catalogues of Debian's {@code libgeonames-common}
 * ({@code LOCALE_DIR/<locale>/LC_MESSAGES/geonames.mo}, msgid the id, msgstr the name).
 * The output is deterministic: the same catalogues give the same bytes.
 *
 * <p>Usage: {@code PlaceNamesGenerator LOCALE_DIR OUTPUT_FILE}, for instance
 * {@code /usr/share/locale src/main/resources/org/kronika/entity/places.tsv.gz}.
 * Single-threaded command-line tool.
 */
public final class PlaceNamesGenerator {
  private static final String CATALOGUE = "LC_MESSAGES/geonames.mo";
  private static final int MO_MAGIC = 0x950412de;
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  private static final Pattern ID = Pattern.compile("[0-9]+");

  private PlaceNamesGenerator() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PlaceNamesGenerator LOCALE_DIR OUTPUT_FILE");
      System.exit(2);
    }
    Path localeDir = Path.of(args[0]);
    Path output = Path.of(args[1]);
    // id -> language -> name, both sorted as the output lists them
    Map<Long, Map<String, String>> names = new TreeMap<>();
    for (Path folder : localeFolders(localeDir, CATALOGUE)) {
      String language = language(folder.getFileName().toString());
      if (language == null) {
        continue;
      }
      for (Map.Entry<String, String> e : readMo(folder.resolve(CATALOGUE)).entrySet()) {
        if (ID.matcher(e.getKey()).matches() && writable(e.getValue())) {
          names.computeIfAbsent(Long.parseLong(e.getKey()), id -> new TreeMap<>())
              .putIfAbsent(language, e.getValue());
        }
      }
    }
    int rows = write(names, output);
    System.out.println(rows + " places written to " + output + " (" + Files.size(output) + " bytes)");
  }

  /** The locale folders under {@code localeDir} that hold a catalogue {@code catalogue} ({@code LC_MESSAGES/x.mo}). */
  static List<Path> localeFolders(Path localeDir, String catalogue) throws IOException {
    try (Stream<Path> folders = Files.list(localeDir)) {
      return folders.filter(f -> Files.isRegularFile(f.resolve(catalogue))).sorted().toList();
    }
  }

  /** The language of a locale folder ({@code pt_BR}, {@code sr@latin}), or null when it has none. */
  static String language(String locale) {
    String language = locale.split("[_@]", 2)[0];
    return LANGUAGE.matcher(language).matches() ? language : null;
  }

  /** Whether a name can be written without breaking the line format. */
  static boolean writable(String name) {
    return !name.isEmpty() && name.chars().noneMatch(c -> c == '|' || c == '=' || c == '\t' || c == '\n' || c == '\r');
  }

  private static int write(Map<Long, Map<String, String>> names, Path output) throws IOException {
    return write(names, output, List.of(
        "City names by GeoNames id: id<TAB>English name<TAB>ll=name|ll=name|... for every other",
        "language naming the city, languages sorted; an empty name (ll=) is the English one.",
        "Source: Debian package libgeonames-common (geonames.mo catalogues), from GeoNames.org.",
        "Data (c) GeoNames (https://www.geonames.org), licensed under CC BY 4.0",
        "(https://creativecommons.org/licenses/by/4.0/).",
        "Regenerate (with libgeonames-common installed): mvn -q test-compile && java -cp target/test-classes",
        "  org.kronika.tools.PlaceNamesGenerator /usr/share/locale src/main/resources/org/kronika/entity/places.tsv.gz"));
  }

  /**
   * Writes rows {@code key TAB English TAB ll=name|...} (the names by language, English under
   * {@code en}; rows without an English name are left out) after the header's comment lines,
   * gzipped; returns the rows written. The format {@code PlaceNames} reads.
   */
  static int write(Map<?, Map<String, String>> names, Path output, List<String> header) throws IOException {
    Files.createDirectories(output.toAbsolutePath().getParent());
    int rows = 0;
    try (Writer out = new BufferedWriter(new OutputStreamWriter(gzip(Files.newOutputStream(output)), StandardCharsets.UTF_8))) {
      for (String comment : header) {
        out.write("# " + comment + "\n");
      }
      for (Map.Entry<?, Map<String, String>> place : names.entrySet()) {
        String english = place.getValue().get("en");
        if (english == null) {
          continue;
        }
        StringBuilder line = new StringBuilder().append(place.getKey()).append('\t').append(english).append('\t');
        String separator = "";
        for (Map.Entry<String, String> name : place.getValue().entrySet()) {
          if (!name.getKey().equals("en")) {
            line.append(separator).append(name.getKey()).append('=');
            if (!name.getValue().equals(english)) {
              line.append(name.getValue());
            }
            separator = "|";
          }
        }
        out.write(line.append('\n').toString());
        rows++;
      }
    }
    return rows;
  }

  /** A gzip stream at the best compression; its header carries no time stamp (mtime 0). */
  private static OutputStream gzip(OutputStream out) throws IOException {
    return new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    };
  }

  /**
   * The msgid to msgstr pairs of a GNU gettext .mo file: a header of magic, revision, count,
   * offset of the original strings' table and of the translations' table; each table holds
   * (length, offset) pairs of UTF-8 strings. The byte order is the one the magic reads in.
   */
  static Map<String, String> readMo(Path file) throws IOException {
    ByteBuffer mo = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (mo.getInt(0) != MO_MAGIC) {
      mo.order(ByteOrder.BIG_ENDIAN);
      if (mo.getInt(0) != MO_MAGIC) {
        throw new IOException("not a gettext .mo file: " + file);
      }
    }
    int count = mo.getInt(8);
    int originals = mo.getInt(12);
    int translations = mo.getInt(16);
    Map<String, String> pairs = new HashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      String id = string(mo, originals + 8 * i);
      if (!id.isEmpty()) { // the empty msgid is the catalogue's header
        pairs.put(id, string(mo, translations + 8 * i));
      }
    }
    return pairs;
  }

  private static String string(ByteBuffer mo, int entry) {
    int length = mo.getInt(entry);
    int offset = mo.getInt(entry + 4);
    return new String(mo.array(), offset, length, StandardCharsets.UTF_8);
  }
}
