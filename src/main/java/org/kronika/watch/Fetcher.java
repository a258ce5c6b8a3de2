package org.kronika.watch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Polite HTTP GETs on the JDK's client: robots.txt checked first (fetched once per host and
 * kept a day), at most {@link WatchOptions#perHost} requests at once per host started at
 * least {@link WatchOptions#hostDelay} (or the Crawl-delay) apart, a User-Agent naming
 * Kronika, conditional requests from the validators given, gzip and deflate accepted and
 * decoded here, redirects followed here (capped, loops detected), every request's address
 * checked by an {@link AddressPolicy} (every redirect hop and robots.txt included), and every
 * response capped in size and time. Thread-safe.
 */
final class Fetcher {
  /** What a GET returned: a body (2xx) or {@code 304 Not Modified}; {@code uri} is where it ended after redirects. */
  record Response(URI uri, int status, byte[] body, String contentType, String etag, String lastModified,
                  String location, String retryAfter) {
    boolean notModified() {
      return status == 304;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final long ROBOTS_TTL_MILLIS = 24 * 3600_000L;
  private static final long ROBOTS_RETRY_MILLIS = 60_000L;
  /** robots.txt read at most: RFC 9309 asks crawlers to parse at least 500 KiB, and only the rest may be dropped. */
  private static final long ROBOTS_MAX_BYTES = 500 * 1024;

  private final WatchOptions options;
  private final AddressPolicy addresses;
  private final HttpClient client;
  private final String userAgent;
  private final Map<String, HostGate> gates = new ConcurrentHashMap<>();
  private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();
  private final Map<String, Object> robotsLocks = new ConcurrentHashMap<>();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong notModified = new AtomicLong();

  /** A fetcher for the sources the user named (URLs and folders): their origins may be on special addresses. */
  Fetcher(WatchOptions options, List<String> namedSources) {
    this.options = options;
    this.addresses = new AddressPolicy(namedSources, options.allowPrivateAddresses());
    this.userAgent = options.userAgent();
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(options.connectTimeout())
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /**
   * Whether the watcher may fetch {@code uri} at all (its scheme and where its host resolves),
   * checked before a source found on a page is followed.
   *
   * @throws FetchException saying why not
   */
  void checkAllowed(URI uri) throws FetchException {
    checkScheme(uri);
    addresses.check(uri);
  }

  /** A GET of a page or feed, conditional when {@code etag} or {@code lastModified} is given. */
  Response get(URI uri, String etag, String lastModified) throws FetchException, InterruptedException {
    Set<URI> visited = new LinkedHashSet<>();
    URI current = uri;
    while (true) {
      checkScheme(current);
      if (!visited.add(current)) {
        throw new FetchException("redirect loop: " + String.join(" -> ", visited.stream().map(URI::toString).toList())
            + " -> " + current, true);
      }
      if (visited.size() > options.maxRedirects() + 1) {
        throw new FetchException("more than " + options.maxRedirects() + " redirects from " + uri, true);
      }
      addresses.check(current); // before robots.txt, which would be fetched from the same place
      if (!robotsFor(current).allows(pathAndQuery(current))) {
        throw new FetchException("disallowed by robots.txt: " + current, true);
      }
      Response r = once(current, etag, lastModified, options.maxBytes(), false);
      if (isRedirect(r.status())) {
        current = redirectTarget(current, r);
        continue;
      }
      if (r.status() == 304) {
        notModified.incrementAndGet();
        return r;
      }
      if (r.status() >= 200 && r.status() < 300) {
        return r;
      }
      throw statusError(r);
    }
  }

  private static void checkScheme(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new FetchException("not an http(s) URL: " + uri, true);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static URI redirectTarget(URI from, Response r) throws FetchException {
    String location = r.location();
    if (location == null || location.isBlank()) {
      throw new FetchException("HTTP " + r.status() + " redirect without a Location", true);
    }
    try {
      return from.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new FetchException("HTTP " + r.status() + " redirect to a malformed Location: " + location, true);
    }
  }

  private static FetchException statusError(Response r) {
    int s = r.status();
    boolean retryable = s == 408 || s == 429 || s >= 500;
    long retryAfter = retryAfterMillis(r.retryAfter());
    return new FetchException("HTTP " + s + (retryAfter > 0 ? " (Retry-After " + retryAfter / 1000 + " s)" : ""),
        !retryable, retryAfter);
  }

  /** Retry-After as seconds or an HTTP date; 0 when absent or unreadable. */
  static long retryAfterMillis(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(value.strip()) * 1000);
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, when.toInstant().toEpochMilli() - System.currentTimeMillis());
      } catch (RuntimeException notADate) {
        return 0;
      }
    }
  }

  private static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static String origin(URI uri) {
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private record CachedRobots(Robots rules, long expires) {}

  /** The robots.txt rules of the URI's host, fetched when not cached or expired. */
  private Robots robotsFor(URI uri) throws InterruptedException {
    String origin = origin(uri);
    CachedRobots cached = robots.get(origin);
    if (cached != null && cached.expires > System.currentTimeMillis()) {
      return cached.rules;
    }
    synchronized (robotsLocks.computeIfAbsent(origin, o -> new Object())) { // one fetch per host at a time
      cached = robots.get(origin);
      if (cached != null && cached.expires > System.currentTimeMillis()) {
        return cached.rules;
      }
      Robots rules;
      long ttl = ROBOTS_TTL_MILLIS;
      try {
        URI at = URI.create(origin + "/robots.txt");
        Response r = once(at, null, null, ROBOTS_MAX_BYTES, true);
        for (int hops = 0; isRedirect(r.status()) && hops < 5; hops++) {
          at = redirectTarget(at, r);
          checkScheme(at);
          r = once(at, null, null, ROBOTS_MAX_BYTES, true);
        }
        if (r.status() >= 200 && r.status() < 300) {
          rules = Robots.parse(r.text(), "kronika");
        } else if (r.status() >= 400 && r.status() < 500 && r.status() != 429) {
          rules = Robots.ALLOW_ALL;
        } else {
          rules = Robots.DISALLOW_ALL; // RFC 9309: unreachable means disallowed, for now
          ttl = ROBOTS_RETRY_MILLIS;
        }
      } catch (FetchException e) {
        rules = Robots.DISALLOW_ALL;
        ttl = ROBOTS_RETRY_MILLIS;
      }
      gate(uri).crawlDelayMillis = (long) (rules.crawlDelaySeconds() * 1000);
      robots.put(origin, new CachedRobots(rules, System.currentTimeMillis() + ttl));
      return rules;
    }
  }

  private HostGate gate(URI uri) {
    return gates.computeIfAbsent(origin(uri), o -> new HostGate(options.perHost()));
  }

  /**
   * One request, no redirects followed. A body beyond {@code maxBytes} (before or after
   * decompression) is an error, or with {@code truncate} cut to its first {@code maxBytes}.
   */
  private Response once(URI uri, String etag, String lastModified, long maxBytes, boolean truncate)
      throws FetchException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET()
        .timeout(options.requestTimeout())
        .header("User-Agent", userAgent)
        .header("Accept-Encoding", "gzip, deflate")
        .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
            + "text/html;q=0.8, */*;q=0.5");
    if (etag != null) {
      b.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      b.header("If-Modified-Since", lastModified);
    }
    HostGate gate = gate(uri);
    gate.acquire(options.hostDelay().toMillis());
    HttpResponse<byte[]> response;
    CompletableFuture<HttpResponse<byte[]>> future = null;
    try {
      addresses.check(uri); // as late as can be: the connection takes the address this check resolved
      requests.incrementAndGet();
      future = client.sendAsync(b.build(), info -> new CappedBody(maxBytes, truncate));
      response = future.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new FetchException("no complete response within " + seconds(options.requestTimeout()) + " s", false);
    } catch (ExecutionException e) {
      throw networkError(e.getCause());
    } finally {
      gate.release();
    }
    var headers = response.headers();
    int status = response.statusCode();
    if (status >= 300 && status != 304) {
      return new Response(uri, status, new byte[0], null, null, null, headers.firstValue("Location").orElse(null),
          headers.firstValue("Retry-After").orElse(null));
    }
    byte[] body = decode(response.body(), headers.firstValue("Content-Encoding").orElse(""), maxBytes, truncate);
    return new Response(uri, status, body, headers.firstValue("Content-Type").orElse(null),
        headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null), null, null);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }

  private FetchException networkError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FetchException f) {
        return f;
      }
    }
    if (e instanceof HttpConnectTimeoutException) {
      return new FetchException("no connection within " + seconds(options.connectTimeout()) + " s", false);
    }
    if (e instanceof HttpTimeoutException) {
      return new FetchException("no response within " + seconds(options.requestTimeout()) + " s", false);
    }
    if (e instanceof ConnectException) {
      return new FetchException("connection refused", false);
    }
    String m = e.getMessage();
    return new FetchException("network error: " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m), false);
  }

  /** The body decoded from its Content-Encoding, refusing more than {@code maxBytes} decoded. */
  static byte[] decode(byte[] body, String encoding, long maxBytes) throws FetchException {
    return decode(body, encoding, maxBytes, false);
  }

  /** As {@link #decode(byte[], String, long)}, or with {@code truncate} keeping the first {@code maxBytes}. */
  static byte[] decode(byte[] body, String encoding, long maxBytes, boolean truncate) throws FetchException {
    String e = encoding.strip().toLowerCase(Locale.ROOT);
    if (e.isEmpty() || e.equals("identity") || body.length == 0) {
      return body;
    }
    try {
      InputStream in;
      if (e.equals("gzip") || e.equals("x-gzip")) {
        in = new GZIPInputStream(new ByteArrayInputStream(body));
      } else if (e.equals("deflate")) {
        // "deflate" is zlib-wrapped by the standard, raw deflate by some servers
        boolean zlib = body.length > 1 && (body[0] & 0x0f) == 8 && ((body[0] & 0xff) << 8 | (body[1] & 0xff)) % 31 == 0;
        in = new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib));
      } else {
        throw new FetchException("unsupported Content-Encoding: " + encoding, true);
      }
      try (in) {
        byte[] decoded = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
        if (decoded.length > maxBytes && truncate) {
          return java.util.Arrays.copyOf(decoded, (int) maxBytes);
        }
        if (decoded.length > maxBytes) {
          throw new FetchException("response larger than " + maxBytes + " bytes once decompressed", true);
        }
        return decoded;
      }
    } catch (ZipException ex) {
      throw new FetchException("corrupt " + e + " response: " + ex.getMessage(), false);
    } catch (FetchException ex) {
      throw ex;
    } catch (IOException ex) {
      throw new FetchException("unreadable " + e + " response: " + ex.getMessage(), false);
    }
  }

  /** Collects a body, cancelling the download once it passes the cap (an error, or the end of a truncated body). */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final boolean truncate;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(long max, boolean truncate) {
      this.max = max;
      this.truncate = truncate;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if (bytes.size() + (long) b.remaining() > max) {
          subscription.cancel();
          if (truncate) {
            byte[] head = new byte[(int) (max - bytes.size())];
            b.get(head);
            bytes.writeBytes(head);
            result.complete(bytes.toByteArray());
          } else {
            result.completeExceptionally(new FetchException("response larger than " + max + " bytes", true));
          }
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }

    @Override
    public CompletableFuture<byte[]> getBody() {
      return result;
    }
  }

  /** Per host: requests in flight at most, and the least time between their starts. */
  private static final class HostGate {
    private final Semaphore permits;
    private long nextStart;
    volatile long crawlDelayMillis;

    HostGate(int perHost) {
      this.permits = new Semaphore(perHost, true);
    }

    void acquire(long delayMillis) throws InterruptedException {
      permits.acquire();
      long wait;
      synchronized (this) {
        long now = System.nanoTime() / 1_000_000;
        long start = Math.max(now, nextStart);
        nextStart = start + Math.max(delayMillis, crawlDelayMillis);
        wait = start - now;
      }
      if (wait > 0) {
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          permits.release();
          throw e;
        }
      }
    }

    void release() {
      permits.release();
    }
  }
}
