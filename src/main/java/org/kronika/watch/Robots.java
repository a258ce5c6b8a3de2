package org.kronika.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of one robots.txt (RFC 9309) that apply to one crawler: the groups naming its
 * product token, else the {@code *} groups. The longest matching Allow or Disallow pattern
 * decides (Allow wins a tie); patterns may use {@code *} and a final {@code $}. A
 * {@code Crawl-delay} in the chosen groups is kept. Immutable and thread-safe.
 */
final class Robots {
  /** No robots.txt (404 and other 4xx): everything is allowed. */
  static final Robots ALLOW_ALL = new Robots(List.of(), 0);
  /** robots.txt unreachable (5xx, network error): nothing is allowed until it is fetched again. */
  static final Robots DISALLOW_ALL = new Robots(List.of(new Rule("/", false, Pattern.compile("/.*"))), 0);

  private record Rule(String pattern, boolean allow, Pattern regex) {}

  private final List<Rule> rules;
  private final double crawlDelaySeconds;

  private Robots(List<Rule> rules, double crawlDelaySeconds) {
    this.rules = rules;
    this.crawlDelaySeconds = crawlDelaySeconds;
  }

  /** The Crawl-delay asked of this crawler in seconds, 0 if none. */
  double crawlDelaySeconds() {
    return crawlDelaySeconds;
  }

  /** Whether a path (with its query, as sent: {@code /a/b?x=1}) may be fetched. */
  boolean allows(String pathAndQuery) {
    String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
    if (path.equals("/robots.txt")) {
      return true;
    }
    Rule best = null;
    for (Rule r : rules) {
      if (r.regex.matcher(path).lookingAt()
          && (best == null || r.pattern.length() > best.pattern.length()
              || r.pattern.length() == best.pattern.length() && r.allow)) {
        best = r;
      }
    }
    return best == null || best.allow;
  }

  /** Parses robots.txt for the crawler whose product token is {@code agent} (such as {@code kronika}). */
  static Robots parse(String text, String agent) {
    String token = agent.toLowerCase(Locale.ROOT);
    List<Rule> mine = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    double mineDelay = 0;
    double starDelay = 0;
    boolean mineFound = false;
    boolean inAgents = false; // reading the user-agent lines that open a group
    boolean forMe = false;
    boolean forStar = false;
    for (String raw : text.split("\r\n|\r|\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (key.equals("user-agent")) {
        if (!inAgents) {
          forMe = false;
          forStar = false;
          inAgents = true;
        }
        String ua = value.toLowerCase(Locale.ROOT);
        if (ua.equals("*")) {
          forStar = true;
        } else if (!ua.isEmpty() && (ua.equals(token) || token.startsWith(ua) || ua.startsWith(token + "/"))) {
          forMe = true;
          mineFound = true;
        }
        continue;
      }
      inAgents = false;
      if (!forMe && !forStar) {
        continue;
      }
      switch (key) {
        case "allow", "disallow" -> {
          if (value.isEmpty()) {
            continue; // "Disallow:" with nothing forbids nothing
          }
          Rule rule = new Rule(value, key.equals("allow"), regex(value));
          if (forMe) {
            mine.add(rule);
          }
          if (forStar) {
            star.add(rule);
          }
        }
        case "crawl-delay" -> {
          double d = parseDelay(value);
          if (forMe) {
            mineDelay = Math.max(mineDelay, d);
          }
          if (forStar) {
            starDelay = Math.max(starDelay, d);
          }
        }
        default -> { }
      }
    }
    return mineFound ? new Robots(List.copyOf(mine), mineDelay) : new Robots(List.copyOf(star), starDelay);
  }

  private static double parseDelay(String value) {
    try {
      double d = Double.parseDouble(value);
      return d > 0 && d < 3600 ? d : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A robots.txt pattern as a regex matched from the start of the path. */
  private static Pattern regex(String pattern) {
    boolean anchored = pattern.endsWith("$");
    String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    String re = java.util.Arrays.stream(p.split("\\*", -1)).map(Pattern::quote)
        .collect(java.util.stream.Collectors.joining(".*"));
    return Pattern.compile(re + (anchored ? "$" : ""), Pattern.DOTALL);
  }
}
