package org.kronika.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Real engines inside this JVM, for tests and the cluster benchmark: one Kafka broker in
 * KRaft mode and a SolrCloud of {@code solrNodes} Jetty nodes with its own ZooKeeper. Each
 * Solr node can be stopped and started again to play a failure.
 */
public final class LocalCluster implements Closeable {
  private final KafkaRaftServer kafka;
  private final int kafkaPort;
  private final MiniSolrCloudCluster solr;

  private LocalCluster(KafkaRaftServer kafka, int kafkaPort, MiniSolrCloudCluster solr) {
    this.kafka = kafka;
    this.kafkaPort = kafkaPort;
    this.solr = solr;
  }

  /** Starts both engines with their data under {@code dir}. */
  public static LocalCluster start(Path dir, int solrNodes) throws Exception {
    int kafkaPort = freePort();
    KafkaRaftServer kafka = startKafka(dir.resolve("kafka"), kafkaPort, freePort());
    try {
      // Solr's test cluster insists on a few properties its test runner normally sets
      System.setProperty("solr.log.dir", dir.resolve("solr-logs").toString());
      System.setProperty("solr.directoryFactory", "solr.MMapDirectoryFactory");
      MiniSolrCloudCluster solr = new MiniSolrCloudCluster.Builder(solrNodes, dir.resolve("solr")).configure();
      return new LocalCluster(kafka, kafkaPort, solr);
    } catch (Exception e) {
      kafka.shutdown();
      throw e;
    }
  }

  /** A broker and controller in one, logging under {@code logs} (formatted on first start). */
  static KafkaRaftServer startKafka(Path logs, int port, int controllerPort) throws Exception {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logs.toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // a busy test machine may starve the broker's heartbeats; fenced, it would leave its partitions leaderless
    p.put("broker.session.timeout.ms", "60000");
    KafkaConfig config = KafkaConfig.fromProps(p, false);
    if (!java.nio.file.Files.exists(logs.resolve("meta.properties"))) {
      new Formatter().setClusterId(Uuid.randomUuid().toString()).setNodeId(1)
          .setDirectories(List.of(logs.toString())).setMetadataLogDirectory(logs.toString())
          .setControllerListenerName("CONTROLLER").setReleaseVersion(MetadataVersion.latestProduction())
          .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).run();
    }
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The properties a Kronika cluster configuration needs to reach these engines. */
  public Properties properties(String collection) {
    Properties p = new Properties();
    p.setProperty("kafka.bootstrap.servers", "localhost:" + kafkaPort);
    p.setProperty("kafka.topic", collection + "-documents");
    p.setProperty("kafka.partitions", "4");
    p.setProperty("kafka.group", collection + "-workers");
    p.setProperty("solr.zookeeper", solr.getZkServer().getZkAddress());
    p.setProperty("solr.collection", collection);
    p.setProperty("solr.shards", "2");
    p.setProperty("solr.replicas", "2");
    return p;
  }

  public ClusterConfig config(String collection) {
    return ClusterConfig.of(properties(collection));
  }

  /** Stops Solr node {@code i}; returns it, to start again. */
  public JettySolrRunner stopSolrNode(int i) throws Exception {
    return solr.stopJettySolrRunner(i);
  }

  /** Starts a stopped Solr node again. */
  public void startSolrNode(JettySolrRunner node) throws Exception {
    solr.startJettySolrRunner(node, true);
  }

  @Override
  public void close() throws IOException {
    try {
      solr.shutdown();
    } catch (Exception e) {
      throw new IOException(e);
    } finally {
      kafka.shutdown();
      kafka.awaitShutdown();
    }
  }
}
