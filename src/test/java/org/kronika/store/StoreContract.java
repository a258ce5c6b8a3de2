package org.kronika.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.entity.EntityStage;
import org.kronika.entity.KnownEntities;
import org.kronika.input.Inputs;
import org.kronika.input.SourceDocument;
import org.kronika.language.LanguageIdentifier;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.model.Storyline;
import org.kronika.pipeline.Ingest;
import org.kronika.pipeline.Pipeline;
import org.kronika.story.StoryIndex;
import org.kronika.story.StoryIndex.WeightedTerm;
import org.kronika.story.StoryProfile;
import org.kronika.story.StoryStage;

/**
 * What every {@link Store} must do, run against each implementation by a subclass that says how
 * to open one: articles stored by a real ingest and read back, exact and near duplicates, stories
 * and their candidates, profiles and merges, search in two scripts, known entities, and a crash
 * before a commit (the store keeps exactly the last commit, and the same input stored again
 * gives each article once).
 */
abstract class StoreContract {
  private static final LanguageIdentifier LANGUAGES = LanguageIdentifier.standard();

  @TempDir Path tmp;

  /**
   * A writer of the store this test uses, holding what earlier writers committed: each test
   * starts with an empty store and may open several writers one after another.
   */
  abstract Store openWriter() throws Exception;

  /** A reader of the same store, seeing its last commit. */
  abstract Store openReader() throws Exception;

  /** Whether other writers may share the store (its ingest then compares their stories too). */
  abstract boolean shared();

  // Invented news: two reports of one harbour's reopening, the same in Ukrainian, a near copy of
  // the first report, and an unrelated election.
  static final String HARBOUR = """
       date 2026-03-02
      Odesa harbour reopens after storm
      The harbour of Odesa reopened on Monday after a storm damaged two piers, the port authority said.
      Grain ships had waited outside Odesa for three days while divers checked the damaged piers.
      Oleksandr Kubrakov said repairs to the second pier would take until April.
      """;
  private static final String HARBOUR_NEAR_COPY = HARBOUR.replace("three days while", "three days, while");
  private static final String HARBOUR_AGAIN = """
       date 2026-03-02
      Storm-hit Odesa port resumes work
      The port of Odesa resumed work on Monday, three days after a storm damaged two of its piers.
      Grain ships that had waited outside the harbour began to enter, the port authority said.
      Oleksandr Kubrakov said the second pier would be repaired by April.
      """;
  private static final String HARBOUR_UK = """
       date 2026-03-02
      Порт Одеси відновив роботу після шторму
      Порт Одеси відновив роботу в понеділок після шторму, який пошкодив два причали, повідомила адміністрація порту.
      Зерновози три дні чекали біля Одеси, поки водолази оглядали пошкоджені причали.
      Олександр Кубраков заявив, що ремонт другого причалу триватиме до квітня.
      """;
  private static final String ELECTION = """
       date 2026-03-08
      Finland votes in a snap election
      Voters in Finland elected a new parliament on Sunday after the coalition government collapsed in January.
      Turnout in Helsinki was the highest in twenty years, the election commission said.
      """;

  List<Path> files(String... nameAndText) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < nameAndText.length; i += 2) {
      files.add(Files.writeString(tmp.resolve(nameAndText[i]), nameAndText[i + 1]));
    }
    return files;
  }

  Ingest.Report ingest(Store store, List<Path> files) throws IOException {
    return ingest(store).run(files, Inputs.standard(), rejection -> { throw new AssertionError(rejection.toString()); });
  }

  private Ingest ingest(Store store) {
    return new Ingest(new Pipeline(LANGUAGES, new EntityStage(null, store, null)), store, StoryStage.standard(),
        new Ingest.Options(1, 1000, shared()));
  }

  private static Map<String, Article> byTitle(Store store) throws IOException {
    Map<String, Article> articles = new java.util.LinkedHashMap<>();
    store.forEachArticle(a -> articles.put(a.title(), a));
    return articles;
  }

  @Test
  void storedArticlesAreReadBackInTheOrderTheyCame() throws Exception {
    List<Path> input = files("1-harbour.txt", HARBOUR, "2-election.txt", ELECTION, "3-harbour-uk.txt", HARBOUR_UK);
    try (Store store = openWriter()) {
      assertEquals(3, ingest(store, input).stored());
    }
    try (Store store = openReader()) {
      Map<String, Article> articles = byTitle(store);
      assertEquals(List.of("Odesa harbour reopens after storm", "Finland votes in a snap election",
          "Порт Одеси відновив роботу після шторму"), new ArrayList<>(articles.keySet()));
      Article uk = articles.get("Порт Одеси відновив роботу після шторму");
      assertEquals("uk", uk.lang());
      assertEquals(LocalDate.of(2026, 3, 2), uk.date());
      assertTrue(uk.body().startsWith("Порт Одеси відновив роботу в понеділок"), uk.body());
      assertEquals(uk, store.article(uk.id()).orElseThrow());
      assertEquals(uk.body(), store.articleBody(uk.id()).orElseThrow());
      assertTrue(store.contains(uk.id()));
      assertFalse(store.contains("no-such-article"));
      assertEquals(uk.id(), store.articleWithContent(uk.contentHash()).orElseThrow());
    }
  }

  @Test
  void exactAndNearCopiesAreDuplicatesOfTheFirst() throws Exception {
    try (Store store = openWriter()) {
      ingest(store, files("1-harbour.txt", HARBOUR));
    }
    try (Store store = openWriter()) { // the first report is in the store, no longer in the writer's memory
      Ingest.Report report = ingest(store, files("2-copy.txt", HARBOUR, "3-near.txt", HARBOUR_NEAR_COPY));
      assertEquals(1, report.duplicates(), report.summary()); // a near copy is stored, marked as such
      assertEquals(1, report.stored(), report.summary());
    }
    try (Store store = openReader()) {
      List<Article> articles = new ArrayList<>();
      store.forEachArticle(articles::add);
      String first = articles.get(0).id();
      assertEquals(List.of("exact"), articles.get(1).duplicates().stream().map(Article.Duplicate::kind).toList());
      assertEquals(first, articles.get(1).duplicates().get(0).id());
      assertTrue(articles.get(2).duplicates().contains(new Article.Duplicate(first, "near")), articles.get(2).toString());
      assertEquals(Set.of("near"), articles.get(2).duplicates().stream().map(Article.Duplicate::kind).collect(Collectors.toSet()));
      assertEquals(Set.of(articles.get(0).story()), articles.stream().map(Article::story).collect(Collectors.toSet()));
    }
  }

  @Test
  void reportsOfOneEventShareAStoryInAnyLanguageAndOthersDoNot() throws Exception {
    try (Store store = openWriter()) {
      ingest(store, files("1-harbour.txt", HARBOUR, "2-election.txt", ELECTION));
    }
    try (Store store = openWriter()) {
      ingest(store, files("3-harbour-again.txt", HARBOUR_AGAIN, "4-harbour-uk.txt", HARBOUR_UK));
    }
    try (Store store = openReader()) {
      Map<String, Article> a = byTitle(store);
      String harbour = a.get("Odesa harbour reopens after storm").story();
      assertEquals(harbour, a.get("Storm-hit Odesa port resumes work").story());
      assertEquals(harbour, a.get("Порт Одеси відновив роботу після шторму").story());
      assertNotEquals(harbour, a.get("Finland votes in a snap election").story());
      List<Story> stories = store.stories();
      assertEquals(2, stories.size());
      assertEquals(3, stories.get(0).articles().size(), "largest first");
      assertEquals(harbour, stories.get(0).id());
      List<Storyline> storylines = store.storylines();
      assertEquals(4, storylines.stream().mapToInt(l -> l.articles().size()).sum());
    }
  }

  @Test
  void candidatesAreTheStoriesSharingTermsWithinTheirDays() throws Exception {
    try (Store store = openWriter()) {
      ingest(store, files("1-harbour.txt", HARBOUR, "2-election.txt", ELECTION));
    }
    try (Store store = openWriter()) {
      Article harbour = byTitle(store).get("Odesa harbour reopens after storm");
      StoryProfile story = store.profile(harbour.story()).orElseThrow();
      assertEquals(1, story.size());
      List<WeightedTerm> terms = GroupDocument.of(story).terms().stream().map(t -> new WeightedTerm(t, 1f)).toList();
      LocalDate day = LocalDate.of(2026, 3, 2);
      List<String> found = store.candidates(StoryProfile.Level.STORY, terms, day, 10).stream().map(StoryProfile::id).toList();
      assertEquals(harbour.story(), found.get(0), "the story itself, best");
      assertTrue(store.candidates(StoryProfile.Level.STORY, terms, day.plusDays(StoryIndex.CANDIDATE_DAYS + 10), 10).stream()
          .noneMatch(p -> p.id().equals(harbour.story())), "a story far from the day is no candidate");
      assertTrue(store.candidates(StoryProfile.Level.STORYLINE, terms, day, 10).stream()
          .allMatch(p -> p.level() == StoryProfile.Level.STORYLINE));
      assertEquals(2, store.articleCount());
    }
  }

  @Test
  void aMergedStorylineLeadsToTheOneThatAbsorbedIt() throws Exception {
    try (Store store = openWriter()) {
      ingest(store, files("1-harbour.txt", HARBOUR, "2-election.txt", ELECTION));
    }
    String absorbed;
    String into;
    try (Store store = openWriter()) {
      Map<String, Article> a = byTitle(store);
      StoryProfile harbourLine = storylineOf(store, a.get("Odesa harbour reopens after storm"));
      StoryProfile electionLine = storylineOf(store, a.get("Finland votes in a snap election"));
      assertNotEquals(harbourLine.id(), electionLine.id());
      absorbed = electionLine.id();
      into = harbourLine.id();
      StoryProfile e = electionLine;
      store.update(List.of(new StoryProfile(e.id(), e.level(), e.title(), e.headlines(), e.size(), e.langs(), e.first(),
          e.last(), e.centroids(), e.displayNames(), e.storyline(), into, e.why(), e.dated())));
      store.commit();
    }
    try (Store store = openReader()) {
      assertEquals(into, store.profile(absorbed).orElseThrow().mergedInto());
      List<Storyline> storylines = store.storylines();
      assertEquals(1, storylines.size(), storylines.toString());
      assertEquals(into, storylines.get(0).id());
      assertEquals(2, storylines.get(0).stories().size());
    }
  }

  private static StoryProfile storylineOf(Store store, Article article) {
    return store.profile(store.profile(article.story()).orElseThrow().storyline()).orElseThrow();
  }

  @Test
  void searchFindsWordsInTheirLanguagesAndNamesInAnyScript() throws Exception {
    try (Store store = openWriter()) {
      ingest(store, files("1-harbour.txt", HARBOUR, "2-election.txt", ELECTION, "3-harbour-uk.txt", HARBOUR_UK));
    }
    try (Store store = openReader()) {
      store.refreshReads();
      assertEquals(List.of("Finland votes in a snap election"), titles(store.search("elected parliament", null, 10)));
      assertEquals(List.of("Порт Одеси відновив роботу після шторму"), titles(store.search("причалів", null, 10)),
          "a Ukrainian word found in another of its forms");
      assertEquals(Set.of("Odesa harbour reopens after storm", "Порт Одеси відновив роботу після шторму"),
          Set.copyOf(titles(store.search("Одеса", null, 10))), "a name found in both scripts");
      assertEquals(List.of("Порт Одеси відновив роботу після шторму"), titles(store.search("Одеса", "uk", 10)));
      List<Store.RankedId> ids = store.searchIds("Odesa", null, 10);
      assertEquals(2, ids.size());
      assertTrue(store.search("Kilimanjaro", null, 10).isEmpty());
    }
  }

  private static List<String> titles(List<Store.SearchHit> hits) {
    return hits.stream().map(h -> h.article().title()).toList();
  }

  @Test
  void entitiesNamedByStoredArticlesAreKnownAfterReopening() throws Exception {
    List<Article.EntityMention> named;
    try (Store store = openWriter()) {
      ingest(store, files("1-harbour.txt", HARBOUR));
      named = byTitle(store).get("Odesa harbour reopens after storm").entities();
    }
    List<String> keys = named.stream().flatMap(e -> KnownEntities.keysOf(e.id(), e.type()).stream()).toList();
    assertTrue(named.stream().anyMatch(e -> e.type().equals("PER")), named.toString());
    assertFalse(keys.isEmpty());
    try (Store store = openWriter()) {
      for (Article.EntityMention e : named) {
        for (String key : KnownEntities.keysOf(e.id(), e.type())) {
          assertEquals(e.type(), store.find(key).orElseThrow(() -> new AssertionError(key)).type().name());
        }
      }
      KnownEntities before = store.snapshot();
      ingest(store, files("2-election.txt", ELECTION));
      assertTrue(before.find(keys.get(0)).isPresent());
    }
  }

  @Test
  void aCrashBeforeTheCommitKeepsTheLastCommitAndTheSameInputIsStoredOnce() throws Exception {
    List<Path> first = files("1-harbour.txt", HARBOUR);
    List<Path> second = files("2-election.txt", ELECTION, "3-harbour-uk.txt", HARBOUR_UK);
    try (Store store = openWriter()) {
      ingest(store, first);
    }
    try (Store store = openWriter(); Ingest.Session session = ingest(store).open(r -> { })) {
      Inputs.standard().read(second, session);
      // an article handed over prepared is stored after those before it: all three are written, not committed
      session.accept(pipelineFor(store).prepare(SourceDocument.text("inline", ELECTION.replace("Finland", "Sweden")), "sweden"));
      assertTrue(store.contains("sweden"));
      // closed without a commit, as a killed process leaves it
    }
    try (Store store = openReader()) {
      assertEquals(List.of("Odesa harbour reopens after storm"), new ArrayList<>(byTitle(store).keySet()));
      assertEquals(1, store.stories().size());
    }
    try (Store store = openWriter()) {
      Ingest.Report replay = ingest(store, concat(first, second));
      assertEquals(1, replay.alreadyStored(), replay.summary());
      assertEquals(2, replay.stored(), replay.summary());
    }
    try (Store store = openReader()) {
      assertEquals(3, byTitle(store).size());
      assertEquals(3, store.stories().stream().mapToInt(s -> s.articles().size()).sum());
    }
  }

  private static Pipeline pipelineFor(Store store) {
    return new Pipeline(LANGUAGES, new EntityStage(null, store, null));
  }

  private static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
