package org.kronika.web;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Atom feeds of a story, a storyline, an entity and a search, so that any feed reader follows
 * them as they grow: one entry per article, newest first, at most {@value #ENTRIES}. Entry ids
 * ({@code urn:kronika:article:ID}) and updated times (the article's date, else its story's
 * last day) depend on the article alone, so a reader shows each article once, however often
 * the feed is read. Written with ROME, which escapes what the articles hold. Stateless; thread-safe.
 */
final class Feeds {
  /** Entries per feed: the newest articles. */
  static final int ENTRIES = 50;

  static final String TYPE = "application/atom+xml; charset=utf-8";

  private Feeds() {}

  /** A feed: its id (a URN), title, its page's and its own address on this server, and its articles (any order). */
  record Source(String id, String title, String page, String feed, List<Catalog.Summary> articles) {}

  /** The address of the feed of a story, storyline or entity page. */
  static String path(String kind, String id) {
    return Html.path("feeds", kind, id + ".atom");
  }

  /** Renders a feed; {@code base} is this server's address as the client reached it (http://host:port). */
  static String render(Catalog c, Source source, String base) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setUri(source.id());
    feed.setTitle(source.title() + " · Kronika");
    feed.setLinks(List.of(link(base + source.page(), "alternate", "text/html"), link(base + source.feed(), "self", null)));
    List<Catalog.Summary> newest = source.articles().stream()
        .sorted(Comparator.comparing((Catalog.Summary a) -> updated(c, a)).reversed()
            .thenComparing(Catalog.Summary::id))
        .limit(ENTRIES).toList();
    List<SyndEntry> entries = new ArrayList<>();
    for (Catalog.Summary a : newest) {
      SyndEntry e = new SyndEntryImpl();
      e.setUri("urn:kronika:article:" + a.id());
      e.setTitle(a.headline());
      String page = base + Html.path("article", a.id());
      String original = a.url() != null ? a.url() : page;
      e.setLink(original);
      e.setLinks(List.of(link(original, "alternate", null), link(page, "related", "text/html")));
      Date when = Date.from(updated(c, a).atStartOfDay(ZoneOffset.UTC).toInstant());
      e.setUpdatedDate(when);
      e.setPublishedDate(a.date() == null ? null : when);
      SyndContentImpl summary = new SyndContentImpl();
      summary.setType("text");
      summary.setValue(a.lead());
      e.setDescription(summary);
      SyndCategoryImpl lang = new SyndCategoryImpl();
      lang.setName(a.lang());
      e.setCategories(List.of(lang));
      entries.add(e);
    }
    feed.setEntries(entries);
    feed.setPublishedDate(Date.from((newest.isEmpty() ? LocalDate.EPOCH : updated(c, newest.get(0)))
        .atStartOfDay(ZoneOffset.UTC).toInstant()));
    try {
      return new SyndFeedOutput().outputString(feed);
    } catch (FeedException e) {
      throw new IllegalStateException("ROME could not write a feed", e);
    }
  }

  /** The day an article counts as updated: its date, else its story's last day, else 1970-01-01. */
  private static LocalDate updated(Catalog c, Catalog.Summary a) {
    if (a.date() != null) {
      return a.date();
    }
    Catalog.StoryView story = a.story() == null ? null : c.storyById.get(a.story());
    LocalDate last = story == null ? null : story.story().last();
    return Objects.requireNonNullElse(last, LocalDate.EPOCH);
  }

  private static SyndLink link(String href, String rel, String type) {
    SyndLinkImpl l = new SyndLinkImpl();
    l.setHref(href);
    l.setRel(rel);
    l.setType(type);
    return l;
  }
}
