package org.kronika.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kronika.input.InputSink;
import org.kronika.input.Inputs;
import org.kronika.input.Rejection;
import org.kronika.input.SourceDocument;
import org.kronika.internal.Json;

/**
 * The cluster's ingest log: raw documents, as the input stage reads them, published to a Kafka
 * topic keyed by their source site, so that one site's documents stay in order on one partition
 * and workers share the sites between them. Publishing waits for every in-sync replica
 * (idempotent producer), so a document reported as published is in the log.
 */
public final class DocumentLog implements Closeable {
  private final ClusterConfig config;
  private final KafkaProducer<String, byte[]> producer;

  private DocumentLog(ClusterConfig config, KafkaProducer<String, byte[]> producer) {
    this.config = config;
    this.producer = producer;
  }

  /** Opens the log, creating its topic when it does not exist. */
  public static DocumentLog open(ClusterConfig config) throws IOException {
    ensureTopic(config);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 64 * 1024 * 1024 + 4096);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "kronika-ingest");
    return new DocumentLog(config, new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
  }

  static void ensureTopic(ClusterConfig config) throws IOException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.kafka()))) {
      if (admin.listTopics().names().get().contains(config.topic())) {
        return;
      }
      NewTopic topic = new NewTopic(config.topic(), config.partitions(), config.replication())
          .configs(Map.of("max.message.bytes", String.valueOf(64 * 1024 * 1024 + 4096)));
      admin.createTopics(List.of(topic)).all().get();
      awaitLeaders(admin, config.topic());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IOException("cannot create Kafka topic " + config.topic() + " at " + config.kafka() + ": "
            + e.getCause().getMessage(), e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while creating Kafka topic " + config.topic(), e);
    }
  }

  /** Waits until every partition of a new topic has a leader, so that the first records have somewhere to go. */
  private static void awaitLeaders(Admin admin, String topic) throws ExecutionException, InterruptedException,
      IOException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      if (description != null && description.partitions().stream().allMatch(p -> p.leader() != null)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IOException("Kafka topic " + topic + " has partitions without a leader after 60 s");
  }

  /**
   * What a publishing run did.
   *
   * @param resent documents sent again after Kafka refused or timed out their first send
   */
  public record Report(long published, long rejected, long resent) {
    public String summary() {
      return "published " + published + " documents, rejected " + rejected
          + (resent == 0 ? "" : " (" + resent + " sent again after a failed send)");
    }
  }

  /** How many times a document is sent before publishing fails. */
  private static final int SEND_ATTEMPTS = 3;

  /**
   * Reads every document under the paths and publishes it; returns once all of them are in
   * the log. Rejections (unreadable files) go to {@code rejected} as in an embedded ingest.
   * A document whose send fails is sent again, alone, up to {@value #SEND_ATTEMPTS} times in
   * all: a busy broker may let a few records expire, and sending everything again would put
   * every other document in the log twice.
   */
  public Report publish(List<Path> paths, java.util.function.Consumer<Rejection> rejected) throws IOException {
    long[] counts = new long[2];
    Queue<SourceDocument> failed = new ConcurrentLinkedQueue<>();
    AtomicReference<Exception> lastFailure = new AtomicReference<>();
    ArrayDeque<Future<RecordMetadata>> sent = new ArrayDeque<>();
    Inputs.standard().read(paths, new InputSink() {
      @Override
      public void accept(SourceDocument doc) {
        send(doc, sent, failed, lastFailure);
        counts[0]++;
      }

      @Override
      public void reject(Rejection rejection) {
        counts[1]++;
        rejected.accept(rejection);
      }
    });
    long resent = 0;
    for (int attempt = 1; ; attempt++) {
      producer.flush();
      sent.forEach(DocumentLog::await);
      sent.clear();
      if (failed.isEmpty()) {
        return new Report(counts[0], counts[1], resent);
      }
      if (attempt == SEND_ATTEMPTS) {
        throw new IOException("Kafka did not take " + failed.size() + " of " + counts[0] + " documents after "
            + SEND_ATTEMPTS + " attempts: " + lastFailure.get().getMessage(), lastFailure.get());
      }
      List<SourceDocument> again = List.copyOf(failed);
      failed.clear();
      resent += again.size();
      for (SourceDocument doc : again) {
        send(doc, sent, failed, lastFailure);
      }
    }
  }

  private void send(SourceDocument doc, ArrayDeque<Future<RecordMetadata>> sent, Queue<SourceDocument> failed,
                    AtomicReference<Exception> lastFailure) {
    sent.add(producer.send(record(doc), (meta, e) -> {
      if (e != null) {
        lastFailure.set(e);
        failed.add(doc);
      }
    }));
    while (sent.size() > 10_000) { // bounds memory on huge inputs
      await(sent.poll());
    }
  }

  private static void await(Future<RecordMetadata> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    } catch (ExecutionException e) {
      // the send's callback keeps the document to send again
    }
  }

  ProducerRecord<String, byte[]> record(SourceDocument doc) {
    return new ProducerRecord<>(config.topic(), site(doc), Json.write(doc).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The site a document comes from, its partition key: the host of its URL, else the folder
   * of its file (a crawl's or a feed's documents share it).
   */
  static String site(SourceDocument doc) {
    if (doc.url() != null) {
      try {
        String host = URI.create(doc.url().strip()).getHost();
        if (host != null) {
          return host;
        }
      } catch (IllegalArgumentException e) {
        // not a URL: fall back to the file
      }
    }
    String file = doc.source();
    int item = file.indexOf('#');
    String path = item < 0 ? file : file.substring(0, item);
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash <= 0 ? path : path.substring(0, slash);
  }

  /** A document read back from the log. */
  static SourceDocument document(byte[] value) {
    return Json.read(new String(value, StandardCharsets.UTF_8), SourceDocument.class);
  }

  @Override
  public void close() {
    producer.close();
  }
}
