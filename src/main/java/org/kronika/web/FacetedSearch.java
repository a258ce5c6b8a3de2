package org.kronika.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.kronika.Kronika;
import org.kronika.model.Story;
import org.kronika.store.Store;

/**
 * Full-text search across languages with facets: the store ranks every match (ids only), the
 * {@link Catalog} filters them by source, dates and entity and counts the facets, and only
 * the page shown is read from the store for its snippets. Cost: one index query plus a pass
 * over the matches' summaries and the entities gathered for each in the catalog (about half a
 * millisecond of CPU for a two-word query on 5,000 articles, two to four for a thousand
 * matches); results are cached with the catalog until the index changes. Stateless and
 * thread-safe.
 */
final class FacetedSearch {
  /** Facet values listed at most, by count; the totals always count every match. */
  static final int FACET_VALUES = 20;

  /** What was asked; every filter but {@code query} may be {@code null}. */
  record Request(String query, String lang, String source, LocalDate from, LocalDate to, String entity,
                 int offset, int limit) {}

  /** One result on the page. */
  record Hit(Catalog.Summary article, float score, Snippet snippet) {}

  /** A facet value and how many matches have it. */
  record Count(String value, String label, int count) {}

  /** Matches in all, the page asked for, and the facets over every match. */
  record Result(int total, List<Hit> hits, List<Count> langs, List<Count> sources, List<Count> entities,
                LocalDate first, LocalDate last) {}

  private FacetedSearch() {}

  /** The result for {@code r}, from the catalog's cache when it was asked before. */
  static Result run(Kronika kronika, Catalog catalog, Request r) throws IOException {
    Result cached = catalog.cachedSearch(r);
    if (cached == null) {
      cached = compute(kronika, catalog, r);
      catalog.cacheSearch(r, cached);
    }
    return cached;
  }

  /** Searches run at start, so that the first readers' searches find the search code compiled. */
  static final int WARM_UP_QUERIES = 300;

  /**
   * Runs searches for pairs of title words, as readers ask them, uncached. Until the JIT has
   * compiled the search code a search costs four to six times what it does after.
   */
  static void warmUp(Kronika kronika, Catalog catalog) throws IOException {
    int step = Math.max(1, catalog.articles.size() / WARM_UP_QUERIES);
    for (int i = 0; i < catalog.articles.size(); i += step) {
      String title = catalog.articles.get(i).title();
      String[] words = title == null ? new String[0] : title.split("\\s+");
      if (words.length >= 2) {
        compute(kronika, catalog, new Request(words[0] + " " + words[1], null, null, null, null, null, 0, 10));
      }
    }
  }

  private static Result compute(Kronika kronika, Catalog catalog, Request r) throws IOException {
    List<Store.RankedId> ranked = kronika.searchIds(r.query(), r.lang(), Math.max(1, catalog.articles.size()));
    List<Store.RankedId> kept = new ArrayList<>();
    Map<String, Tally> langs = new HashMap<>();
    Map<String, Tally> sources = new HashMap<>();
    List<Catalog.About> abouts = new ArrayList<>();
    LocalDate first = null;
    LocalDate last = null;
    for (Store.RankedId id : ranked) {
      Catalog.Summary a = catalog.articleById.get(id.id());
      if (a == null || !keep(a, r, catalog)) {
        continue;
      }
      kept.add(id);
      count(langs, a.lang(), null);
      count(sources, a.site(), a.site());
      abouts.add(catalog.about.get(a.id()));
      if (a.date() != null) {
        first = first == null || a.date().isBefore(first) ? a.date() : first;
        last = last == null || a.date().isAfter(last) ? a.date() : last;
      }
    }
    List<Hit> hits = new ArrayList<>();
    int from = Math.min(r.offset(), kept.size());
    int to = (int) Math.min(kept.size(), (long) r.offset() + r.limit());
    Snippet.Query words = Snippet.Query.of(r.query());
    for (Store.RankedId id : kept.subList(from, to)) {
      Catalog.Summary a = catalog.articleById.get(id.id());
      Snippet snippet = Snippet.of(a.lead(), a.lang(), words);
      if (snippet.marks().isEmpty()) { // the match is further in: read the body
        String body = kronika.articleBody(id.id()).orElse(a.lead());
        snippet = Snippet.of(body, a.lang(), words);
      }
      hits.add(new Hit(a, id.score(), snippet));
    }
    langs.forEach((code, t) -> t.label = Pages.language(code)); // once per language, not per match
    return new Result(kept.size(), hits, top(langs.values()), top(sources.values()), top(entityTallies(abouts)),
        first, last);
  }

  private static boolean keep(Catalog.Summary a, Request r, Catalog catalog) {
    if (r.source() != null && !r.source().equals(a.site())) {
      return false;
    }
    if (r.from() != null && (a.date() == null || a.date().isBefore(r.from()))) {
      return false;
    }
    if (r.to() != null && (a.date() == null || a.date().isAfter(r.to()))) {
      return false;
    }
    return r.entity() == null || catalog.about.get(a.id()).entities().stream().anyMatch(e -> e.id().equals(r.entity()));
  }

  /** How many matches have a facet value, and its label: the first one met that is not null. */
  private static final class Tally {
    final String value;
    String label;
    int count;

    Tally(String value) {
      this.value = value;
    }

    /** Counts one more match, labelled {@code label} unless an earlier one had a label. */
    void add(String newLabel) {
      count++;
      if (label == null) {
        label = newLabel;
      }
    }
  }

  private static void count(Map<String, Tally> tallies, String value, String label) {
    tallies.computeIfAbsent(value, Tally::new).add(label);
  }

  /**
   * The entity facet of these matches. Each (entity, match) pair is one number, the entity's
   * ordinal above the pair's place in match order, and sorted, so that each entity's pairs lie
   * together in match order: a thousand matches name some fifteen thousand entities, which a
   * primitive sort orders about three times faster than a map counts them.
   */
  private static List<Tally> entityTallies(List<Catalog.About> matches) {
    int n = 0;
    for (Catalog.About a : matches) {
      n += a.ordinals().length;
    }
    long[] pairs = new long[n];
    Story.EntityRef[] refs = new Story.EntityRef[n];
    int at = 0;
    for (Catalog.About a : matches) {
      for (int i = 0; i < a.ordinals().length; i++, at++) {
        pairs[at] = (long) a.ordinals()[i] << 32 | at;
        refs[at] = a.entities().get(i);
      }
    }
    Arrays.sort(pairs);
    List<Tally> tallies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Story.EntityRef e = refs[(int) pairs[i]];
      if (i == 0 || pairs[i] >>> 32 != pairs[i - 1] >>> 32) {
        tallies.add(new Tally(e.id()));
      }
      tallies.get(tallies.size() - 1).add(e.name());
    }
    return tallies;
  }

  /** The {@value #FACET_VALUES} values most matches have, by count then value: kept in a small heap, not all sorted. */
  private static List<Count> top(Collection<Tally> tallies) {
    Comparator<Tally> order = Comparator.comparingInt((Tally t) -> -t.count).thenComparing(t -> t.value);
    PriorityQueue<Tally> best = new PriorityQueue<>(FACET_VALUES + 1, order.reversed());
    for (Tally t : tallies) {
      if (best.size() < FACET_VALUES || t.count >= best.peek().count) { // most values, met once or twice, go no further
        best.add(t);
        if (best.size() > FACET_VALUES) {
          best.poll();
        }
      }
    }
    List<Tally> top = new ArrayList<>(best);
    top.sort(order);
    return top.stream().map(t -> new Count(t.value, t.label, t.count)).toList();
  }
}
