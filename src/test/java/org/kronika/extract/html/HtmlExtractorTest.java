package org.kronika.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kronika.extract.Extracted;
import org.kronika.input.SourceDocument;

class HtmlExtractorTest {
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

  private String bodyOf(String html) {
    return extractor.extract(page(null, html)).body();
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
  void romanianAndDutchMonthNamesAreRead() {
    assertEquals(LocalDate.of(2020, 9, 20), HtmlDates.fromText("duminică, 20 septembrie 2020", LocalDate.of(2021, 1, 1)));
    assertEquals(LocalDate.of(2020, 3, 5), HtmlDates.fromText("5 maart 2020", LocalDate.of(2021, 1, 1)));
  }

  @Test
  void summariesInAListOfOtherArticlesAreDroppedButParagraphsAfterReadAlsoLinksStay() {
    StringBuilder teasers = new StringBuilder("<dl class=\"lenta\">");
    for (String topic : List.of("rail fares", "school meals", "harbour dredging", "library hours")) {
      teasers.append("<dt><a href=\"/").append(topic.replace(' ', '-')).append("\">Council votes on ").append(topic)
          .append(" after months of debate</a></dt><dd>Councillors met on Monday to settle the question of ").append(topic)
          .append(", which has divided the town since the spring, and the vote was closer than expected.</dd>");
    }
    teasers.append("</dl>");
    String html = "<html><body><div id=\"main\"><h1>Bus routes approved</h1>"
        + "<p>The council approved the new bus routes after a long debate, and the first buses will run on the eastern"
        + " lines from the start of next month.</p>"
        + "<p><a href=\"/photos\">PHOTOS: The new buses on their first test drive</a></p>"
        + "<p>Residents who objected to the changes can still send comments to the transport office until Friday,"
        + " the council said in a statement on its website.</p>"
        + "<p><a href=\"/older\">Read also: The old routes and why they were changed</a></p>"
        + "<p>The eastern lines will be followed by the northern ones in the spring, once the new depot is finished"
        + " and the drivers have been trained.</p>" + teasers + "</div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("Residents who objected") && body.contains("northern ones"), body);
    assertFalse(body.contains("Councillors met"), body);
    // the same list with each headline and summary in one item
    String oneBlock = html.replace("</a></dt><dd>", "</a> <span>").replace("</dd>", "</span></dt>");
    String body2 = bodyOf(oneBlock);
    assertTrue(body2.contains("northern ones"), body2);
    assertFalse(body2.contains("Councillors met"), body2);
  }

  @Test
  void theSitesLegalFooterIsDroppedThoughItReadsAsProse() {
    String more = "<p>The eastern lines will be followed by the northern ones in the spring, once the new depot is"
        + " finished and the drivers have been trained on the electric buses the town bought last year.</p>"
        + "<p>The opposition said the plan ignored the villages to the south, whose only bus will now run twice a day,"
        + " and promised to raise the question again when the budget is discussed in the autumn.</p>"
        + "<p>The mayor answered that the southern villages would get a bus on demand, booked by telephone or online,"
        + " and that the service would be reviewed after its first six months.</p>";
    String html = "<html><body><div id=\"all\"><div class=\"story\"><h1>Bus routes approved</h1>" + TWO_PARAGRAPHS
        + more + "</div><div id=\"footer\"><div id=\"copyright\">"
        + "<p>The site is registered with the state press committee under certificate number 77-1234 of March 2008.</p>"
        + "<p>Readers' comments are published without any prior editing; the editors are not responsible for them.</p>"
        + "</div></div></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.startsWith("The council approved"), body);
    assertFalse(body.contains("registered") || body.contains("prior editing"), body);
  }

  @Test
  void aQuotedTweetInItsWidgetIsPartOfTheArticle() {
    String html = "<html><body><div class=\"story\"><h1>Bus routes approved</h1>" + TWO_PARAGRAPHS
        + "<div class=\"article-widget\"><blockquote class=\"twitter-tweet\"><p>The new routes start on Monday,"
        + " see the map at <a href=\"https://t.co/x\">t.co/x</a></p>— Town Council (@towncouncil)"
        + " <a href=\"https://twitter.com/towncouncil/status/1\">November 19, 2019</a></blockquote></div>"
        + "<p>The mayor said the council would publish the timetables for the new lines next week on its website.</p>"
        + "</div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("The new routes start on Monday"), body);
    assertTrue(body.contains("— Town Council (@towncouncil)"), body);
  }

  @Test
  void oneParagraphDenseWithLinksDoesNotEndTheArticle() {
    StringBuilder names = new StringBuilder("<p>The plan was backed by ");
    for (String n : List.of("Anna Berg", "Tom Reid", "Maria Lund", "Olga Sand", "Peter Holm", "Eva Stone")) {
      names.append("<a href=\"/people/").append(n.replace(' ', '-')).append("\">").append(n)
          .append(" and her or his latest articles on transport and the town budget</a>, ");
    }
    names.append("and opposed by nobody.</p>");
    String more = "<p>The eastern lines will be followed by the northern ones in the spring, once the new depot is"
        + " finished and the drivers have been trained on the electric buses the town bought last year.</p>"
        + "<p>The opposition said the plan ignored the villages to the south, whose only bus will now run twice a day,"
        + " and promised to raise the question again when the budget is discussed in the autumn.</p>";
    String html = "<html><body><div class=\"story\"><h1>Bus routes approved</h1>" + TWO_PARAGRAPHS + more + names
        + "<p>The mayor said the council would publish the timetables for the new lines next week on its website.</p>"
        + "</div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("publish the timetables"), body);
  }

  @Test
  void anArticleThatIsAListUnderItsHeadlineIsKept() {
    StringBuilder rounds = new StringBuilder();
    String[] towns = {"Easthaven", "Northport", "Lakeside", "Millbrook", "Stonebridge", "Westfield", "Oakridge"};
    for (int i = 0; i < towns.length; i++) {
      rounds.append("<p>Round ").append(i + 1).append(": ").append(10 + i).append(" March – ").append(towns[i]).append("</p>");
    }
    String html = "<html><body><div class=\"post\"><h1>Cycling calendar 2018</h1>" + rounds
        + "<p>Comments that are rude or off topic will not be approved by the moderators of this website.</p>"
        + "</div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("Round 1: 10 March – Easthaven") && body.contains("Round 7: 16 March – Oakridge"), body);
  }

  @Test
  void aLongLeadLineWithoutAFullStopIsKept() {
    String html = "<html><body><div class=\"post\"><h1>Bus routes approved</h1><div class=\"byline\">By Jane Marlow</div>"
        + "<div class=\"post-body\">The council has approved eleven new bus routes for the eastern districts after a debate"
        + " of six hours<br><br>" + TWO_PARAGRAPHS + "</div></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.startsWith("The council has approved eleven new bus routes"), body);
  }

  @Test
  void readersCommentsAfterTheirHeadingAreDroppedButTheArticleGoesOnAroundABoxOfThem() {
    String more = "<p>The eastern lines will be followed by the northern ones in the spring, once the new depot is"
        + " finished and the drivers have been trained on the electric buses the town bought last year.</p>"
        + "<p>The opposition said the plan ignored the villages to the south, whose only bus will now run twice a day,"
        + " and promised to raise the question again when the budget is discussed in the autumn.</p>";
    String comments = "<div class=\"c1\"><div>Комментарии</div></div><table class=\"c2\"><tr><td>"
        + "<div>Piter 6 January 2012 14:05</div><div>I have waited for this bus for twenty years and I will believe it"
        + " when I see it, the council has promised new routes before every election since I was young.</div>"
        + "</td></tr></table>";
    String html = "<html><body><div class=\"pub\"><h1>Bus routes approved</h1>" + TWO_PARAGRAPHS + more + "</div>"
        + comments + "</body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("northern ones"), body);
    assertFalse(body.contains("twenty years"), body);
    String boxInside = "<html><body><div class=\"pub\"><h1>Bus routes approved</h1>" + TWO_PARAGRAPHS + more
        + "<div class=\"box\"><div>Comments (1)</div><p>I have waited for this bus for twenty years and I will believe"
        + " it when I see it, the council has promised new routes before every election.</p></div>"
        + "<p>The mayor said the council would publish the timetables for the new lines next week on its website.</p>"
        + "</div></body></html>";
    String inside = bodyOf(boxInside);
    assertTrue(inside.contains("publish the timetables"), inside);
    assertFalse(inside.contains("twenty years"), inside);
  }

  @Test
  void longLegalTermsWithACopyrightSignAreChromeWhateverTheirBoxIsCalled() {
    String terms = "Legal terms: under the agreement between © Coastal Media Ltd and its partners, this site publishes"
        + " the work of independent journalists, residents of the country and abroad, and of the electronic periodicals"
        + " with which it has agreements, including the registered outlet Coastal Daily (certificate 77-20649 of"
        + " 30 May 2005, founder Coastal Information Technologies, whose address is 2 Harbour Street, Easthaven),"
        + " and the share of that outlet's material on the site does not exceed fifteen per cent of all it publishes.";
    String html = "<html><body><div class=\"a1\"><h1>Bus routes approved</h1>" + TWO_PARAGRAPHS + "</div>"
        + "<div class=\"b1\">" + terms + "<br>" + terms.replace("Legal terms", "Other terms") + "</div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.startsWith("The council approved"), body);
    assertFalse(body.contains("terms"), body);
  }

  @Test
  void theSameShareBarOverTheArticleAndOverEachOtherStoryLeavesTheArticle() {
    String bar = "<div class=\"bar\"><a href=\"#wa\">Send on chat</a> <a href=\"#fb\">Post it</a>"
        + " <a href=\"#dl\">Download</a></div>";
    StringBuilder others = new StringBuilder();
    for (String topic : List.of("the old mill", "the river bank", "the winter market", "the town choir")) {
      others.append("<div class=\"item\">").append(bar).append("<p>A short reflection on ").append(topic)
          .append(", written by a reader who has lived in the valley all her life and remembers it well.</p></div>");
    }
    String html = "<html><head><title>Letters from the valley</title></head><body><div class=\"post\">"
        + "<h1>Letters from the valley</h1>" + bar
        + "<p>Every autumn the valley fills with fog, and every autumn someone writes to us about it, as if the"
        + " fog were news. This year we decided to print the best of those letters, one a week until spring.</p>"
        + "</div><div class=\"more\"><h3>You may also like</h3>" + others + "</div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.startsWith("Every autumn the valley"), body);
    assertFalse(body.contains("A short reflection"), body);
  }

  @Test
  void theSiteNameInTheFooterIsNotTheHeadline() {
    String html = "<html><head><title>Bridge reopens after repairs :: Valley News Agency :: News of the valley</title>"
        + "</head><body><table><tr><td><a href=\"/n/1\">Town: BRIDGE REOPENS AFTER REPAIRS</a><br>Posted 17 Jan</td></tr>"
        + "<tr><td><p>The old stone bridge over the river reopened on Monday after eight months of repairs, and the"
        + " first buses crossed it in the afternoon.</p>"
        + "<p>Engineers replaced two arches and the whole road surface, and the town council said the work"
        + " came in under budget by almost a tenth.</p></td></tr>"
        + "<tr><td>Valley News Agency<br>Editorial office: 2 Mill Street</td></tr></table></body></html>";
    String body = bodyOf(html);
    assertTrue(body.startsWith("The old stone bridge"), body);
    assertTrue(body.contains("under budget"), body);
  }

  @Test
  void aSentenceLinkingItsSourcesStaysInTheArticle() {
    String html = "<html><body><div class=\"story\"><h1>Mayor answers critics</h1>"
        + "<p>The mayor said on Friday that she would answer every question about the budget at the next open"
        + " meeting of the council, in March.</p>"
        + "<p>Earlier in the week <a href=\"/n/41\">she refused to comment on the calls to resign</a> that came"
        + " from the opposition after the vote.</p>"
        + "<p>The opposition says the budget hides the cost of the new stadium and wants an independent audit"
        + " before any vote is taken.</p>"
        + "<p>Read also: <a href=\"/n/39\">Stadium costs double in two years</a></p></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("calls to resign"), body);
    assertFalse(body.contains("Stadium costs"), body);
  }

  @Test
  void aFooterOfOneLongNoticeIsDroppedHoweverMuchOfThePageItHolds() {
    String notice = "When quoting or reproducing articles published on this portal, the names of the authors and of the"
        + " source must be given. Other sites may quote our texts only with an active link to the portal placed in the"
        + " text itself, no lower than its second paragraph, and may not change the texts without the written consent"
        + " of the editors. Photographs belong to their owners. The editors need not share the views of the authors"
        + " and are not responsible for their material. Value judgements cannot be refuted or proven. The advertiser"
        + " answers for the content of advertising.";
    String html = "<html><body><div class=\"news\"><h1>Gossip is good for you</h1>"
        + "<p>A survey of office workers found that most of them enjoy hearing gossip, and one in ten likes to spread"
        + " it, which the researchers say helps people bond.</p>"
        + "<p>The psychologists behind it say that talking about others lowers stress, as long as it stays kind.</p>"
        + "</div><div class=\"foot\"><div class=\"footer_text\">" + notice + "</div></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.startsWith("A survey of office workers"), body);
    assertFalse(body.contains("quoting"), body);
  }

  @Test
  void aPageWrapperNamedAfterItsCommentsStillHoldsTheArticle() {
    String html = "<html><body><div id=\"news_title\">News</div><div id=\"comments_page_wrapper\">"
        + "<div class=\"news_date\">17.01.2012 | 17:17</div><div class=\"name\">Soldier died of influenza</div>"
        + "<div class=\"text\"><p>A medical examination has found that the conscript who died at the base last month"
        + " had a severe case of influenza, the regional paper reports.</p>"
        + "<p>He was the second conscript from the city to die at the same base in two weeks, and his family has"
        + " asked prosecutors to look into the care he was given.</p></div>"
        + "<div class=\"comments\"><p>My son served there and the barracks were never heated, everyone knew it and"
        + " nobody did anything about it for years.</p></div></div>"
        + "<div class=\"sidebar\"><p>Weather: -4 ... -6</p></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.startsWith("A medical examination"), body);
    assertTrue(body.contains("second conscript"), body);
    assertFalse(body.contains("barracks"), body);
  }

  @Test
  void aSecondCopyOfTheArticleIsLeftOutButARefrainInItIsKept() {
    String text = "<p>Men who watch football every weekend say it lifts their mood more than anything else, a survey"
        + " of two thousand fans has found.</p><p>What do you do on the evening after your team loses a match at home to its old rival?</p>"
        + "<p>Most of them said they would rather miss a family dinner than a derby, and a third said they had.</p>"
        + "<p>What do you do on the evening after your team loses a match at home to its old rival?</p>";
    String html = "<html><body><div class=\"one\"><h1>Football beats the blues</h1><div class=\"text\">" + text
        + "</div><div class=\"copy\">" + text + "</div></div></body></html>";
    String body = bodyOf(html);
    assertEquals(1, body.split("a survey of two thousand fans", -1).length - 1, body);
    assertEquals(2, body.split("your team loses", -1).length - 1, body);
  }

  @Test
  void aDiscussionHeadingEndsTheArticleAsACommentsHeadingDoes() {
    String html = "<html><body><div class=\"col\"><h1>Mr No returns</h1>"
        + "<p>The former minister will return to government next month, two years after he left it over a quarrel"
        + " about the budget, the prime minister's office said on Monday.</p>"
        + "<p>His return is expected to harden the country's line in the talks on the new trade treaty, which"
        + " have stalled since the autumn.</p>"
        + "<p>He has said little in public since he left, but friends say he never stopped advising the cabinet.</p>"
        + "<p>Opposition parties called the appointment a step backwards and said they would ask him to explain"
        + " his plans to parliament before he takes office.</p>"
        + "<p>Discussion</p>"
        + "<div class=\"falbl\"><p>He never left, he was only waiting behind the curtain for the right moment to come"
        + " back, as everybody in this country has known for years.</p></div></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("advising the cabinet"), body);
    assertFalse(body.contains("curtain"), body);
  }

  @Test
  void aCallToCommentWithAnAsteriskToTheDisclaimerEndsTheArticle() {
    String html = "<html><body><table><tr><td class=\"content\"><p><b>В краевом центре отремонтировали больницу.</b>"
        + "<p>В краевом кардиологическом диспансере завершен капитальный ремонт стоимостью 87 миллионов рублей,"
        + " сообщает официальный сайт края.<br><br>На эти средства отремонтированы кардиохирургическое отделение,"
        + " три кардиологических отделения и отделение неотложной кардиологии.<br><br>Ремонт оплатили из"
        + " федерального и краевого бюджетов в рамках программы модернизации здравоохранения региона.<br><br>"
        + "Врачи диспансера говорят, что после ремонта больница сможет принимать вдвое больше пациентов с болезнями"
        + " сердца, а очередь на операции сократится до нескольких недель.<br><br>"
        + "<p><a href=\"/comment?id=1\">Оставить комментарий *</a>"
        + "<table><tr><td>Комментарий читателя: гость</td></tr><tr><td class=\"coment\">Ремонтные работы не сделаны,"
        + " осталась незавершенка, а акты подписали, да и качество низкое, это всем давно известно.</td></tr></table>"
        + "</td></tr></table></body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("модернизации здравоохранения"), body);
    assertFalse(body.contains("незавершенка"), body);
  }

  @Test
  void aStandfirstBesideTheFirstParagraphIsKeptAndABylineIsNot() {
    String html = "<html><body><div class=\"article\"><h1>Village hospital closes its ward</h1>"
        + "<div class=\"info\"><p>Published: 17 January, 9:07</p></div><div class=\"text\">"
        + "<p>Residents of eleven villages are holding protests.</p>"
        + "<p>Officials have closed the ward that treated eight thousand people, and patients must now travel"
        + " forty kilometres to the district town for a doctor.</p>"
        + "<p>The officials say nobody has lost any care, since the staff simply moved to the town clinic.</p>"
        + "</div></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.startsWith("Residents of eleven villages"), body);
    String byline = html.replace("Residents of eleven villages are holding protests.", "By Jane Marlow");
    String withByline = bodyOf(byline);
    assertTrue(withByline.startsWith("Officials have closed"), withByline);
  }

  @Test
  void aShortClosingSentenceBeforeTheCopyrightLineIsKept() {
    String html = "<html><body><div class=\"col\"><h1>Guard found dead at the depot</h1>"
        + "<p>A security guard was found dead at the bus depot on Monday afternoon, and the police were called by"
        + " his colleagues, who had not seen him since the morning.</p>"
        + "<p>The police said the man had felt unwell during the night shift and did not call for help.</p>"
        + "<p>An inquiry is under way.</p><p class=\"sign\">© 2012, Valley News</p>"
        + "<p><a href=\"/subscribe\">Subscribe to our newsletter</a></p></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.endsWith("An inquiry is under way."), body);
  }

  @Test
  void theSitesTermsForReprintingItsTextAreLegalTextWithoutTheCopyrightSign() {
    String text = "<p>Число больных алкоголизмом в области сократилось за год на семь процентов, сообщил в пятницу"
        + " главный врач областного наркологического диспансера.</p>"
        + "<p>По его словам, снижение стало следствием запрета ночной продажи спиртного и новых программ лечения.</p>";
    for (String notice : List.of("При использовании материалов ссылка на информационное агентство обязательна!",
        "Перепечатка материалов без письменного разрешения редакции запрещена.",
        "This material may not be reproduced without the written permission of the publisher.",
        "本文版权归本网所有，未经本网授权不得转载。")) {
      String html = "<html><body><div class=\"text\"><h1>Пить стали меньше</h1>" + text + "<p>" + notice + "</p>"
          + "</div></body></html>";
      String body = bodyOf(html);
      assertTrue(body.endsWith("новых программ лечения."), body);
    }
  }

  @Test
  void theTypoReportNoticeUnderTheTextIsChrome() {
    String html = "<html><body><div class=\"col\"><h1>Ward reform stalls</h1>"
        + "<p>The regional council has put off the reform of the district hospitals for another year, after"
        + " doctors and residents protested against the closure of four wards.</p>"
        + "<p>Found a mistake in the text? Select it with the mouse and press Ctrl+Enter.</p>"
        + "<p>The council said it would hold public hearings in every district before it decides again.</p>"
        + "</div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("public hearings"), body);
    assertFalse(body.contains("Ctrl"), body);
  }

  @Test
  void aSeeAlsoHeadingEndsTheArticle() {
    String html = "<html><body><table><tr><td><h2>Surgeon removes the wrong organ</h2>"
        + "<p>A seventy-seven-year-old patient died on the operating table after the surgeon removed her liver"
        + " instead of the kidney that the tumour had spread to, the hospital has admitted.</p>"
        + "<p>The surgeon admitted his mistake and agreed to answer the questions of the inquiry, and the hospital"
        + " apologised to the family in a letter published on its website on Tuesday.</p>"
        + "<p>The health ministry has asked every hospital in the region to review how its surgical teams check"
        + " the notes before an operation.</p>"
        + "<p>The family said they valued the honesty of the staff and would not sue.</p>"
        + "<h3>See also:</h3>"
        + "<div class=\"s2\">The election results are in, and the ruling party has lost its majority in three of the"
        + " five regions after a campaign dominated by the price of bread.</div>"
        + "<div class=\"s2\">A cult television series turns twenty this week, and its fans are gathering in the"
        + " small town where it was filmed for a weekend of screenings.</div>"
        + "</td></tr></table></body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("would not sue"), body);
    assertFalse(body.contains("election results"), body);
    String more = bodyOf(html.replace("See also:", "More on this topic"));
    assertTrue(more.contains("would not sue"), more);
    assertFalse(more.contains("election results"), more);
  }

  @Test
  void aBoxNamedFootIsTheSitesClosingMatterAsAFooterIs() {
    String html = "<html><body><div class=\"story-body\"><h1>Memory starts to fade at 45</h1>"
        + "<p>A new study has found that memory and other mental skills begin to decline from the age of"
        + " forty-five, much earlier than doctors used to think.</p>"
        + "<p>The researchers followed seven thousand civil servants for ten years and tested them three times.</p>"
        + "</div><div id=\"site-foot\"><p>This page is best viewed in an up-to-date web browser with style sheets"
        + " (CSS) enabled. While you will be able to view the content of this page in your current browser, you"
        + " will not be able to get the full visual experience.</p></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("three times"), body);
    assertFalse(body.contains("style sheets"), body);
  }

  @Test
  void callsToRateTheArticleAndLabelsOfLinkListsAreChromeInAnyCase() {
    String html = "<html><body><div class=\"text\"><h1>Мэр ответил критикам</h1>"
        + "<p>Мэр города заявил в пятницу, что ответит на все вопросы о бюджете на открытом заседании совета"
        + " в марте, и пригласил на него всех жителей.</p>"
        + "<p>Реклама</p>"
        + "<p>Оппозиция считает, что бюджет скрывает расходы на новый стадион, и требует независимой проверки.</p>"
        + "<p>Ссылки по теме:</p>"
        + "<p>Оцените, пожалуйста, статью. Нам важно ваше мнение.</p></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.contains("независимой проверки"), body);
    for (String chrome : List.of("Реклама", "Ссылки", "Оцените")) {
      assertFalse(body.contains(chrome), chrome + " left in: " + body);
    }
  }

  @Test
  void aLeadParagraphSetAsAHeadingIsKeptButACaptionBesideItsPhotoIsNot() {
    String html = "<html><body><div class=\"article\"><h1>Sauna lifts the mood</h1>"
        + "<h2>A sauna is good for the heart and for the mind, Japanese researchers say: people who went to one five"
        + " times a week for a month pumped blood better, felt happier and thought more highly of themselves and of"
        + " what they had achieved.</h2>"
        + "<p>Read also: <a href=\"/news/1\">A man died at the national sauna championship</a></p>"
        + "<p>The head of the research group said that the heat makes the heart pump harder and keeps the walls of"
        + " the blood vessels supple, which lowers the risk of clots.</p>"
        + "<div class=\"photo\"><img src=\"sauna.jpg\"><h3>Visitors of a public sauna in Osaka sit on wooden"
        + " benches after a long working day, as many people in the city do at least twice every week, whatever the"
        + " season and whatever the weather is like outside.</h3></div>"
        + "<p>Read also: <a href=\"/news/2\">Cold showers in winter: what doctors say</a></p>"
        + "<p>The brain reacts to the heat as well, the researchers found, and the mood of the volunteers improved"
        + " after every visit.</p></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.startsWith("A sauna is good for the heart"), body);
    assertTrue(body.contains("after every visit"), body);
    assertFalse(body.contains("wooden benches"), body);
    String beside = html.replace("<img src=\"sauna.jpg\"><h3>", "<div><img src=\"sauna.jpg\"></div><h1>")
        .replace("</h3>", "</h1>");
    String besideBody = bodyOf(beside);
    assertTrue(besideBody.contains("after every visit"), besideBody);
    assertFalse(besideBody.contains("wooden benches"), besideBody);
  }

  @Test
  void aLeadInABoxOfItsOwnJustBeforeTheTextIsKept() {
    String html = "<html><body><div class=\"news-page\"><h1>Dollar will hit the banks by summer</h1>"
        + "<div class=\"intro\"><div class=\"pic\"><img src=\"a.jpg\"></div><div class=\"intro-text\"><p>The opposition"
        + " leader expects the dollar to rise so far by the summer that it will threaten the country's banking"
        + " system</p></div></div>"
        + "<div class=\"text\"><p>\"The reserves have fallen by seven billion dollars over the last three months, and the"
        + " local budgets are empty,\" the politician was quoted as saying by a news agency.</p>"
        + "<p>He recalled that the monetary fund is not lending, and that even if it did, the loan would not be"
        + " enough to cover the gap.</p>"
        + "<p>In such a situation the currency has two ways to go, he said, and the banking system would collapse"
        + " like a house of cards if it took the second.</p></div></div></body></html>";
    String body = bodyOf(html);
    assertTrue(body.startsWith("The opposition leader expects"), body);
    assertTrue(body.endsWith("if it took the second."), body);
    String dated = html.replaceFirst("The opposition.*?system", "5 January 2012, 11:01");
    String datedBody = bodyOf(dated);
    assertTrue(datedBody.startsWith("\"The reserves"), datedBody);
    String headline = "The opposition leader expects the dollar to rise so far by the summer that it will threaten the banks";
    String headlineBeforeText = html.replace("<html>", "<html><head><title>" + headline + "</title></head>")
        .replaceFirst("<h1>.*?</h1><div class=\"intro\">.*?</div></div>", "<div class=\"headline\"><p>" + headline + "</p></div>");
    String withoutHeadline = bodyOf(headlineBeforeText);
    assertTrue(withoutHeadline.startsWith("\"The reserves"), withoutHeadline);
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
