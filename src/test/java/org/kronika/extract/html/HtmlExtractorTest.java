package org.kronika.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kronika.extract.Extracted;
import org.kronika.input.SourceDocument;

class HtmlExtractorTest {
  private static final Path PAGES = pagesDirectory();
  private final HtmlExtractor extractor = new HtmlExtractor();

  private static final String CHROME_TOP = "<header class=\"site-header\"><a href=\"/\">Home</a>"
      + "<nav><ul><li><a href=\"/world\">World</a></li><li><a href=\"/politics\">Politics</a></li>"
      + "<li><a href=\"/sport\">Sport</a></li></ul></nav></header>"
      + "<div class=\"cookie-banner\">We use cookies to improve your experience. By continuing to browse"
      + " the site you agree to our use of cookies and our privacy policy.</div>";
  private static final String CHROME_BOTTOM = "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a>"
      + " <a href=\"#\">Tweet</a></div>"
      + "<section class=\"related-articles\"><h3>Related</h3><ul>"
      + "<li><a href=\"/a\">Harbour authority announces new night ferry timetable for the winter</a>"
      + " <time datetime=\"2024-12-20\">20 Dec 2024</time></li>"
      + "<li><a href=\"/b\">Fishermen protest over quota cuts in the northern bays</a></li></ul></section>"
      + "<div id=\"comments\"><p>Great article, I have been saying this for years and nobody listened"
      + " to me, the council never listens to anyone.</p></div>"
      + "<div class=\"newsletter-signup\"><p>Subscribe to our newsletter and get the best stories of the"
      + " day delivered straight to your inbox every morning.</p></div>"
      + "<footer><p>© 2024 Coastal Daily. All rights reserved.</p></footer>";

  /** The fixture pages under {@code pages/}: each {@code NAME.html} beside its expected body, {@code NAME.txt}. */
  static List<String> pages() throws IOException {
    try (Stream<Path> files = Files.list(PAGES)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".html"))
          .map(f -> f.substring(0, f.length() - ".html".length())).sorted().toList();
    }
  }

  /**
   * Each fixture page gives exactly its expected body. The page's first line is a comment saying
   * what it checks; a heuristic change is checked by adding one.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void aFixturePageGivesItsExpectedBody(String name) throws IOException {
    String html = Files.readString(PAGES.resolve(name + ".html"));
    String expected = Files.readString(PAGES.resolve(name + ".txt")).stripTrailing();
    assertEquals(expected, extractor.extract(page(null, html)).body());
  }

  private static Path pagesDirectory() {
    try {
      return Path.of(HtmlExtractorTest.class.getResource("pages").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SourceDocument page(String url, String html) {
    return new SourceDocument(url == null ? "test.html" : url, SourceDocument.Format.HTML, html, url, null, null, null);
  }

  @Test
  void englishArticleWithJsonLdLosesAllItsChrome() {
    String html = "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Storm closes port | Coastal Daily</title>"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\","
        + "\"name\":\"Coastal Daily\"},{\"@type\":\"NewsArticle\",\"headline\":\"Storm closes the port for two days\","
        + "\"datePublished\":\"2024-12-03T07:45:00+00:00\",\"dateModified\":\"2024-12-05T10:00:00+00:00\","
        + "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Marlow\"},{\"@type\":\"Organization\",\"name\":\"Coastal Daily\"}]}]}"
        + "</script></head><body>" + CHROME_TOP
        + "<main><article><h1>Storm closes the port for two days</h1><p class=\"byline\">By Jane Marlow</p>"
        + "<p>A winter storm closed the port of Easthaven on Tuesday, stranding three cargo ships and more than"
        + " two hundred passengers who had planned to cross to the islands.</p>"
        + "<figure><img src=\"storm.jpg\"><figcaption>Waves break over the harbour wall on Tuesday morning.</figcaption></figure>"
        + "<p>Harbour master Tom Reid said the port would stay shut until the wind dropped below gale force,"
        + " which forecasters expect on Thursday afternoon.</p>"
        + "<h2>Ferries cancelled</h2>"
        + "<p>All ferry sailings were cancelled, and the operator said passengers could rebook free of charge"
        + " or claim a full refund through its website.</p>"
        + "</article></main>" + CHROME_BOTTOM + "</body></html>";
    Extracted x = extractor.extract(page("https://coastal.example.com/news/storm-closes-port", html));
    assertEquals("Storm closes the port for two days", x.title());
    assertEquals(LocalDate.of(2024, 12, 3), x.date());
    assertEquals(List.of("Jane Marlow"), x.authors());
    assertEquals("en", x.lang());
    List<String> paragraphs = List.of(x.body().split("\n\n"));
    assertEquals(4, paragraphs.size(), x.body());
    assertTrue(paragraphs.get(0).startsWith("A winter storm closed the port"));
    assertEquals("Ferries cancelled", paragraphs.get(2));
    for (String chrome : List.of("cookies", "Share on", "Harbour authority", "Great article", "Subscribe",
        "rights reserved", "Waves break", "By Jane", "Politics")) {
      assertFalse(x.body().contains(chrome), chrome + " left in: " + x.body());
    }
  }

  @Test
  void ukrainianDateComesFromTheArticleNotFromTheNewsList() {
    String html = "<html><head><meta charset=\"utf-8\"><title>Уряд ухвалив бюджет</title></head><body>"
        + "<aside class=\"latest-news\"><ul>"
        + "<li><time datetime=\"2024-12-09T10:00\">9 грудня</time><a href=\"/1\">Новини з регіонів</a></li>"
        + "<li><span class=\"date\">08.12.2024</span><a href=\"/2\">Погода на вихідні</a></li></ul></aside>"
        + "<div class=\"article\"><h1>Уряд ухвалив бюджет</h1><div class=\"post-date\">3 грудня 2024, 12:40</div>"
        + "<p>Кабінет міністрів ухвалив проєкт державного бюджету на наступний рік і передав його до Верховної"
        + " Ради для розгляду в першому читанні.</p>"
        + "<p>Прем'єр-міністр заявив, що головним пріоритетом залишаються оборона та соціальні виплати,"
        + " а видатки на освіту зростуть на десять відсотків.</p></div>"
        + "<div class=\"read-also\"><p>Читайте також: <a href=\"/3\">Депутати обговорили податки на наступний рік</a></p></div>"
        + "</body></html>";
    Extracted x = extractor.extract(page(null, html));
    assertEquals(LocalDate.of(2024, 12, 3), x.date());
    assertEquals("Уряд ухвалив бюджет", x.title());
    assertTrue(x.body().startsWith("Кабінет міністрів ухвалив"), x.body());
    assertFalse(x.body().contains("Депутати обговорили"), x.body());
    assertNull(x.lang(), "no language in the markup");
  }

  @Test
  void russianDateFromUrlAndFutureDatesRefused() {
    String html = "<html lang=\"ru\"><head><meta property=\"og:title\" content=\"Выборы в регионе\">"
        + "<meta property=\"article:published_time\" content=\"2999-01-01T00:00:00Z\"></head><body>"
        + "<div class=\"content\"><h1>Выборы в регионе</h1>"
        + "<p>Избирательная комиссия подвела предварительные итоги голосования, явка составила сорок два"
        + " процента, что заметно выше, чем на прошлых выборах.</p>"
        + "<p>Окончательные результаты будут объявлены в пятницу после пересчёта бюллетеней на нескольких"
        + " участках, где наблюдатели сообщили о нарушениях.</p></div></body></html>";
    Extracted x = extractor.extract(page("https://news.example.ru/2024/11/30/vybory.html", html));
    assertEquals(LocalDate.of(2024, 11, 30), x.date(), "the meta date lies in the future");
    assertEquals("ru", x.lang());
    assertEquals(2, x.body().split("\n\n").length);
  }

  @Test
  void pageWithoutAnyDateHasNone() {
    String html = "<html><body><p>Residents of the valley were told to boil their water after heavy rain"
        + " flooded the treatment works on the river.</p></body></html>";
    Extracted x = extractor.extract(page(null, html));
    assertNull(x.date());
    assertTrue(x.body().startsWith("Residents of the valley"));
  }

  @Test
  void hintsFromTheContainerWin() {
    String html = "<html><head><meta property=\"og:title\" content=\"Page title\"></head><body><p>Text of the"
        + " article, long enough to count as a paragraph of prose for the extractor.</p></body></html>";
    SourceDocument doc = new SourceDocument("feed#1", SourceDocument.Format.HTML, html, "https://x.example/a",
        "Feed title", LocalDate.of(2024, 1, 2), "pl");
    Extracted x = extractor.extract(doc);
    assertEquals("Feed title", x.title());
    assertEquals(LocalDate.of(2024, 1, 2), x.date());
    assertEquals("pl", x.lang());
  }

  @Test
  void plainTextPassesThrough() {
    Extracted x = extractor.extract(new SourceDocument("a.txt", SourceDocument.Format.TEXT, " Just text. ",
        null, "T", null, "uk"));
    assertEquals("Just text.", x.body());
    assertEquals("T", x.title());
  }

  @Test
  void htmlNestedAHundredThousandLevelsDeepIsExtractedWithoutRecursion() {
    StringBuilder html = new StringBuilder("<html><body>");
    html.append("<div>".repeat(100_000));
    html.append("<p>The deepest paragraph on the page still reads as an ordinary sentence of news text.</p>");
    html.append("</div>".repeat(100_000)).append("</body></html>");
    Extracted x = extractor.extract(page(null, html.toString()));
    assertTrue(x.body().contains("deepest paragraph"), x.body());
  }

  @Test
  void emptyPageGivesEmptyBody() {
    Extracted x = extractor.extract(page(null, "<html><body><nav><a href=\"/\">Home</a></nav></body></html>"));
    assertEquals("", x.body());
  }

  private static final String TWO_PARAGRAPHS = "<p>The council approved the new bus routes after a long debate,"
      + " and the first buses will run on the eastern lines from the start of next month.</p>"
      + "<p>Residents who objected to the changes can still send comments to the transport office until Friday,"
      + " the council said in a statement.</p>";

  @Test
  void timestampJustAfterMidnightGivesNoDayRatherThanAGuess() {
    // 00:16 in Moscow is the evening before in UTC; the page's text repeats the local day
    String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        + "\"headline\":\"Bus routes approved\",\"datePublished\":\"2020-06-29T00:16:15+03:00\"}</script></head>"
        + "<body><h1>Bus routes approved</h1><p>29.06.2020</p>" + TWO_PARAGRAPHS + "</body></html>";
    assertNull(extractor.extract(page(null, html)).date());
    String later = html.replace("T00:16:15", "T09:16:15");
    assertEquals(LocalDate.of(2020, 6, 29), extractor.extract(page(null, later)).date());
  }

  @Test
  void metaAndJsonLdOneDayApartGiveNoDay() {
    // the same moment, 23:59 in UTC and 01:59 in Cairo: which day the publisher meant is unknown
    String html = "<html><head><meta property=\"article:published_time\" content=\"2020-12-24T23:59:50+00:00\">"
        + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-12-25T01:59:50+02:00\"}"
        + "</script></head><body>" + TWO_PARAGRAPHS + "</body></html>";
    assertNull(extractor.extract(page(null, html)).date());
  }

  @Test
  void theSiteHeadersDateIsTheVisitsNotTheArticles() {
    String html = "<html><body><header><div class=\"top\"><span class=\"date\">Tue, 14 Jan 2020</span></div></header>"
        + "<div class=\"story\"><h1>Bus routes approved</h1><p class=\"date\">13 Jan 2020, 22:11</p>" + TWO_PARAGRAPHS
        + "</div></body></html>";
    assertEquals(LocalDate.of(2020, 1, 13), extractor.extract(page(null, html)).date());
    String today = "<html><body><div class=\"today\">Wednesday, August 19, 2020</div><h1>Bus routes approved</h1>"
        + TWO_PARAGRAPHS + "</body></html>";
    assertNull(extractor.extract(page(null, today)).date());
  }

  @Test
  void aDateOnTheLineUnderTheHeadlineIsTheArticles() {
    String html = "<html><head><title>Bus routes approved</title></head><body><div class=\"info\">"
        + "<div class=\"title\"><h1>Bus routes approved</h1></div><ul class=\"nav meta\"><li><a href=\"/t\">"
        + "13 Jan 2020 18:29</a></li><li>1479</li></ul></div>" + TWO_PARAGRAPHS + "</body></html>";
    assertEquals(LocalDate.of(2020, 1, 13), extractor.extract(page(null, html)).date());
    String masthead = "<html><head><title>Daily News</title></head><body><h1>Daily News</h1>"
        + "<div class=\"today\">Wednesday, August 19, 2020</div>" + TWO_PARAGRAPHS + "</body></html>";
    assertNull(extractor.extract(page(null, masthead)).date(), "the day under a site's name is the visit's");
  }

  @Test
  void romanianAndDutchMonthNamesAreRead() {
    assertEquals(LocalDate.of(2020, 9, 20), HtmlDates.fromText("duminică, 20 septembrie 2020", LocalDate.of(2021, 1, 1)));
    assertEquals(LocalDate.of(2020, 3, 5), HtmlDates.fromText("5 maart 2020", LocalDate.of(2021, 1, 1)));
  }

  @Test
  void characterShortcutsAgreeWithTheJdkOnEveryChar() {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      assertEquals(Character.isWhitespace((char) c), Markup.isWhitespace((char) c), Integer.toHexString(c));
      assertEquals(Character.toLowerCase((char) c), Markup.toLowerCase((char) c), Integer.toHexString(c));
    }
  }
  @Test
  void aPageWithoutAFindableBodyKeepsItsTitleDateAndLead() {
    String html = "<html><head><title>Minister resigns over tender | Daily News</title>"
        + "<meta property=\"article:published_time\" content=\"2020-06-29T09:16:15+03:00\">"
        + "<meta name=\"description\" content=\"The minister of transport  resigned on Monday.\"></head>"
        + "<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></body></html>";
    Extracted e = extractor.extract(page(null, html));
    assertTrue(e.bodyless());
    assertEquals("Minister resigns over tender", e.title());
    assertEquals(LocalDate.of(2020, 6, 29), e.date());
    assertEquals("The minister of transport resigned on Monday.", e.body());
  }
}
