package org.kronika.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The {@code kronika} command: one subcommand per job, each documented by its options. Exit
 * statuses: 0 done, 1 a failure (named on standard error), 2 a usage error.
 */
@Command(name = "kronika", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    scope = ScopeType.INHERIT, exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:Done.", "1:It failed; standard error says why in one line.",
        "2:A usage error: an unknown option, a bad value or a missing argument."},
    description = "Turns raw multilingual news into clean articles and stories.",
    subcommands = {IngestCommand.class, ArticlesCommand.class, StoriesCommand.class, StorylinesCommand.class,
        SearchCommand.class, ExportCommand.class, AlertsCommand.class, ServeCommand.class, LearnCommand.class, WatchCommand.class, SourcesCommand.class, WorkerCommand.class,
        BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  /** The exit status of a command that failed; picocli gives usage errors 2. */
  static final int FAILED = 1;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit status. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs a command line writing to the given streams; returns its exit status. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main()).setOut(out).setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("kronika " + cmd.getCommandName() + ": " + oneLine(e));
      return FAILED;
    });
    return cli.execute(args);
  }

  /** The version the jar's manifest gives (Maven writes it when packaging). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"kronika " + org.kronika.Kronika.version()};
    }
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    return (m == null ? e.getClass().getSimpleName() : m).replaceAll("\\s+", " ");
  }
}
