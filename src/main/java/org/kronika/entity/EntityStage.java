package org.kronika.entity;

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
 * What it knows beyond rules it learns, on first use, from the SlavicNER training split
 * when the corpus is at hand (by default {@code ../shared/bench/corpus/slavicner}, or the
 * system property {@value #CORPUS_PROPERTY}); without it, it works from the dictionaries and
 * the JDK's country names alone. Learning costs half a minute once per corpus split and
 * code version (then it is read from a cache, see {@link KnowledgeCache}, in about a second);
 * an article then costs about a millisecond. Thread-safe.
 */
public final class EntityStage {
  /** System property naming the SlavicNER corpus directory to learn from ("none" for none). */
  public static final String CORPUS_PROPERTY = "kronika.slavicner";
  private static final Path DEFAULT_CORPUS = Path.of("..", "shared", "bench", "corpus", "slavicner");

  /** What the stage finds in one article. */
  public record Result(List<Article.EntityMention> entities, List<Article.Quote> quotes) {
    public Result {
      entities = List.copyOf(entities);
      quotes = List.copyOf(quotes);
    }
  }

  private final Path corpus;
  private final KnownEntities store;
  private final QuoteFinder quotes = new QuoteFinder();
  /** What was learned and the linker built on it, loaded together on first use. */
  private volatile Loaded loaded;

  private record Loaded(Knowledge knowledge, KnownEntities known, Linker linker) {}

  /** A stage that learns from the SlavicNER corpus where it is found, and works without it. */
  public EntityStage() {
    this(defaultCorpus());
  }

  /**
   * A stage that learns from the SlavicNER corpus where it is found and asks {@code store}
   * about names first, so that a surname met alone joins the full name met in an earlier article.
   */
  public static EntityStage withStore(KnownEntities store) {
    return new EntityStage(defaultCorpus(), store);
  }

  /** A stage that learns from the SlavicNER corpus at {@code corpus}; {@code null} learns nothing. */
  public EntityStage(Path corpus) {
    this(corpus, KnownEntities.NONE);
  }

  /**
   * A stage that learns from the SlavicNER corpus at {@code corpus} ({@code null}: nothing)
   * and asks {@code store} about names before what it learned.
   */
  public EntityStage(Path corpus, KnownEntities store) {
    this.corpus = corpus;
    this.store = java.util.Objects.requireNonNull(store, "store");
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
          Knowledge k = SlavicNerLearner.available(corpus) ? KnowledgeCache.load(corpus) : Knowledge.countriesOnly();
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

  private static Path defaultCorpus() {
    String configured = System.getProperty(CORPUS_PROPERTY);
    if ("none".equals(configured)) {
      return null;
    }
    return configured == null ? DEFAULT_CORPUS : Path.of(configured);
  }
}
