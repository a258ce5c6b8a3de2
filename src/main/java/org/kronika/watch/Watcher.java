package org.kronika.watch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.kronika.Kronika;
import org.kronika.input.InputSink;
import org.kronika.input.Rejection;
import org.kronika.input.SourceDocument;
import org.kronika.pipeline.Ingest;

/**
 * {@code kronika watch}: follows feeds, sitemaps, home pages (through the feeds they link) and
 * local folders, and ingests every new item into a {@link Kronika} opened for ingest.
 *
 * <p>Each source is polled on its own schedule: its interval halves when a poll brings new
 * items and grows by half when it brings none, between the options' bounds; errors back off
 * exponentially (and Retry-After is honoured). Polls run on a few threads, politely (see
 * {@link WatchOptions}); their items are ingested and committed on the thread that calls
 * {@link #run}, and only then is each source's state (items seen, validators, health) saved
 * to {@code DATA/watch/sources.json}. A crash therefore loses nothing: at worst the last
 * round is fetched again and the store, which knows every article id it holds, drops it.
 * A fault is logged with its source and never stops the others.
 *
 * <p>Not thread-safe, except {@link #stop} and {@link #stats}, which any thread may call.
 */
public final class Watcher {
  /** Longest wait for a result before the loop looks at the schedule again. */
  private static final long TICK_MILLIS = 200;
  /** Longest back-off a Retry-After can ask for. */
  private static final long MAX_RETRY_AFTER_MILLIS = 24 * 3600_000L;

  /** Counts since this watcher started. */
  public record Stats(long polls, long requests, long notModified, long items, long errors) {}

  /**
   * One source's health, as {@code kronika sources} shows it. Times are ISO-8601 instants
   * (UTC), {@code null} when never; {@code nextPoll} is {@code null} for a source no longer watched;
   * {@code refused} counts the links, locations and feeds found on it that the address policy kept
   * the watch from ({@code lastRefused} says the latest).
   */
  public record Health(String source, String kind, boolean watching, String discoveredFrom, String lastSuccess,
                       long items, long polls, long notModified, long errors, int failuresInARow, String lastError,
                       String lastErrorAt, String nextPoll, long intervalSeconds, long refused, String lastRefused) {}

  private final Kronika kronika;
  private final Path dataDir;
  private final WatchOptions options;
  private final Consumer<String> log;
  private final Fetcher fetcher;
  private final Poller poller;
  /** Every source ever followed from this data directory, by source. */
  private final Map<String, SourceState> states = new LinkedHashMap<>();
  /** The sources followed now: the ones asked for and those found through them. */
  private final Set<String> active = new java.util.LinkedHashSet<>();
  private final Set<String> inFlight = new HashSet<>();
  private final LinkedBlockingQueue<Poller.Result> done = new LinkedBlockingQueue<>();
  private volatile boolean stopped;
  private final AtomicLong polls = new AtomicLong();
  private final AtomicLong items = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  /**
   * A watcher of {@code sources} (http(s) URLs of feeds, sitemaps or home pages, and folder
   * paths) ingesting into {@code kronika}, keeping its state under {@code dataDir}. Each fault
   * is one line to {@code log}, as are the rounds that stored articles.
   *
   * @throws IllegalArgumentException when a source is neither an http(s) URL nor a folder
   */
  public Watcher(Kronika kronika, Path dataDir, List<String> sources, WatchOptions options, Consumer<String> log)
      throws IOException {
    this.kronika = Objects.requireNonNull(kronika, "kronika");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.options = Objects.requireNonNull(options, "options");
    this.log = Objects.requireNonNull(log, "log");
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no source to watch");
    }
    if (!kronika.writable()) {
      throw new IllegalArgumentException("the data directory must be opened for ingest");
    }
    List<String> named = sources.stream().map(Watcher::normalise).toList();
    this.fetcher = new Fetcher(options, named);
    this.poller = new Poller(fetcher, options);
    for (SourceState s : StateFile.read(dataDir)) {
      s.watching = false;
      states.put(s.source, s);
    }
    long now = System.currentTimeMillis();
    for (String source : named) {
      SourceState s = states.computeIfAbsent(source,
          k -> new SourceState(k, isUrl(k) ? null : "folder", null, options.minInterval().toMillis()));
      s.discoveredFrom = null; // asked for by name now
      activate(s, now);
    }
    for (boolean grew = true; grew; ) { // and what was found through them, transitively
      grew = false;
      for (SourceState s : states.values()) {
        if (!active.contains(s.source) && s.discoveredFrom != null && active.contains(s.discoveredFrom)) {
          activate(s, now);
          grew = true;
        }
      }
    }
  }

  private void activate(SourceState s, long now) {
    active.add(s.source);
    s.watching = true;
    long min = options.minInterval().toMillis();
    long max = options.maxInterval().toMillis();
    s.intervalMillis = Math.max(min, Math.min(max, s.intervalMillis <= 0 ? min : s.intervalMillis));
    s.nextPoll = Math.min(s.nextPoll, now + s.intervalMillis); // bounds may have shrunk since
  }

  /**
   * Checks sources before anything is opened: each must be an http(s) URL or an existing folder.
   *
   * @throws IllegalArgumentException naming the first that is neither
   */
  public static void check(List<String> sources) {
    sources.forEach(Watcher::normalise);
  }

  /** A source as it is keyed: a URL as given, a folder as its absolute path. */
  static String normalise(String raw) {
    String s = raw.strip();
    if (isUrl(s)) {
      try {
        URI uri = new URI(s);
        if (uri.getHost() == null) {
          throw new IllegalArgumentException("not a valid URL: " + raw);
        }
        return s;
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("not a valid URL: " + raw);
      }
    }
    Path p = Path.of(s).toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException("neither an http(s) URL nor a folder: " + raw);
    }
    return p.toString();
  }

  private static boolean isUrl(String s) {
    return s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8);
  }

  /** Stops {@link #run} after the round in progress has been committed and saved. Any thread may call it. */
  public void stop() {
    stopped = true;
  }

  public Stats stats() {
    return new Stats(polls.get(), fetcher.requests.get(), fetcher.notModified.get(), items.get(), errors.get());
  }

  /** Follows the sources until {@link #stop}. */
  public void run() throws IOException {
    loop(false);
  }

  /** Polls every source once now (and the sources found through them), ingests, saves, returns. */
  public void runOnce() throws IOException {
    loop(true);
  }

  private void loop(boolean once) throws IOException {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pollers = Executors.newFixedThreadPool(options.fetchThreads(), r -> {
      Thread t = new Thread(r, "kronika-watch-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Set<String> polledOnce = new HashSet<>();
    try {
      while (!stopped) {
        long now = System.currentTimeMillis();
        long nextDue = Long.MAX_VALUE;
        for (String source : active) {
          SourceState s = states.get(source);
          if (inFlight.contains(source) || once && polledOnce.contains(source)) {
            continue;
          }
          if (once || s.nextPoll <= now) {
            inFlight.add(source);
            polledOnce.add(source);
            pollers.execute(() -> done.add(pollSafely(s)));
          } else {
            nextDue = Math.min(nextDue, s.nextPoll);
          }
        }
        if (once && inFlight.isEmpty() && done.isEmpty()) {
          break;
        }
        long wait = Math.max(1, Math.min(TICK_MILLIS, nextDue - now));
        Poller.Result first;
        try {
          first = done.poll(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        if (first != null) {
          List<Poller.Result> round = new ArrayList<>();
          round.add(first);
          done.drainTo(round);
          apply(round);
        }
      }
    } finally {
      pollers.shutdownNow(); // a poll still running is dropped: nothing of it was recorded
      inFlight.clear();
      done.clear();
      save();
    }
  }

  /**
   * A poll whose result always arrives: whatever escapes {@link Poller#poll} (an {@link Error}
   * included) becomes the source's error, so the source is polled again after its back-off and
   * {@code kronika sources} shows what happened, instead of the source waiting forever.
   */
  private Poller.Result pollSafely(SourceState s) {
    try {
      return poller.poll(s);
    } catch (Throwable e) { // a poll thread reports every fault rather than die with it
      return Poller.Result.failed(s, new FetchException("poll failed: " + e, false));
    }
  }

  /** Ingests and commits a round's items, then records them and each source's health. */
  private void apply(List<Poller.Result> round) throws IOException {
    Map<SourceState, long[]> taken = new HashMap<>(); // per source: documents handed over, rejected
    List<Poller.Item> all = round.stream().flatMap(r -> r.items().stream()).toList();
    if (!all.isEmpty()) {
      Map<String, SourceState> owner = new HashMap<>();
      SourceState[] current = new SourceState[1];
      Ingest.Report report = kronika.ingestDocuments(sink -> {
        for (Poller.Result r : round) {
          current[0] = r.state();
          long[] counts = taken.computeIfAbsent(r.state(), k -> new long[2]);
          for (Poller.Item item : r.items()) {
            item.read().accept(new InputSink() {
              @Override
              public void accept(SourceDocument document) {
                owner.put(document.source(), r.state());
                counts[0]++;
                sink.accept(document);
              }

              @Override
              public void reject(Rejection rejection) {
                sink.reject(rejection);
              }
            });
          }
        }
      }, Ingest.Options.defaults(), rejection -> {
        SourceState s = owner.getOrDefault(rejection.source(), current[0]);
        taken.computeIfAbsent(s, k -> new long[2])[1]++;
        log.accept(s.source + ": rejected " + rejection);
      });
      log.accept("stored " + report.stored() + " new articles (" + report.duplicates() + " copies, "
          + report.alreadyStored() + " already stored, " + report.rejected() + " rejected) from "
          + taken.size() + " sources; committed");
    }
    long now = System.currentTimeMillis();
    for (Poller.Result r : round) {
      record(r, taken.getOrDefault(r.state(), new long[2]), now);
    }
    save();
  }

  private void record(Poller.Result r, long[] counts, long now) {
    SourceState s = r.state();
    inFlight.remove(s.source);
    polls.incrementAndGet();
    s.polls++;
    s.lastPoll = now;
    long min = options.minInterval().toMillis();
    long max = options.maxInterval().toMillis();
    if (r.error() != null) {
      errors.incrementAndGet();
      s.errors++;
      s.failures++;
      s.lastError = r.error().getMessage();
      s.lastErrorAt = now;
      long backoff = Math.min(max, s.intervalMillis << Math.min(20, s.failures - 1));
      if (r.error().retryAfterMillis > 0) {
        backoff = Math.max(backoff, Math.min(MAX_RETRY_AFTER_MILLIS, r.error().retryAfterMillis));
      }
      s.nextPoll = now + backoff;
      log.accept(s.source + ": " + r.error().getMessage() + " (error " + s.failures + " in a row; next poll in "
          + seconds(backoff) + ")");
      return;
    }
    s.failures = 0;
    s.lastSuccess = now;
    if (r.kind() != null) {
      s.kind = r.kind();
    }
    if (r.notModified()) {
      s.notModified++;
    } else {
      s.etag = r.etag();
      s.lastModified = r.lastModified();
    }
    List<String> keys = new ArrayList<>(r.skipped());
    r.items().forEach(i -> keys.add(i.key()));
    s.markSeen(keys);
    long got = Math.max(0, counts[0] - counts[1]);
    s.items += got;
    items.addAndGet(got);
    for (Poller.Note note : r.notes()) {
      log.accept(s.source + ": " + note.text());
      if (note.refusal()) {
        s.refused++;
        s.lastRefused = note.text();
      }
    }
    List<String> discovered = withinReach(s, r.discovered());
    for (String found : discovered) {
      SourceState child = states.get(found);
      if (child == null) {
        child = new SourceState(found, null, s.source, min);
        child.nextPoll = now;
        states.put(found, child);
      } else if (child.discoveredFrom == null && !active.contains(found)) {
        child.discoveredFrom = s.source;
      }
      if (active.add(found)) {
        child.watching = true;
        log.accept(s.source + ": follows " + found);
      }
    }
    if ("page".equals(s.kind) || r.items().isEmpty() && !r.discovered().isEmpty()) {
      s.intervalMillis = max; // a home page or index only names other sources: looked at again rarely
    } else if (!r.items().isEmpty()) {
      s.intervalMillis = Math.max(min, s.intervalMillis / 2);
    } else {
      s.intervalMillis = Math.min(max, s.intervalMillis + s.intervalMillis / 2);
    }
    s.nextPoll = now + s.intervalMillis;
  }

  /**
   * The sources found on {@code s} that may be followed: none when {@code s} is already
   * {@link WatchOptions#maxDiscoveryDepth} steps from the source it was found through, and no more
   * than {@link WatchOptions#maxDiscovered} found through one named source in all (sources
   * already known are always kept). What is left out is one line of the log.
   */
  private List<String> withinReach(SourceState s, List<String> found) {
    List<String> fresh = found.stream().filter(f -> !states.containsKey(f)).toList();
    if (fresh.isEmpty()) {
      return found;
    }
    Lineage line = lineage(s);
    String root = line.root();
    int depth = line.depth();
    int room;
    String why;
    if (depth >= options.maxDiscoveryDepth()) {
      room = 0;
      why = "it is " + depth + " steps from " + root + " (at most " + options.maxDiscoveryDepth() + ")";
    } else {
      String from = root;
      long taken = states.values().stream().filter(x -> from.equals(lineage(x).root())).count() - 1; // bar the root
      room = (int) Math.max(0, options.maxDiscovered() - taken);
      why = root + " already led to " + taken + " sources (at most " + options.maxDiscovered() + ")";
    }
    if (fresh.size() <= room) {
      return found;
    }
    log.accept(s.source + ": " + (fresh.size() - room) + " sources found are not followed: " + why);
    List<String> kept = new ArrayList<>(found.stream().filter(states::containsKey).toList());
    kept.addAll(fresh.subList(0, room));
    return kept;
  }

  /** The named source a source was found through (itself when named) and how many steps away it is. */
  private record Lineage(String root, int depth) {}

  private Lineage lineage(SourceState s) {
    String root = s.source;
    int depth = 0;
    // bounded: a state file from before the depth limit, or edited by hand, may hold longer or looping chains
    for (SourceState up = s; up != null && up.discoveredFrom != null && depth <= options.maxDiscoveryDepth(); depth++) {
      root = up.discoveredFrom;
      up = states.get(root);
    }
    return new Lineage(root, depth);
  }

  private void save() throws IOException {
    StateFile.write(dataDir, new ArrayList<>(states.values()));
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** The health of every source followed from {@code dataDir}, from its saved state (works while a watch runs). */
  public static List<Health> health(Path dataDir) throws IOException {
    List<Health> all = new ArrayList<>();
    for (SourceState s : StateFile.read(dataDir)) {
      all.add(new Health(s.source, s.kind, s.watching, s.discoveredFrom, instant(s.lastSuccess), s.items, s.polls,
          s.notModified, s.errors, s.failures, s.lastError, instant(s.lastErrorAt),
          s.watching ? instant(s.nextPoll) : null, s.intervalMillis / 1000, s.refused, s.lastRefused));
    }
    return all;
  }

  private static String instant(long millis) {
    return millis <= 0 ? null : Instant.ofEpochMilli(millis).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
