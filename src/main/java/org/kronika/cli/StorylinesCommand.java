package org.kronika.cli;

import java.util.function.Consumer;
import org.kronika.Kronika;
import org.kronika.model.Storyline;
import picocli.CommandLine.Command;

@Command(name = "storylines", mixinStandardHelpOptions = true,
    description = "Lists storylines (the stories of one long-running development, over days and weeks), largest first.")
final class StorylinesCommand extends ListCommand<Storyline> {
  @Override
  void list(Kronika kronika, Consumer<Storyline> print) throws Exception {
    kronika.storylines().forEach(print);
  }

  @Override
  String line(Storyline s) {
    return String.format("%4d  %-14s  %s (%d stories)", s.articles().size(), String.join(",", s.languages()),
        s.title(), s.stories().size());
  }
}
