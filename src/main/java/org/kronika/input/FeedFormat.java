package org.kronika.input;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom feeds, read with ROME. Every item is an article in its own
 * right even when its page is never fetched: its text is the item's full content when the feed
 * carries it, else its summary, with markup reduced to paragraphs; its link, title, date and
 * the feed's language travel as hints. Recognised by the root element; a file named
 * {@code .rss} or {@code .atom} that is not a feed is refused with the parser's reason.
 * Doctypes are refused (no external entities), and so is nesting beyond {@link Limits#maxDepth}. Loads the whole feed (capped like any
 * document). Stateless and thread-safe.
 */
public final class FeedFormat implements InputFormat {
  @Override
  public String name() {
    return "feed";
  }

  @Override
  public boolean accepts(InputFile file) throws IOException {
    String name = file.name();
    if (name.endsWith(".rss") || name.endsWith(".atom")) {
      return true;
    }
    byte[] head = file.head();
    String start = new String(head, 0, Math.min(head.length, 2048), StandardCharsets.ISO_8859_1);
    String trimmed = start.stripLeading();
    return trimmed.startsWith("<") && (start.contains("<rss") || start.contains("<rdf:RDF")
        || start.contains("<feed ") || start.contains("<feed>"));
  }

  @Override
  public void read(InputFile file, InputSink sink) throws IOException {
    List<Item> items = items(file.readAll());
    if (items.isEmpty()) {
      throw new InputException("feed has no items");
    }
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      String source = item.link() != null ? item.link() : file.source() + "#item-" + (i + 1);
      if (item.text().isBlank() && item.title() == null) {
        sink.reject(new Rejection(source, "feed item with neither text nor title"));
        continue;
      }
      sink.accept(item.document(source));
    }
  }

  /**
   * One item of a feed as the feed gives it.
   *
   * @param key      the item's guid (RSS) or id (Atom), else its link, else {@code null}
   * @param text     its full content if the feed carries it, else its summary, as paragraphs
   * @param complete whether {@code text} is the item's full content rather than a summary
   */
  public record Item(String key, String link, String title, LocalDate date, String lang, String text, boolean complete) {
    /** The item as an article of its own, from its text (or title when it has none). */
    public SourceDocument document(String source) {
      return new SourceDocument(source, SourceDocument.Format.TEXT, text.isBlank() ? title : text, link, title, date, lang);
    }
  }

  /**
   * Parses a whole feed (RSS 0.9x, 1.0, 2.0 or Atom; doctypes refused) into its items, in feed
   * order; used by the continuous ingest, which fetches the page of an item that has only a summary.
   *
   * @throws InputException when the bytes are not a feed ROME can read
   */
  public static List<Item> items(byte[] feedBytes) throws IOException {
    XmlDepth.check(feedBytes, Limits.DEFAULTS.maxDepth());
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(feedBytes), true)) {
      feed = new SyndFeedInput().build(reader);
    } catch (FeedException | IllegalArgumentException e) {
      throw new InputException("not a readable RSS or Atom feed: " + Inputs.oneLine(e), e);
    }
    String lang = language(feed.getLanguage());
    List<Item> items = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      String link = blankToNull(entry.getLink());
      String uri = blankToNull(entry.getUri());
      items.add(new Item(uri != null ? uri : link, link, blankToNull(entry.getTitle()), day(entry), lang, text(entry),
          hasContent(entry)));
    }
    return items;
  }

  private static boolean hasContent(SyndEntry entry) {
    return entry.getContents().stream().anyMatch(c -> c.getValue() != null && !c.getValue().isBlank());
  }

  /** The item's full content if the feed carries it, else its summary, as paragraphs. */
  private static String text(SyndEntry entry) {
    StringBuilder content = new StringBuilder();
    for (SyndContent c : entry.getContents()) {
      if (c.getValue() != null) {
        content.append(c.getValue()).append('\n');
      }
    }
    String markup = content.toString();
    if (markup.isBlank() && entry.getDescription() != null && entry.getDescription().getValue() != null) {
      markup = entry.getDescription().getValue();
    }
    return paragraphs(markup);
  }

  /** Markup reduced to its paragraphs, separated by a blank line; plain text kept as is. */
  static String paragraphs(String markup) {
    Element body = Jsoup.parseBodyFragment(markup).body();
    List<String> paragraphs = new ArrayList<>();
    String containers = "p, li, blockquote, pre";
    for (Element block : body.select("p, li, h1, h2, h3, h4, h5, h6, blockquote, pre")) {
      // select() includes the element itself; only innermost blocks are paragraphs
      if (block.select(containers).size() == (block.is(containers) ? 1 : 0)) {
        String t = block.text().strip();
        if (!t.isEmpty()) {
          paragraphs.add(t);
        }
      }
    }
    return paragraphs.isEmpty() ? body.text().strip() : String.join("\n\n", paragraphs);
  }

  private static LocalDate day(SyndEntry entry) {
    Date d = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return d == null ? null : LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC);
  }

  private static String language(String code) {
    if (code == null || code.length() < 2 || !Character.isLetter(code.charAt(0))) {
      return null;
    }
    return code.substring(0, 2).toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
