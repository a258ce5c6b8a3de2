package org.kronika.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.kronika.internal.Json;
import org.kronika.watch.Watcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sources", mixinStandardHelpOptions = true,
    description = {"Shows the health of every source 'kronika watch' follows or followed.",
        "For each source of the data directory: last success, items taken, errors (with the last one) and "
            + "next poll. It reads the saved state only, so it works while a watch runs."})
final class SourcesCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "One JSON object per line, one per source.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(data.dir)) {
      throw new IOException("no data directory at " + data.dir + " (run 'kronika watch' first)");
    }
    PrintWriter out = spec.commandLine().getOut();
    for (Watcher.Health h : Watcher.health(data.dir)) {
      out.println(json ? Json.write(h) : line(h));
    }
    out.flush();
    return 0;
  }

  private static String line(Watcher.Health h) {
    StringBuilder b = new StringBuilder(h.source());
    b.append("  ").append(h.kind() == null ? "unknown" : h.kind());
    b.append(h.failuresInARow() > 0 ? "  FAILING" : h.lastSuccess() == null ? "  new" : "  ok");
    b.append("  last success ").append(h.lastSuccess() == null ? "never" : h.lastSuccess());
    b.append("  items ").append(h.items());
    b.append("  errors ").append(h.errors());
    if (h.lastError() != null) {
      b.append(" (last: ").append(h.lastError()).append(" at ").append(h.lastErrorAt()).append(')');
    }
    if (h.refused() > 0) {
      b.append("  refused ").append(h.refused()).append(" (last: ").append(h.lastRefused()).append(')');
    }
    b.append("  next poll ").append(h.watching() ? h.nextPoll() : "not watched");
    if (h.discoveredFrom() != null) {
      b.append("  found on ").append(h.discoveredFrom());
    }
    return b.toString();
  }
}
