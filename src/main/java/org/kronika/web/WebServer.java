package org.kronika.web;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.kronika.Kronika;
import org.kronika.alert.Alerts;
import org.kronika.internal.Json;

/**
 * {@code kronika serve}: the web pages at {@code /} and the JSON API under {@code /api/}, on
 * Jetty with a bounded number of workers.
 *
 * <p>Hostile clients: Jetty reads request lines and headers without holding a thread; a
 * connection on which nothing arrives or leaves for {@value #IDLE_SECONDS} s is closed, and a
 * body or answer moving slower than {@value #MIN_BYTES_PER_SECOND} bytes a second is cut off.
 * A posted body is read on one of a wide pool of threads ({@value #POOL_THREADS}) before one of
 * the few workers is taken, and the answer is written after the worker is given back, so only
 * the work of complete requests holds a worker. A request Jetty cannot parse (a malformed
 * path, request line or header, headers larger than {@value #MAX_HEADER_BYTES} bytes) gets a
 * JSON error like every other failure. Requests must name a host this server answers to
 * (localhost names, the bound address, {@code --allow-host}): a page elsewhere cannot reach the
 * API through DNS rebinding. Every answer carries headers against framing, referrer leaks and
 * content sniffing. Reads are answered from a
 * {@link Catalog} rebuilt in the background when the store's index changes (checked every
 * second), so no request scans the store. When the {@link Kronika} was opened for ingest,
 * {@code POST /api/articles} stores a posted document (one at a time) under
 * {@code DATA/posted/}: readable at {@code /api/articles/{id}} at once, and in lists, stories
 * and search once the catalog is rebuilt (seconds on a large store). Thread-safe;
 * {@link #close} stops it.
 */
public final class WebServer implements Closeable {
  /** Connections accepted but not yet answered, and tasks waiting for a pool thread, at most. */
  private static final int QUEUE = 1024;
  /** Jetty's threads: reading posted bodies and writing answers, so slow clients hold these, never the workers. */
  private static final int POOL_THREADS = 256;
  private static final int IDLE_SECONDS = 10;
  private static final int MIN_BYTES_PER_SECOND = 1024;
  /** Request line and headers together; Jetty's default. */
  private static final int MAX_HEADER_BYTES = 8192;
  /** Host names every server answers to. */
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");
  private static final String JSON = "application/json; charset=utf-8";
  private static final Map<String, String> STATIC = Map.of(
      "style.css", "text/css; charset=utf-8",
      "openapi.json", JSON);

  private final Kronika kronika;
  private final Server server;
  private final ServerConnector connector;
  /** Permits for the work of complete requests: the {@code threads} workers. */
  private final Semaphore workers;
  private final Set<String> allowedHosts;
  private final ScheduledExecutorService refresher;
  private final Api api;
  private final Map<String, byte[]> resources;
  private volatile Catalog catalog;

  /** The data directory's saved searches; {@code null} for a cluster. */
  private final Alerts alerts;
  /**
   * Proof that a form was posted from a page this server served: other sites' pages cannot
   * read it (same-origin policy; the Host allow-list stops DNS rebinding). New at each start.
   */
  private final String formToken = newToken();

  private static String newToken() {
    byte[] b = new byte[16];
    new java.security.SecureRandom().nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  private WebServer(Kronika kronika, Path postedDir, Alerts alerts, InetSocketAddress address, int threads,
                    Set<String> allowedHosts) throws IOException {
    this.kronika = kronika;
    this.alerts = alerts;
    this.allowedHosts = allowedHosts;
    this.resources = Map.of("style.css", resource("style.css"), "openapi.json", resource("openapi.json"));
    this.catalog = Catalog.build(kronika, kronika.refreshReads());
    this.api = new Api(kronika, this::catalog, postedDir, alerts);
    this.workers = new Semaphore(threads, true);
    QueuedThreadPool pool = new QueuedThreadPool(POOL_THREADS, 8, 30_000, new BlockingArrayQueue<>(QUEUE));
    pool.setName("kronika-web");
    pool.setDaemon(true);
    this.server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setMinRequestDataRate(MIN_BYTES_PER_SECOND);
    http.setMinResponseDataRate(MIN_BYTES_PER_SECOND);
    this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(address.getHostString());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
    connector.setAcceptQueueSize(256);
    server.addConnector(connector);
    server.setHandler(new AbstractHandler() {
      @Override
      public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
          throws IOException {
        base.setHandled(true);
        WebServer.this.handle(request, response);
      }
    });
    server.setErrorHandler(new JsonErrors());
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "kronika-web-refresh"));
    refresher.scheduleWithFixedDelay(() -> {
      try {
        refresh();
      } catch (IOException | RuntimeException e) {
        System.err.println("kronika serve: refresh failed: " + e.getMessage());
      }
    }, 1, 1, TimeUnit.SECONDS);
    refresher.execute(() -> {
      try {
        FacetedSearch.warmUp(kronika, catalog);
      } catch (IOException | RuntimeException e) {
        System.err.println("kronika serve: search warm-up failed: " + e.getMessage());
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      close();
      throw e;
    } catch (Exception e) { // Jetty's start declares Exception
      close();
      throw new IOException("could not start the web server on " + address + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts serving {@code kronika} on {@code host:port} (port 0 picks a free one) with
   * {@code threads} workers; {@code postedDir} is where posted documents are kept, or
   * {@code null} to refuse ingest.
   */
  public static WebServer start(Kronika kronika, Path postedDir, String host, int port, int threads) throws IOException {
    return start(kronika, postedDir, host, port, threads, List.of(), null);
  }

  /**
   * As {@link #start(Kronika, Path, String, int, int)}, answering requests that name one of
   * {@code moreHosts} too (besides localhost names and {@code host} itself), and serving the
   * data directory's saved searches under {@code /api/alerts} ({@code null}: none, as for a cluster).
   */
  public static WebServer start(Kronika kronika, Path postedDir, String host, int port, int threads,
                                List<String> moreHosts, Alerts alerts) throws IOException {
    Set<String> allowed = new java.util.HashSet<>(LOCAL_HOSTS);
    allowed.add(hostName(host));
    moreHosts.forEach(h -> allowed.add(hostName(h)));
    return new WebServer(kronika, postedDir, alerts, new InetSocketAddress(host, port), threads, Set.copyOf(allowed));
  }

  /** A Host header's or option's host, lower-cased, without port or IPv6 brackets. */
  static String hostName(String hostAndPort) {
    String h = hostAndPort.strip().toLowerCase(java.util.Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(1, end);
    }
    int colon = h.indexOf(':');
    return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
  }

  /** The port it listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  private Catalog catalog() {
    return catalog;
  }

  /** Rebuilds the catalog if the store changed since it was built. */
  private synchronized void refresh() throws IOException {
    long version = kronika.refreshReads();
    if (version != catalog.version) {
      catalog = Catalog.build(kronika, version);
    }
  }

  /** An answer to a request, computed while a worker is held and written after it is given back. */
  private record Answer(int status, String type, byte[] body) {
    static Answer of(int status, String type, String body) {
      return new Answer(status, type, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String rawPath = request.getRequestURI();
    boolean isApi = rawPath.equals("/api") || rawPath.startsWith("/api/");
    Answer answer;
    try {
      String host = request.getHeader("Host");
      if (host == null || !allowedHosts.contains(hostName(host))) {
        throw new HttpError(421, "this server does not answer to host " + HttpError.quoted(String.valueOf(host))
            + "; start it with --allow-host to add a name it is reached by");
      }
      // a posted body arrives before a worker is taken, so a slow sender holds none
      byte[] body = request.getMethod().equals("POST") ? readBody(request.getInputStream()) : new byte[0];
      workers.acquire();
      try {
        answer = answer(request, response, rawPath, isApi, host, body);
      } finally {
        workers.release();
      }
    } catch (HttpError e) {
      answer = error(isApi, e.status, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer = error(isApi, 503, "the server is stopping");
    } catch (RuntimeException | IOException | StackOverflowError | OutOfMemoryError e) {
      // an Error from one request's input ends that request, never the thread serving the others
      System.err.println("kronika serve: " + request.getMethod() + " " + rawPath + " failed: " + e);
      answer = error(isApi, 500, "internal error; the server's standard error has the details");
    }
    send(request, response, answer);
  }

  /** The answer to an allowed request, with its body (empty unless posted) read. */
  private Answer answer(HttpServletRequest request, HttpServletResponse response, String rawPath, boolean isApi,
                        String host, byte[] body) throws IOException {
    String method = request.getMethod();
    String query = request.getQueryString();
    List<String> path = segments(rawPath);
    if (path.equals(List.of("api", "openapi.json"))) {
      requireGet(request, response);
      Params.parse(query, Set.of());
      return new Answer(200, STATIC.get("openapi.json"), resources.get("openapi.json"));
    } else if (isApi && method.equals("GET") && !(path.size() > 1 && path.get(1).equals("alerts"))) {
      // (saved searches change without a commit: never cached)
      // A GET answer depends on the index alone, so it is kept with the catalog.
      Catalog c = catalog;
      String json = c.page("api:" + rawPath + "?" + query, () -> {
        try {
          return Json.write(api.handle("GET", path.subList(1, path.size()), query, null, () -> new byte[0]).body());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return Answer.of(200, JSON, json);
    } else if (isApi) {
      Api.Response r = api.handle(method, path.subList(1, path.size()), query, request.getHeader("Content-Type"), () -> body);
      return Answer.of(r.status(), JSON, Json.write(r.body()));
    } else if (!path.isEmpty() && path.get(0).equals("feeds")) {
      requireGet(request, response);
      String base = "http://" + host; // an allowed name, checked above
      return Answer.of(200, Feeds.TYPE, feed(path, query, base));
    } else if (path.equals(List.of("alerts"))) {
      String page = alertsPage(request, response, body);
      if (page == null) { // a form was posted: show the page again with a GET, so a reload posts nothing
        response.setHeader("Location", "/alerts");
        return new Answer(303, "text/html; charset=utf-8", new byte[0]);
      }
      return Answer.of(200, "text/html; charset=utf-8", page);
    } else if (path.size() == 2 && path.get(0).equals("static")) {
      requireGet(request, response);
      String type = STATIC.get(path.get(1));
      if (type == null) {
        throw HttpError.notFound("no such file");
      }
      response.setHeader("Cache-Control", "max-age=3600");
      return new Answer(200, type, resources.get(path.get(1)));
    }
    requireGet(request, response);
    return Answer.of(200, "text/html; charset=utf-8", page(path, query));
  }

  /**
   * The alerts page; a form posted to it saves or removes an alert when it carries this
   * server's form token, and answers {@code null} (the caller redirects to the page).
   */
  private String alertsPage(HttpServletRequest request, HttpServletResponse response, byte[] body) throws IOException {
    if (alerts == null) {
      throw HttpError.notFound("alerts are kept in a data directory; this server reads a cluster");
    }
    if (request.getMethod().equals("POST")) {
      Params form = Params.parse(new String(body, StandardCharsets.UTF_8), Set.of("token", "q", "lang", "webhook", "remove"));
      if (!java.security.MessageDigest.isEqual(formToken.getBytes(StandardCharsets.UTF_8),
          String.valueOf(form.string("token")).getBytes(StandardCharsets.UTF_8))) {
        throw new HttpError(403, "this form did not come from this server's alerts page; open the page and try again");
      }
      if (form.string("remove") != null) {
        alerts.remove(form.string("remove"));
      } else {
        try {
          alerts.add(String.valueOf(form.string("q")), form.language("lang"), java.net.URI.create(String.valueOf(form.string("webhook"))), kronika);
        } catch (IllegalArgumentException e) {
          throw HttpError.badRequest(e.getMessage());
        }
      }
      return null;
    }
    requireGet(request, response);
    Params p = Params.parse(request.getQueryString(), Set.of("q", "lang"));
    return AlertPages.render(alerts, formToken, p.string("q"), p.language("lang"));
  }

  /** A story's, storyline's, entity's or search's Atom feed ({@link Feeds}). */
  private String feed(List<String> path, String query, String base) throws IOException {
    Catalog c = catalog;
    if (path.size() == 2 && path.get(1).equals("search.atom")) {
      Params p = Params.parse(query, Set.of("q", "lang"));
      String q = p.string("q");
      if (q == null || q.isBlank()) {
        throw HttpError.badRequest("a search feed needs q");
      }
      FacetedSearch.Result result = FacetedSearch.run(kronika, c,
          new FacetedSearch.Request(q, p.language("lang"), null, null, null, null, 0, 4 * Feeds.ENTRIES));
      String page = "/search?" + query;
      return Feeds.render(c, new Feeds.Source("urn:kronika:search:" + Html.encode(q) + ":" + p.language("lang"),
          "Search: " + q, page, "/feeds/search.atom?" + query,
          result.hits().stream().map(FacetedSearch.Hit::article).toList()), base);
    }
    Params.parse(query, Set.of());
    if (path.size() != 3 || !path.get(2).endsWith(".atom")) {
      throw HttpError.notFound("no feed at this address");
    }
    String kind = path.get(1);
    String id = path.get(2).substring(0, path.get(2).length() - ".atom".length());
    return c.page("feed " + base + " " + kind + " " + id, () -> {
      Feeds.Source source = switch (kind) {
        case "stories" -> {
          Catalog.StoryView v = c.storyById.get(id);
          if (v == null) {
            throw HttpError.notFound("no story with id '" + id + "'");
          }
          yield new Feeds.Source("urn:kronika:story:" + id, v.title(), Html.path("story", id), Feeds.path(kind, id),
              c.storyArticles.getOrDefault(id, List.of()));
        }
        case "storylines" -> {
          Catalog.StorylineView v = c.storylineById.get(id);
          if (v == null) {
            throw HttpError.notFound("no storyline with id '" + id + "'");
          }
          yield new Feeds.Source("urn:kronika:storyline:" + id, v.title(), Html.path("storyline", id),
              Feeds.path(kind, id), summaries(c, v.line().articles()));
        }
        case "entities" -> {
          Catalog.Entity e = c.entities.get(id);
          if (e == null) {
            throw HttpError.notFound("no entity with id '" + id + "'");
          }
          yield new Feeds.Source("urn:kronika:entity:" + id, e.name(), Html.path("entity", id), Feeds.path(kind, id),
              summaries(c, e.articles()));
        }
        default -> throw HttpError.notFound("no feed at this address");
      };
      return Feeds.render(c, source, base);
    });
  }

  private static List<Catalog.Summary> summaries(Catalog c, List<String> ids) {
    return ids.stream().map(c.articleById::get).filter(java.util.Objects::nonNull).toList();
  }

  private String page(List<String> path, String query) throws IOException {
    Catalog c = catalog;
    String first = path.isEmpty() ? "" : path.get(0);
    if (path.size() <= 1 && first.isEmpty()) {
      Params p = Params.parse(query, Set.of("page"));
      int page = p.integer("page", 1, 1, Integer.MAX_VALUE);
      return c.page("/?page=" + page, () -> Pages.home(c, page));
    }
    if (path.size() == 1 && first.equals("search")) {
      Params p = Params.parse(query, Set.of("q", "lang", "source", "from", "to", "entity", "page"));
      String q = p.string("q");
      int page = p.integer("page", 1, 1, 100_000);
      FacetedSearch.Request r = new FacetedSearch.Request(q == null ? "" : q, p.language("lang"), p.string("source"),
          p.date("from"), p.date("to"), p.string("entity"), (page - 1) * Pages.HITS_PER_PAGE, Pages.HITS_PER_PAGE);
      FacetedSearch.Result result = q == null
          ? new FacetedSearch.Result(0, List.of(), List.of(), List.of(), List.of(), null, null)
          : FacetedSearch.run(kronika, c, r);
      return Pages.search(c, r, result, page);
    }
    if (path.size() == 1 && first.equals("storylines")) {
      Params p = Params.parse(query, Set.of("page"));
      int page = p.integer("page", 1, 1, Integer.MAX_VALUE);
      return c.page("/storylines?page=" + page, () -> StorylinePages.list(c, page));
    }
    if (path.size() == 1 && first.equals("quotes")) {
      Params p = Params.parse(query, Set.of("speaker", "about", "q", "lang", "page"));
      QuotePages.Query q = new QuotePages.Query(p.string("speaker"), p.string("about"), p.string("q"), p.language("lang"));
      int page = p.integer("page", 1, 1, Integer.MAX_VALUE);
      return c.page("/quotes " + q + " " + page, () -> QuotePages.render(c, q, page));
    }
    if (path.size() == 2) {
      String id = path.get(1);
      switch (first) {
        case "story" -> {
          Params.parse(query, Set.of());
          Catalog.StoryView v = c.storyById.get(id);
          if (v == null) {
            throw HttpError.notFound("no story with id " + HttpError.quoted(id));
          }
          return c.page("/story/" + id, () -> Pages.story(c, v));
        }
        case "entity" -> {
          Params p = Params.parse(query, Set.of("page"));
          Catalog.Entity e = c.entities.get(id);
          if (e == null) {
            throw HttpError.notFound("no entity with id " + HttpError.quoted(id));
          }
          int page = p.integer("page", 1, 1, Integer.MAX_VALUE);
          return c.page("/entity/" + id + "?page=" + page, () -> EntityPage.render(c, e, page));
        }
        case "storyline" -> {
          Params.parse(query, Set.of());
          Catalog.StorylineView v = c.storylineById.get(id);
          if (v == null) {
            throw HttpError.notFound("no storyline with id '" + id + "'");
          }
          return c.page("/storyline/" + id, () -> StorylinePages.page(c, v));
        }
        case "article" -> {
          Params.parse(query, Set.of());
          return Pages.article(c, kronika.article(id).orElseThrow(() -> HttpError.notFound("no article with id " + HttpError.quoted(id))));
        }
        default -> { }
      }
    }
    throw HttpError.notFound("no page at this address");
  }

  /**
   * The decoded segments of a path. Segments are only ever looked up, never joined into
   * file names; still, dot segments, slashes and control characters are refused outright.
   */
  static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (trimmed.isEmpty()) {
      return out;
    }
    for (String raw : trimmed.split("/", -1)) {
      String s;
      try {
        s = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("malformed percent-encoding in the path");
      }
      if (s.equals(".") || s.equals("..") || s.contains("/") || s.contains("\\") || s.chars().anyMatch(Character::isISOControl)) {
        throw HttpError.badRequest("invalid path segment");
      }
      out.add(s);
    }
    if (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static void requireGet(HttpServletRequest request, HttpServletResponse response) {
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
      response.setHeader("Allow", "GET, HEAD");
      throw new HttpError(405, "method " + request.getMethod() + " not allowed here");
    }
  }

  private static Answer error(boolean isApi, int status, String message) {
    return isApi ? new Answer(status, JSON, errorJson(status, message))
        : Answer.of(status, "text/html; charset=utf-8", Pages.error(status, message));
  }

  /** The API's error body: {@code {"error": {"status", "message"}}}. */
  private static byte[] errorJson(int status, String message) {
    return Json.write(Map.of("error", Map.of("status", status, "message", message))).getBytes(StandardCharsets.UTF_8);
  }

  /** Headers every answer carries, errors Jetty writes itself included. */
  private static final Map<String, String> SECURITY_HEADERS = Map.of(
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "no-referrer");

  private static void send(HttpServletRequest request, HttpServletResponse response, Answer answer) throws IOException {
    response.setHeader("Content-Type", answer.type());
    SECURITY_HEADERS.forEach(response::setHeader);
    if (answer.type().startsWith("text/html")) {
      response.setHeader("Content-Security-Policy",
          "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    }
    response.setStatus(answer.status());
    response.setContentLength(answer.body().length);
    if (!request.getMethod().equals("HEAD")) {
      try (OutputStream out = response.getOutputStream()) {
        out.write(answer.body());
      }
    }
  }

  /**
   * Jetty's answer to a request it could not parse (a malformed path or request line, headers
   * too large) or that failed outside {@link #handle}: the API's JSON error, with the security
   * headers, whatever the method.
   */
  private static final class JsonErrors extends ErrorHandler {
    /** Characters of Jetty's reason kept in a message. */
    private static final int REASON_CHARS = 200;

    private static String message(int status, String reason) {
      String r = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
      r = r.length() > REASON_CHARS ? r.substring(0, REASON_CHARS) + "…" : r;
      if (status == 400 && r.equals(HttpStatus.getMessage(400))) { // Jetty says no more
        r = "malformed request line, path or header (such as %zz or %00 in a path)";
      } else if (status == 414 || status == 431) {
        r += " (the request line and headers may take " + MAX_HEADER_BYTES + " bytes)";
      }
      return "the request could not be read: " + r;
    }

    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put("Content-Type", JSON);
      SECURITY_HEADERS.forEach(fields::put);
      return ByteBuffer.wrap(errorJson(status, message(status, reason)));
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      base.setHandled(true);
      int status = response.getStatus();
      Object reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
      String message = message(status, reason == null ? null : reason.toString());
      send(request, response, new Answer(status, JSON, errorJson(status, message)));
    }
  }

  private static byte[] readBody(InputStream in) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        if (out.size() > Api.MAX_POST_BYTES) {
          throw new HttpError(413, "document larger than " + Api.MAX_POST_BYTES + " bytes");
        }
      }
      return out.toByteArray();
    } catch (IOException | BadMessageException e) { // the client went away, went idle or sent too slowly
      throw new HttpError(408, "the request body did not arrive complete, or not at " + MIN_BYTES_PER_SECOND
          + " bytes a second");
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource org/kronika/web/" + name);
      }
      return in.readAllBytes();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) { // Jetty's stop declares Exception
      System.err.println("kronika serve: stopping the web server failed: " + e);
    }
    refresher.shutdownNow();
  }
}
