package org.kronika.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kronika.Kronika;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.model.Why;

/**
 * Everything the web shows that would otherwise take a scan of the store: stories in display
 * order, a light summary of each article (no body), the articles of each story, every entity
 * with its spellings, stories, articles and quotes, and the per-day counts behind the charts.
 * Built in one pass over the store (about a second for 5,000 articles) each time the index
 * changes; immutable once built (but for small synchronized caches of recent search
 * results and rendered pages, which go with it), so any number of requests read it at once.
 */
final class Catalog {
  /** Bars a chart shows at most; longer spans are grouped into this many buckets. */
  static final int CHART_BARS = 60;
  private static final int LEAD_CHARS = 320;
  /** Features of an article's why kept in its summary, for the story page's list. */
  private static final int LISTED_EVIDENCE = 3;
  /** Search results kept per catalog; each holds one page of hits and the facets. */
  private static final int SEARCHES = 512;
  /** Rendered answers kept per catalog; the largest (big stories) weigh a few hundred kilobytes. */
  private static final int PAGES = 1024;

  /** An article without its body: what lists, facets and filters need; {@code site} is its source as facets show it. */
  record Summary(String id, String source, String url, String lang, LocalDate date, String title,
                 String story, List<Article.Duplicate> duplicates, List<Article.EntityMention> entities,
                 String lead, String site, Why why) {
    static Summary of(Article a) {
      String body = a.body();
      String lead = body.length() <= LEAD_CHARS ? body : cut(body, LEAD_CHARS);
      return new Summary(a.id(), a.source(), a.url(), a.lang(), a.date(), a.title(), a.story(), a.duplicates(),
          a.entities(), lead.replaceAll("\\s+", " ").strip(), Catalog.site(a.url(), a.source()), strongest(a.why()));
    }

    /**
     * The why a list shows: its strongest few features. The catalog holds a summary of every
     * article in memory; the article's page reads its whole why from the store.
     */
    private static Why strongest(Why why) {
      return why == null || why.evidence().size() <= LISTED_EVIDENCE ? why
          : new Why(why.story(), why.evidence().subList(0, LISTED_EVIDENCE));
    }

    private static String cut(String text, int max) {
      int end = max;
      while (end > max / 2 && !Character.isWhitespace(text.charAt(end))) {
        end--;
      }
      return text.substring(0, end) + "…";
    }
  }

  /** A quote with the article it was found in. */
  record QuoteAt(String text, String article, String lang, LocalDate date) {}

  /**
   * An entity as met across the store: spellings per language from the articles that mark its
   * mentions, and the display names the stories it is central to give it.
   */
  record Entity(String id, String name, String type, Map<String, TreeSet<String>> spellingsByLang,
                TreeSet<String> storyNames, List<String> articles, List<String> stories, List<QuoteAt> quotes) {}

  /**
   * The entities an article is about, each with an ordinal standing for its id (the same in
   * every article of the catalog): search facets sort these numbers rather than count ids in a map.
   */
  record About(List<Story.EntityRef> entities, int[] ordinals) {}

  /** A story with what its lists and charts show. */
  record StoryView(Story story, int sources, int[] perDay, int daysPerBar) {}

  final long version;
  final List<StoryView> stories;
  final Map<String, StoryView> storyById;
  final List<Summary> articles;
  final Map<String, Summary> articleById;
  final Map<String, List<Summary>> storyArticles;
  final Map<String, Entity> entities;
  /**
   * The entities each article is about, by article id: those found in it, then the central ones
   * of its story (all there is while articles carry no entities of their own). Search filters
   * and facets read them for every match, so they are gathered once here.
   */
  final Map<String, About> about;

  /** Recent search results against this catalog: dropped with it when the index changes. */
  private final Map<FacetedSearch.Request, FacetedSearch.Result> searches =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>(SEARCHES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FacetedSearch.Request, FacetedSearch.Result> eldest) {
          return size() > SEARCHES;
        }
      });

  /** Rendered pages (home, story, entity) and API answers, keyed by path and query: dropped with the catalog. */
  private final Map<String, String> pages =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>(PAGES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > PAGES;
        }
      });

  private Catalog(long version, List<StoryView> stories, List<Summary> articles, Map<String, List<Summary>> storyArticles,
                  Map<String, Entity> entities) {
    this.version = version;
    this.stories = List.copyOf(stories);
    this.articles = List.copyOf(articles);
    this.storyArticles = storyArticles;
    this.entities = entities;
    this.storyById = new HashMap<>();
    stories.forEach(v -> storyById.put(v.story().id(), v));
    this.articleById = new HashMap<>();
    articles.forEach(a -> articleById.put(a.id(), a));
    this.about = new HashMap<>();
    Map<String, Integer> ordinals = new HashMap<>();
    for (Summary a : articles) {
      List<Story.EntityRef> refs = about(a, storyById.get(a.story()));
      int[] ordinalOf = new int[refs.size()];
      for (int i = 0; i < ordinalOf.length; i++) {
        ordinalOf[i] = ordinals.computeIfAbsent(refs.get(i).id(), id -> ordinals.size());
      }
      about.put(a.id(), new About(refs, ordinalOf));
    }
  }

  private static List<Story.EntityRef> about(Summary a, StoryView story) {
    Map<String, Story.EntityRef> out = new LinkedHashMap<>();
    a.entities().forEach(e -> out.putIfAbsent(e.id(), new Story.EntityRef(e.id(), e.name())));
    if (story != null) {
      story.story().entities().forEach(e -> out.putIfAbsent(e.id(), e));
    }
    return List.copyOf(out.values());
  }

  /** Reads the store once; {@code version} is the store's read version it reflects. */
  static Catalog build(Kronika kronika, long version) throws IOException {
    // The store's story list reads every article too: both passes run at once.
    java.util.concurrent.CompletableFuture<List<Story>> stories = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return kronika.stories();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try {
      return build(version, kronika::forEachArticle, stories::join);
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
    }
  }

  /** Where a catalog's articles come from: the store, or a list in tests. */
  interface Articles {
    void forEach(java.util.function.Consumer<Article> action) throws IOException;
  }

  /** A catalog of these articles and stories (stories in display order, asked for after the articles). */
  static Catalog build(long version, Articles all, java.util.function.Supplier<List<Story>> storiesInOrder)
      throws IOException {
    List<Summary> articles = new ArrayList<>();
    Map<String, List<Summary>> byStory = new HashMap<>();
    Map<String, EntityBuilder> entities = new LinkedHashMap<>();
    all.forEach(a -> {
      Summary s = Summary.of(a);
      articles.add(s);
      if (a.story() != null) {
        byStory.computeIfAbsent(a.story(), k -> new ArrayList<>()).add(s);
      }
      for (Article.EntityMention m : a.entities()) {
        EntityBuilder e = entities.computeIfAbsent(m.id(), id -> new EntityBuilder(id, m.name(), m.type()));
        TreeSet<String> spellings = e.spellings.computeIfAbsent(a.lang(), l -> new TreeSet<>());
        spellings.addAll(m.mentions());
        e.articles.add(s);
        if (a.story() != null && !e.stories.contains(a.story())) {
          e.stories.add(a.story());
        }
      }
      for (Article.Quote q : a.quotes()) {
        if (q.speaker() != null && q.speaker().id() != null) {
          entities.computeIfAbsent(q.speaker().id(), id -> new EntityBuilder(id, q.speaker().name(), null))
              .quotes.add(new QuoteAt(q.text(), a.id(), a.lang(), a.date()));
        }
      }
    });
    Comparator<Summary> byDate = Comparator.comparing(Summary::date, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Summary::id);
    List<StoryView> views = new ArrayList<>();
    for (Story story : storiesInOrder.get()) {
      List<Summary> members = byStory.getOrDefault(story.id(), List.of());
      members.sort(byDate);
      views.add(view(story, members));
      for (Story.EntityRef ref : story.entities()) {
        EntityBuilder e = entities.computeIfAbsent(ref.id(), id -> new EntityBuilder(id, ref.name(), null));
        if (ref.name() != null) {
          e.storyNames.add(ref.name());
        }
        if (!e.stories.contains(story.id())) {
          e.stories.add(story.id());
        }
      }
    }
    Map<String, Entity> built = new HashMap<>();
    Map<String, StoryView> storyIndex = new HashMap<>();
    views.forEach(v -> storyIndex.put(v.story().id(), v));
    for (EntityBuilder e : entities.values()) {
      e.articles.sort(byDate);
      e.quotes.sort(Comparator.comparing(QuoteAt::date, Comparator.nullsLast(Comparator.naturalOrder())));
      e.stories.sort(Comparator.comparing((String id) -> storyIndex.containsKey(id) ? storyIndex.get(id).story().first() : null,
          Comparator.nullsLast(Comparator.naturalOrder())));
      built.put(e.id, new Entity(e.id, e.name, e.type, e.spellings, e.storyNames,
          e.articles.stream().map(Summary::id).toList(), List.copyOf(e.stories), List.copyOf(e.quotes)));
    }
    Map<String, List<Summary>> storyArticles = new HashMap<>();
    byStory.forEach((k, v) -> storyArticles.put(k, List.copyOf(v)));
    return new Catalog(version, views, articles, storyArticles, built);
  }

  /** The page rendered for {@code key}, rendering it once per catalog. */
  String page(String key, java.util.function.Supplier<String> render) {
    String html = pages.get(key);
    if (html == null) {
      html = render.get();
      pages.put(key, html);
    }
    return html;
  }

  FacetedSearch.Result cachedSearch(FacetedSearch.Request request) {
    return searches.get(request);
  }

  void cacheSearch(FacetedSearch.Request request, FacetedSearch.Result result) {
    searches.put(request, result);
  }

  private static StoryView view(Story story, List<Summary> members) {
    int sources = (int) members.stream().map(Summary::site).distinct().count();
    if (story.first() == null) {
      return new StoryView(story, sources, new int[0], 1);
    }
    int days = (int) ChronoUnit.DAYS.between(story.first(), story.last()) + 1;
    int perBar = (days + CHART_BARS - 1) / CHART_BARS;
    int[] bars = new int[(days + perBar - 1) / perBar];
    for (Summary m : members) {
      if (m.date() != null) {
        bars[(int) (ChronoUnit.DAYS.between(story.first(), m.date()) / perBar)]++;
      }
    }
    return new StoryView(story, sources, bars, perBar);
  }

  /**
   * What counts as one source: the URL's host, else the last two folders of the file's path
   * (scrapes are usually filed by site or feed; the full path would mostly show where the
   * files were unpacked).
   */
  static String site(String articleUrl, String source) {
    String url = Html.externalUrl(articleUrl != null ? articleUrl : source);
    if (url != null) {
      return java.net.URI.create(url).getHost();
    }
    String[] parts = source.split("[/\\\\]");
    int n = parts.length - 1;
    return n <= 0 ? source : n == 1 ? parts[0] : parts[n - 2] + "/" + parts[n - 1];
  }

  private static final class EntityBuilder {
    final String id;
    final String name;
    final String type;
    final Map<String, TreeSet<String>> spellings = new TreeMap<>();
    final TreeSet<String> storyNames = new TreeSet<>();
    final List<Summary> articles = new ArrayList<>();
    final List<String> stories = new ArrayList<>();
    final List<QuoteAt> quotes = new ArrayList<>();

    EntityBuilder(String id, String name, String type) {
      this.id = id;
      this.name = name;
      this.type = type;
    }
  }
}
