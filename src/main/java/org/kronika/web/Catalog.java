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
import org.kronika.model.Storyline;
import org.kronika.model.Why;

/**
 * Everything the web shows that would otherwise take a scan of the store: stories and
 * storylines in display order, a light summary of each article (no body), the articles of each
 * story, every quote, every entity with its spellings, stories, articles and quotes, and the
 * per-day counts behind the charts.
 * Built in one pass over the store (about a second for 5,000 articles) each time the index
 * changes; immutable once built (but for small synchronized caches of recent search
 * results and rendered pages, which go with it), so any number of requests read it at once.
 */
final class Catalog {
  /** Bars a chart shows at most; longer spans are grouped into this many buckets. */
  static final int CHART_BARS = 60;
  private static final int LEAD_CHARS = 320;
  /** The opening of the text that stands in for a missing headline. */
  private static final int HEADLINE_CHARS = 90;
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

    /** The title, or the opening of the lead when the article has none. */
    String headline() {
      return Catalog.headline(title, lead);
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

  /** A quote with its speaker ({@code null} when unresolved) and the article and story it was found in. */
  record QuoteAt(String text, Article.Speaker speaker, String article, String story, String lang, LocalDate date) {}

  /**
   * An entity as met across the store: spellings per language from the articles that mark its
   * mentions, the display names the stories it is central to give it, what it said
   * ({@code quotes}) and the quotes of others that name it ({@code quotedAbout}), in date order.
   */
  record Entity(String id, String name, String type, Map<String, TreeSet<String>> spellingsByLang,
                TreeSet<String> storyNames, List<String> articles, List<String> stories, List<QuoteAt> quotes,
                List<QuoteAt> quotedAbout) {}

  /**
   * The entities an article is about, each with an ordinal standing for its id (the same in
   * every article of the catalog): search facets sort these numbers rather than count ids in a map.
   */
  record About(List<Story.EntityRef> entities, int[] ordinals) {}

  /** A story with what its lists and charts show; {@code title} is never blank (see {@link #headline}). */
  record StoryView(Story story, String title, int sources, int[] perDay, int daysPerBar) {}

  /**
   * A storyline with what its pages show: its stories in date order, its sources, and its
   * articles per bar of {@code daysPerBar} days from its first day, per language (largest first).
   */
  record StorylineView(Storyline line, String title, List<StoryView> stories, int sources, int daysPerBar,
                       Map<String, int[]> perDayByLang) {}

  final long version;
  final List<StoryView> stories;
  final Map<String, StoryView> storyById;
  final List<StorylineView> storylines;
  final Map<String, StorylineView> storylineById;
  /** Every quote, newest first. */
  final List<QuoteAt> quotes;
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

  private Catalog(long version, List<StoryView> stories, List<StorylineView> storylines, List<Summary> articles,
                  Map<String, List<Summary>> storyArticles, Map<String, Entity> entities, List<QuoteAt> quotes) {
    this.version = version;
    this.stories = List.copyOf(stories);
    this.storylines = List.copyOf(storylines);
    this.storylineById = new HashMap<>();
    storylines.forEach(l -> storylineById.put(l.line().id(), l));
    this.quotes = List.copyOf(quotes);
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
      return build(version, kronika::forEachArticle, stories::join, () -> {
        try {
          return kronika.storylines(stories.join());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
    }
  }

  /** Where a catalog's articles come from: the store, or a list in tests. */
  interface Articles {
    void forEach(java.util.function.Consumer<Article> action) throws IOException;
  }

  /**
   * A catalog of these articles, stories and storylines (stories and storylines in display
   * order, asked for after the articles).
   */
  static Catalog build(long version, Articles all, java.util.function.Supplier<List<Story>> storiesInOrder,
                       java.util.function.Supplier<List<Storyline>> storylinesInOrder) throws IOException {
    List<Summary> articles = new ArrayList<>();
    Map<String, List<Summary>> byStory = new HashMap<>();
    Map<String, EntityBuilder> entities = new LinkedHashMap<>();
    List<QuoteAt> quotes = new ArrayList<>();
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
        QuoteAt quote = new QuoteAt(q.text(), q.speaker(), a.id(), a.story(), a.lang(), a.date());
        quotes.add(quote);
        String speaker = q.speaker() == null ? null : q.speaker().id();
        if (speaker != null) {
          entities.computeIfAbsent(speaker, id -> new EntityBuilder(id, q.speaker().name(), null)).quotes.add(quote);
        }
        for (Article.EntityMention m : a.entities()) {
          if (!m.id().equals(speaker) && m.mentions().stream().anyMatch(form -> form.length() > 2 && q.text().contains(form))) {
            entities.get(m.id()).quotedAbout.add(quote);
          }
        }
      }
    });
    Comparator<Summary> byDate = Comparator.comparing(Summary::date, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Summary::id);
    List<StoryView> views = new ArrayList<>();
    Map<String, StoryView> storyIndex = new HashMap<>();
    for (Story story : storiesInOrder.get()) {
      List<Summary> members = byStory.getOrDefault(story.id(), List.of());
      members.sort(byDate);
      StoryView view = view(story, members);
      views.add(view);
      storyIndex.put(story.id(), view);
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
    Comparator<QuoteAt> quoteByDate = Comparator.comparing(QuoteAt::date, Comparator.nullsLast(Comparator.naturalOrder()));
    for (EntityBuilder e : entities.values()) {
      e.articles.sort(byDate);
      e.quotes.sort(quoteByDate);
      e.quotedAbout.sort(quoteByDate);
      e.stories.sort(Comparator.comparing((String id) -> storyIndex.containsKey(id) ? storyIndex.get(id).story().first() : null,
          Comparator.nullsLast(Comparator.naturalOrder())));
      built.put(e.id, new Entity(e.id, e.name, e.type, e.spellings, e.storyNames,
          e.articles.stream().map(Summary::id).toList(), List.copyOf(e.stories), List.copyOf(e.quotes),
          List.copyOf(e.quotedAbout)));
    }
    List<StorylineView> lines = new ArrayList<>();
    for (Storyline line : storylinesInOrder.get()) {
      lines.add(view(line, line.stories().stream().map(storyIndex::get).filter(java.util.Objects::nonNull).toList(), byStory));
    }
    quotes.sort(Comparator.comparing(QuoteAt::date, Comparator.nullsLast(Comparator.reverseOrder())));
    Map<String, List<Summary>> storyArticles = new HashMap<>();
    byStory.forEach((k, v) -> storyArticles.put(k, List.copyOf(v)));
    return new Catalog(version, views, lines, articles, storyArticles, built, quotes);
  }

  /** A title, or the opening of {@code text} (the lead, the body) when it is blank. */
  static String headline(String title, String text) {
    if (title != null && !title.isBlank()) {
      return title;
    }
    String opening = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    if (opening.isEmpty()) {
      return "(untitled)";
    }
    return opening.length() <= HEADLINE_CHARS ? opening : Summary.cut(opening, HEADLINE_CHARS);
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
    String title = members.isEmpty() ? headline(story.title(), null) : headline(story.title(), members.get(0).headline());
    if (story.first() == null) {
      return new StoryView(story, title, sources, new int[0], 1);
    }
    int perBar = daysPerBar(story.first(), story.last());
    int[] bars = new int[bars(story.first(), story.last(), perBar)];
    for (Summary m : members) {
      if (m.date() != null) {
        bars[bar(story.first(), m.date(), perBar)]++;
      }
    }
    return new StoryView(story, title, sources, bars, perBar);
  }

  /** A storyline's view; {@code stories} are its stories as listed, put in date order here. */
  private static StorylineView view(Storyline line, List<StoryView> stories, Map<String, List<Summary>> byStory) {
    List<StoryView> inOrder = new ArrayList<>(stories);
    inOrder.sort(Comparator.comparing((StoryView v) -> v.story().first(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(v -> v.story().id()));
    String title = stories.isEmpty() ? headline(line.title(), null) : headline(line.title(), stories.get(0).title());
    java.util.Set<String> sites = new java.util.HashSet<>();
    Map<String, int[]> byLang = new HashMap<>();
    int perBar = line.first() == null ? 1 : daysPerBar(line.first(), line.last());
    for (StoryView v : inOrder) {
      for (Summary m : byStory.getOrDefault(v.story().id(), List.of())) {
        sites.add(m.site());
        if (m.date() != null && line.first() != null) {
          byLang.computeIfAbsent(m.lang(), l -> new int[bars(line.first(), line.last(), perBar)])
              [bar(line.first(), m.date(), perBar)]++;
        }
      }
    }
    Map<String, int[]> largestFirst = new LinkedHashMap<>();
    byLang.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -java.util.Arrays.stream(e.getValue()).sum())
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> largestFirst.put(e.getKey(), e.getValue()));
    return new StorylineView(line, title, List.copyOf(inOrder), sites.size(), perBar, largestFirst);
  }

  /** Days per bar for a span of days, so that it shows in at most {@link #CHART_BARS} bars. */
  private static int daysPerBar(LocalDate first, LocalDate last) {
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    return (days + CHART_BARS - 1) / CHART_BARS;
  }

  private static int bars(LocalDate first, LocalDate last, int perBar) {
    return ((int) ChronoUnit.DAYS.between(first, last) + perBar) / perBar;
  }

  private static int bar(LocalDate first, LocalDate day, int perBar) {
    return (int) (ChronoUnit.DAYS.between(first, day) / perBar);
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
    final List<QuoteAt> quotedAbout = new ArrayList<>();

    EntityBuilder(String id, String name, String type) {
      this.id = id;
      this.name = name;
      this.type = type;
    }
  }
}
