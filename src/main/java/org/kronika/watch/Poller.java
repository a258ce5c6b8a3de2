package org.kronika.watch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.kronika.extract.html.HtmlExtractor;
import org.kronika.input.FeedFormat;
import org.kronika.input.HtmlFormat;
import org.kronika.input.InputException;
import org.kronika.input.InputSink;
import org.kronika.input.Inputs;
import org.kronika.input.Limits;
import org.kronika.input.SourceDocument;
import org.kronika.internal.Hashes;

/**
 * One poll of one source: fetches it (conditionally), tells what it is (feed, sitemap, home
 * page, folder) and returns its new items as documents ready for the pipeline, without
 * touching the store or the source's state (the watcher applies the result once the items are
 * committed). Never throws: a fault becomes the result's error. Thread-safe for different sources.
 */
final class Poller {
  /** Files whose size and time did not change for this long are taken as complete. */
  static final long FOLDER_SETTLE_MILLIS = 2000;
  /** Sitemaps taken from one index, feeds taken from one home page, at most. */
  private static final int MAX_DISCOVERED = 50;
  private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

  /** A new item: its key (remembered once committed) and how to read its documents. */
  record Item(String key, String source, Consumer<InputSink> read) {}

  /** A line for the log about one poll; a {@code refusal} is the address policy's, kept in the source's health too. */
  record Note(String text, boolean refusal) {
    Note(String text) {
      this(text, false);
    }

    /** A note of a failed fetch, after {@code what}. */
    static Note of(String what, FetchException e) {
      return new Note(what + e.getMessage(), e.refusal);
    }
  }

  /** What one poll found. {@code error} is {@code null} on success. */
  record Result(SourceState state, String kind, boolean notModified, String etag, String lastModified,
                List<Item> items, List<String> skipped, List<String> discovered, List<Note> notes,
                FetchException error) {
    static Result failed(SourceState state, FetchException error) {
      return new Result(state, state.kind, false, null, null, List.of(), List.of(), List.of(), List.of(), error);
    }
  }

  private final Fetcher fetcher;
  private final WatchOptions options;
  private final HtmlExtractor extractor = new HtmlExtractor();
  private final Inputs inputs = Inputs.standard();
  /** Per folder source: each file's size and time at the previous scan. */
  private final Map<String, Map<Path, String>> lastScan = new ConcurrentHashMap<>();

  Poller(Fetcher fetcher, WatchOptions options) {
    this.fetcher = fetcher;
    this.options = options;
  }

  Result poll(SourceState s) {
    try {
      if ("folder".equals(s.kind)) {
        return folder(s);
      }
      Fetcher.Response r = fetcher.get(URI.create(s.source), s.etag, s.lastModified);
      if (r.notModified()) {
        return new Result(s, s.kind, true, s.etag, s.lastModified, List.of(), List.of(), List.of(), List.of(), null);
      }
      String kind = kind(r);
      return switch (kind) {
        case "feed" -> feed(s, r);
        case "sitemap" -> sitemap(s, r);
        case "page" -> homePage(s, r);
        default -> throw new FetchException("neither a feed, a sitemap nor an HTML page (Content-Type "
            + r.contentType() + ")", true);
      };
    } catch (FetchException e) {
      return Result.failed(s, e);
    } catch (InputException e) {
      return Result.failed(s, new FetchException(e.getMessage(), true));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.failed(s, new FetchException("interrupted", false));
    } catch (IOException | RuntimeException e) {
      return Result.failed(s, new FetchException("failed: " + e, false));
    } catch (StackOverflowError | OutOfMemoryError e) {
      return Result.failed(s, new FetchException(Inputs.tooBig(e), false));
    }
  }

  /** What the body is, from its first bytes: {@code feed}, {@code sitemap}, {@code page} or {@code unknown}. */
  private static String kind(Fetcher.Response r) {
    byte[] b = r.body();
    String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
    if (head.contains("<rss") || head.contains("<rdf:RDF") || head.contains("<feed ") || head.contains("<feed>")) {
      return "feed";
    }
    if (Sitemaps.looksLike(head)) {
      return "sitemap";
    }
    if (HtmlFormat.looksLikeHtml(b)) {
      return "page";
    }
    return "unknown";
  }

  private Result feed(SourceState s, Fetcher.Response r) throws IOException, InterruptedException {
    List<FeedFormat.Item> entries = FeedFormat.items(r.body());
    List<Item> items = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    boolean capped = false;
    int empty = 0;
    for (FeedFormat.Item e : entries) {
      String key = e.key() != null ? e.key() : "item:" + Hashes.of(e.title(), e.text());
      if (s.seen(key) || !keys.add(key)) {
        continue;
      }
      if (e.text().isBlank() && e.title() == null) {
        skipped.add(key);
        if (++empty <= Limits.DEFAULTS.maxRejectionsShown()) {
          notes.add(new Note("item " + key + " has neither text nor title"));
        }
        continue;
      }
      if (items.size() >= options.maxItemsPerPoll()) {
        capped = true;
        break;
      }
      String source = e.link() != null ? e.link() : s.source + "#" + key;
      SourceDocument doc = e.document(source);
      if (!e.complete() && e.link() != null && e.link().matches("(?i)https?://.+")) {
        doc = articlePage(e, doc, notes);
      }
      SourceDocument taken = doc;
      items.add(new Item(key, taken.source(), sink -> sink.accept(taken)));
    }
    if (empty > Limits.DEFAULTS.maxRejectionsShown()) {
      notes.add(new Note((empty - Limits.DEFAULTS.maxRejectionsShown()) + " more items with neither text nor title not listed"));
    }
    return taken(s, "feed", r, capped, items, skipped, notes);
  }

  /**
   * The article page of a feed item that carries only a summary; the summary itself when the
   * page cannot be fetched or holds no article text (at least as long as the summary).
   */
  private SourceDocument articlePage(FeedFormat.Item e, SourceDocument summary, List<Note> notes)
      throws InterruptedException {
    try {
      Fetcher.Response page = fetcher.get(URI.create(e.link()), null, null);
      if (!HtmlFormat.looksLikeHtml(page.body())) {
        notes.add(new Note(e.link() + ": not an HTML page; kept the feed's summary"));
        return summary;
      }
      SourceDocument doc = new SourceDocument(e.link(), SourceDocument.Format.HTML,
          HtmlFormat.decode(page.body(), charset(page.contentType())), e.link(), e.title(), e.date(), e.lang());
      String body = extractor.extract(doc).body();
      if (body.isBlank() || body.length() < Math.min(summary.content().length(), 200)) {
        notes.add(new Note(e.link() + ": the page is not an article; kept the feed's summary"));
        return summary;
      }
      return doc;
    } catch (FetchException ex) {
      notes.add(new Note(e.link() + ": " + ex.getMessage() + "; kept the feed's summary", ex.refusal));
      return summary;
    } catch (InputException | IllegalArgumentException ex) {
      notes.add(new Note(e.link() + ": " + ex.getMessage() + "; kept the feed's summary"));
      return summary;
    }
  }

  private Result sitemap(SourceState s, Fetcher.Response r) throws InterruptedException, IOException {
    Sitemaps.Sitemap map = Sitemaps.parse(r.body());
    if (map.index()) {
      List<Note> notes = new ArrayList<>();
      List<String> children = allowed(map.entries().stream().map(Sitemaps.Entry::loc).distinct().limit(MAX_DISCOVERED)
          .toList(), notes);
      return new Result(s, "sitemap", false, r.etag(), r.lastModified(), List.of(), List.of(), children, notes, null);
    }
    List<Item> items = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    boolean capped = false;
    for (Sitemaps.Entry e : map.entries()) {
      if (s.seen(e.loc()) || !keys.add(e.loc())) {
        continue;
      }
      if (items.size() + skipped.size() >= options.maxItemsPerPoll()) {
        capped = true;
        break;
      }
      try {
        Fetcher.Response page = fetcher.get(URI.create(e.loc()), null, null);
        if (!HtmlFormat.looksLikeHtml(page.body())) {
          skipped.add(e.loc());
          notes.add(new Note(e.loc() + ": not an HTML page"));
          continue;
        }
        SourceDocument doc = new SourceDocument(e.loc(), SourceDocument.Format.HTML,
            HtmlFormat.decode(page.body(), charset(page.contentType())), e.loc(), e.title(), e.date(), e.lang());
        items.add(new Item(e.loc(), e.loc(), sink -> sink.accept(doc)));
      } catch (FetchException ex) {
        if (ex.permanent) {
          skipped.add(e.loc()); // a 404 or a refusal: not asked again
        }
        notes.add(Note.of(e.loc() + ": ", ex));
      } catch (InputException | IllegalArgumentException ex) {
        skipped.add(e.loc());
        notes.add(new Note(e.loc() + ": " + ex.getMessage()));
      }
    }
    return taken(s, "sitemap", r, capped, items, skipped, notes);
  }

  /**
   * What a poll of a feed or sitemap took. When the cap left items for the next poll, the
   * response's validators are not kept: that poll would be answered 304 and never see them.
   */
  private static Result taken(SourceState s, String kind, Fetcher.Response r, boolean capped, List<Item> items,
                              List<String> skipped, List<Note> notes) {
    return new Result(s, kind, false, capped ? null : r.etag(), capped ? null : r.lastModified(), items, skipped,
        List.of(), notes, null);
  }

  /** A home page: the feeds it links with {@code <link rel="alternate">} become sources of their own. */
  private Result homePage(SourceState s, Fetcher.Response r) throws InputException, FetchException {
    String html = HtmlFormat.decode(r.body(), charset(r.contentType()));
    Set<String> feeds = new LinkedHashSet<>();
    for (Element link : Jsoup.parse(html, r.uri().toString()).select("link[rel][href]")) {
      String rel = link.attr("rel").toLowerCase(Locale.ROOT);
      String type = link.attr("type").toLowerCase(Locale.ROOT);
      if (rel.matches(".*\\balternate\\b.*") && (type.contains("rss") || type.contains("atom"))) {
        String href = link.absUrl("href");
        if (href.matches("(?i)https?://.+") && feeds.size() < MAX_DISCOVERED) {
          feeds.add(href);
        }
      }
    }
    if (feeds.isEmpty()) {
      throw new FetchException("an HTML page that links no RSS or Atom feed (<link rel=\"alternate\">)", true);
    }
    List<Note> notes = new ArrayList<>();
    List<String> allowed = allowed(List.copyOf(feeds), notes);
    if (allowed.isEmpty()) {
      throw new FetchException("every feed it links is refused: " + notes.get(0).text(), true);
    }
    return new Result(s, "page", false, r.etag(), r.lastModified(), List.of(), List.of(), allowed, notes, null);
  }

  /** The sources found on a page that the watcher may fetch; each refused one is a note. */
  private List<String> allowed(List<String> found, List<Note> notes) {
    List<String> allowed = new ArrayList<>();
    for (String url : found) {
      try {
        fetcher.checkAllowed(URI.create(url));
        allowed.add(url);
      } catch (FetchException e) {
        notes.add(Note.of("not followed: ", e));
      } catch (IllegalArgumentException e) {
        notes.add(new Note("not followed: " + e.getMessage()));
      }
    }
    return allowed;
  }

  /** New files of a folder whose size and time have settled. */
  private Result folder(SourceState s) throws FetchException {
    Path dir = Path.of(s.source);
    if (!Files.isDirectory(dir)) {
      throw new FetchException("no folder at " + dir, false);
    }
    Map<Path, String> previous = lastScan.computeIfAbsent(s.source, k -> new ConcurrentHashMap<>());
    Map<Path, String> now = new ConcurrentHashMap<>();
    List<Item> items = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    long settled = System.currentTimeMillis() - FOLDER_SETTLE_MILLIS;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part")) {
          continue; // hidden, or still being written by the usual conventions
        }
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException gone) {
          continue;
        }
        String stamp = a.size() + "|" + a.lastModifiedTime().toMillis();
        now.put(file, stamp);
        String key = dir.relativize(file) + "|" + stamp;
        boolean stable = stamp.equals(previous.get(file)) || a.lastModifiedTime().toMillis() < settled;
        if (stable && !s.seen(key) && items.size() < options.maxItemsPerPoll()) {
          if (Inputs.insideFolder(dir, file, refused -> notes.add(new Note(refused.toString())))) {
            items.add(new Item(key, file.toString(), sink -> inputs.readFile(file, sink)));
          } else {
            skipped.add(key); // said once, not at every poll
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new FetchException("cannot list " + dir + ": " + e.getMessage(), false);
    }
    lastScan.put(s.source, now);
    return new Result(s, "folder", false, null, null, items, skipped, List.of(), notes, null);
  }

  private static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }
}
