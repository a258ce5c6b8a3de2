package org.kronika.entity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kronika.analysis.Analysis;
import org.kronika.analysis.AnalyzedText;
import org.kronika.model.Article;
import org.kronika.quote.QuoteFinder;

/**
 * The entity stage: who and what an article names, with one identity across articles,
 * languages and spellings, and the quotations in its body with their speakers.
 *
 * <p>Names are found by gazetteers, dictionaries and a type model ({@link Recognizer}),
 * lemmatised, and identified by a cross-script key of their full name ({@link Linker}).
 * By default it knows what ships with Kronika (dictionaries, place names); knowledge learned
 * from an annotated corpus by {@link #learn} ({@code kronika learn}) is read from the file it
 * was written to, when one is given. Loading happens on first use (or {@link #load}); an
 * article then costs about a millisecond. Thread-safe.
 */
public final class EntityStage {
  /** What the stage finds in one article. */
  public record Result(List<Article.EntityMention> entities, List<Article.Quote> quotes) {
    public Result {
      entities = List.copyOf(entities);
      quotes = List.copyOf(quotes);
    }
  }

  /** What {@link #learn} learned from: files, the distinct names it now knows, languages. */
  public record Learned(int files, int names, java.util.SortedSet<String> languages) {}

  private final Path learned;
  private final KnownEntities store;
  private final QuoteFinder quotes = new QuoteFinder();
  /** What is known and the linker built on it, loaded together on first use. */
  private volatile Loaded loaded;

  private record Loaded(Knowledge knowledge, KnownEntities known, Linker linker) {}

  /** A stage with the knowledge that ships with Kronika. */
  public EntityStage() {
    this(null, KnownEntities.NONE);
  }

  /**
   * A stage that adds the knowledge in the file {@code learned} (written by {@link #learn};
   * {@code null}: none) and asks {@code store} about names first, so that a surname met alone
   * joins the full name met in an earlier article.
   */
  public EntityStage(Path learned, KnownEntities store) {
    this.learned = learned;
    this.store = java.util.Objects.requireNonNull(store, "store");
  }

  /**
   * Learns from the annotated corpus at {@code corpus} (the SlavicNER/BSNLP layout:
   * {@code raw/…/<lang>/*.txt} with {@code ner/…/<lang>/*.tsv}) and writes what it learned to
   * {@code out}, replacing it atomically.
   *
   * @param split a file listing the raw files to learn from, one a line ({@code null}: all)
   */
  public static Learned learn(Path corpus, Path split, Path out) throws IOException {
    List<String> files = SlavicNerLearner.files(corpus, split);
    if (files.isEmpty()) {
      throw new IOException(corpus + ": no annotated raw/**/*.txt file found");
    }
    java.util.SortedSet<String> languages = new java.util.TreeSet<>();
    for (String file : files) {
      languages.add(SlavicNerLearner.languageOf(file));
    }
    Knowledge.Learned knowledge = SlavicNerLearner.learn(corpus, files);
    KnowledgeFile.write(out, knowledge);
    return new Learned(files.size(), knowledge.known().size(), languages);
  }

  /**
   * Loads the dictionaries and what was learned now rather than at the first article, so that
   * a damaged knowledge file is reported before anything is read.
   *
   * @throws IOException naming the knowledge file when it cannot be read
   */
  public void load() throws IOException {
    try {
      loaded();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The entities of the article's title and body, and the quotations of its body. */
  public Result apply(Analysis analysis) {
    String lang = analysis.lang();
    List<Mention> title = find(analysis.title(), lang);
    List<Mention> body = find(analysis.body(), lang);
    List<Mention> all = new ArrayList<>(title.size() + body.size());
    all.addAll(title);
    all.addAll(body);
    all = linker().resolveWithinArticle(all, lang);
    List<Mention> bodyResolved = all.subList(title.size(), all.size());
    List<QuoteFinder.Name> speakers = new ArrayList<>(bodyResolved.size());
    for (Mention m : bodyResolved) {
      speakers.add(new QuoteFinder.Name(m.start(), m.end(), m.id(), m.name(), m.type().name()));
    }
    return new Result(entities(all), quotes.find(analysis.body().text(), lang, speakers));
  }

  /**
   * The mentions of one text with their offsets, a surname resolved to the full name met in
   * the same text. For callers that need positions (benchmarks, highlighting).
   */
  public List<Mention> mentions(AnalyzedText text, String lang) {
    return linker().resolveWithinArticle(find(text, lang), lang);
  }

  private List<Mention> find(AnalyzedText text, String lang) {
    Loaded l = loaded();
    List<Recognizer.Found> found = Recognizer.find(text, l.knowledge().of(lang), l.known(), lang);
    return l.linker().identify(found, text.text(), lang);
  }

  /**
   * One entry per entity, in order of first mention, with its distinct written forms. Its
   * type is the one its mentions have most often, MISC counting only when nothing else is
   * said (a demonym, Ukrainian, shares its country's id); its name that of a mention of
   * that type.
   */
  private static List<Article.EntityMention> entities(List<Mention> mentions) {
    Map<String, List<Mention>> byId = new LinkedHashMap<>();
    for (Mention m : mentions) {
      byId.computeIfAbsent(m.id(), id -> new ArrayList<>()).add(m);
    }
    List<Article.EntityMention> out = new ArrayList<>(byId.size());
    byId.forEach((id, group) -> {
      Map<EntityType, Integer> votes = new LinkedHashMap<>();
      Set<String> forms = new LinkedHashSet<>();
      for (Mention m : group) {
        votes.merge(m.type(), m.type() == EntityType.MISC ? 1 : 1000, Integer::sum);
        forms.add(m.surface());
      }
      EntityType type = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      String name = group.stream().filter(m -> m.type() == type).findFirst().orElseThrow().name();
      out.add(new Article.EntityMention(id, name, type.name(), List.copyOf(forms)));
    });
    return out;
  }

  private Loaded loaded() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        l = loaded;
        if (l == null) {
          Knowledge k;
          try {
            k = learned == null ? Knowledge.shipped() : Knowledge.of(KnowledgeFile.read(learned, Knowledge.Learned.class));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
          }
          KnownEntities known = store.orElse(k.known());
          l = new Loaded(k, known, new Linker(known));
          loaded = l;
        }
      }
    }
    return l;
  }

  private Linker linker() {
    return loaded().linker();
  }
}
