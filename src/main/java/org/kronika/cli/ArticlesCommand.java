package org.kronika.cli;

import java.util.function.Consumer;
import org.kronika.Kronika;
import org.kronika.model.Article;
import picocli.CommandLine.Command;

@Command(name = "articles", mixinStandardHelpOptions = true,
    description = "Lists stored articles, in the order they were stored.")
final class ArticlesCommand extends ListCommand<Article> {
  @Override
  void list(Kronika kronika, Consumer<Article> print) throws Exception {
    kronika.forEachArticle(print);
  }

  @Override
  String line(Article a) {
    return a.id() + "  " + a.lang() + "  " + (a.date() == null ? "----------" : a.date()) + "  " + a.title();
  }
}
