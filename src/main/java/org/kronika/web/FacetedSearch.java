package org.kronika.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * over the matches' summaries and the entities gathered for each in the catalog (about a
 * millisecond for a two-word query on 5,000 articles, a few for a thousand matches); results
 * are cached with the catalog until the index changes. Stateless and thread-safe.
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

  private static Result compute(Kronika kronika, Catalog catalog, Request r) throws IOException {
    List<Store.RankedId> ranked = kronika.searchIds(r.query(), r.lang(), Math.max(1, catalog.articles.size()));
    List<Store.RankedId> kept = new ArrayList<>();
    Map<String, Tally> langs = new HashMap<>();
    Map<String, Tally> sources = new HashMap<>();
    Map<String, Tally> entities = new HashMap<>();
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
      for (Story.EntityRef e : catalog.about.get(a.id())) {
        count(entities, e.id(), e.name());
      }
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
    return new Result(kept.size(), hits, top(langs), top(sources), top(entities), first, last);
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
    return r.entity() == null || catalog.about.get(a.id()).stream().anyMatch(e -> e.id().equals(r.entity()));
  }

  /** How many matches have a facet value, and its label: the first one met that is not null. */
  private static final class Tally {
    String label;
    int count;
  }

  private static void count(Map<String, Tally> tallies, String value, String label) {
    Tally t = tallies.computeIfAbsent(value, v -> new Tally());
    t.count++;
    if (t.label == null) {
      t.label = label;
    }
  }

  /** The {@value #FACET_VALUES} values most matches have, by count then value: kept in a small heap, not all sorted. */
  private static List<Count> top(Map<String, Tally> tallies) {
    Comparator<Map.Entry<String, Tally>> order = Comparator
        .comparingInt((Map.Entry<String, Tally> e) -> -e.getValue().count).thenComparing(Map.Entry::getKey);
    PriorityQueue<Map.Entry<String, Tally>> best = new PriorityQueue<>(FACET_VALUES + 1, order.reversed());
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      best.add(e);
      if (best.size() > FACET_VALUES) {
        best.poll();
      }
    }
    List<Map.Entry<String, Tally>> top = new ArrayList<>(best);
    top.sort(order);
    return top.stream().map(e -> new Count(e.getKey(), e.getValue().label, e.getValue().count)).toList();
  }
}
