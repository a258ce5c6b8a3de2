package org.kronika.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kronika.watch.WatchOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The options of continuous ingest, shared by {@code watch} and {@code serve --watch}. */
final class WatchOptionsMixin {
  private static final WatchOptions DEFAULTS = WatchOptions.defaults();

  @Option(names = "--sources", paramLabel = "FILE",
      description = "A file of sources, one a line (blank lines and lines starting with # are skipped).")
  Path sourcesFile;

  @Option(names = "--min-interval", paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "1m",
      description = "Shortest time between two polls of a source, for busy ones (default: ${DEFAULT-VALUE}; "
          + "units ms, s, m, h).")
  Duration minInterval;

  @Option(names = "--max-interval", paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "1h",
      description = "Longest time between two polls, for quiet sources, and the longest back-off after errors "
          + "(default: ${DEFAULT-VALUE}).")
  Duration maxInterval;

  @Option(names = "--contact", paramLabel = "URL|EMAIL",
      description = "How site owners reach you, sent in the User-Agent: Kronika/VERSION (+CONTACT).")
  String contact;

  @Option(names = "--timeout", paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "30s",
      description = "Time allowed for a whole response (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--connect-timeout", paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "10s",
      description = "Time allowed to connect (default: ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  @Option(names = "--max-size", paramLabel = "MB", defaultValue = "10",
      description = "Largest response read, in megabytes (default: ${DEFAULT-VALUE}).")
  int maxSizeMb;

  @Option(names = "--per-host", paramLabel = "N", defaultValue = "2",
      description = "Requests in flight to one host at most (default: ${DEFAULT-VALUE}).")
  int perHost;

  @Option(names = "--host-delay", paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "1s",
      description = "Least time between two requests to one host; robots.txt's Crawl-delay may lengthen it "
          + "(default: ${DEFAULT-VALUE}).")
  Duration hostDelay;

  @Option(names = "--fetch-threads", paramLabel = "N", defaultValue = "8",
      description = "Sources polled at once (default: ${DEFAULT-VALUE}).")
  int fetchThreads;

  @Option(names = "--allow-private-addresses",
      description = "Let every source, not only the ones named, be fetched from private, loopback, link-local and "
          + "other special addresses (an intranet's feeds; off by default, so that nothing found on a page can make "
          + "the watch read internal services).")
  boolean allowPrivateAddresses;

  @Option(names = "--max-discovered", paramLabel = "N", defaultValue = "1000",
      description = "Sources followed through one named source at most: feeds of home pages, sitemaps of indexes "
          + "(default: ${DEFAULT-VALUE}).")
  int maxDiscovered;

  @Option(names = "--max-discovery-depth", paramLabel = "N", defaultValue = "2",
      description = "Steps from a named source to the sources found through it at most; 2 allows an index of "
          + "indexes (default: ${DEFAULT-VALUE}).")
  int maxDiscoveryDepth;

  /** The options as given; throws IllegalArgumentException with the reason when one is out of range. */
  WatchOptions options() {
    if (maxSizeMb < 1 || maxSizeMb > 1024) {
      throw new IllegalArgumentException("--max-size must be between 1 and 1024 MB");
    }
    return new WatchOptions(minInterval, maxInterval, contact, connectTimeout, timeout, (long) maxSizeMb << 20,
        perHost, hostDelay, DEFAULTS.maxRedirects(), fetchThreads, DEFAULTS.maxItemsPerPoll(), allowPrivateAddresses,
        maxDiscovered, maxDiscoveryDepth);
  }

  /** The sources named on the command line followed by those of {@code --sources}. */
  List<String> sources(List<String> named) throws IOException {
    List<String> all = new ArrayList<>(named == null ? List.of() : named);
    if (sourcesFile != null) {
      for (String line : Files.readAllLines(sourcesFile, StandardCharsets.UTF_8)) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          all.add(s);
        }
      }
    }
    return all;
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or an ISO-8601 duration such as {@code PT90S}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      Matcher m = SIMPLE.matcher(v);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      try {
        return Duration.parse(value.strip());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not a duration (such as 500ms, 30s, 5m, 1h): " + value);
      }
    }
  }
}
