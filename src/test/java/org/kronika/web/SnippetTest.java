package org.kronika.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Snippets: where the piece is cut and which words are marked, in one script and across scripts. */
class SnippetTest {
  private static List<String> marked(Snippet s) {
    return s.marks().stream().map(m -> s.text().substring(m[0], m[1])).toList();
  }

  @Test
  void marksEveryWordStartingLikeAQueryWordInsideThePiece() {
    Snippet s = Snippet.of("The harbour of Odesa reopened; ODESA's port and Odesan grain are back.", "en",
        Snippet.Query.of("odesa"));
    assertEquals("The harbour of Odesa reopened; ODESA's port and Odesan grain are back.", s.text());
    assertEquals(List.of("Odesa", "ODESA's", "Odesan"), marked(s));
    assertEquals("The harbour of <mark>Odesa</mark> reopened; <mark>ODESA&#39;s</mark> port and <mark>Odesan</mark> "
        + "grain are back.", s.html());
  }

  @Test
  void marksANameWrittenInAnotherScript() {
    Snippet s = Snippet.of("Президент Зеленський заявив, що Україна готова.", "uk", Snippet.Query.of("Zelensky"));
    assertEquals(List.of("Зеленський"), marked(s));
  }

  @Test
  void thePieceStartsBeforeTheFirstMatchAndLaterMatchesOutsideItAreNotMarked() {
    String filler = "word ".repeat(100);
    Snippet s = Snippet.of(filler + "Odesa " + filler + "Odesa " + filler, "en", Snippet.Query.of("Odesa"));
    assertTrue(s.text().startsWith("…word ") && s.text().endsWith("…"), s.text());
    assertEquals(List.of("Odesa"), marked(s));
    assertTrue(s.text().length() < 300, s.text());
  }

  @Test
  void withoutAMatchInTheTextScannedThePieceIsTheStart() {
    Snippet s = Snippet.of("word ".repeat(1000) + "Odesa", "en", Snippet.Query.of("Odesa"));
    assertTrue(s.marks().isEmpty());
    assertTrue(s.text().startsWith("word word") && s.text().endsWith("…"), s.text());
  }

  @Test
  void aFirstMatchPastTheWindowAfterALongUnbrokenRunIsNotMarked() {
    String run = "A".repeat(400);
    Snippet s = Snippet.of(run + " b c d e f g h i j k l m n o p q r s t u v w x y z Odesa", "en",
        Snippet.Query.of("Odesa"));
    assertEquals(run + "…", s.text());
    assertTrue(s.marks().isEmpty());
  }
}
