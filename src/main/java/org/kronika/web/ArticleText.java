package org.kronika.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kronika.model.Article;

/**
 * An article's clean text as HTML: one paragraph per blank-line-separated block, every
 * mention of an entity linked to its page, every quote marked with its speaker. Mentions
 * are found as whole words; where two overlap the earlier, then longer, wins; a mention
 * straddling a quote's edge is left plain. Linear in the text times the mentions. Stateless.
 */
final class ArticleText {
  private ArticleText() {}

  private record Span(int start, int end, Article.EntityMention entity, Article.Quote quote) {
    boolean overlaps(Span o) {
      return start < o.end && o.start < end;
    }

    boolean inside(Span o) {
      return start >= o.start && end <= o.end;
    }
  }

  /** Writes the body of {@code article} into {@code h}. */
  static void render(Article article, Html h) {
    for (String paragraph : article.body().split("\\n\\s*\\n")) {
      if (paragraph.isBlank()) {
        continue;
      }
      h.raw("<p>");
      paragraph(paragraph.strip(), article, h);
      h.raw("</p>\n");
    }
  }

  private static void paragraph(String p, Article article, Html h) {
    List<Span> quotes = new ArrayList<>();
    for (Article.Quote q : article.quotes()) {
      String text = q.text() == null ? "" : q.text().strip();
      for (int at = text.isEmpty() ? -1 : p.indexOf(text); at >= 0; at = p.indexOf(text, at + text.length())) {
        quotes.add(new Span(at, at + text.length(), null, q));
      }
    }
    quotes = nonOverlapping(quotes);
    List<Span> names = new ArrayList<>();
    for (Article.EntityMention e : article.entities()) {
      List<String> forms = new ArrayList<>(e.mentions());
      if (e.name() != null) {
        forms.add(e.name());
      }
      for (String form : forms) {
        if (form == null || form.isBlank()) {
          continue;
        }
        for (int at = p.indexOf(form); at >= 0; at = p.indexOf(form, at + 1)) {
          int end = at + form.length();
          if (boundary(p, at - 1) && boundary(p, end)) {
            names.add(new Span(at, end, e, null));
          }
        }
      }
    }
    List<Span> kept = new ArrayList<>();
    for (Span n : nonOverlapping(names)) {
      if (quotes.stream().allMatch(q -> !q.overlaps(n) || n.inside(q))) {
        kept.add(n);
      }
    }
    int at = 0;
    for (Span q : quotes) {
      names(p, at, q.start, kept, h);
      h.open("q", "class", "quote");
      names(p, q.start, q.end, kept, h);
      h.close("q");
      Article.Speaker speaker = q.quote.speaker();
      if (speaker != null && speaker.name() != null) {
        h.raw(" ");
        if (speaker.id() != null) {
          h.link(Html.path("entity", speaker.id()), "— " + speaker.name(), "class", "speaker");
        } else {
          h.element("span", "— " + speaker.name(), "class", "speaker");
        }
      }
      at = q.end;
    }
    names(p, at, p.length(), kept, h);
  }

  /** Text from {@code start} to {@code end} with the entity spans inside it linked. */
  private static void names(String p, int start, int end, List<Span> names, Html h) {
    int at = start;
    for (Span n : names) {
      if (n.start >= start && n.end <= end) {
        h.text(p.substring(at, n.start));
        String type = n.entity.type() == null ? "MISC" : n.entity.type();
        h.link(Html.path("entity", n.entity.id()), p.substring(n.start, n.end),
            "class", "entity " + type, "title", n.entity.name() + " (" + type + ")");
        at = n.end;
      }
    }
    h.text(p.substring(at, end));
  }

  private static List<Span> nonOverlapping(List<Span> spans) {
    spans.sort(Comparator.comparingInt(Span::start).thenComparing(s -> -(s.end - s.start)));
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      if (out.isEmpty() || !out.get(out.size() - 1).overlaps(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean boundary(String p, int i) {
    return i < 0 || i >= p.length() || !Character.isLetterOrDigit(p.charAt(i));
  }
}
