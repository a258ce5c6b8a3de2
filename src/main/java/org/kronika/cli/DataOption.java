package org.kronika.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option every command shares. */
final class DataOption {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "kronika-data",
      description = "Data directory holding all state (default: ${DEFAULT-VALUE}).")
  Path dir;
}
