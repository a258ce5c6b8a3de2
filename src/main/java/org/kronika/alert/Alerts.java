package org.kronika.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.kronika.Kronika;
import org.kronika.internal.DurableFiles;
import org.kronika.internal.Hashes;
import org.kronika.internal.Json;
import org.kronika.model.Article;
import org.kronika.store.Store;

/**
 * The saved searches of a data directory ({@code DATA/alerts/}) and their notices.
 *
 * <p>After an ingest, {@link #check} runs each saved search; every matching article not seen
 * before becomes a notice, written to the outbox ({@code DATA/alerts/outbox/ID.json}) before
 * the article is recorded as seen, so a crash between the two sends it again rather than never.
 * {@link #deliver} POSTs each due notice to its webhook and deletes it on a 2xx answer; a
 * failed one is tried again later, waiting twice as long each time up to an hour. A notice's
 * id comes from its alert and article, so a repeat has the same id. A notice is of kind
 * {@code story} when its article opened a new story, else {@code article}.
 *
 * <p>Methods that change files are synchronized; separate processes may add and remove
 * alerts while another checks them (files are replaced atomically).
 */
public final class Alerts {
  /** A saved search: the query as {@code kronika search} reads it, an optional language, a webhook. */
  public record Alert(String id, String query, String lang, String webhook, String created) {}

  /** What is POSTed to a webhook, as JSON. */
  public record Notice(String id, String alert, String query, String kind, String article, String title,
                       String lang, LocalDate date, String url, String story, String created) {}

  /** A notice waiting in the outbox, with its delivery attempts and when it is due (epoch milliseconds). */
  record Pending(Notice notice, String webhook, int attempts, long due, String lastError) {}

  /** What one delivery round did. */
  public record Delivery(int sent, int failed, int waiting) {}

  private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  private static final Duration LAST_RETRY = Duration.ofHours(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Path dir;
  /** Made at the first delivery: making it sets up TLS, which costs a run with nothing to send. */
  private HttpClient http;

  private Alerts(Path dir) {
    this.dir = dir;
  }

  /** The alerts of a data directory (none yet is fine). */
  public static Alerts of(Path dataDir) {
    return new Alerts(dataDir.resolve("alerts"));
  }

  /** The saved alerts, oldest first. */
  public synchronized List<Alert> list() throws IOException {
    Path file = dir.resolve("alerts.json");
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return Json.MAPPER.readValue(file.toFile(), new TypeReference<List<Alert>>() {});
    } catch (IOException e) {
      throw new IOException("unreadable alerts file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Saves a search. The articles it matches now count as seen: an alert tells of what comes
   * after it.
   */
  public synchronized Alert add(String query, String lang, URI webhook, Kronika store) throws IOException {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("an alert needs a query");
    }
    if (webhook == null || !("http".equals(webhook.getScheme()) || "https".equals(webhook.getScheme()))
        || webhook.getHost() == null) {
      throw new IllegalArgumentException("a webhook is an http or https URL: " + webhook);
    }
    Alert alert = new Alert(Hashes.of(query, lang, webhook.toString(), Instant.now().toString()), query.strip(), lang,
        webhook.toString(), Instant.now().toString());
    List<String> now = new ArrayList<>();
    for (Store.RankedId r : store.searchIds(alert.query(), lang, Integer.MAX_VALUE)) {
      now.add(r.id());
    }
    markSeen(alert, now);
    List<Alert> alerts = new ArrayList<>(list());
    alerts.add(alert);
    save(alerts);
    return alert;
  }

  /** Removes an alert and its record of seen articles; false when there is none with this id. */
  public synchronized boolean remove(String id) throws IOException {
    List<Alert> alerts = new ArrayList<>(list());
    if (!alerts.removeIf(a -> a.id().equals(id))) {
      return false;
    }
    save(alerts);
    Files.deleteIfExists(seenFile(id));
    return true;
  }

  private void save(List<Alert> alerts) throws IOException {
    DurableFiles.replace(dir.resolve("alerts.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(alerts));
  }

  /** Runs every saved search against the store and queues a notice per new match; returns how many. */
  public synchronized int check(Kronika store) throws IOException {
    int queued = 0;
    for (Alert alert : list()) {
      Set<String> seen = seen(alert);
      List<String> fresh = new ArrayList<>();
      for (Store.RankedId r : store.searchIds(alert.query(), alert.lang(), Integer.MAX_VALUE)) {
        if (!seen.contains(r.id())) {
          fresh.add(r.id());
        }
      }
      for (String id : fresh) {
        Optional<Article> article = store.article(id);
        if (article.isPresent()) {
          Article a = article.get();
          Notice n = new Notice(Hashes.of(alert.id(), a.id()), alert.id(), alert.query(),
              a.why() == null ? "story" : "article", a.id(), a.title(), a.lang(), a.date(), a.url(), a.story(),
              Instant.now().toString());
          write(new Pending(n, alert.webhook(), 0, 0, null));
          queued++;
        }
      }
      markSeen(alert, fresh);
    }
    return queued;
  }

  /** Notices in the outbox, due or not. */
  public synchronized int waiting() throws IOException {
    return pending().size();
  }

  /**
   * Sends every due notice once. A webhook that fails is not tried again in this round, so a
   * receiver that is down costs one timeout per round, not one per notice.
   */
  public synchronized Delivery deliver() throws IOException {
    int sent = 0;
    int failed = 0;
    Set<String> down = new HashSet<>();
    List<Pending> pending = pending();
    for (Pending p : pending) {
      if (p.due() > System.currentTimeMillis() || down.contains(p.webhook())) {
        continue;
      }
      Optional<String> error = post(p);
      if (error.isEmpty()) {
        Files.deleteIfExists(outboxFile(p.notice().id()));
        sent++;
      } else {
        failed++;
        down.add(p.webhook());
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(p.attempts(), 20));
        write(new Pending(p.notice(), p.webhook(), p.attempts() + 1,
            System.currentTimeMillis() + (wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait).toMillis(), error.get()));
      }
    }
    return new Delivery(sent, failed, pending.size() - sent);
  }

  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }
    return http;
  }

  /** POSTs a notice; the reason it failed, if it did. */
  private Optional<String> post(Pending p) {
    try {
      HttpResponse<Void> response = http().send(HttpRequest.newBuilder(URI.create(p.webhook())).timeout(TIMEOUT)
          .header("Content-Type", "application/json").header("User-Agent", "Kronika/" + Kronika.version())
          .header("Idempotency-Key", p.notice().id())
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(p.notice()), StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + response.statusCode());
    } catch (IOException e) {
      return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  private List<Pending> pending() throws IOException {
    Path outbox = dir.resolve("outbox");
    if (!Files.isDirectory(outbox)) {
      return List.of();
    }
    List<Pending> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        try {
          out.add(Json.MAPPER.readValue(f.toFile(), Pending.class));
        } catch (IOException e) {
          throw new IOException("unreadable notice " + f + ": " + e.getMessage(), e);
        }
      }
    }
    out.sort((a, b) -> a.notice().created().compareTo(b.notice().created()));
    return out;
  }

  private void write(Pending p) throws IOException {
    DurableFiles.replace(outboxFile(p.notice().id()), Json.MAPPER.writeValueAsBytes(p));
  }

  private Path outboxFile(String noticeId) {
    return dir.resolve("outbox").resolve(noticeId + ".json");
  }

  private Path seenFile(String alertId) {
    return dir.resolve("seen").resolve(alertId + ".txt");
  }

  private Set<String> seen(Alert alert) throws IOException {
    Path file = seenFile(alert.id());
    return Files.exists(file) ? new HashSet<>(Files.readAllLines(file)) : new HashSet<>();
  }

  /** Appends ids to an alert's seen list, durably (a torn last line only repeats a notice). */
  private void markSeen(Alert alert, List<String> ids) throws IOException {
    if (ids.isEmpty() && Files.exists(seenFile(alert.id()))) {
      return;
    }
    Path file = seenFile(alert.id());
    Files.createDirectories(file.getParent());
    StringBuilder lines = new StringBuilder();
    ids.forEach(id -> lines.append(id).append('\n'));
    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ch.write(java.nio.ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
  }
}
