package org.kronika.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Who said what: the quotes of the whole store, newest first, found by speaker, by the
 * entity they name, by words and by language, each with its speaker, article, story and date.
 * A function of the {@link Catalog}; stateless and thread-safe.
 */
final class QuotePages {
  static final int QUOTES_PER_PAGE = 30;

  private QuotePages() {}

  /**
   * What to look for; {@code null} means any. {@code speaker} is an entity id or words of a
   * speaker's name, {@code about} an entity id, {@code words} words the quote holds (any case).
   */
  record Query(String speaker, String about, String words, String lang) {}

  /** The quotes matching {@code q}, newest first. */
  static List<Catalog.QuoteAt> find(Catalog c, Query q) {
    Catalog.Entity about = q.about() == null ? null : c.entities.get(q.about());
    if (q.about() != null && about == null) {
      throw HttpError.notFound("no entity with id '" + q.about() + "'");
    }
    List<Catalog.QuoteAt> from = c.quotes;
    if (about != null) {
      from = new ArrayList<>(about.quotedAbout());
      java.util.Collections.reverse(from); // kept oldest first for the entity's page
    }
    boolean speakerIsId = q.speaker() != null && c.entities.containsKey(q.speaker());
    String speakerWords = q.speaker() == null ? null : q.speaker().toLowerCase(Locale.ROOT);
    String[] words = q.words() == null ? new String[0] : q.words().toLowerCase(Locale.ROOT).split("\\s+");
    List<Catalog.QuoteAt> out = new ArrayList<>();
    for (Catalog.QuoteAt quote : from) {
      if (q.lang() != null && !q.lang().equals(quote.lang())) {
        continue;
      }
      if (q.speaker() != null && (quote.speaker() == null || (speakerIsId ? !q.speaker().equals(quote.speaker().id())
          : quote.speaker().name() == null || !quote.speaker().name().toLowerCase(Locale.ROOT).contains(speakerWords)))) {
        continue;
      }
      if (words.length > 0 && !containsAll(quote.text().toLowerCase(Locale.ROOT), words)) {
        continue;
      }
      out.add(quote);
    }
    return out;
  }

  private static boolean containsAll(String text, String[] words) {
    for (String w : words) {
      if (!text.contains(w)) {
        return false;
      }
    }
    return true;
  }

  static String render(Catalog c, Query q, int page) {
    List<Catalog.QuoteAt> found = find(c, q);
    Catalog.Entity about = q.about() == null ? null : c.entities.get(q.about());
    Catalog.Entity speaker = q.speaker() == null ? null : c.entities.get(q.speaker());
    String heading = speaker != null ? "Quotes of " + speaker.name() : about != null ? "Quotes about " + about.name() : "Who said what";
    Html h = Pages.start(heading, null);
    h.element("h1", heading);
    h.raw("<form class=\"filters\" action=\"/quotes\" method=\"get\">");
    h.element("label", "Speaker", "for", "speaker")
        .open("input", "id", "speaker", "name", "speaker", "type", "search", "value", speaker != null ? speaker.id() : q.speaker());
    h.element("label", "Words", "for", "words").open("input", "id", "words", "name", "q", "type", "search", "value", q.words());
    h.element("label", "Language", "for", "lang").open("select", "id", "lang", "name", "lang");
    h.element("option", "Any", "value", "");
    TreeSet<String> langs = new TreeSet<>();
    c.quotes.forEach(quote -> langs.add(quote.lang()));
    for (String lang : langs) {
      h.element("option", Pages.language(lang), "value", lang, "selected", lang.equals(q.lang()) ? "selected" : null);
    }
    h.close("select");
    if (about != null) {
      h.open("input", "type", "hidden", "name", "about", "value", about.id());
    }
    h.raw("<button type=\"submit\">Find quotes</button></form>\n");
    h.element("p", found.size() + (found.size() == 1 ? " quote" : " quotes") + " of " + c.quotes.size() + ", newest first.",
        "class", "meta", "role", "status");
    h.raw("<ol class=\"quotes\">\n");
    for (Catalog.QuoteAt quote : Pages.slice(found, page, QUOTES_PER_PAGE)) {
      h.raw("<li>");
      quote(c, quote, true, true, h);
      h.raw("</li>\n");
    }
    h.raw("</ol>\n");
    StringBuilder base = new StringBuilder("/quotes?");
    append(base, "speaker", q.speaker());
    append(base, "about", q.about());
    append(base, "q", q.words());
    append(base, "lang", q.lang());
    Pages.pager(h, base.toString(), page, found.size(), QUOTES_PER_PAGE);
    return Pages.end(h);
  }

  private static void append(StringBuilder url, String name, String value) {
    if (value != null) {
      url.append(name).append('=').append(Html.encode(value)).append('&');
    }
  }

  /** One quote: its words, then who said it, when, and the article (and story) it is from. */
  static void quote(Catalog c, Catalog.QuoteAt q, boolean showSpeaker, boolean showStory, Html h) {
    h.open("blockquote", "lang", q.lang()).text(q.text()).close("blockquote").open("p", "class", "meta");
    if (showSpeaker) {
      if (q.speaker() == null || q.speaker().name() == null) {
        h.text("Unattributed");
      } else if (q.speaker().id() != null && c.entities.containsKey(q.speaker().id())) {
        h.text("— ").link(Html.path("entity", q.speaker().id()), q.speaker().name(), "class", "speaker-link");
      } else {
        h.text("— " + q.speaker().name());
      }
      h.text(" · ");
    }
    Pages.date(q.date(), h);
    Catalog.Summary article = c.articleById.get(q.article());
    h.text(" · " + q.lang() + " · ").link(Html.path("article", q.article()), article == null ? "in context" : article.headline());
    Catalog.StoryView story = q.story() == null ? null : c.storyById.get(q.story());
    if (showStory && story != null) {
      h.text(" · story: ").link(Html.path("story", q.story()), story.title());
    }
    h.close("p");
  }
}
