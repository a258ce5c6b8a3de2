package org.kronika.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kronika.model.Article;

/** Quotations and their speakers in Ukrainian, Russian and English reporting patterns. */
class QuoteFinderTest {
  private final QuoteFinder finder = new QuoteFinder();

  /** Names at every occurrence of each given surface, all persons. */
  private static List<QuoteFinder.Name> persons(String text, String... surfaceAndId) {
    List<QuoteFinder.Name> out = new ArrayList<>();
    for (int i = 0; i < surfaceAndId.length; i += 2) {
      for (int at = text.indexOf(surfaceAndId[i]); at >= 0; at = text.indexOf(surfaceAndId[i], at + 1)) {
        out.add(new QuoteFinder.Name(at, at + surfaceAndId[i].length(), surfaceAndId[i + 1], surfaceAndId[i + 1], "PER"));
      }
    }
    return out;
  }

  private static Article.Quote only(List<Article.Quote> quotes) {
    assertEquals(1, quotes.size(), quotes.toString());
    return quotes.get(0);
  }

  @Test
  void englishSpeakerAfterTheQuote() {
    String text = "\"We will keep working with our partners on air defence,\" Zelenskyy noted.";
    Article.Quote q = only(finder.find(text, "en", persons(text, "Zelenskyy", "zelensky")));
    assertEquals("We will keep working with our partners on air defence", q.text());
    assertEquals("zelensky", q.speaker().id());
  }

  @Test
  void englishSpeakerIntroducedBeforeTheQuote() {
    String text = "Quote from Rutte: \"The door to the Alliance remains open for Ukraine.\"";
    assertEquals("rutte", only(finder.find(text, "en", persons(text, "Rutte", "rutte"))).speaker().id());
  }

  @Test
  void ukrainianDashAndVerbAfterTheQuote() {
    String text = "«Ми продовжимо працювати з партнерами над посиленням ППО», — заявив Зеленський.";
    Article.Quote q = only(finder.find(text, "uk", persons(text, "Зеленський", "zelensky")));
    assertEquals("Ми продовжимо працювати з партнерами над посиленням ППО", q.text());
    assertEquals("zelensky", q.speaker().id());
  }

  @Test
  void ukrainianAccordingTo() {
    String text = "За словами Зеленського, \"Україна чекає на чіткі рішення від союзників\".";
    assertEquals("zelensky", only(finder.find(text, "uk", persons(text, "Зеленського", "zelensky"))).speaker().id());
  }

  @Test
  void russianPronounMeansThePersonLastNamed() {
    String text = "Марк Рютте провел встречу с министрами. „Мы обсудили дальнейшие шаги по поддержке Украины“, — сказал он.";
    assertEquals("rutte", only(finder.find(text, "ru", persons(text, "Марк Рютте", "rutte"))).speaker().id());
  }

  @Test
  void ukrainianOpinionOfAPersonNamedBefore() {
    String text = "Андрій Сибіга говорив про переговори. На його думку, \"партнери завжди бояться зайвої ескалації\".";
    assertEquals("sybiha", only(finder.find(text, "uk", persons(text, "Андрій Сибіга", "sybiha"))).speaker().id());
  }

  @Test
  void roleNounMeansThePersonTheArticleGivesThatRole() {
    String uk = "Президент Володимир Зеленський провів нараду. "
        + "“Нам потрібні рішення, а не обіцянки”, — наголосив глава держави.";
    assertEquals("zelensky", only(finder.find(uk, "uk", persons(uk, "Володимир Зеленський", "zelensky"))).speaker().id());
    String ru = "Генеральный секретарь НАТО Марк Рютте прибыл в Киев. "
        + "«Союзники будут поддерживать Украину столько, сколько нужно», — заявил генсек НАТО.";
    assertEquals("rutte", only(finder.find(ru, "ru", persons(ru, "Марк Рютте", "rutte"))).speaker().id());
    String en = "President Volodymyr Zelenskyy visited the front. "
        + "\"Our soldiers need more shells and fewer promises,\" the president said.";
    assertEquals("zelensky", only(finder.find(en, "en", persons(en, "Volodymyr Zelenskyy", "zelensky"))).speaker().id());
  }

  @Test
  void unattributedQuoteHasNoSpeaker() {
    String text = "На площі висів плакат: \"Ми чекаємо на мир і справедливість\" та прапори.";
    assertNull(only(finder.find(text, "uk", List.of())).speaker());
  }

  @Test
  void shortQuotedWordsAreNotQuotations() {
    String text = "В Альянсі кажуть, що \"двері до НАТО\" відчинені, а решта під \"парасолькою\".";
    assertEquals(List.of(), finder.find(text, "uk", List.of()));
  }
}
