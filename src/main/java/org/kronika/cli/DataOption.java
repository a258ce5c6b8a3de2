package org.kronika.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.kronika.Kronika;
import org.kronika.cluster.ClusterConfig;
import picocli.CommandLine.Option;

/** Where the store is: a data directory ({@code --data}) or a cluster ({@code --cluster}). */
final class DataOption {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "kronika-data",
      description = "Data directory holding all state (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--cluster", paramLabel = "FILE",
      description = "Use the Kafka log and SolrCloud collection named in this properties file instead of --data.")
  Path cluster;

  /** The store these options name, opened for reading. */
  Kronika openForReading() throws IOException {
    return cluster == null ? Kronika.openForReading(dir) : Kronika.openForReading(ClusterConfig.load(cluster));
  }
}
