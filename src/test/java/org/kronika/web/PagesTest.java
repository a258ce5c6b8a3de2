package org.kronika.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.model.Why;

/**
 * Entity, quote, duplicate, translation and storyline rendering on records built here, as
 * the entity and storyline stages will deliver them.
 */
class PagesTest {
  static final Article.EntityMention ZELENSKYY_UK =
      new Article.EntityMention("Q1", "Volodymyr Zelenskyy", "PER", List.of("Зеленський", "Зеленського"));
  static final Article.Speaker SPEAKER = new Article.Speaker("Q1", "Volodymyr Zelenskyy");

  static final Article UK = article("a1", "uk", 2, "Зеленський у Києві", "Зеленський сказав: «Нам потрібне запрошення».",
      List.of(ZELENSKYY_UK), List.of(new Article.Quote("Нам потрібне запрошення", SPEAKER)), "s1", List.of());
  static final Article EN = article("a2", "en", 3, "Zelensky in Kyiv", "Zelensky said: \"We need an invitation\".",
      List.of(new Article.EntityMention("Q1", "Volodymyr Zelenskyy", "PER", List.of("Zelensky"))),
      List.of(new Article.Quote("We need an invitation", SPEAKER)), "s1", List.of(new Article.Duplicate("a1", "translation")));
  static final Article EN_COPY = article("a3", "en", 3, "Zelensky in Kyiv", "Zelensky said: \"We need an invitation\".",
      List.of(), List.of(), "s1", List.of(new Article.Duplicate("a2", "exact")));
  static final Article RU = article("a4", "ru", 1, "Зеленский", "Зеленский сказал: «Раньше было иначе».",
      List.of(new Article.EntityMention("Q1", "Volodymyr Zelenskyy", "PER", List.of("Зеленский"))),
      List.of(new Article.Quote("Раньше было иначе", SPEAKER)), "s2", List.of());

  static Catalog catalog() throws IOException {
    Story s1 = new Story("s1", "Zelensky in Kyiv", List.of("a1", "a2", "a3"), List.of("en", "uk"), day(2), day(3),
        List.of(new Story.EntityRef("Q1", "Volodymyr Zelenskyy")), "line-7",
        new Why(0.31, List.of(new Why.Evidence("name", "Volodymyr Zelenskyy", 0.12))));
    Story s2 = new Story("s2", "Earlier", List.of("a4"), List.of("ru"), day(1), day(1), List.of(), null, null);
    return Catalog.build(1, List.of(UK, EN, EN_COPY, RU)::forEach, () -> List.of(s1, s2));
  }

  @Test
  void entityPageShowsSpellingsStoriesAndQuotesInDateOrder() throws IOException {
    Catalog c = catalog();
    String html = Pages.entity(c, c.entities.get("Q1"), 1);
    assertTrue(html.contains("<th scope=\"row\">Ukrainian</th><td lang=\"uk\">Зеленський, Зеленського</td>"), html);
    assertTrue(html.contains("<td lang=\"en\">Zelensky</td>") && html.contains("<td lang=\"ru\">Зеленский</td>"), html);
    assertOrder(html, "Раньше было иначе", "Нам потрібне запрошення", "We need an invitation");
    assertOrder(html, "/story/s2", "/story/s1");
    assertTrue(html.contains("3 articles · 2 stories · 3 quotes"), html);
    assertTrue(html.contains("Named in stories as: Volodymyr Zelenskyy"), html);
  }

  @Test
  void storyPageFoldsCopiesLinksTranslationsAndShowsTheStoryline() throws IOException {
    Catalog c = catalog();
    String html = Pages.story(c, c.storyById.get("s1"));
    assertTrue(html.contains("Part of storyline <code>line-7</code>"), html);
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
