package org.kronika.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.kronika.Kronika;
import org.kronika.internal.Json;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.model.Storyline;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes articles, stories, storylines, entities or quotes as JSON Lines or CSV.",
        "The articles exported are all of them, or those a query, a story or storyline, a language or dates "
            + "select; stories, storylines, entities and quotes are those of the selected articles. Articles "
            + "and quotes are written as they are read, so an export of any size takes little memory. CSV has "
            + "a header line; lists are joined with ';'."})
final class ExportCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true)
  What what = new What();

  static final class What {
    @Option(names = "--articles", description = "Export articles (the default).") boolean articles;
    @Option(names = "--stories", description = "Export the stories of the selected articles.") boolean stories;
    @Option(names = "--storylines", description = "Export the storylines of the selected articles.") boolean storylines;
    @Option(names = "--entities", description = "Export the entities the selected articles name, with counts.")
    boolean entities;
    @Option(names = "--quotes", description = "Export the quotations in the selected articles.") boolean quotes;
  }

  enum Format { jsonl, csv }

  @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl or csv (default: ${DEFAULT-VALUE}).")
  Format format = Format.jsonl;

  @Option(names = "--query", paramLabel = "QUERY", description = "Only articles matching this search, as 'kronika search' reads it.")
  String query;

  @Option(names = "--story", paramLabel = "ID", description = "Only articles of this story or storyline.")
  String story;

  @Option(names = "--lang", paramLabel = "L", description = "Only articles in this language (ISO 639-1).")
  String lang;

  @Option(names = "--from", paramLabel = "DATE", description = "Only articles dated on or after this day (YYYY-MM-DD).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Only articles dated on or before this day (YYYY-MM-DD).")
  LocalDate to;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write to this file, replaced only once the export is whole (default: standard output).")
  Path output;

  /** A quotation with where it was found; the CSV and JSON Lines row of {@code --quotes}. */
  @JsonPropertyOrder({"article", "date", "lang", "story", "speakerId", "speaker", "text"})
  record QuoteRow(String article, LocalDate date, String lang, String story, String speakerId, String speaker,
                  String text) {}

  /** An entity with how often the selected articles name it; the row of {@code --entities}. */
  @JsonPropertyOrder({"id", "name", "type", "articles", "mentions", "languages", "stories"})
  record EntityRow(String id, String name, String type, int articles, int mentions, Set<String> languages,
                   int stories) {}

  /** An article as a CSV row: the contract's fields that fit a cell, entities by name. */
  @JsonPropertyOrder({"id", "date", "lang", "source", "url", "title", "story", "entities", "bodyless", "body"})
  record ArticleRow(String id, LocalDate date, String lang, String source, String url, String title, String story,
                    List<String> entities, boolean bodyless, String body) {
    static ArticleRow of(Article a) {
      return new ArticleRow(a.id(), a.date(), a.lang(), a.source(), a.url(), a.title(), a.story(),
          a.entities().stream().map(Article.EntityMention::name).toList(), a.bodyless(), a.body());
    }
  }

  /** A story or storyline as a CSV row. */
  @JsonPropertyOrder({"id", "title", "articles", "languages", "first", "last", "storyline", "entities"})
  record GroupRow(String id, String title, int articles, List<String> languages, LocalDate first, LocalDate last,
                  String storyline, List<String> entities) {
    static GroupRow of(Story s) {
      return new GroupRow(s.id(), s.title(), s.articles().size(), s.languages(), s.first(), s.last(), s.storyline(),
          s.entities().stream().map(Story.EntityRef::name).toList());
    }

    static GroupRow of(Storyline l) {
      return new GroupRow(l.id(), l.title(), l.articles().size(), l.languages(), l.first(), l.last(), null,
          l.entities().stream().map(Story.EntityRef::name).toList());
    }
  }

  @Override
  public Integer call() throws Exception {
    Path target = output == null ? null
        : Files.createTempFile(output.toAbsolutePath().getParent(), output.getFileName().toString(), ".part");
    Writer file = target == null ? null : Files.newBufferedWriter(target, StandardCharsets.UTF_8);
    Writer out = file == null ? spec.commandLine().getOut() : file;
    try (Kronika kronika = data.openForReading()) {
      Predicate<Article> selected = selection(kronika);
      if (what.stories || what.storylines) {
        Predicate<List<String>> holdsSelected = ids -> true;
        if (filtered()) { // else every group is exported, and the articles need not be read
          Set<String> articles = new HashSet<>();
          forEachSelected(kronika, selected, a -> articles.add(a.id()));
          holdsSelected = ids -> ids.stream().anyMatch(articles::contains);
        }
        try (Rows rows = new Rows(out, GroupRow.class)) {
          if (what.stories) {
            for (Story s : kronika.stories()) {
              if (holdsSelected.test(s.articles())) {
                rows.write(s, GroupRow.of(s));
              }
            }
          } else {
            for (Storyline l : kronika.storylines()) {
              if (holdsSelected.test(l.articles())) {
                rows.write(l, GroupRow.of(l));
              }
            }
          }
        }
      } else if (what.entities) {
        Map<String, EntityRow> entities = new LinkedHashMap<>();
        Map<String, Set<String>> stories = new LinkedHashMap<>();
        forEachSelected(kronika, selected, a -> {
          for (Article.EntityMention e : a.entities()) {
            EntityRow r = entities.get(e.id());
            Set<String> languages = r == null ? new TreeSet<>() : r.languages();
            languages.add(a.lang());
            Set<String> in = stories.computeIfAbsent(e.id(), k -> new HashSet<>());
            if (a.story() != null) {
              in.add(a.story());
            }
            entities.put(e.id(), new EntityRow(e.id(), e.name(), e.type(), (r == null ? 0 : r.articles()) + 1,
                (r == null ? 0 : r.mentions()) + e.mentions().size(), languages, in.size()));
          }
        });
        try (Rows rows = new Rows(out, EntityRow.class)) {
          for (EntityRow r : entities.values().stream()
              .sorted((x, y) -> Integer.compare(y.articles(), x.articles())).toList()) {
            rows.write(r, r);
          }
        }
      } else {
        try (Rows rows = new Rows(out, what.quotes ? QuoteRow.class : ArticleRow.class)) {
          forEachSelected(kronika, selected, a -> {
            if (!what.quotes) {
              rows.write(a, ArticleRow.of(a));
              return;
            }
            for (Article.Quote q : a.quotes()) {
              QuoteRow row = new QuoteRow(a.id(), a.date(), a.lang(), a.story(),
                  q.speaker() == null ? null : q.speaker().id(), q.speaker() == null ? null : q.speaker().name(), q.text());
              rows.write(row, row);
            }
          });
        }
      }
      out.flush();
    } catch (IOException | RuntimeException e) {
      if (file != null) {
        file.close();
        Files.deleteIfExists(target);
      }
      throw e;
    }
    if (file != null) {
      file.close();
      Files.move(target, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return 0;
  }

  /** Whether any option narrows the articles exported. */
  private boolean filtered() {
    return query != null || story != null || lang != null || from != null || to != null;
  }

  /** Which articles the filters let through. */
  private Predicate<Article> selection(Kronika kronika) throws IOException {
    Predicate<Article> p = a -> (lang == null || lang.equals(a.lang()))
        && (from == null || a.date() != null && !a.date().isBefore(from))
        && (to == null || a.date() != null && !a.date().isAfter(to));
    if (query != null) {
      Set<String> matching = new HashSet<>();
      kronika.searchIds(query, lang, Integer.MAX_VALUE).forEach(r -> matching.add(r.id()));
      p = p.and(a -> matching.contains(a.id()));
    }
    if (story != null) {
      Set<String> members = new HashSet<>();
      kronika.stories().stream().filter(s -> s.id().equals(story)).forEach(s -> members.addAll(s.articles()));
      kronika.storylines().stream().filter(l -> l.id().equals(story)).forEach(l -> members.addAll(l.articles()));
      if (members.isEmpty()) {
        throw new IllegalArgumentException("no story or storyline " + story);
      }
      p = p.and(a -> members.contains(a.id()));
    }
    return p;
  }

  private static void forEachSelected(Kronika kronika, Predicate<Article> selected,
                                      java.util.function.Consumer<Article> action) throws IOException {
    kronika.forEachArticle(a -> {
      if (selected.test(a)) {
        action.accept(a);
      }
    });
  }

  /**
   * Writes rows one at a time: the contract's JSON of an item (articles, stories, storylines)
   * or its row record, one a line, or the row record as CSV under a header.
   */
  private final class Rows implements AutoCloseable {
    private final Writer out;
    private final SequenceWriter csv;

    Rows(Writer out, Class<?> row) throws IOException {
      this.out = out;
      if (format == Format.csv) {
        CsvMapper mapper = CsvMapper.builder().addModule(Json.DATES).build();
        CsvSchema schema = mapper.schemaFor(row).withHeader().withArrayElementSeparator(";");
        this.csv = mapper.writer(schema).without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writeValues(out);
      } else {
        this.csv = null;
      }
    }

    /** Writes {@code item} as JSON Lines, or {@code row} as CSV. */
    void write(Object item, Object row) {
      try {
        if (csv != null) {
          csv.write(row);
        } else {
          out.write(Json.write(item));
          out.write('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      if (csv != null) {
        csv.close();
      }
    }
  }
}
