package org.kronika.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.model.Storyline;
import org.kronika.model.Why;

/**
 * Entity, quote, duplicate, translation, storyline and untitled-article rendering on records
 * built here, as the entity and storyline stages deliver them.
 */
class PagesTest {
  static final Article.EntityMention ZELENSKYY_UK =
      new Article.EntityMention("Q1", "Volodymyr Zelenskyy", "PER", List.of("Зеленський", "Зеленського"));
  static final Article.Speaker SPEAKER = new Article.Speaker("Q1", "Volodymyr Zelenskyy");
  static final Article.Speaker RUTTE = new Article.Speaker("Q2", "Mark <b>Rutte</b>");

  static final Article UK = article("a1", "uk", 2, "Зеленський у Києві", "Зеленський сказав: «Нам потрібне запрошення».",
      List.of(ZELENSKYY_UK, new Article.EntityMention("Q2", "Mark <b>Rutte</b>", "PER", List.of("Рютте"))),
      List.of(new Article.Quote("Нам потрібне запрошення", SPEAKER), new Article.Quote("Зеленський має рацію", RUTTE)),
      "s1", List.of());
  static final Article EN = article("a2", "en", 3, "Zelensky in Kyiv", "Zelensky said: \"We need an invitation\".",
      List.of(new Article.EntityMention("Q1", "Volodymyr Zelenskyy", "PER", List.of("Zelensky")),
          new Article.EntityMention("Q2", "Mark <b>Rutte</b>", "PER", List.of("Rutte"))),
      List.of(new Article.Quote("We need an invitation", SPEAKER)), "s1", List.of(new Article.Duplicate("a1", "translation")));
  static final Article EN_COPY = article("a3", "en", 3, "Zelensky in Kyiv", "Zelensky said: \"We need an invitation\".",
      List.of(), List.of(), "s1", List.of(new Article.Duplicate("a2", "exact")));
  static final Article RU = article("a4", "ru", 1, "Зеленский", "Зеленский сказал: «Раньше было иначе».",
      List.of(new Article.EntityMention("Q1", "Volodymyr Zelenskyy", "PER", List.of("Зеленский"))),
      List.of(new Article.Quote("Раньше было иначе", SPEAKER)), "s2", List.of());
  /** No headline: lists show the opening of its lead. */
  static final Article UNTITLED = article("a5", "ru", 1, " ", "Без заголовка   утром в Киеве прошла встреча. " + "Дальше ".repeat(40),
      List.of(), List.of(new Article.Quote("Без комментариев", null)), "s2", List.of());
  static Catalog catalog() throws IOException {
    Story s1 = new Story("s1", "Zelensky in Kyiv", List.of("a1", "a2", "a3"), List.of("en", "uk"), day(2), day(3),
        List.of(new Story.EntityRef("Q1", "Volodymyr Zelenskyy")), "line-7",
        new Why(0.31, List.of(new Why.Evidence("name", "Volodymyr Zelenskyy", 0.12))));
    Story s2 = new Story("s2", "Earlier", List.of("a4", "a5"), List.of("ru"), day(1), day(1), List.of(), "line-7", null);
    Story s3 = new Story("s3", null, List.of("a6"), List.of("en"), day(4), day(4), List.of(), "line-8", null);
    Storyline line7 = new Storyline("line-7", "Zelensky in Kyiv", List.of("s1", "s2"), List.of("a1", "a2", "a3", "a4", "a5"),
        List.of("en", "ru", "uk"), day(1), day(3), List.of(new Story.EntityRef("Q1", "Volodymyr Zelenskyy")));
    Storyline line8 = new Storyline("line-8", null, List.of("s3"), List.of("a6"), List.of("en"), day(4), day(4), List.of());
    return Catalog.build(1, List.of(UK, EN, EN_COPY, RU, UNTITLED, UNTITLED_STORY)::forEach, () -> List.of(s1, s2, s3),
        () -> List.of(line7, line8));
  }

  /** Alone in an untitled story and storyline, which take its opening too. */
  static final Article UNTITLED_STORY = article("a6", "en", 4, null, "Ferry <i>resumes</i> in Odesa after a week.", List.of(),
      List.of(), "s3", List.of());

  @Test
  void entityPageShowsSpellingsStoriesAndQuotesInDateOrder() throws IOException {
    Catalog c = catalog();
    String html = EntityPage.render(c, c.entities.get("Q1"), 1);
    assertTrue(html.contains("<th scope=\"row\">Ukrainian</th><td lang=\"uk\">Зеленський, Зеленського</td>"), html);
    assertTrue(html.contains("<td lang=\"en\">Zelensky</td>") && html.contains("<td lang=\"ru\">Зеленский</td>"), html);
    assertOrder(html, "Раньше было иначе", "Нам потрібне запрошення", "We need an invitation");
    assertOrder(html, "/story/s2", "/story/s1");
    assertTrue(html.contains("3 articles · 2 stories · 3 quotes"), html);
    assertTrue(html.contains("Named in stories as: Volodymyr Zelenskyy"), html);
    assertTrue(html.contains("<li><a href=\"/entity/Q2\">Mark &lt;b&gt;Rutte&lt;/b&gt;</a> · 2 articles together, in en, uk"
        + "<br><span class=\"meta\">Shared stories: </span><a href=\"/story/s1\">Zelensky in Kyiv</a></li>"), html);
    assertOrder(html, "What Volodymyr Zelenskyy said", "<h3><a href=\"/story/s2\">Earlier</a></h3>", "Раньше было иначе",
        "<h3><a href=\"/story/s1\">Zelensky in Kyiv</a></h3>", "Нам потрібне запрошення", "We need an invitation",
        "What was said about Volodymyr Zelenskyy", "<h3><a href=\"/story/s1\">", "Зеленський має рацію",
        "— <a href=\"/entity/Q2\" class=\"speaker-link\">Mark &lt;b&gt;Rutte&lt;/b&gt;</a>");
  }

  @Test
  void storylinePageShowsItsStoriesInOrderTimelineAndEntities() throws IOException {
    Catalog c = catalog();
    String html = StorylinePages.page(c, c.storylineById.get("line-7"));
    assertTrue(html.contains("<h1>Zelensky in Kyiv</h1>"), html);
    assertTrue(html.contains("2 stories · 5 articles · 1 source · en, ru, uk · 2024-12-01 – 2024-12-03"), html);
    assertTrue(html.contains("Languages: English, Russian, Ukrainian"), html);
    assertOrder(html, "<svg class=\"timeline\" role=\"img\"", "<title id=\"storyline-chart-title\">Articles per day, "
        + "1 Dec 2024 to 3 Dec 2024</title>", "<title>2024-12-01: 2 (ru 2)</title>", "<title>2024-12-02: 1 (uk 1)</title>",
        "<title>2024-12-03: 2 (en 2)</title>", ">1 Dec 2024</text>", ">3 Dec 2024</text>", "</svg>",
        "<ul class=\"legend\"", "English", "Russian", "Ukrainian", "<table>");
    assertOrder(html, "Its stories, in order", "/story/s2", "/story/s1", "Who it is about, over time");
    assertTrue(html.contains("<th scope=\"row\"><a href=\"/entity/Q1\">Volodymyr Zelenskyy</a></th>"), html);
    String list = StorylinePages.list(c, 1);
    assertOrder(list, "/storyline/line-7", "Latest story: <a href=\"/story/s1\">", "/storyline/line-8");
  }

  @Test
  void untitledArticlesStoriesAndStorylinesShowTheOpeningOfTheLead() throws IOException {
    Catalog c = catalog();
    assertTrue(Pages.story(c, c.storyById.get("s2")).contains(">Без заголовка утром в Киеве прошла встреча. Дальше Дальше"));
    assertFalse(Pages.story(c, c.storyById.get("s2")).contains("(untitled)"));
    String line = StorylinePages.list(c, 1);
    assertTrue(line.contains("<a href=\"/storyline/line-8\">Ferry &lt;i&gt;resumes&lt;/i&gt; in Odesa after a week.</a>"), line);
    assertTrue(Pages.article(c, UNTITLED).contains("<h1 lang=\"ru\">Без заголовка утром в Киеве прошла встреча."));
  }

  @Test
  void quotesAreFoundBySpeakerWordsAndLanguage() throws IOException {
    Catalog c = catalog();
    assertEquals(List.of("We need an invitation", "Нам потрібне запрошення", "Раньше было иначе"),
        texts(QuotePages.find(c, new QuotePages.Query("Q1", null, null, null))));
    assertEquals(List.of("Зеленський має рацію"), texts(QuotePages.find(c, new QuotePages.Query("rutte", null, null, null))));
    assertEquals(List.of("Нам потрібне запрошення"), texts(QuotePages.find(c, new QuotePages.Query(null, null, "ПОТРІБНЕ", "uk"))));
    assertEquals(List.of("Зеленський має рацію"), texts(QuotePages.find(c, new QuotePages.Query(null, "Q1", null, null))));
    assertEquals(5, QuotePages.find(c, new QuotePages.Query(null, null, null, null)).size());
    String html = QuotePages.render(c, new QuotePages.Query(null, null, "рацію", null), 1);
    assertTrue(html.contains("<blockquote lang=\"uk\">Зеленський має рацію</blockquote><p class=\"meta\">— "
        + "<a href=\"/entity/Q2\" class=\"speaker-link\">Mark &lt;b&gt;Rutte&lt;/b&gt;</a> · <time datetime=\"2024-12-02\">"
        + "2024-12-02</time> · uk · <a href=\"/article/a1\">Зеленський у Києві</a> · story: "
        + "<a href=\"/story/s1\">Zelensky in Kyiv</a></p>"), html);
    assertTrue(QuotePages.render(c, new QuotePages.Query(null, null, "комментариев", null), 1).contains("Unattributed"));
  }

  private static List<String> texts(List<Catalog.QuoteAt> quotes) {
    return quotes.stream().map(Catalog.QuoteAt::text).toList();
  }

  @Test
  void storyPageFoldsCopiesLinksTranslationsAndShowsTheStoryline() throws IOException {
    Catalog c = catalog();
    String html = Pages.story(c, c.storyById.get("s1"));
    assertTrue(html.contains("Part of the storyline <a href=\"/storyline/line-7\">Zelensky in Kyiv</a> (2 stories, "
        + "2024-12-01 – 2024-12-03)"), html);
    assertTrue(html.contains("<details><summary>1 copy from other sources</summary><ul><li><h3><a href=\"/article/a3\""), html);
    assertTrue(html.contains("Translations: <a href=\"/article/a2\">Zelensky in Kyiv [en]</a>"), html);
    assertTrue(html.contains("Translations: <a href=\"/article/a1\">Зеленський у Києві [uk]</a>"), html);
  }

  @Test
  void storyAndArticlePagesSayWhyHereEscaped() throws IOException {
    Catalog c = catalog();
    String story = Pages.story(c, c.storyById.get("s1"));
    assertTrue(story.contains("<p class=\"why\"><strong>Why here?</strong> Similarity to the storyline 0.31; shared: "
        + "name <q>Volodymyr Zelenskyy</q> 0.12</p>"), story);
    assertTrue(story.contains("<strong>Why here?</strong> Similarity to the story 0.42; shared: name <q>Kyiv &lt;b&gt;</q> "
        + "0.20, number <q>2024</q> 0.05, key <q>zlnsk</q> 0.04</p>"), story);
    assertFalse(story.contains("invitation</q>"), "a list shows the strongest three");
    assertTrue(Pages.article(c, EN).contains("<strong>Why here?</strong> Similarity to the story 0.42"));
    assertTrue(Pages.article(c, EN).contains("word <q>invitation</q> 0.03"), "the article's page shows all");
    assertFalse(Pages.article(c, UK).contains("Why here?"), "the story's first article has no why");
  }

  @Test
  void articlePageLinksEntitiesAndMarksQuotes() throws IOException {
    String html = Pages.article(catalog(), UK);
    assertTrue(html.contains("<a href=\"/entity/Q1\" class=\"entity PER\" title=\"Volodymyr Zelenskyy (PER)\">Зеленський</a>"), html);
    assertTrue(html.contains("<q class=\"quote\">Нам потрібне запрошення</q>"), html);
    assertTrue(html.contains("Story: <a href=\"/story/s1\">Zelensky in Kyiv</a>"), html);
  }

  private static void assertOrder(String html, String... parts) {
    int at = -1;
    for (String p : parts) {
      int i = html.indexOf(p, at + 1);
      assertTrue(i > at, p + " out of order in " + html);
      at = i;
    }
  }

  private static LocalDate day(int d) {
    return LocalDate.of(2024, 12, d);
  }

  private static Article article(String id, String lang, int day, String title, String body,
                                 List<Article.EntityMention> entities, List<Article.Quote> quotes, String story,
                                 List<Article.Duplicate> duplicates) {
    return new Article(id, "https://news.example/" + id, null, lang, day(day), title, List.of(), body, entities, quotes,
        story, duplicates, id, false, false, story == null || id.equals("a1") ? null
        : new Why(0.42, List.of(new Why.Evidence("name", "Kyiv <b>", 0.2), new Why.Evidence("number", "2024", 0.05),
            new Why.Evidence("key", "zlnsk", 0.04), new Why.Evidence("word", "invitation", 0.03))));
  }
}
