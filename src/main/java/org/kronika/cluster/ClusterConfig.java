package org.kronika.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a Kronika cluster's engines are: the Kafka log that raw documents go through and the
 * SolrCloud collection that holds articles and stories. Read from a properties file
 * ({@code --cluster FILE}); only the two addresses are required.
 *
 * @param kafka        Kafka bootstrap servers ({@code kafka.bootstrap.servers})
 * @param topic        topic of raw documents ({@code kafka.topic}, default {@code kronika-documents})
 * @param partitions   partitions when Kronika creates the topic ({@code kafka.partitions}, default 4)
 * @param replication  replication factor when Kronika creates the topic ({@code kafka.replication}, default 1)
 * @param group        consumer group of the workers ({@code kafka.group}, default {@code kronika-workers})
 * @param zookeeper    SolrCloud's ZooKeeper address, with an optional chroot ({@code solr.zookeeper})
 * @param collection   Solr collection ({@code solr.collection}, default {@code kronika})
 * @param shards       shards when Kronika creates the collection ({@code solr.shards}, default 2)
 * @param replicas     replicas per shard when Kronika creates the collection ({@code solr.replicas}, default 2)
 */
public record ClusterConfig(String kafka, String topic, int partitions, short replication, String group,
                            String zookeeper, String collection, int shards, int replicas) {

  public ClusterConfig {
    if (kafka == null || kafka.isBlank() || zookeeper == null || zookeeper.isBlank()) {
      throw new IllegalArgumentException("kafka.bootstrap.servers and solr.zookeeper are required");
    }
    if (partitions < 1 || replication < 1 || shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("partitions, replication, shards and replicas must be at least 1");
    }
  }

  /** The configuration in a properties file; fails naming the file and what is wrong. */
  public static ClusterConfig load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    try {
      return of(p);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The configuration in properties, with defaults for what they leave out. */
  public static ClusterConfig of(Properties p) {
    return new ClusterConfig(p.getProperty("kafka.bootstrap.servers"),
        p.getProperty("kafka.topic", "kronika-documents"),
        integer(p, "kafka.partitions", 4),
        (short) integer(p, "kafka.replication", 1),
        p.getProperty("kafka.group", "kronika-workers"),
        p.getProperty("solr.zookeeper"),
        p.getProperty("solr.collection", "kronika"),
        integer(p, "solr.shards", 2),
        integer(p, "solr.replicas", 2));
  }

  private static int integer(Properties p, String key, int fallback) {
    String value = p.getProperty(key);
    try {
      return value == null ? fallback : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number: " + value);
    }
  }
}
