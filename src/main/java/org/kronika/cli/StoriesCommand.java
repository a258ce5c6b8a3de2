package org.kronika.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.kronika.Kronika;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stories", mixinStandardHelpOptions = true, description = "Lists stories, largest first.")
final class StoriesCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "One JSON object per line, as in the contract.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Kronika kronika = Kronika.openForReading(data.dir)) {
      Listing.print(out, kronika.stories(), json,
          s -> String.format("%4d  %-14s  %s", s.articles().size(), String.join(",", s.languages()), s.title()));
    }
    return 0;
  }
}
