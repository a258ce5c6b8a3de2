package org.kronika.watch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which addresses the watcher may fetch from, so that a feed, a sitemap, a redirect or a home
 * page cannot make it read internal services (SSRF): public addresses always; private,
 * loopback, link-local (the cloud metadata service at 169.254.169.254), unspecified, multicast
 * and the other special-purpose ranges of RFC 6890 only for the origins of the sources the
 * user named, or for every origin when {@link WatchOptions#allowPrivateAddresses} says so.
 *
 * <p>A host is judged by every address it resolves to, as the JDK's client will resolve it
 * (so {@code 2130706433}, {@code 127.1} and {@code [::ffff:127.0.0.1]} are all loopback), just
 * before each request; the client then takes the address from the JVM's DNS cache (kept 30 s),
 * so what it connects to is what was checked, bar a cache entry expiring in the milliseconds
 * between. Immutable and thread-safe.
 */
final class AddressPolicy {
  /** A special-purpose range: its first address and prefix length. */
  private record Range(byte[] prefix, int bits, String kind) {
    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final List<Range> SPECIAL = List.of(
      range("0.0.0.0", 8, "unspecified"), range("10.0.0.0", 8, "private"), range("100.64.0.0", 10, "shared (CGNAT)"),
      range("127.0.0.0", 8, "loopback"), range("169.254.0.0", 16, "link-local"), range("172.16.0.0", 12, "private"),
      range("192.0.0.0", 24, "special-purpose"), range("192.0.2.0", 24, "documentation"),
      range("192.88.99.0", 24, "relay"), range("192.168.0.0", 16, "private"), range("198.18.0.0", 15, "benchmarking"),
      range("198.51.100.0", 24, "documentation"), range("203.0.113.0", 24, "documentation"),
      range("224.0.0.0", 4, "multicast"), range("240.0.0.0", 4, "reserved"),
      range("::", 128, "unspecified"), range("::1", 128, "loopback"), range("::", 96, "IPv4-compatible"),
      range("64:ff9b::", 96, "NAT64"), range("64:ff9b:1::", 48, "NAT64"), range("100::", 64, "discard"),
      range("2001::", 23, "special-purpose"), range("2001:db8::", 32, "documentation"), range("2002::", 16, "6to4"),
      range("fc00::", 7, "private (unique local)"), range("fe80::", 10, "link-local"), range("fec0::", 10, "site-local"),
      range("ff00::", 8, "multicast"));

  private final Set<String> namedOrigins;
  private final boolean allowAll;

  /** A policy letting the origins of {@code namedSources} (URLs; other sources are ignored) reach special addresses. */
  AddressPolicy(Collection<String> namedSources, boolean allowAll) {
    this.namedOrigins = namedSources.stream()
        .filter(s -> s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8))
        .map(s -> origin(URI.create(s))).collect(Collectors.toUnmodifiableSet());
    this.allowAll = allowAll;
  }

  /**
   * Refuses a URL whose host resolves to a special address, unless its origin is allowed.
   *
   * @throws FetchException (permanent) naming the host, the address and what kind it is
   */
  void check(URI uri) throws FetchException {
    if (allowAll || namedOrigins.contains(origin(uri))) {
      return;
    }
    String host = uri.getHost();
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException("unknown host " + host, false);
    }
    for (InetAddress a : addresses) {
      String kind = special(a);
      if (kind != null) {
        throw FetchException.refusal("refused " + uri + ": " + host + " is " + a.getHostAddress() + ", "
            + ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind
            + " address; name it as a source or allow private addresses (--allow-private-addresses)");
      }
    }
  }

  /** What kind of special address {@code a} is, or {@code null} for a public one. */
  static String special(InetAddress a) {
    byte[] bytes = a.getAddress();
    for (Range r : SPECIAL) {
      if (r.contains(bytes)) {
        return r.kind();
      }
    }
    return null;
  }

  /** {@code scheme://host:port}, lower-cased, with the scheme's default port made explicit. */
  static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  private static Range range(String first, int bits, String kind) {
    try {
      byte[] prefix = InetAddress.getByName(first).getAddress();
      if (prefix.length == 4 && first.contains(":")) {
        throw new IllegalStateException(first); // the JDK folds some IPv6 forms into IPv4
      }
      return new Range(prefix, bits, kind);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(first, e);
    }
  }
}
