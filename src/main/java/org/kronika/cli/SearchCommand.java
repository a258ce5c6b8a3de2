package org.kronika.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kronika.Kronika;
import org.kronika.internal.Json;
import org.kronika.store.Store.SearchHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Finds articles for a query in any language, best first.",
        "Words are matched as lemmas (Зеленського finds Зеленський) and as names across scripts "
            + "(Zelensky finds Зеленського)."})
final class SearchCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Words to look for.")
  String[] query;

  @Option(names = "--json", description = "One JSON object per line: score, snippet and the article.")
  boolean json;

  @Option(names = "--lang", paramLabel = "L", description = "Only articles in this language (ISO 639-1).")
  String lang;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Most results (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    if (limit < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Kronika kronika = data.openForReading()) {
      for (SearchHit hit : kronika.search(String.join(" ", query), lang, limit)) {
        if (json) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("score", hit.score());
          row.put("snippet", hit.snippet());
          row.put("article", hit.article());
          out.println(Json.write(row));
        } else {
          out.printf("%6.2f  %s  %s  %s%n        %s%n", hit.score(), hit.article().id(), hit.article().lang(),
              hit.article().title(), hit.snippet());
        }
      }
    }
    out.flush();
    return 0;
  }
}
