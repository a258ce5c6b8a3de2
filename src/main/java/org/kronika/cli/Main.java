package org.kronika.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kronika} command: one subcommand per job, each documented by its options. */
@Command(name = "kronika", mixinStandardHelpOptions = true, version = "kronika 0.1.0",
    description = "Turns raw multilingual news into clean articles and stories.",
    subcommands = {IngestCommand.class, ArticlesCommand.class, StoriesCommand.class, StorylinesCommand.class,
        SearchCommand.class, ServeCommand.class, LearnCommand.class, WatchCommand.class, SourcesCommand.class, WorkerCommand.class,
        BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
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
      return 2;
    });
    return cli.execute(args);
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    return (m == null ? e.getClass().getSimpleName() : m).replaceAll("\\s+", " ");
  }
}
