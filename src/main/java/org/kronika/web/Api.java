package org.kronika.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.kronika.Kronika;
import org.kronika.alert.Alerts;
import org.kronika.input.Inputs;
import org.kronika.input.PlainTextFormat;
import org.kronika.input.Rejection;
import org.kronika.input.SourceDocument;
import org.kronika.input.TextDecoder;
import org.kronika.internal.Hashes;
import org.kronika.internal.Json;
import org.kronika.model.Article;
import org.kronika.pipeline.Ingest;
import org.kronika.pipeline.Pipeline;

/**
 * The JSON API under {@code /api/}, as described by {@code /api/openapi.json}: storylines,
 * stories, articles, entities, quotes, faceted search and the ingest of a posted document. Every list is
 * paged ({@code offset}, {@code limit} up to {@value Params#MAX_LIMIT}) and says its
 * {@code total}. Reads come from the current {@link Catalog}; ingests run one at a time.
 * Thread-safe.
 */
final class Api {
  static final int MAX_POST_BYTES = 4 << 20;
  /** Reads posted documents: always as plain text, never guessed. */
  private static final Inputs AS_TEXT = new Inputs(List.of(new PlainTextFormat()));
  private static final Set<String> PAGING = Set.of("offset", "limit");
  private static final int DEFAULT_LIMIT = 20;

  /** A status and the value to write as JSON. */
  record Response(int status, Object body) {}

  private final Kronika kronika;
  private final Supplier<Catalog> catalog;
  private final Path postedDir;
  /** The data directory's saved searches; {@code null} when there is none (a cluster). */
  private final Alerts alerts;
  private final Object ingestLock = new Object();

  Api(Kronika kronika, Supplier<Catalog> catalog, Path postedDir, Alerts alerts) {
    this.kronika = kronika;
    this.catalog = catalog;
    this.postedDir = postedDir;
    this.alerts = alerts;
  }

  /** Answers {@code method} on the path after {@code /api/}. */
  Response handle(String method, List<String> path, String query, String contentType, Supplier<byte[]> body)
      throws IOException {
    Catalog c = catalog.get();
    String first = path.isEmpty() ? "" : path.get(0);
    if (path.size() == 1 && first.equals("articles") && method.equals("POST")) {
      Params.parse(query, Set.of());
      return ingest(contentType, body.get());
    }
    if (first.equals("alerts") && path.size() <= 2) {
      Params.parse(query, Set.of());
      return alerts(method, path.size() == 2 ? path.get(1) : null, contentType, body);
    }
    requireGet(method, path.size() == 1 && first.equals("articles") ? "GET, HEAD, POST" : "GET, HEAD");
    switch (path.size()) {
      case 1 -> {
        switch (first) {
          case "storylines" -> {
            return page(query, c.storylines, Api::storyline);
          }
          case "stories" -> {
            return page(query, c.stories, Api::story);
          }
          case "articles" -> {
            return page(query, c.articles, a -> a);
          }
          case "search" -> {
            return search(c, query);
          }
          case "quotes" -> {
            Params p = Params.parse(query, Set.of("speaker", "about", "q", "lang", "offset", "limit"));
            return page(p, QuotePages.find(c, new QuotePages.Query(p.string("speaker"), p.string("about"), p.string("q"),
                p.language("lang"))), q -> q);
          }
          default -> { }
        }
      }
      case 2 -> {
        String id = path.get(1);
        switch (first) {
          case "storylines" -> {
            Params.parse(query, Set.of());
            return new Response(200, storyline(storyline(c, id)));
          }
          case "stories" -> {
            Params.parse(query, Set.of());
            return new Response(200, story(story(c, id)));
          }
          case "articles" -> {
            Params.parse(query, Set.of());
            return new Response(200, kronika.article(id).orElseThrow(() -> HttpError.notFound("no article with id " + HttpError.quoted(id))));
          }
          case "entities" -> {
            Params.parse(query, Set.of());
            Catalog.Entity e = entity(c, id);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", e.id());
            out.put("name", e.name());
            out.put("type", e.type());
            out.put("spellings", e.spellingsByLang());
            out.put("storyNames", e.storyNames());
            out.put("articles", e.articles().size());
            out.put("stories", e.stories().size());
            out.put("quotes", e.quotes().size());
            return new Response(200, out);
          }
          default -> { }
        }
      }
      case 3 -> {
        String id = path.get(1);
        String what = path.get(2);
        if (first.equals("storylines") && what.equals("stories")) {
          return page(query, storyline(c, id).stories(), Api::story);
        }
        if (first.equals("stories") && what.equals("articles")) {
          story(c, id);
          return page(query, c.storyArticles.getOrDefault(id, List.of()), a -> a);
        }
        if (first.equals("entities")) {
          Catalog.Entity e = entity(c, id);
          switch (what) {
            case "articles" -> {
              return page(query, e.articles(), c.articleById::get);
            }
            case "stories" -> {
              return page(query, e.stories(), s -> story(c.storyById.get(s)));
            }
            case "quotes" -> {
              return page(query, e.quotes(), q -> q);
            }
            default -> { }
          }
        }
      }
      default -> { }
    }
    throw HttpError.notFound("no API endpoint at this address; see /api/openapi.json");
  }

  /**
   * The saved searches: {@code GET /api/alerts} lists them, {@code POST /api/alerts} with
   * {@code {"query", "lang", "webhook"}} saves one, {@code DELETE /api/alerts/{id}} removes one.
   * A change must come as JSON (or a DELETE), which a page of another site cannot send here
   * without the browser asking first, and this server never agrees.
   */
  private Response alerts(String method, String id, String contentType, Supplier<byte[]> body) throws IOException {
    if (alerts == null) {
      throw HttpError.notFound("alerts are kept in a data directory; this server reads a cluster");
    }
    if (id == null && (method.equals("GET") || method.equals("HEAD"))) {
      List<Alerts.Alert> all = alerts.list();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("total", all.size());
      out.put("waiting", alerts.waiting());
      out.put("items", all);
      return new Response(200, out);
    }
    if (id == null && method.equals("POST")) {
      if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
        throw new HttpError(415, "post a JSON object with Content-Type: application/json");
      }
      JsonNode doc;
      try {
        doc = Json.MAPPER.readTree(body.get());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw HttpError.badRequest("body is not valid JSON: " + e.getOriginalMessage());
      }
      if (doc == null || !doc.path("query").isTextual() || !doc.path("webhook").isTextual()) {
        throw HttpError.badRequest("body must be a JSON object with string fields 'query' and 'webhook'");
      }
      try {
        return new Response(201, alerts.add(doc.path("query").asText(),
            doc.hasNonNull("lang") ? doc.path("lang").asText() : null, java.net.URI.create(doc.path("webhook").asText()),
            kronika));
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest(e.getMessage());
      }
    }
    if (id != null && method.equals("DELETE")) {
      if (!alerts.remove(id)) {
        throw HttpError.notFound("no alert with id " + HttpError.quoted(id));
      }
      return new Response(200, Map.of("removed", id));
    }
    throw new HttpError(405, "method " + method + " not allowed here; allowed: " + (id == null ? "GET, HEAD, POST" : "DELETE"));
  }

  private static void requireGet(String method, String allowed) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new HttpError(405, "method " + method + " not allowed here; allowed: " + allowed);
    }
  }

  private static Catalog.StoryView story(Catalog c, String id) {
    Catalog.StoryView v = c.storyById.get(id);
    if (v == null) {
      throw HttpError.notFound("no story with id " + HttpError.quoted(id));
    }
    return v;
  }

  private static Catalog.StorylineView storyline(Catalog c, String id) {
    Catalog.StorylineView v = c.storylineById.get(id);
    if (v == null) {
      throw HttpError.notFound("no storyline with id '" + id + "'");
    }
    return v;
  }

  private static Catalog.Entity entity(Catalog c, String id) {
    Catalog.Entity e = c.entities.get(id);
    if (e == null) {
      throw HttpError.notFound("no entity with id " + HttpError.quoted(id));
    }
    return e;
  }

  /** A story as the contract has it, plus its number of sources and its articles per day. */
  private static Map<String, Object> story(Catalog.StoryView v) {
    Map<String, Object> out = Json.MAPPER.convertValue(v.story(), LinkedHashMap.class);
    out.put("sources", v.sources());
    out.put("perDay", Map.of("from", String.valueOf(v.story().first()), "daysPerBar", v.daysPerBar(), "counts", v.perDay()));
    return out;
  }

  /** A storyline as the contract has it, plus its number of sources and its articles per day and language. */
  private static Map<String, Object> storyline(Catalog.StorylineView v) {
    Map<String, Object> out = Json.MAPPER.convertValue(v.line(), LinkedHashMap.class);
    out.put("sources", v.sources());
    out.put("perDay", Map.of("from", String.valueOf(v.line().first()), "daysPerBar", v.daysPerBar(),
        "countsByLanguage", v.perDayByLang()));
    return out;
  }

  private static <T> Response page(String query, List<T> all, java.util.function.Function<T, Object> view) {
    return page(Params.parse(query, PAGING), all, view);
  }

  private static <T> Response page(Params p, List<T> all, java.util.function.Function<T, Object> view) {
    int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE);
    int limit = p.integer("limit", DEFAULT_LIMIT, 1, Params.MAX_LIMIT);
    List<Object> items = new ArrayList<>();
    int from = Math.min(offset, all.size());
    int to = (int) Math.min(all.size(), (long) offset + limit);
    for (T t : all.subList(from, to)) {
      items.add(view.apply(t));
    }
    return new Response(200, paged(all.size(), offset, limit, items));
  }

  private static Map<String, Object> paged(int total, int offset, int limit, Object items) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", total);
    out.put("offset", offset);
    out.put("limit", limit);
    out.put("items", items);
    return out;
  }

  private Response search(Catalog c, String query) throws IOException {
    Params p = Params.parse(query, Set.of("q", "lang", "source", "from", "to", "entity", "offset", "limit"));
    String q = p.string("q");
    if (q == null) {
      throw HttpError.badRequest("parameter 'q' (the words to look for) is required");
    }
    FacetedSearch.Request r = new FacetedSearch.Request(q, p.language("lang"), p.string("source"), p.date("from"),
        p.date("to"), p.string("entity"), p.integer("offset", 0, 0, Integer.MAX_VALUE),
        p.integer("limit", DEFAULT_LIMIT, 1, Params.MAX_LIMIT));
    FacetedSearch.Result result = FacetedSearch.run(kronika, c, r);
    List<Object> items = new ArrayList<>();
    for (FacetedSearch.Hit hit : result.hits()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("score", hit.score());
      item.put("snippet", hit.snippet().text());
      item.put("highlights", hit.snippet().marks());
      item.put("article", hit.article());
      items.add(item);
    }
    Map<String, Object> out = paged(result.total(), r.offset(), r.limit(), items);
    Map<String, Object> facets = new LinkedHashMap<>();
    facets.put("lang", result.langs());
    facets.put("source", result.sources());
    facets.put("entity", result.entities());
    facets.put("date", Map.of("first", String.valueOf(result.first()), "last", String.valueOf(result.last())));
    out.put("facets", facets);
    return new Response(200, out);
  }

  /**
   * Stores a posted document: JSON {@code {"text": …, "title": …, "date": "YYYY-MM-DD"}}
   * (title and date optional), kept as a plain-text file under the posted directory so the
   * data directory still holds every input; posting it again stores nothing new.
   */
  private Response ingest(String contentType, byte[] body) throws IOException {
    if (postedDir == null) {
      throw new HttpError(403, "ingest is off: start the server with 'kronika serve --ingest'");
    }
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new HttpError(415, "post a JSON object with Content-Type: application/json");
    }
    JsonNode doc;
    try {
      doc = Json.MAPPER.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw HttpError.badRequest("body is not valid JSON: " + e.getOriginalMessage());
    }
    if (doc == null || !doc.isObject() || !doc.path("text").isTextual() || doc.path("text").asText().isBlank()) {
      throw HttpError.badRequest("body must be a JSON object with a non-empty string field 'text'");
    }
    for (String field : List.of("text", "title")) {
      if (doc.path(field).asText().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
        throw HttpError.badRequest("field '" + field + "' holds a control character (such as NUL); post plain text");
      }
    }
    StringBuilder file = new StringBuilder();
    if (doc.hasNonNull("date")) {
      try {
        file.append(" date ").append(LocalDate.parse(doc.path("date").asText())).append('\n');
      } catch (DateTimeParseException e) {
        throw HttpError.badRequest("field 'date' must be a date YYYY-MM-DD");
      }
    }
    if (doc.hasNonNull("title")) {
      file.append(doc.path("title").asText().replaceAll("\\s+", " ").strip()).append('\n');
    }
    file.append(doc.path("text").asText());
    byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
    synchronized (ingestLock) {
      Files.createDirectories(postedDir);
      Path path = postedDir.resolve(Hashes.of(file.toString()) + ".txt");
      boolean existed = Files.exists(path);
      Files.write(path, bytes);
      String id = Pipeline.articleId(SourceDocument.text(path.toString(), TextDecoder.decode(bytes)));
      List<Rejection> rejected = new ArrayList<>();
      // Read as plain text whatever it looks like: posted text that happens to be JSON Lines
      // or a feed must not become articles with URLs, titles and dates of the poster's choosing.
      Ingest.Report report = kronika.ingestDocuments(sink -> AS_TEXT.readFile(path, sink), Ingest.Options.defaults(),
          rejected::add);
      if (!rejected.isEmpty()) {
        if (!existed) {
          Files.deleteIfExists(path); // posted/ keeps only what was stored
        }
        throw new HttpError(422, "document rejected: " + rejected.get(0).reason());
      }
      Article article = kronika.article(id).orElseThrow(() -> new HttpError(500, "stored article not found"));
      return new Response(report.stored() > 0 ? 201 : 200, article);
    }
  }
}
