package org.kronika.cli;

import java.util.function.Consumer;
import org.kronika.Kronika;
import org.kronika.model.Story;
import picocli.CommandLine.Command;

@Command(name = "stories", mixinStandardHelpOptions = true, description = "Lists stories, largest first.")
final class StoriesCommand extends ListCommand<Story> {
  @Override
  void list(Kronika kronika, Consumer<Story> print) throws Exception {
    kronika.stories().forEach(print);
  }

  @Override
  String line(Story s) {
    return String.format("%4d  %-14s  %s", s.articles().size(), String.join(",", s.languages()), s.title());
  }
}
