package org.kronika.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A noun naming a people takes its country's id ({@link Places#countryOfPeople}). */
class PeopleCountryTest {

  private static String country(String lemma, String lang) {
    return Places.countryOfPeople(lemma, lang).map(KnownEntities.Known::name).orElse(null);
  }

  @Test
  void polishPeoplesMeanTheirCountries() {
    assertEquals("Poland", country("Polacy", "pl"));
    assertEquals("United Kingdom", country("Brytyjczycy", "pl"));
    assertEquals("Russia", country("Rosjanie", "pl"));
    assertEquals("United States", country("Amerykanie", "pl"));
    assertEquals("France", country("Francuzi", "pl"));
    assertEquals("Germany", country("Niemcy", "pl"));
  }

  @Test
  void czechAndSlovenianPeoples() {
    assertEquals("United Kingdom", country("Britové", "cs"));
    assertEquals("United States", country("Američané", "cs"));
    assertEquals("Russia", country("Rusové", "cs"));
    assertEquals("United Kingdom", country("Britanec", "sl"));
    assertEquals("Slovenia", country("Slovenci", "sl"));
    assertEquals("United States", country("Američani", "sl"));
  }

  @Test
  void surnamesThatShareACountrysBeginningAreNoPeople() {
    assertEquals(Optional.empty(), Places.countryOfPeople("Polański", "pl"));
    assertEquals(Optional.empty(), Places.countryOfPeople("Franco", "pl"));
    assertEquals(Optional.empty(), Places.countryOfPeople("Nowak", "pl"));
    assertEquals(Optional.empty(), Places.countryOfPeople("Kowalski", "pl"));
    assertEquals(Optional.empty(), Places.countryOfPeople("Biden", "cs"));
  }
}
