package org.kronika.watch;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Watcher} fetches: poll intervals, politeness towards each host, and the caps that
 * keep a bad server from holding it up. Immutable; start from {@link #defaults()} and change
 * what you need with the {@code with…} methods.
 *
 * @param minInterval    shortest time between two polls of one source (a busy feed)
 * @param maxInterval    longest time between two polls (a quiet feed), and the longest back-off after errors
 * @param contact        a URL or e-mail address for site owners, sent in the User-Agent; {@code null} for none
 * @param connectTimeout time allowed to open a connection
 * @param requestTimeout time allowed for a whole response, body included
 * @param maxBytes       largest response body read (compressed and decompressed); a larger one is an error
 * @param perHost        requests in flight to one host at most
 * @param hostDelay      least time between the starts of two requests to one host (robots.txt's
 *                       Crawl-delay lengthens it)
 * @param maxRedirects   redirects followed per request at most
 * @param fetchThreads   sources polled at once
 * @param maxItemsPerPoll new items taken from one source per poll; the rest wait for the next poll
 * @param allowPrivateAddresses whether any origin may be fetched from a private, loopback, link-local or
 *                       otherwise special address; when false (the default) only the origins of the sources
 *                       named by the user may (see {@link AddressPolicy})
 * @param maxDiscovered  sources found through one named source at most, however many its home pages and
 *                       sitemap indexes list (the rest are not followed, and the log says so once)
 * @param maxDiscoveryDepth steps from a named source to a source found through it at most: 1 is a home
 *                       page's feeds or an index's sitemaps, 2 adds the sitemaps of an index listed in an index
 */
public record WatchOptions(Duration minInterval, Duration maxInterval, String contact, Duration connectTimeout,
                           Duration requestTimeout, long maxBytes, int perHost, Duration hostDelay, int maxRedirects,
                           int fetchThreads, int maxItemsPerPoll, boolean allowPrivateAddresses, int maxDiscovered,
                           int maxDiscoveryDepth) {
  public WatchOptions {
    Objects.requireNonNull(minInterval, "minInterval");
    Objects.requireNonNull(maxInterval, "maxInterval");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(hostDelay, "hostDelay");
    if (minInterval.isNegative() || minInterval.isZero() || maxInterval.compareTo(minInterval) < 0) {
      throw new IllegalArgumentException("intervals must be positive, the maximum at least the minimum");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (hostDelay.isNegative()) {
      throw new IllegalArgumentException("the delay between requests to a host cannot be negative");
    }
    if (maxBytes < 1024 || perHost < 1 || maxRedirects < 0 || fetchThreads < 1 || maxItemsPerPoll < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1024; perHost, fetchThreads and maxItemsPerPoll at "
          + "least 1; maxRedirects not negative");
    }
    if (maxDiscovered < 0 || maxDiscoveryDepth < 0) {
      throw new IllegalArgumentException("maxDiscovered and maxDiscoveryDepth cannot be negative");
    }
    if (contact != null && (contact.isBlank() || contact.chars().anyMatch(c -> c < 0x20 || c > 0x7e))) {
      throw new IllegalArgumentException("contact must be printable ASCII, such as a URL or an e-mail address");
    }
  }

  /** As given, with the default reach: named sources' origins only, 1,000 sources found, 2 steps deep. */
  public WatchOptions(Duration minInterval, Duration maxInterval, String contact, Duration connectTimeout,
                      Duration requestTimeout, long maxBytes, int perHost, Duration hostDelay, int maxRedirects,
                      int fetchThreads, int maxItemsPerPoll) {
    this(minInterval, maxInterval, contact, connectTimeout, requestTimeout, maxBytes, perHost, hostDelay, maxRedirects,
        fetchThreads, maxItemsPerPoll, false, 1000, 2);
  }

  /**
   * Polls every 1 min to 1 h, 2 requests at once and 1 s apart per host, 10 s to connect,
   * 30 s per response, 10 MB per response, 5 redirects, 8 sources at once, 100 new items per poll;
   * special addresses only for named sources' origins, at most 1,000 sources found through one named
   * source, at most 2 steps from it.
   */
  public static WatchOptions defaults() {
    return new WatchOptions(Duration.ofMinutes(1), Duration.ofHours(1), null, Duration.ofSeconds(10),
        Duration.ofSeconds(30), 10L << 20, 2, Duration.ofSeconds(1), 5, 8, 100);
  }

  public WatchOptions withIntervals(Duration min, Duration max) {
    return new WatchOptions(min, max, contact, connectTimeout, requestTimeout, maxBytes, perHost, hostDelay,
        maxRedirects, fetchThreads, maxItemsPerPoll, allowPrivateAddresses, maxDiscovered, maxDiscoveryDepth);
  }

  public WatchOptions withContact(String contact) {
    return new WatchOptions(minInterval, maxInterval, contact, connectTimeout, requestTimeout, maxBytes, perHost,
        hostDelay, maxRedirects, fetchThreads, maxItemsPerPoll, allowPrivateAddresses, maxDiscovered, maxDiscoveryDepth);
  }

  public WatchOptions withTimeouts(Duration connect, Duration request) {
    return new WatchOptions(minInterval, maxInterval, contact, connect, request, maxBytes, perHost, hostDelay,
        maxRedirects, fetchThreads, maxItemsPerPoll, allowPrivateAddresses, maxDiscovered, maxDiscoveryDepth);
  }

  public WatchOptions withMaxBytes(long bytes) {
    return new WatchOptions(minInterval, maxInterval, contact, connectTimeout, requestTimeout, bytes, perHost,
        hostDelay, maxRedirects, fetchThreads, maxItemsPerPoll, allowPrivateAddresses, maxDiscovered, maxDiscoveryDepth);
  }

  public WatchOptions withHostLimits(int requestsAtOnce, Duration delay) {
    return new WatchOptions(minInterval, maxInterval, contact, connectTimeout, requestTimeout, maxBytes,
        requestsAtOnce, delay, maxRedirects, fetchThreads, maxItemsPerPoll, allowPrivateAddresses, maxDiscovered, maxDiscoveryDepth);
  }

  public WatchOptions withFetchThreads(int threads) {
    return new WatchOptions(minInterval, maxInterval, contact, connectTimeout, requestTimeout, maxBytes, perHost,
        hostDelay, maxRedirects, threads, maxItemsPerPoll, allowPrivateAddresses, maxDiscovered, maxDiscoveryDepth);
  }

  public WatchOptions withPrivateAddresses(boolean allowed) {
    return new WatchOptions(minInterval, maxInterval, contact, connectTimeout, requestTimeout, maxBytes, perHost,
        hostDelay, maxRedirects, fetchThreads, maxItemsPerPoll, allowed, maxDiscovered, maxDiscoveryDepth);
  }

  public WatchOptions withDiscoveryLimits(int sources, int depth) {
    return new WatchOptions(minInterval, maxInterval, contact, connectTimeout, requestTimeout, maxBytes, perHost,
        hostDelay, maxRedirects, fetchThreads, maxItemsPerPoll, allowPrivateAddresses, sources, depth);
  }

  /** {@code Kronika/VERSION (+contact)}: names the crawler and how to reach whoever runs it. */
  public String userAgent() {
    return "Kronika/" + org.kronika.Kronika.version() + (contact == null ? " (news engine)" : " (+" + contact + ")");
  }
}
