package org.kronika.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kronika.entity.PlaceNames.Place;

/** The city names shipped in {@code places.tsv.gz}, read through {@link PlaceNames}. */
class PlaceNamesTest {

  @Test
  void ukrainianNamesKyiv() {
    // GeoNames' English name is "Kyiv", not "Kiev"
    assertTrue(PlaceNames.in("uk").contains(new Place("Київ", "Kyiv")));
  }

  @Test
  void polishNamesWarsaw() {
    assertTrue(PlaceNames.in("pl").contains(new Place("Warszawa", "Warsaw")));
  }

  @Test
  void anEmptyNameIsTheEnglishOne() {
    // London, Ontario is listed as "pl=": Polish writes it as English does
    List<Place> polish = PlaceNames.in("pl");
    assertTrue(polish.contains(new Place("Londyn", "London")));
    assertTrue(polish.contains(new Place("London", "London")));
  }

  @Test
  void bulgarianNamesLondon() {
    assertTrue(PlaceNames.in("bg").contains(new Place("Лондон", "London")));
  }

  @Test
  void englishListsTheEnglishNames() {
    List<Place> english = PlaceNames.in("en");
    assertTrue(english.contains(new Place("London", "London")));
    assertTrue(english.stream().allMatch(p -> p.name().equals(p.english())));
    assertTrue(english.size() > PlaceNames.in("ru").size());
  }

  @Test
  void regionsFollowCities() {
    assertTrue(PlaceNames.in("ru").contains(new Place("Аризона", "Arizona")));
    assertTrue(PlaceNames.in("uk").contains(new Place("Північна Ірландія", "Northern Ireland")));
    assertTrue(PlaceNames.in("pl").contains(new Place("Bawaria", "Bayern")));
  }

  @Test
  void regionsNamedOnlyByCompassPointsAreLeftOut() {
    assertTrue(PlaceNames.in("en").stream().noneMatch(p -> p.name().equals("Centre-Est") || p.name().equals("Western Province")));
  }

  @Test
  void aLanguageWithoutNamesHasNone() {
    assertEquals(List.of(), PlaceNames.in("xx"));
  }

  @Test
  void aLanguageIsBuiltOnce() {
    assertSame(PlaceNames.in("cs"), PlaceNames.in("cs"));
  }
}
