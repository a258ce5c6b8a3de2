package org.kronika.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kronika.model.Article;

class TranslationTest {
  private static final LocalDate DAY = LocalDate.of(2025, 3, 4);

  private static Article article(String lang, LocalDate date, String body, Article.EntityMention... entities) {
    return new Article(lang + body.length(), "test", null, lang, date, null, List.of(), body, List.of(entities),
        List.of(), null, List.of(), "h" + body.hashCode(), false, false, null);
  }

  private static Article.EntityMention entity(String id, String... forms) {
    return new Article.EntityMention(id, id, "PER", List.of(forms));
  }

  private static final Article.EntityMention[] EN_NAMES = {entity("kyiv", "Kyiv"), entity("rutte", "Rutte"),
      entity("zelensky", "Zelensky"), entity("nato", "NATO"), entity("brussels", "Brussels")};
  private static final Article.EntityMention[] UK_NAMES = {entity("kyiv", "Києві", "Київ"), entity("rutte", "Рютте"),
      entity("zelensky", "Зеленський", "Зеленського"), entity("nato", "НАТО"), entity("brussels", "Брюсселі")};

  private static final Article ENGLISH = article("en", DAY, "In Kyiv, Rutte met Zelensky on 4 March. "
      + "Zelensky asked NATO for 12 air defence systems. Rutte said NATO ministers meet in Brussels on 20 March. "
      + "Zelensky thanked Rutte. Kyiv expects an answer from NATO before 2026.", EN_NAMES);
  private static final Article UKRAINIAN = article("uk", DAY.plusDays(1), "У Києві Рютте зустрівся із Зеленським 4 березня. "
      + "Зеленський попросив НАТО про 12 систем ППО. Рютте сказав, що міністри НАТО зберуться в Брюсселі 20 березня. "
      + "Зеленський подякував Рютте. Київ чекає відповіді НАТО до 2026 року.", UK_NAMES);
  /** Another report of the same meeting: the same names, told in another order. */
  private static final Article OTHER_REPORT = article("uk", DAY, "НАТО збереться в Брюсселі 20 березня, сказав Рютте. "
      + "До 2026 року Київ чекає відповіді. Зеленський просив 12 систем. Рютте приїхав до Києва 4 березня, "
      + "де Зеленський його зустрів. Брюсселі обговорять НАТО.", UK_NAMES);

  @Test
  void aTranslationNamesTheSameThingsInTheSameOrder() {
    assertTrue(Translation.of(ENGLISH, UKRAINIAN));
    assertTrue(Translation.of(UKRAINIAN, ENGLISH), "which way round is not told");
    assertFalse(Translation.of(ENGLISH, OTHER_REPORT), "the same names in another order: another report");
  }

  @Test
  void noTranslationWithinALanguageOrWeeksApartOrOnTooLittle() {
    assertFalse(Translation.of(ENGLISH, ENGLISH), "a copy in the same language is a duplicate, not a translation");
    Article weeksLater = article("uk", DAY.plusDays(20), UKRAINIAN.body(), UK_NAMES);
    assertFalse(Translation.of(ENGLISH, weeksLater));
    Article short1 = article("en", DAY, "Rutte met Zelensky in Kyiv.", EN_NAMES);
    Article short2 = article("uk", DAY, "Рютте зустрівся із Зеленським у Києві.", UK_NAMES);
    assertFalse(Translation.of(short1, short2), "three mentions tell nothing");
  }

  @Test
  void mentionsAreTheEntitiesAndNumbersInTextOrder() {
    assertEquals(List.of("e:kyiv", "e:rutte", "e:zelensky"), Translation.mentions(article("en", DAY,
        "Kyiv Kyiv, Rutte and Zelensky.", EN_NAMES)).subList(0, 3), "a repeated mention counts once");
    assertEquals(List.of("n:12", "n:2026"), Translation.mentions(article("en", DAY, "12 of 2026 and 4", EN_NAMES)));
  }
}
