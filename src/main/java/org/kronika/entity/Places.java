package org.kronika.entity;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kronika.analysis.AnalyzedText;
import org.kronika.analysis.Languages;
import org.kronika.analysis.TextAnalyzer;

/**
 * The places (and the few bodies such as the EU) Kronika knows in every language without being
 * taught: countries and world regions by CLDR (through ICU, full and short names: США, ZDA,
 * Britain) and cities by GeoNames ({@link PlaceNames}), each under its English name so that
 * Брюссель, Bruksela and Brusel are one place. A language's names go into its gazetteer,
 * matched by lemmas; and by cross-script name key ({@link #find}), for inflected forms no
 * lemma reaches. Thread-safe; each language is prepared on first use.
 */
final class Places {
  /** CLDR's world regions that news names as places (not 019, the Americas: news means the US by America). */
  private static final List<String> REGIONS = List.of("002", "005", "009", "013", "021", "029", "030",
      "034", "035", "039", "053", "142", "143", "145", "150", "151", "154", "155", "419");
  /** CLDR "regions" that are organisations. */
  private static final List<String> BODIES = List.of("EU", "UN");
  /**
   * Languages whose country and region names every language's keys are compared with: a
   * fixed set, so that what an article gets never depends on which languages came before it.
   */
  private static final List<String> PIVOTS = List.of("en", "ru", "uk", "pl", "de", "fr", "es", "it", "cs", "bg");
  private static final Map<String, Map<String, List<Spelled>>> BY_KEY = new ConcurrentHashMap<>();
  private static final Map<String, Map<String, List<Spelled>>> SHORT_BY_KEY = new ConcurrentHashMap<>();

  /** A name of a place or body in language {@code lang}, with its English name and type. */
  private record Named(String name, String lang, String english, EntityType type) {}

  private Places() {}

  /** Adds the places language {@code lang} names to its gazetteer, keyed by the lemmas of their words. */
  static void addTo(Gazetteer gazetteer, String lang) {
    TextAnalyzer analyzer = new TextAnalyzer();
    List<Named> territories = territories(lang);
    List<Named> names = new ArrayList<>(territories);
    names.addAll(cities(lang));
    for (int i = 0; i < names.size(); i++) {
      Named n = names.get(i);
      AnalyzedText a = analyzer.analyze(Languages.of(lang), n.name());
      if (!a.tokens().isEmpty()) {
        gazetteer.addIfAbsent(Gazetteer.lemmaKey(a.tokens(), 0, a.tokens().size()), n.type(), n.name(), n.english(),
            i >= territories.size());
      }
    }
  }

  /**
   * The place or body a name written in {@code lang} stands for, by the cross-script key of its
   * name ({@link EntityIds#key}) among the cities {@code lang} names and the countries and
   * regions that it and the pivot languages name: of those sharing the key, the first whose own spelling, in Latin
   * script, differs from the name's only in its ending (Брюсселі: Брюссель, Brussels; not another
   * town with the same consonants). English cities are left out: their list holds too many small towns whose
   * names are also surnames (Burnie, Barnier).
   */
  static Optional<Found> find(String name, String lang) {
    String key = EntityIds.key(name, lang);
    List<String> words = EntityIds.words(name);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String last = org.kronika.analysis.NameKeys.latin(words.get(words.size() - 1), lang);
    if (!EntityIds.distinctive(key)) {
      // a country whose key is too short to tell it among all languages' names (Italiji, Rusije,
      // Kube): only the language's own country names, and only its last letter changed or added to
      for (Spelled candidate : shortKeyed(lang).getOrDefault(key, List.of())) {
        String own = squeezed(candidate.lastWord());
        String word = squeezed(last);
        int common = 0;
        while (common < Math.min(own.length(), word.length()) && own.charAt(common) == word.charAt(common)) {
          common++;
        }
        if (common >= 4 && common >= own.length() - 1 && word.length() <= own.length() + 2
            && EntityIds.words(candidate.written()).size() == words.size()) {
          return Optional.of(new Found(candidate.known(), candidate.written()));
        }
      }
      return Optional.empty();
    }
    for (Map<String, List<Spelled>> table : List.of(byKey(lang), Holder.PIVOT)) {
      for (Spelled candidate : table.getOrDefault(key, List.of())) {
        if (sameBarEnding(last, candidate.lastWord())) {
          boolean own = candidate.lang().equals(lang) && EntityIds.words(candidate.written()).size() == words.size();
          return Optional.of(new Found(candidate.known(), own ? candidate.written() : null));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether two spellings differ at most in their last two letters, as a name and its case forms
   * do (Londýna, Londýn; Moskwie, Moskwa), not as two names do (Biden, Boden; Mohameda, Mohammedia).
   */
  private static boolean sameBarEnding(String a, String b) {
    a = squeezed(a); // Брюссель, Брюсель: spellings disagree on doubled letters
    b = squeezed(b);
    int common = 0;
    int n = Math.min(a.length(), b.length());
    while (common < n && a.charAt(common) == b.charAt(common)) {
      common++;
    }
    return common >= 3 && common >= Math.max(a.length(), b.length()) - 2;
  }

  /** The word in lower case with each run of one letter written once. */
  private static String squeezed(String word) {
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = Character.toLowerCase(word.charAt(i));
      if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A known place with the last word of its name as written, in Latin script, and the name as its language writes it. */
  private record Spelled(String lastWord, KnownEntities.Known known, String written, String lang) {}

  /**
   * A place found by its name: the place, and its name in the language asked about when that
   * language names it with as many words (Sloveniji: Slovenija), else {@code null}: the
   * dictionary form of an inflected name no lemma reaches.
   */
  record Found(KnownEntities.Known known, String name) {}

  private static final class Holder {
    static final Map<String, List<Spelled>> PIVOT = keyed(pivotNames());

    private static List<Named> pivotNames() {
      List<Named> names = new ArrayList<>();
      for (String pivot : PIVOTS) {
        names.addAll(territories(pivot));
      }
      return names;
    }
  }

  /** Loads the pivot languages' names, which every language's look-ups need. */
  static void preload() {
    Holder.PIVOT.size();
  }

  private static Map<String, List<Spelled>> byKey(String lang) {
    return BY_KEY.computeIfAbsent(lang, l -> {
      List<Named> names = new ArrayList<>(PIVOTS.contains(l) ? List.of() : territories(l));
      if (!l.equals("en")) {
        names.addAll(cities(l));
      }
      return keyed(names);
    });
  }

  /** A language's own country and region names whose keys are not {@link EntityIds#distinctive}, by key. */
  private static Map<String, List<Spelled>> shortKeyed(String lang) {
    return SHORT_BY_KEY.computeIfAbsent(lang, l -> keyed(territories(l), false));
  }

  private static Map<String, List<Spelled>> keyed(List<Named> names) {
    return keyed(names, true);
  }

  /** Names by key: those with distinctive keys, or ({@code distinctive} false) those without. */
  private static Map<String, List<Spelled>> keyed(List<Named> names, boolean distinctive) {
    Map<String, List<Spelled>> byKey = new HashMap<>();
    for (Named n : names) {
      String key = EntityIds.key(n.name(), n.lang());
      List<String> words = EntityIds.words(n.name());
      if (EntityIds.distinctive(key) == distinctive && !key.isEmpty() && !words.isEmpty()) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(new Spelled(
            org.kronika.analysis.NameKeys.latin(words.get(words.size() - 1), n.lang()),
            new KnownEntities.Known(n.english(), n.type()), n.name(), n.lang()));
      }
    }
    return Map.copyOf(byKey);
  }

  /** Countries, world regions and the bodies CLDR lists, in full and short names. */
  private static List<Named> territories(String lang) {
    List<Named> out = new ArrayList<>();
    ULocale locale = new ULocale(lang);
    LocaleDisplayNames full = LocaleDisplayNames.getInstance(locale, DisplayContext.LENGTH_FULL);
    LocaleDisplayNames shortNames = LocaleDisplayNames.getInstance(locale, DisplayContext.LENGTH_SHORT);
    LocaleDisplayNames english = LocaleDisplayNames.getInstance(ULocale.ENGLISH, DisplayContext.LENGTH_FULL);
    List<String> codes = new ArrayList<>(List.of(Locale.getISOCountries()));
    codes.addAll(REGIONS);
    codes.addAll(BODIES);
    for (String code : codes) {
      String en = english.regionDisplayName(code);
      EntityType type = BODIES.contains(code) ? EntityType.ORG : EntityType.LOC;
      for (String name : List.of(full.regionDisplayName(code), shortNames.regionDisplayName(code))) {
        if (name != null && !name.isEmpty() && !name.equals(code) && name.chars().noneMatch(c -> c == '.')) {
          out.add(new Named(name, lang, en, type));
        }
      }
    }
    return out;
  }

  private static List<Named> cities(String lang) {
    List<Named> out = new ArrayList<>();
    for (PlaceNames.Place p : PlaceNames.in(lang)) {
      out.add(new Named(p.name(), lang, p.english(), EntityType.LOC));
    }
    return out;
  }
}
