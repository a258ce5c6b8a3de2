package org.kronika.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.kronika.entity.EntityStage;
import org.kronika.input.Rejection;
import org.kronika.input.SourceDocument;
import org.kronika.language.LanguageIdentifier;
import org.kronika.pipeline.Ingest;
import org.kronika.pipeline.Pipeline;
import org.kronika.store.SolrStore;
import org.kronika.story.StoryStage;

/**
 * A cluster worker: takes raw documents from the Kafka log, runs the same pipeline as an
 * embedded ingest and writes to the SolrCloud collection, any number of workers side by side.
 *
 * <p>Delivery is at least once and writes are idempotent: each batch polled is stored and
 * committed to Solr first, and only then are its offsets committed to Kafka. A worker that dies
 * mid-batch leaves those offsets uncommitted, and whoever takes its partitions reads the batch
 * again; an article already in Solr is recognised by its id (from its source and content) and
 * skipped. When Solr or Kafka fails, the worker drops what it holds in memory, waits, and
 * reconnects from the last committed offsets.
 */
public final class Worker {
  /** A worker that stops answering the group coordinator this long loses its partitions. */
  private static final int SESSION_TIMEOUT_MS = 10_000;
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /**
   * How long without a document before a worker compares the storylines its last batches
   * changed; a shorter pause between batches of a slow feed would make each batch pay for it.
   */
  private static final Duration SETTLE_AFTER = Duration.ofSeconds(3);
  /** How long a worker waits to be given partitions before it may count as idle. */
  private static final Duration UNASSIGNED_WAIT = Duration.ofSeconds(60);

  /**
   * How a worker runs.
   *
   * @param threads  threads preparing articles
   * @param batch    documents per batch at most: one Solr commit and one offset commit each
   * @param idleExit stop after this long without a document; {@code null} to run until stopped
   * @param verbose  say when each batch is taken from the log and when it is committed
   */
  public record Options(int threads, int batch, Duration idleExit, boolean verbose) {
    public Options {
      if (threads < 1 || batch < 1) {
        throw new IllegalArgumentException("threads and batch must be at least 1");
      }
    }
  }

  private final ClusterConfig config;
  private final Options options;
  private final PrintWriter log;
  private final LanguageIdentifier languages = LanguageIdentifier.standard();
  /** Articles stored by the connections before the current one, and by all of them. */
  private long storedBefore;
  private long stored;
  /** Solr requests of the connections before this one, and of all so far. */
  private long requestsBefore;
  private long requests;
  private long batches;
  private long reconnections;
  private volatile long lastBatchNanos;

  public Worker(ClusterConfig config, Options options, PrintWriter log) {
    this.config = config;
    this.options = options;
    this.log = log;
  }

  /** Runs until {@code stop} says so or the worker stayed idle for {@link Options#idleExit}. */
  public void run(BooleanSupplier stop) throws InterruptedException {
    Duration backoff = Duration.ofSeconds(1);
    long idleSince = System.nanoTime();
    while (!stop.getAsBoolean()) {
      try (SolrStore store = SolrStore.connect(config.zookeeper(), config.collection(), config.shards(),
               config.replicas(), true);
           KafkaConsumer<String, byte[]> consumer = consumer()) {
        DocumentLog.ensureTopic(config);
        Ingest ingest = new Ingest(new Pipeline(languages, new EntityStage(null, store, null)), store, StoryStage.standard(),
            new Ingest.Options(options.threads(), Integer.MAX_VALUE, true));
        try (Ingest.Session session = ingest.open(new Ingest.Listener() {
          @Override
          public void rejected(Rejection rejection) {
            say("rejected " + rejection);
          }
        })) {
          consumer.subscribe(List.of(config.topic()));
          long connected = System.nanoTime();
          while (!stop.getAsBoolean()) {
            requests = requestsBefore + store.requests(); // the last settle's too, before an idle exit
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            if (records.isEmpty()) {
              if (System.nanoTime() - lastBatchNanos > SETTLE_AFTER.toNanos()) {
                session.settle(); // the log went quiet: compare what the last batches changed
              }
              if (consumer.assignment().isEmpty() && System.nanoTime() - connected < UNASSIGNED_WAIT.toNanos()) {
                idleSince = System.nanoTime(); // still joining the group: not idle yet
              }
              if (options.idleExit() != null && System.nanoTime() - idleSince > options.idleExit().toNanos()) {
                return;
              }
              continue;
            }
            long batch = batches + 1;
            if (options.verbose()) {
              say("batch " + batch + ": took " + records.count() + " documents");
            }
            List<SourceDocument> documents = new ArrayList<>(records.count());
            for (ConsumerRecord<String, byte[]> r : records) {
              try {
                documents.add(DocumentLog.document(r.value()));
              } catch (IllegalArgumentException e) {
                session.reject(new Rejection(r.topic() + "-" + r.partition() + "@" + r.offset(),
                    "not a Kronika document: " + e.getMessage()));
              }
            }
            session.acceptAll(documents); // whether each is stored already, asked of Solr once for the batch
            session.commit();
            consumer.commitSync();
            stored = storedBefore + session.report().stored() + session.report().duplicates();
            batches = batch;
            if (options.verbose()) {
              say("batch " + batch + ": committed; " + stored + " articles stored");
            }
            lastBatchNanos = System.nanoTime();
            backoff = Duration.ofSeconds(1);
            idleSince = System.nanoTime();
          }
        }
      } catch (IOException | RuntimeException e) {
        storedBefore = stored;
        requestsBefore = requests;
        reconnections++;
        say("worker: " + e.getMessage() + "; reconnecting in " + backoff.toSeconds() + " s");
        Thread.sleep(backoff.toMillis());
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        idleSince = System.nanoTime();
      }
    }
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, options.batch());
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
    p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MS / 3);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024 + 4096);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "kronika-worker");
    return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** When this worker last committed a batch, by {@link System#nanoTime}; 0 before the first. */
  public long lastBatchNanos() {
    return lastBatchNanos;
  }

  /** Articles this worker stored, batches it committed, Solr requests it sent and times it had to reconnect. */
  public String summary() {
    return "stored " + stored + " articles in " + batches + " batches"
        + (stored == 0 ? "" : String.format(java.util.Locale.ROOT, ", %d Solr requests (%.2f per article)", requests,
            (double) requests / stored))
        + (reconnections == 0 ? "" : ", reconnected " + reconnections + " times");
  }

  private void say(String line) {
    synchronized (log) {
      log.println(line);
      log.flush();
    }
  }
}
