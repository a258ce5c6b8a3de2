package org.kronika.watch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What is remembered of one followed source between polls and across restarts: the items
 * already taken (the most recent {@link #MAX_SEEN}), the validators of its last response, its
 * current interval, its health. Serialised as JSON in {@link StateFile}. Mutable, not
 * thread-safe: only the watcher's loop changes it, and never while the source is being polled.
 */
final class SourceState {
  /** Item keys remembered per source; older ones are forgotten (the store still knows their articles). */
  static final int MAX_SEEN = 10_000;

  public String source;
  /** {@code feed}, {@code sitemap}, {@code page} (a home page linking feeds), {@code folder}; null until known. */
  public String kind;
  /** The source this one was found on (a home page's feed, an index's sitemap), or null. */
  public String discoveredFrom;
  /** Whether the last watch followed it (a source dropped from the command line keeps its state). */
  public boolean watching = true;
  public String etag;
  public String lastModified;
  public long intervalMillis;
  public long nextPoll;
  public long lastPoll;
  public long lastSuccess;
  public long items;
  public long polls;
  public long notModified;
  public long errors;
  /** Errors in a row; 0 after a success. */
  public int failures;
  public String lastError;
  public long lastErrorAt;
  /** Links, locations and feeds found on it that the address policy refused, and the latest refusal. */
  public long refused;
  public String lastRefused;
  public List<String> seen = new ArrayList<>();

  @JsonIgnore
  private LinkedHashSet<String> seenSet;

  SourceState() {}

  SourceState(String source, String kind, String discoveredFrom, long intervalMillis) {
    this.source = source;
    this.kind = kind;
    this.discoveredFrom = discoveredFrom;
    this.intervalMillis = intervalMillis;
  }

  boolean seen(String key) {
    return seenSet().contains(key);
  }

  void markSeen(Collection<String> keys) {
    LinkedHashSet<String> set = seenSet();
    for (String k : keys) {
      set.remove(k); // re-seen keys move to the young end
      set.add(k);
    }
    var it = set.iterator();
    for (int excess = set.size() - MAX_SEEN; excess > 0 && it.hasNext(); excess--) {
      it.next();
      it.remove();
    }
    seen = new ArrayList<>(set);
  }

  private LinkedHashSet<String> seenSet() {
    if (seenSet == null) {
      seenSet = new LinkedHashSet<>(seen);
    }
    return seenSet;
  }
}
