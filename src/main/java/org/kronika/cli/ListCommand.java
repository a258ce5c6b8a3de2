package org.kronika.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.kronika.Kronika;
import org.kronika.internal.Json;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the listing commands share: a data directory opened for reading, and each item printed
 * as the contract's JSON (one object a line) or as one line for people.
 */
abstract class ListCommand<T> implements Callable<Integer> {
  @Mixin DataOption data;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "One JSON object per line, as in the contract.")
  boolean json;

  /** Hands every item to {@code print}, in the order they are to be listed. */
  abstract void list(Kronika kronika, Consumer<T> print) throws Exception;

  /** The line for people. */
  abstract String line(T item);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Function<T, String> format = json ? Json::write : this::line;
    try (Kronika kronika = data.openForReading()) {
      list(kronika, item -> out.println(format.apply(item)));
    }
    out.flush();
    return 0;
  }
}
