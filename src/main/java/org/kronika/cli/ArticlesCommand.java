package org.kronika.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.kronika.Kronika;
import org.kronika.internal.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "articles", mixinStandardHelpOptions = true,
    description = "Lists stored articles, in the order they were stored.")
final class ArticlesCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "One JSON object per line, as in the contract.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Kronika kronika = Kronika.openForReading(data.dir)) {
      kronika.forEachArticle(a -> out.println(json ? Json.write(a)
          : a.id() + "  " + a.lang() + "  " + (a.date() == null ? "----------" : a.date()) + "  " + a.title()));
    }
    out.flush();
    return 0;
  }
}
