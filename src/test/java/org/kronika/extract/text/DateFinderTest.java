package org.kronika.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateFinderTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
  private static final Optional<LocalDate> MARCH_7 = Optional.of(LocalDate.of(2025, 3, 7));

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      Friday, 7 March 2025, 09:15
      Oksana Melnyk, Petro KovalFriday, 7 March 2025, 09:15
      March 7, 2025
      Mar. 7th, 2025 at noon
      7th March 2025
      Published 07.03.2025 18:40
      2025-03-07T18:40:00+02:00
      7/03/2025
      7 березня 2025 року
      П'ятниця, 7 березня 2025, 10:00
      7 марта 2025 года
      7-го марта 2025 г.
      7 marca 2025
      7. března 2025
      7 март 2025 г.
      7. März 2025
      7 mars 2025
      7 de marzo de 2025
      """)
  void readsEveryFormat(String byline) {
    assertEquals(MARCH_7, DateFinder.find("Some headline\n" + byline + "\nFirst paragraph.", TODAY), byline);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      3 грудня 2024        | 2024-12-03
      1 листопада 2024     | 2024-11-01
      30 січня 2024        | 2024-01-30
      15 февраля 2020      | 2020-02-15
      December 31, 1999    | 1999-12-31
      12/25/2024           | 2024-12-25
      25/12/2024           | 2024-12-25
      """)
  void readsMonthNamesInAnyCaseAndUnambiguousSlashes(String text, LocalDate expected) {
    assertEquals(Optional.of(expected), DateFinder.find(text, TODAY));
  }

  @ParameterizedTest
  @CsvSource({"січень, 1", "лютого, 2", "березню, 3", "квітні, 4", "травнем, 5", "червня, 6", "листопада, 11",
      "грудні, 12", "январь, 1", "февраля, 2", "марту, 3", "апреле, 4", "маем, 5", "сентябрём, 9", "декабря, 12",
      "Grudnia, 12", "prosince, 12", "декември, 12", "Dezember, 12", "décembre, 12", "diciembre, 12", "Dec, 12"})
  void knowsMonthNamesInEveryCase(String name, int month) {
    assertEquals(Optional.of(LocalDate.of(2024, month, 3)), DateFinder.find("3 " + name + " 2024", TODAY), name);
  }

  @Test
  void headerDateWinsOverTheText() {
    String text = " date 2025-03-08 All Sections\nHeadline\nFriday, 7 March 2025, 09:15\nBody.";
    assertEquals(Optional.of(LocalDate.of(2025, 3, 8)), DateFinder.find(text, TODAY));
    assertEquals(Optional.of(LocalDate.of(2025, 3, 8)), DateFinder.header(text, TODAY));
    assertEquals(Optional.empty(), DateFinder.header("Headline\n date 2025-03-08", TODAY));
  }

  @Test
  void refusesFutureAndImplausibleDatesAndGoesOn() {
    assertEquals(Optional.empty(), DateFinder.find("Sunday, 1 June 2031", TODAY));
    assertEquals(Optional.empty(), DateFinder.find(" date 2031-01-01 Headline", TODAY));
    assertEquals(Optional.empty(), DateFinder.find("founded 12 May 1985", TODAY));
    assertEquals(MARCH_7, DateFinder.find("Event on 2 June 2025\nPosted 7 March 2025", TODAY));
    assertEquals(Optional.of(LocalDate.of(2025, 6, 2)), DateFinder.find("Event on 2 June 2025", LocalDate.of(2025, 6, 2)));
  }

  @Test
  void readsAnAmbiguousSlashDateDayFirst() {
    // 3 July is still to come on the first of June, so the search goes on to the next date.
    assertEquals(MARCH_7, DateFinder.find("03/07/2025, first posted 7/03/2025", TODAY));
  }

  @Test
  void skipsImpossibleDates() {
    assertEquals(MARCH_7, DateFinder.find("31.02.2025 or rather 07.03.2025", TODAY));
  }

  @Test
  void takesTheFirstDateInTextOrder() {
    assertEquals(MARCH_7, DateFinder.find("7 March 2025; an update on 2025-03-09", TODAY));
    assertEquals(MARCH_7, DateFinder.find("Updated 2025-03-07, first seen 8 March 2025", TODAY));
  }

  @Test
  void looksOnlyAtTheHead() {
    StringBuilder text = new StringBuilder("Headline without a date\n");
    for (int i = 0; i < DateFinder.HEAD_LINES; i++) {
      text.append("A paragraph of the article that mentions no date at all.\n\n");
    }
    text.append("Recent news\n20:15\nSomething else happened on 7 March 2025\n");
    assertEquals(Optional.empty(), DateFinder.find(text.toString(), TODAY));
  }

  @Test
  void ignoresNumbersThatAreNoDates() {
    assertEquals(Optional.empty(), DateFinder.find("The 2024 budget grew by 12.5 % to 3,500 million", TODAY));
    assertEquals(Optional.empty(), DateFinder.find("May the best team win in 2025", TODAY));
  }
}
