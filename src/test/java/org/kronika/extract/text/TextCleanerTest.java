package org.kronika.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kronika.extract.Extracted;
import org.kronika.input.SourceDocument;

/** The cleaner on small invented pages, one kind of chrome or metadata at a time. */
class TextCleanerTest {
  private static final TextCleaner CLEANER = new TextCleaner(LocalDate.of(2025, 6, 1));

  /** An English page as a scraper leaves it: header, menus, headline twice, byline, ads, lists. */
  private static final String ENGLISH = """
       date 2025-03-07 All Sections
      Facebook Twitter Telegram search menu
      Укр Рус Eng Support Us
      Follow us on Threads!

      Harbour town opens a floating library for winter

      Oksana Melnyk, Petro KovalFriday, 7 March 2025, 09:15
      Harbour town opens a floating library for winter
      The barge moored at the north pier. Photo: Reuters/File

      The town council of Brightwater has converted an old cargo barge into a public library that will stay moored at the north pier until the ice season ends.

      Source: the council's press service, as reported by a local radio station on Friday morning

      Details: The barge holds about four thousand books, a reading room for twenty people and a small stage for evening talks, the head librarian said.

      Advertisement:

      Visitors can borrow books with their usual library card, and the barge will open every day except Monday from ten in the morning until eight in the evening.

      Background:

        • The idea came from a school competition held last spring, in which pupils proposed ways to use the empty harbour in winter.
        • The conversion was paid for by a regional culture fund and by private donations collected in the autumn.

      Support our newsroom or become our patron!

      BrightwaterLibrariesHarbourCulture
      Advertisement:

      Storm warning issued for the coast tonight

      Ferry timetable changes from Monday

      Storm warning issued for the coast tonight

      All News
      RECENT NEWS
      20:57
      Ferry timetable changes from Monday
      19:30
      City marathon route announced for April, 6 April 2025
      All News
      Advertisement:
      """;

  /** A Ukrainian page: share bar, headline twice, a source domain, a teaser, a promo, related headlines twice. */
  private static final String UKRAINIAN = """
      Facebook Telegram Twitter search menu

      Місто відкрило плавучу бібліотеку на зиму

      Місто відкрило плавучу бібліотеку на зиму
      lib.example.ua
      Бібліотека працюватиме щодня, крім понеділка.

      Міська рада перетворила стару вантажну баржу на публічну бібліотеку, яка стоятиме біля північного причалу до кінця льодового сезону.

      Про це повідомила пресслужба міської ради з посиланням на Telegram завідувачки бібліотеки.

      "Ми хотіли, щоб узимку люди мали куди прийти ввечері, тож баржа стала читальною залою на двадцять місць", — сказала завідувачка бібліотеки.

      Фото: Іван Петренко

      Бібліотека працюватиме щодня, крім понеділка, з десятої ранку до восьмої вечора, а книжки можна брати за звичайним читацьким квитком.

      Термінові новини міста читайте на нашому каналі в Telegram.

      Культура
      Погода на вихідні: синоптики обіцяють сонце і легкий мороз – Марія Коваль
      Погода на вихідні: синоптики обіцяють сонце і легкий мороз – Марія Коваль
      Новий маршрут поромів запрацює з понеділка – Іван Петренко
      Новий маршрут поромів запрацює з понеділка – Іван Петренко
      """;

  /** A Russian article, clean but for a time before the title, a labelled byline, a share word and a promo. */
  private static final String RUSSIAN = """
      12:37 В городе открыли плавучую библиотеку
      Автор: Ольга Смирнова
      Городской совет превратил старую грузовую баржу в публичную библиотеку, которая простоит у северного причала до конца ледового сезона.
      Об этом сообщила пресс-служба городского совета 5 марта 2025 года.
      Как работает библиотека
      Библиотека будет открыта ежедневно, кроме понедельника, с десяти утра до восьми вечера, а книги можно брать по обычному читательскому билету. Поделиться
      Подписывайтесь на наш канал в Telegram, чтобы не пропустить главное.
      """;

  private static Extracted clean(String text) {
    return CLEANER.extract(SourceDocument.text("test", text));
  }

  private static List<String> paragraphs(Extracted extracted) {
    return List.of(extracted.body().split("\n\n"));
  }

  @Test
  void englishPageKeepsTheArticleAndItsMetadata() {
    Extracted e = clean(ENGLISH);
    assertEquals("Harbour town opens a floating library for winter", e.title());
    assertEquals(List.of("Oksana Melnyk", "Petro Koval"), e.authors());
    assertEquals(LocalDate.of(2025, 3, 7), e.date());
    assertEquals(List.of(
        "The town council of Brightwater has converted an old cargo barge into a public library that will stay moored at the north pier until the ice season ends.",
        "Source: the council's press service, as reported by a local radio station on Friday morning",
        "Details: The barge holds about four thousand books, a reading room for twenty people and a small stage for evening talks, the head librarian said.",
        "Visitors can borrow books with their usual library card, and the barge will open every day except Monday from ten in the morning until eight in the evening.",
        "Background:",
        "• The idea came from a school competition held last spring, in which pupils proposed ways to use the empty harbour in winter.",
        "• The conversion was paid for by a regional culture fund and by private donations collected in the autumn."),
        paragraphs(e));
  }

  @Test
  void englishChromeIsGoneLineByLine() {
    String body = clean(ENGLISH).body();
    for (String chrome : List.of("All Sections", "Facebook", "Support Us", "Threads", "Reuters/File",
        "Advertisement", "patron", "BrightwaterLibraries", "Storm warning", "Ferry", "20:57", "RECENT NEWS",
        "All News", "Oksana", "Harbour town opens")) {
      assertFalse(body.contains(chrome), chrome);
    }
  }

  @Test
  void ukrainianPageDropsSharesDomainsTeasersPromosAndRelatedHeadlines() {
    Extracted e = clean(UKRAINIAN);
    assertEquals("Місто відкрило плавучу бібліотеку на зиму", e.title());
    assertNull(e.date());
    assertEquals(List.of(), e.authors());
    List<String> paragraphs = paragraphs(e);
    assertEquals(4, paragraphs.size(), e.body());
    assertTrue(paragraphs.get(0).startsWith("Міська рада перетворила"));
    assertTrue(paragraphs.get(1).startsWith("Про це повідомила"), "a mention of Telegram is no promo");
    assertTrue(paragraphs.get(3).startsWith("Бібліотека працюватиме щодня, крім понеділка, з десятої"));
    for (String chrome : List.of("Facebook", "lib.example.ua", "Фото", "читайте", "Культура", "Погода", "поромів")) {
      assertFalse(e.body().contains(chrome), chrome);
    }
  }

  @Test
  void russianArticleGetsItsTitleWithoutTheTimeAndItsAuthor() {
    Extracted e = clean(RUSSIAN);
    assertEquals("В городе открыли плавучую библиотеку", e.title());
    assertEquals(List.of("Ольга Смирнова"), e.authors());
    assertEquals(LocalDate.of(2025, 3, 5), e.date(), "a date in the first paragraph is the article's");
    assertEquals(List.of(
        "Городской совет превратил старую грузовую баржу в публичную библиотеку, которая простоит у северного причала до конца ледового сезона.",
        "Об этом сообщила пресс-служба городского совета 5 марта 2025 года.",
        "Как работает библиотека",
        "Библиотека будет открыта ежедневно, кроме понедельника, с десяти утра до восьми вечера, а книги можно брать по обычному читательскому билету."),
        paragraphs(e));
  }

  @Test
  void aSentenceAfterTheHeaderIsBodyNotTitle() {
    Extracted e = clean("""
         date 2025-03-07 The council of a small harbour town has turned an old cargo barge into a public library, and it will stay at the north pier until the ice season ends, officials said on Friday.

        Winter reading on the water

        The barge holds about four thousand books and a reading room for twenty people, the head librarian said. Share
        """);
    assertNull(e.title());
    assertEquals(LocalDate.of(2025, 3, 7), e.date());
    List<String> paragraphs = paragraphs(e);
    assertEquals(3, paragraphs.size(), e.body());
    assertTrue(paragraphs.get(0).startsWith("The council of a small harbour town"));
    assertEquals("Winter reading on the water", paragraphs.get(1), "a short line heading prose is a sub-heading");
    assertEquals("The barge holds about four thousand books and a reading room for twenty people, the head librarian said.",
        paragraphs.get(2));
  }

  @Test
  void headerDateWinsOverTheByline() {
    Extracted e = clean(ENGLISH.replace("date 2025-03-07", "date 2025-03-08"));
    assertEquals(LocalDate.of(2025, 3, 8), e.date());
  }

  @Test
  void containerHintsWin() {
    SourceDocument document = new SourceDocument("feed#1", SourceDocument.Format.TEXT, ENGLISH, "https://example.org/a",
        "A feed's own title", LocalDate.of(2025, 3, 1), "en");
    Extracted e = CLEANER.extract(document);
    assertEquals("A feed's own title", e.title());
    assertEquals(LocalDate.of(2025, 3, 1), e.date());
    assertEquals("en", e.lang());
    assertEquals("https://example.org/a", e.url());
  }

  @Test
  void futureBylineDateIsRefused() {
    Extracted e = clean(ENGLISH.replace(" date 2025-03-07 All Sections", "All Sections")
        .replace("7 March 2025", "7 March 2026"));
    assertNull(e.date());
    assertEquals(List.of("Oksana Melnyk", "Petro Koval"), e.authors());
  }

  @Test
  void datesInRelatedListsAreIgnored() {
    Extracted e = clean(ENGLISH.replace(" date 2025-03-07 All Sections", "All Sections")
        .replace("Oksana Melnyk, Petro KovalFriday, 7 March 2025, 09:15", "By Oksana Melnyk"));
    assertNull(e.date(), "6 April 2025 belongs to the recent-news list");
    assertEquals(List.of("Oksana Melnyk"), e.authors());
  }

  @Test
  void cleanTextIsKeptWhole() {
    String body = """
        The council met on Tuesday to discuss the budget for the next year, and most members agreed to raise spending on schools.

        Opposition members asked for more money for roads and bridges in the northern districts.

        Road repairs

        The mayor said the repairs would start in spring, once the ground has thawed.

        He declined to comment further.""";
    Extracted e = clean("Council agrees on next year's budget\n" + body.replace("\n\n", "\n"));
    assertEquals("Council agrees on next year's budget", e.title());
    assertEquals(body, e.body());
  }

  @Test
  void repeatedParagraphIsKeptOnce() {
    String paragraph = "The mayor said the repairs would start in spring, once the ground has thawed and the crews are back.";
    Extracted e = clean("Road repairs start in spring\n" + paragraph + "\n" + paragraph + "\n");
    assertEquals(paragraph, e.body());
  }

  @Test
  void emptyAndChromeOnlyPagesGiveAnEmptyBody() {
    assertEquals("", clean("").body());
    assertEquals("", clean("Facebook Twitter search menu\nAll News\n20:57\nSupport Us\n").body());
  }

  @Test
  void pageTitleAnchorsTheArticleAndCommentsEndIt() {
    String article = """
        The harbour barge that became a library last winter will reopen next week after repairs to its deck and roof.

        The council said the works cost less than expected, and volunteers painted the reading room over the weekend.

        Opening hours stay the same, from ten in the morning until eight in the evening, every day except Monday.""";
    String page = "Floating library reopens next week - Brightwater Gazette\n"
        + "Home\nNews\nSport\nSubscribe\nSign in\n"
        + "Town hall votes on parking fees\n"
        + "Floating library reopens next week\n"
        + "By Jane Roe\n"
        + "March 7, 2025 10:43 am\n"
        + article + "\n"
        + "Leave a comment\n"
        + "2 days ago\n"
        + "I went there with my children last winter and we loved every minute of it, the staff were kind and the books were good.\n"
        + "Rating: 12 votes\n"
        + "Same here, it was the best thing the council has done in years and I hope they keep it open all year round now.\n";
    Extracted e = clean(page);
    assertEquals("Floating library reopens next week", e.title());
    assertEquals(List.of("Jane Roe"), e.authors());
    assertEquals(LocalDate.of(2025, 3, 7), e.date());
    assertEquals(article, e.body());
  }

  @Test
  void aListHeaderNarrowedToASectionDropsTheHeadlinesUnderIt() {
    String first = "The harbour barge that became a library last winter will reopen next week after repairs to its deck and roof.";
    String second = "The council said the works cost less than expected, and volunteers painted the reading room over the weekend.";
    String last = "Opening hours stay the same, from ten in the morning until eight in the evening, every day except Monday.";
    String page = "Floating library reopens next week\n"
        + "Home\nNews\nSport\nSubscribe\nSign in\n"
        + "Floating library reopens next week\n"
        + first + "\n" + second + "\n"
        + "Most read in World\n"
        + "Harbour town council votes to double parking fees for visitors in the summer months ahead\n"
        + "Storm warning: ferries between the islands cancelled for the weekend as winds pick up fast\n"
        + last + "\n"
        + "Home\nNews\nSport\nAll News\nSupport Us\n";
    Extracted e = clean(page);
    assertEquals(first + "\n\n" + second + "\n\n" + last, e.body());
  }

  @Test
  void aDatelineBelowTheArticleStartsAFeedOfTeasers() {
    String article = """
        The harbour barge that became a library last winter will reopen next week after repairs to its deck and roof.

        The council said the works cost less than expected, and volunteers painted the reading room over the weekend.""";
    String page = "Floating library reopens next week - Brightwater Gazette\n"
        + "Home\nNews\nSport\nSubscribe\nSign in\n"
        + "Floating library reopens next week\n"
        + "March 7, 2025\n"
        + article + "\n"
        + "Town hall votes on parking fees\n"
        + "Tuesday March 4, 2025\n"
        + "The council voted on Tuesday to double the parking fees for visitors during the summer months, after a long"
        + " debate in which shopkeepers warned that fewer day trippers would come and residents asked for more room.\n"
        + "Storm warning for the islands\n"
        + "Monday March 3, 2025\n"
        + "Ferries between the islands were cancelled for the weekend as the winds picked up faster than forecast on"
        + " Friday, and the harbour master asked owners of small boats to move them to the inner basin before dark.\n";
    Extracted e = clean(page);
    assertEquals(article, e.body());
  }

  @Test
  void imageCreditsSeeMoreLinksAndDontMissListsAreChrome() {
    String first = "The harbour barge that became a library last winter will reopen next week after repairs to its deck and"
        + " roof, the council said on Friday, and the mobile reading rooms that stood in for it will go back to the villages.";
    String second = "The council said the works cost less than expected, and volunteers painted the reading room over the"
        + " weekend, while a local carpenter built new shelves for the children's corner from timber given by the boatyard.";
    String last = "Opening hours stay the same, from ten in the morning until eight in the evening, every day except"
        + " Monday, and the librarians will hold a reading for children on the first Saturday after the barge reopens.";
    String page = "Floating library reopens next week\n"
        + "Home\nNews\nSport\nSubscribe\nSign in\n"
        + "Floating library reopens next week\n"
        + first + "\n"
        + "Volunteers painted the reading room over the weekend (Image: GETTY )\n"
        + "SEE MORE: Harbour town council votes to double parking fees for visitors\n"
        + second + "\n"
        + "DON'T MISS\n"
        + "Storm warning: ferries between the islands cancelled for the weekend [VIDEO]\n"
        + "Town hall votes on parking fees for visitors in the summer months [INSIGHT]\n"
        + last + "\n"
        + "Home\nNews\nSport\nAll News\nSupport Us\n";
    assertEquals(first + "\n\n" + second + "\n\n" + last, clean(page).body());
  }

  @Test
  void aCountedCommentThreadEndsTheArticle() {
    String article = """
        The harbour barge that became a library last winter will reopen next week after repairs to its deck and roof, the council said on Friday.

        The council said the works cost less than expected, and volunteers painted the reading room over the weekend before the shelves went back.""";
    String page = "Floating library reopens next week\n"
        + "Home\nNews\nSport\nSubscribe\n"
        + "Floating library reopens next week\n"
        + article + "\n"
        + "12 thoughts on “Floating library reopens next week”\n"
        + "I went there with my children last winter and we loved every minute of it, the staff were kind and the books were good, and we will go back.\n"
        + "Same here, it was the best thing the council has done in years and I hope they keep it open all year round now that the roof is fixed.\n"
        + "My grandmother worked on that barge when it still carried coal, and she would have been glad to see it full of books and children again.\n";
    assertEquals(article, clean(page).body());
  }

  @Test
  void hugeInputsCostLinearTime() {
    String paragraph = "A sentence of the article that repeats itself again and again, as scrapers sometimes leave it. ";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(i).append(' ').append(paragraph.repeat(2)).append('\n');
    }
    text.append("2024-".repeat(100_000));
    assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> clean(text.toString()));
  }

  @Test
  void bylineNamesMustLookLikeNames() {
    assertEquals(List.of("Jane Roe", "John van Doe"), Byline.names("Jane Roe and John van Doe"));
    assertEquals(List.of("Іван Петренко", "Марія Коваль"), Byline.names("Іван Петренко, Марія Коваль"));
    assertEquals(List.of(), Byline.names("the editorial team"));
  }

  @Test
  void turkishCapitalDottedIDoesNotBreakTheLines() {
    // "İ" lower-cases to two characters: words must be found in the text, not its lower-cased copy
    Extracted e = clean("İstanbul'da İlçe Belediyesi yeni kütüphane açtı\n\n"
        + "İzmir ve İstanbul belediyeleri, kış boyunca açık kalacak yüzen bir kütüphane için anlaştı. "
        + "İlk kitaplar Pazartesi günü geldi ve çocuklar için okuma saatleri başladı. İZMİR İÇİN İYİ İŞ");
    assertEquals("İstanbul'da İlçe Belediyesi yeni kütüphane açtı", e.title());
    assertTrue(e.body().startsWith("İzmir ve İstanbul"), e.body());
  }
  @Test
  void aHeadlineAloneIsTheTitleOfABodylessArticle() {
    Extracted flash = CLEANER.extract(SourceDocument.text("t", "14:25 Storm closes every port on the northern coast\n"));
    assertEquals("Storm closes every port on the northern coast", flash.title());
    assertEquals("", flash.body());
    assertTrue(flash.bodyless());
    String sentence = "The council met on Monday and, after a debate that lasted well into the night, approved the new "
        + "bus routes, the budget for the harbour and the repair of the two bridges that have been closed since the "
        + "floods of last spring, and it will meet again in a month to hear the residents of the old town, the mayor said.";
    Extracted brief = CLEANER.extract(SourceDocument.text("t", sentence));
    assertEquals(sentence, brief.body(), "a line longer than any headline is a body");
    assertFalse(brief.bodyless());
  }

  @Test
  void aTextOfChromeAloneKeepsItsFirstLineAsTitle() {
    Extracted e = CLEANER.extract(SourceDocument.text("t", "Home\nNews\nSport\nWeather\nContact us\n"));
    assertEquals("Home", e.title());
    assertTrue(e.bodyless());
  }
}
