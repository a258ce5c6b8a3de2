package org.kronika.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kronika.model.Article;

/** The escaping helper and the article renderer, on records built here. */
class HtmlTest {
  @Test
  void escapesTextAndAttributes() {
    String html = new Html().open("a", "href", "/x\" onclick=\"evil()", "title", "<b>'")
        .text("<script>alert('x')</script> & onerror=").close("a").toString();
    assertEquals("<a href=\"/x&quot; onclick=&quot;evil()\" title=\"&lt;b&gt;&#39;\">"
        + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; onerror=</a>", html);
  }

  @Test
  void onlyPlainWebLinksLeaveTheSite() {
    assertEquals("https://example.org/a?b=1", Html.externalUrl("https://example.org/a?b=1"));
    assertNull(Html.externalUrl("javascript:alert(1)"));
    assertNull(Html.externalUrl("data:text/html,<script>"));
    assertNull(Html.externalUrl("/etc/passwd"));
    assertEquals("/entity/a%2Fb%20c", Html.path("entity", "a/b c"));
  }

  @Test
  void articleTextLinksEntitiesAndMarksQuotes() {
    Article a = article("Зеленський заявив: «Нам потрібне запрошення до НАТО». Рютте відповів.\n\nЗеленського підтримали.",
        List.of(new Article.EntityMention("Q1", "Volodymyr Zelenskyy", "PER", List.of("Зеленський", "Зеленського")),
            new Article.EntityMention("Q2", "NATO", "ORG", List.of("НАТО"))),
        List.of(new Article.Quote("Нам потрібне запрошення до НАТО", new Article.Speaker("Q1", "Volodymyr Zelenskyy"))));
    Html h = new Html();
    ArticleText.render(a, h);
    String html = h.toString();
    assertTrue(html.startsWith("<p><a href=\"/entity/Q1\" class=\"entity PER\" title=\"Volodymyr Zelenskyy (PER)\">Зеленський</a>"), html);
    assertTrue(html.contains("<q class=\"quote\">Нам потрібне запрошення до <a href=\"/entity/Q2\""), html);
    assertTrue(html.contains("</q> <a href=\"/entity/Q1\" class=\"speaker\">— Volodymyr Zelenskyy</a>"), html);
    assertTrue(html.contains("</p>\n<p><a href=\"/entity/Q1\" class=\"entity PER\" title=\"Volodymyr Zelenskyy (PER)\">Зеленського</a>"), html);
  }

  @Test
  void hostileEntitiesAndQuotesStayText() {
    Article a = article("Said <img src=x onerror=alert(1)> then \"<script>x()</script>\" to <b>Bob</b>.",
        List.of(new Article.EntityMention("\"><script>", "<b>Bob</b>", "PER\" onmouseover=\"x", List.of("<b>Bob</b>"))),
        List.of(new Article.Quote("<script>x()</script>", new Article.Speaker("id", "<i>Bob</i>"))));
    String html = Pages.article(null, a);
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("<b>Bob"), html);
    assertFalse(html.contains("\" onmouseover"), html);
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assertTrue(html.contains("href=\"/entity/%22%3E%3Cscript%3E\""), html);
  }

  private static Article article(String body, List<Article.EntityMention> entities, List<Article.Quote> quotes) {
    return new Article("a1", "test", null, "uk", LocalDate.of(2024, 12, 2), "<title>", List.of(), body, entities, quotes,
        null, List.of(), "h", false, false, null);
  }
}
