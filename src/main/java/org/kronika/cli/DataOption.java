package org.kronika.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.kronika.Kronika;
import org.kronika.cluster.ClusterConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the store is: a data directory ({@code --data}) or a cluster ({@code --cluster}), one
 * or the other. The options are set through methods so that giving both is a usage error.
 */
final class DataOption {
  static final Path DEFAULT_DIR = Path.of("kronika-data");

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  Path dir = DEFAULT_DIR;
  Path cluster;
  private boolean dirGiven;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Data directory holding all state (default: kronika-data). Not with --cluster.")
  void data(Path dir) {
    this.dir = dir;
    dirGiven = true;
    exclusive();
  }

  @Option(names = "--cluster", paramLabel = "FILE",
      description = "Use the Kafka log and SolrCloud collection named in this properties file instead of a data "
          + "directory. Not with --data.")
  void cluster(Path file) {
    this.cluster = file;
    exclusive();
  }

  private void exclusive() {
    if (dirGiven && cluster != null) {
      throw new ParameterException(command.commandLine(), "--data and --cluster exclude each other: give one");
    }
  }

  /** The data directory, for a command that keeps state of its own there: {@code --cluster} is a usage error. */
  Path directoryOnly(String why) {
    if (cluster != null) {
      throw new ParameterException(command.commandLine(), "--cluster: " + why);
    }
    return dir;
  }

  /** The store these options name, opened for reading. */
  Kronika openForReading() throws IOException {
    return cluster == null ? Kronika.openForReading(dir) : Kronika.openForReading(ClusterConfig.load(cluster));
  }
}
