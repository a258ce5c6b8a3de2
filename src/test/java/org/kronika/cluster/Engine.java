package org.kronika.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaRaftServer;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.zookeeper.server.ServerConfig;
import org.apache.zookeeper.server.ZooKeeperServerMain;

/**
 * One engine of a Kronika cluster as a process of its own, from the Maven Central artifacts the
 * build already resolves: a ZooKeeper, a SolrCloud node, or a Kafka broker in KRaft mode. The
 * script {@code cluster-engines} starts and stops them; {@link LocalCluster} runs the same
 * engines inside one JVM for the tests. Each runs until the process is stopped (SIGTERM shuts it
 * down cleanly).
 *
 * <p>Usage: {@code Engine zookeeper DIR PORT}, {@code Engine solr DIR PORT ZK_HOST} (ZK_HOST with
 * its chroot, created when missing), {@code Engine kafka DIR PORT CONTROLLER_PORT}. Prints one line
 * {@code ready} once it serves.
 */
public final class Engine {
  private Engine() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3 && args.length != 4) {
      System.err.println("usage: Engine zookeeper DIR PORT | solr DIR PORT ZK_HOST | kafka DIR PORT CONTROLLER_PORT");
      System.exit(2);
    }
    Path dir = Path.of(args[1]);
    Files.createDirectories(dir);
    int port = Integer.parseInt(args[2]);
    switch (args[0]) {
      case "zookeeper" -> zookeeper(dir, port);
      case "solr" -> solr(dir, port, args[3]);
      case "kafka" -> kafka(dir, port, Integer.parseInt(args[3]));
      default -> {
        System.err.println("no engine called " + args[0]);
        System.exit(2);
      }
    }
  }

  private static void zookeeper(Path dir, int port) throws Exception {
    System.setProperty("zookeeper.admin.enableServer", "false");
    ServerConfig config = new ServerConfig();
    config.parse(new String[] {Integer.toString(port), dir.toString()});
    ZooKeeperServerMain server = new ZooKeeperServerMain();
    Thread serving = new Thread(() -> {
      try {
        server.runFromConfig(config);
      } catch (Exception e) {
        e.printStackTrace();
        System.exit(1);
      }
    }, "zookeeper");
    serving.start();
    System.out.println("ready");
    serving.join();
  }

  private static void solr(Path dir, int port, String zkHost) throws Exception {
    int slash = zkHost.indexOf('/');
    if (slash > 0) { // the chroot the nodes share
      try (SolrZkClient zk = new SolrZkClient.Builder().withUrl(zkHost.substring(0, slash)).withTimeout(30_000,
          java.util.concurrent.TimeUnit.MILLISECONDS).build()) {
        if (!zk.exists(zkHost.substring(slash), true)) {
          zk.makePath(zkHost.substring(slash), false, true);
        }
      } catch (org.apache.zookeeper.KeeperException.NodeExistsException raced) {
        // the other node made it first
      }
    }
    System.setProperty("solr.log.dir", dir.resolve("logs").toString());
    Files.writeString(dir.resolve("solr.xml"), MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML);
    Properties node = new Properties();
    node.setProperty("zkHost", zkHost);
    JettySolrRunner jetty = new JettySolrRunner(dir.toString(), node,
        JettyConfig.builder().setPort(port).setContext("/solr").build());
    jetty.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        jetty.stop();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }));
    System.out.println("ready");
    new CountDownLatch(1).await();
  }

  private static void kafka(Path dir, int port, int controllerPort) throws Exception {
    KafkaRaftServer server = LocalCluster.startKafka(dir, port, controllerPort);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      server.awaitShutdown();
    }));
    System.out.println("ready");
    new CountDownLatch(1).await();
  }
}
