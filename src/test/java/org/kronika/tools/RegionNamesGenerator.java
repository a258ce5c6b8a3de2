package org.kronika.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes {@code regions.tsv.gz}, the names of the first-level subdivisions of every country
 * (states, provinces, oblasts, Länder, voivodeships, regions) in the languages Debian's
 * {@code iso-codes} translates them into, in the format of {@code places.tsv.gz}, keyed by ISO
 * 3166-2 code: so that Аризона, Arizona and Арізона are one place, as GeoNames makes one of a
 * city. Finer divisions (districts, municipalities, counties) are left out: their names are
 * too often a person's, a town's or a common word. So are names made only of compass points
 * and words such as Central or Province (Centre-Est, Western Province), which name no place
 * in a sentence. The output is deterministic: the same package gives the same bytes.
 *
 * <p>Usage: {@code RegionNamesGenerator ISO_CODES_JSON_DIR LOCALE_DIR OUTPUT_FILE}, for instance
 * {@code /usr/share/iso-codes/json /usr/share/locale src/main/resources/org/kronika/entity/regions.tsv.gz}.
 * Single-threaded command-line tool.
 */
public final class RegionNamesGenerator {
  private static final String CATALOGUE = "LC_MESSAGES/iso_3166-2.mo";
  /** The ISO 3166-2 subdivision types that are a country's first-level regions. */
  private static final Set<String> FIRST_LEVEL = Set.of("State", "Province", "Region", "Administrative region",
      "Autonomous region", "Autonomous community", "Autonomous province", "Autonomous republic", "Autonomous district",
      "Autonomous city", "Administrative territory", "Land", "Voivodship", "Republic", "Oblast", "Canton", "Country",
      "Nation", "Governorate", "Prefecture", "Emirate", "Union territory", "Federal district", "Regional state",
      "Metropolitan region", "Overseas region", "Special administrative region", "Federal capital territory",
      "Capital territory");
  /** Words that alone name no place: compass points and the words for a division. */
  private static final Pattern GENERIC = Pattern.compile("(?i)north|south|east|west|northern|southern|eastern|western"
      + "|central|centre|center|upper|lower|middle|capital|coast|highlands|islands|territory|province|region|district"
      + "|nord|sud|est|ouest|norte|sur|oriental|occidental|centro|and|of|the");
  /** A qualification in parentheses after a name: Central Luzon (Region III). */
  private static final Pattern QUALIFIER = Pattern.compile("\\s*\\([^)]*\\)");

  private RegionNamesGenerator() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: RegionNamesGenerator ISO_CODES_JSON_DIR LOCALE_DIR OUTPUT_FILE");
      System.exit(2);
    }
    Path json = Path.of(args[0]).resolve("iso_3166-2.json");
    Path output = Path.of(args[2]);
    Map<String, String> englishByCode = new TreeMap<>();
    for (JsonNode region : new ObjectMapper().readTree(json.toFile()).get("3166-2")) {
      String english = region.get("name").asText();
      if (FIRST_LEVEL.contains(region.get("type").asText()) && !region.has("parent") && namesAPlace(plain(english))) {
        englishByCode.put(region.get("code").asText(), english);
      }
    }
    // code -> language -> name, both sorted as the output lists them
    Map<String, Map<String, String>> names = new TreeMap<>();
    englishByCode.forEach((code, english) -> names.computeIfAbsent(code, c -> new TreeMap<>()).put("en", plain(english)));
    for (Path folder : PlaceNamesGenerator.localeFolders(Path.of(args[1]), CATALOGUE)) {
      String language = PlaceNamesGenerator.language(folder.getFileName().toString());
      if (language == null || language.equals("en")) {
        continue;
      }
      Map<String, String> translations = PlaceNamesGenerator.readMo(folder.resolve(CATALOGUE));
      englishByCode.forEach((code, english) -> {
        String name = translations.get(english);
        if (name != null && PlaceNamesGenerator.writable(plain(name)) && name.indexOf(',') < 0) { // not "Lviv, Provincie"
          names.get(code).putIfAbsent(language, plain(name));
        }
      });
    }
    int rows = PlaceNamesGenerator.write(names, output, List.of(
        "First-level regions of every country by ISO 3166-2 code: code<TAB>English name<TAB>ll=name|...",
        "for every language translating it, languages sorted; an empty name (ll=) is the English one.",
        "Source: Debian package iso-codes (iso_3166-2.json and the iso_3166-2.mo catalogues),",
        "https://salsa.debian.org/iso-codes-team/iso-codes, licensed under LGPL-2.1-or-later.",
        "Regenerate (with iso-codes installed): mvn -q test-compile && java -cp target/test-classes:CLASSPATH",
        "  org.kronika.tools.RegionNamesGenerator /usr/share/iso-codes/json /usr/share/locale "
            + "src/main/resources/org/kronika/entity/regions.tsv.gz"));
    System.out.println(rows + " regions written to " + output + " (" + Files.size(output) + " bytes)");
  }

  /** The name without a qualification in parentheses. */
  private static String plain(String name) {
    return QUALIFIER.matcher(name).replaceAll("").trim();
  }

  /** Whether one of the name's words is more than a compass point or a division's word. */
  private static boolean namesAPlace(String english) {
    for (String word : english.split("[\\s,-]+")) {
      if (!word.isEmpty() && !GENERIC.matcher(word).matches()) {
        return true;
      }
    }
    return false;
  }
}
