package org.kronika.entity;

import java.io.IOException;
import java.nio.file.Files;
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
 * It knows what ships with Kronika (dictionaries, place names), knowledge learned from an
 * annotated corpus by {@link #learn} ({@code kronika learn}) when given its file, and what the
 * articles it {@link #observe observes} teach ({@link StreamKnowledge}), made part of the
 * knowledge at a few early moments and at each {@link #commit}. Articles are prepared with a
 * {@link #snapshot} of one moment, so that the same articles in the same order get the same
 * entities whatever the threads did. Loading happens on first use (or {@link #load}); an
 * article then costs about a millisecond. Thread-safe: {@link #apply} and {@link #snapshot}
 * from any thread; {@link #observe} and {@link #commit} in input order, from one thread.
 */
public final class EntityStage {
  /**
   * What the stage finds in one article, and what the article can teach the stage (handed
   * back to {@link #observe} in input order).
   */
  public record Result(List<Article.EntityMention> entities, List<Article.Quote> quotes, Observed observed) {
    public Result {
      entities = List.copyOf(entities);
      quotes = List.copyOf(quotes);
    }
  }

  /** What one article can teach the stage about names; opaque outside this package. Immutable. */
  public static final class Observed {
    private final StreamKnowledge.Observation observation;

    private Observed(StreamKnowledge.Observation observation) {
      this.observation = observation;
    }
  }

  /**
   * The knowledge of one moment: what ships or was learned, with what the stream taught up
   * to then. An article prepared with a snapshot taken in input order gets the same entities
   * whatever the threads did. Immutable.
   */
  public static final class Snapshot {
    private final Knowledge knowledge;
    private final KnownEntities known;
    private final Linker linker;

    private Snapshot(Knowledge knowledge, KnownEntities known) {
      this.knowledge = knowledge;
      this.known = known;
      this.linker = new Linker(known);
    }
  }

  /** What {@link #learn} learned from: files, the distinct names it now knows, languages. */
  public record Learned(int files, int names, java.util.SortedSet<String> languages) {}

  /**
   * The stream is learned from at these article counts while young, then at each {@link #commit}:
   * a new store learns its first names within a few dozen articles.
   */
  private static final long[] EARLY_BUILDS = {32, 64, 128, 256, 512};
  /**
   * Articles after which the entities the store remembered are taken into the knowledge of the
   * articles to come, so that a surname met alone soon joins the full name met a little earlier
   * (every 50 articles, linking F1 fell from 0.904 to 0.874 on the SlavicNER stream; a copy of
   * the remembered entities costs well under a millisecond per article).
   */
  private static final long STORE_SEEN_EVERY = 10;
  /** Articles observed since the last build before a commit builds (and saves) the knowledge again. */
  private static final long BUILD_EVERY = 100;

  private final Path learned;
  private final KnownEntities store;
  private final Path streamFile;
  private final QuoteFinder quotes = new QuoteFinder();
  /** What shipped or was learned, loaded on first use. */
  private volatile Knowledge base;
  private volatile Snapshot current;
  private StreamKnowledge stream;
  private long builtAt;
  private long savedAt;

  /** A stage with the knowledge that ships with Kronika, learning from the articles it is shown. */
  public EntityStage() {
    this(null, KnownEntities.NONE, null);
  }

  /**
   * A stage that adds the knowledge in the file {@code learned} (written by {@link #learn};
   * {@code null}: none) and asks {@code store} about names first, so that a surname met alone
   * joins the full name met in an earlier article; what it learns from the articles it
   * {@link #observe observes} is kept in {@code streamFile} at each {@link #commit} and read
   * from there when it exists ({@code null}: kept in memory only).
   */
  public EntityStage(Path learned, KnownEntities store, Path streamFile) {
    this.learned = learned;
    this.store = java.util.Objects.requireNonNull(store, "store");
    this.streamFile = streamFile;
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
   * Loads the names of places that every language's names are compared with (CLDR's countries
   * and regions in a fixed set of languages) now, for instance on a thread of its own while
   * other models load, rather than at the first article that names a place. Thread-safe; what
   * the stage finds is the same either way.
   */
  public static void preloadPlaces() {
    Places.preload();
  }

  /**
   * Loads the dictionaries, what was learned and what the stream taught now rather than at the
   * first article, so that a damaged knowledge file is reported before anything is read.
   *
   * @throws IOException naming the knowledge file when it cannot be read
   */
  public void load() throws IOException {
    try {
      snapshot();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The knowledge of this moment, for articles to be prepared with. */
  public Snapshot snapshot() {
    Snapshot s = current;
    if (s == null) {
      synchronized (this) {
        s = current;
        if (s == null) {
          try {
            base = learned == null ? Knowledge.shipped() : Knowledge.of(KnowledgeFile.read(learned, Knowledge.Learned.class));
            stream = streamFile != null && Files.isRegularFile(streamFile)
                ? KnowledgeFile.read(streamFile, StreamKnowledge.class) : new StreamKnowledge();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
          }
          builtAt = stream.articles();
          savedAt = stream.articles();
          s = build();
          current = s;
        }
      }
    }
    return s;
  }

  private Snapshot build() {
    StreamKnowledge.Built built = stream.build();
    Knowledge k = base.with(built);
    return new Snapshot(k, store.snapshot().orElse(k.known()));
  }

  /**
   * Counts what an article prepared by this stage teaches about names. Call in input order,
   * from one thread, for the articles kept.
   */
  public synchronized void observe(Observed observed) {
    snapshot();
    stream.observe(observed.observation);
    long n = stream.articles();
    for (long at : EARLY_BUILDS) {
      if (n == at) {
        builtAt = n;
        current = build();
        return;
      }
    }
    if (n % STORE_SEEN_EVERY == 0) {
      Snapshot s = current;
      current = new Snapshot(s.knowledge, store.snapshot().orElse(s.knowledge.known()));
    }
  }

  /**
   * Makes what was observed durable in the stream file when there is one (written whole, then
   * renamed), and part of the knowledge articles are prepared with once at least
   * {@value #BUILD_EVERY} articles were observed since it was last built (a cluster worker
   * commits every small batch).
   */
  public synchronized void commit() throws IOException {
    snapshot();
    if (stream.articles() - builtAt >= BUILD_EVERY) {
      builtAt = stream.articles();
      current = build();
    }
    if (streamFile != null && stream.articles() != savedAt) {
      KnowledgeFile.write(streamFile, stream);
      savedAt = stream.articles();
    }
  }

  /** The entities of the article's title and body, and the quotations of its body. */
  public Result apply(Analysis analysis) {
    return apply(analysis, snapshot());
  }

  /** As {@link #apply(Analysis)}, with the knowledge of {@code snapshot}. */
  public Result apply(Analysis analysis, Snapshot snapshot) {
    String lang = analysis.lang();
    List<Recognizer.Found> titleFound = Recognizer.find(analysis.title(), snapshot.knowledge.of(lang), snapshot.known, lang);
    List<Recognizer.Found> bodyFound = Recognizer.find(analysis.body(), snapshot.knowledge.of(lang), snapshot.known, lang);
    List<Mention> title = snapshot.linker.identify(titleFound, analysis.title().text(), lang);
    List<Mention> body = snapshot.linker.identify(bodyFound, analysis.body().text(), lang);
    List<Mention> all = new ArrayList<>(title.size() + body.size());
    all.addAll(title);
    all.addAll(body);
    all = snapshot.linker.resolveWithinArticle(all, lang);
    List<Mention> bodyResolved = all.subList(title.size(), all.size());
    List<QuoteFinder.Name> speakers = new ArrayList<>(bodyResolved.size());
    for (Mention m : bodyResolved) {
      speakers.add(new QuoteFinder.Name(m.start(), m.end(), m.id(), m.name(), m.type().name()));
    }
    StreamKnowledge.Observation observation = StreamKnowledge.observation(lang,
        List.of(analysis.title(), analysis.body()), List.of(titleFound, bodyFound), List.of(title, body));
    return new Result(entities(all), quotes.find(analysis.body().text(), lang, speakers), new Observed(observation));
  }

  /**
   * The mentions of one text with their offsets, a surname resolved to the full name met in
   * the same text. For callers that need positions (benchmarks, highlighting).
   */
  public List<Mention> mentions(AnalyzedText text, String lang) {
    Snapshot s = snapshot();
    List<Recognizer.Found> found = Recognizer.find(text, s.knowledge.of(lang), s.known, lang);
    return s.linker.resolveWithinArticle(s.linker.identify(found, text.text(), lang), lang);
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

}
