package org.kronika.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoryAssignerTest {
  private static final LocalDate DAY = LocalDate.of(2020, 3, 2);

  /** Every profile written, all of them candidates: enough for a handful of groups. */
  private static final class Profiles implements StoryIndex {
    final Map<String, StoryProfile> byId = new HashMap<>();
    final Map<String, Opening> openings = new HashMap<>();

    void put(StoryProfile p) {
      byId.put(p.id(), p);
    }

    @Override
    public long articleCount() {
      return byId.size();
    }

    @Override
    public int documentFrequency(String term) {
      return 0;
    }

    @Override
    public List<StoryProfile> candidates(StoryProfile.Level level, Collection<WeightedTerm> terms, LocalDate date,
                                         int limit) {
      return new ArrayList<>(byId.values().stream().filter(p -> p.level() == level).toList());
    }

    @Override
    public Optional<StoryProfile> profile(String id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Opening> opening(String groupId) {
      return Optional.ofNullable(openings.get(groupId));
    }
  }

  private static ArticleFeatures features(String... words) {
    return features(Map.of("nordstream", 2), words);
  }

  private static ArticleFeatures features(Map<String, Integer> names, String... words) {
    return features("en", names, words);
  }

  private static ArticleFeatures features(String lang, Map<String, Integer> names, String... words) {
    Map<Feature, Map<String, Integer>> counts = new EnumMap<>(Feature.class);
    Map<String, Integer> w = new HashMap<>();
    for (String word : words) {
      w.merge(word, 1, Integer::sum);
    }
    counts.put(Feature.WORD, w);
    counts.put(Feature.NAME, names);
    return new ArticleFeatures(lang, counts, Map.of(), 0, List.of());
  }

  /** A group of one article, story or storyline by its id's prefix. */
  private static StoryProfile group(String id, LocalDate date, ArticleFeatures f) {
    StoryProfile.Level level = id.startsWith("s") ? StoryProfile.Level.STORY : StoryProfile.Level.STORYLINE;
    return StoryProfile.open(id, level, null, f, WeightedFeatures.of(f, term -> 1), date);
  }

  /** A group grown by one more article. */
  private static StoryProfile plus(StoryProfile group, ArticleFeatures f) {
    return group.plus(null, f, WeightedFeatures.of(f, term -> 1), DAY);
  }

  private static StoryAssigner.Assignment assign(StoryAssigner assigner, ArticleFeatures f, StoryIndex index) {
    return assigner.assign("a", null, DAY, f, WeightedFeatures.of(f, term -> 1), index);
  }

  private static final StoryAssigner STORIES = new StoryAssigner(StoryProfile.Level.STORY, StoryAssigner.Options.STORY);

  @Test
  void aJoiningArticleSaysWhichSharedFeaturesPutItThere() {
    ArticleFeatures first = features(Map.of("nordstream", 2, "gazprom", 1), "pipeline", "leak", "baltic", "divers");
    ArticleFeatures second = features(Map.of("nordstream", 1, "gazprom", 1), "pipeline", "leak", "sabotage");
    StoryAssigner.Assignment joined = assign(STORIES, second, index(group("s1", DAY, first)));

    assertTrue(!joined.opened() && joined.why() != null);
    assertEquals(Math.round(joined.similarity() * 1000) / 1000.0, joined.why().story());
    List<String> shared = joined.why().evidence().stream().map(e -> e.kind() + ":" + e.value()).toList();
    assertEquals(java.util.Set.of("name:nordstream", "name:gazprom", "word:pipeline", "word:leak"),
        java.util.Set.copyOf(shared), "only what both share, each once");
    double parts = joined.why().evidence().stream().mapToDouble(e -> e.weight()).sum();
    assertEquals(joined.similarity(), parts, 0.005, "the parts make the similarity");
    assertTrue(joined.why().evidence().get(0).weight() >= joined.why().evidence().get(3).weight(), "strongest first");
    assertNull(assign(STORIES, second, index()).why(), "an article opening a story has no why");
  }

  private static Profiles index(StoryProfile... groups) {
    Profiles index = new Profiles();
    for (StoryProfile g : groups) {
      index.put(g);
    }
    return index;
  }

  private static final StoryAssigner STORYLINES = new StoryAssigner(StoryProfile.Level.STORYLINE,
      StoryAssigner.Options.STORYLINE);

  /**
   * Storylines l1, l2 and l3 alike in words, with these names: l2 must stay apart from l1, and
   * l3 merge with it.
   */
  private static void assertMergedOnlyWithTheRightNames(Map<String, Integer> l1, Map<String, Integer> apart,
                                                        Map<String, Integer> merged, String why) {
    String[] words = {"talks", "border", "customs", "deadline", "parliament", "vote"};
    Profiles index = index(group("l1", DAY, features(l1, words)), group("l2", DAY, features(apart, words)));
    assertTrue(STORYLINES.reconcile(List.of("l2"), index, false).isEmpty(), why);

    index.put(group("l3", DAY, features(merged, words)));
    List<StoryProfile> written = STORYLINES.reconcile(List.of("l3"), index, false);
    assertEquals(List.of("l1", "l3"), written.stream().map(StoryProfile::id).sorted().toList());
  }

  @Test
  void storylinesAlikeInWordsMergeOnlyWithACentralNameInCommon() {
    assertMergedOnlyWithTheRightNames(Map.of("ireland", 3, "london", 1), Map.of("nordstream", 3, "gazprom", 1),
        Map.of("ireland", 1, "brussels", 2), "two subjects alike only in words");
  }

  private static final StoryAssigner PARALLEL_STORIES = new StoryAssigner(StoryProfile.Level.STORY,
      StoryAssigner.Options.STORY.withMergeThreshold(StoryAssigner.Options.STORY.threshold()));

  /** Two alike stories: s2 opened by writer a at 10 s, not committed yet, and s1 as given. */
  private static Profiles alikeStories(StoryIndex.Opening s1) {
    ArticleFeatures f = features("pipeline", "gas", "sanctions", "baltic");
    Profiles index = index(group("s2", DAY, f), group("s1", DAY.plusDays(1), f));
    index.openings.put("s2", new StoryIndex.Opening("a", 10_000, Long.MAX_VALUE));
    index.openings.put("s1", s1);
    return index;
  }

  @Test
  void storiesOpenedInParallelMergeIntoTheSmallerId() {
    // b placed s1's first article at 9 s in a commit that ended at 12 s: a could not see it at 10 s
    Profiles index = alikeStories(new StoryIndex.Opening("b", 9_000, 12_000));

    Map<String, StoryProfile> written = new HashMap<>();
    PARALLEL_STORIES.reconcile(List.of("s2"), index, true).forEach(p -> written.put(p.id(), p));

    assertEquals("s1", written.get("s2").mergedInto());
    assertNull(written.get("s1").mergedInto());
    assertEquals(2, written.get("s1").size());
  }

  @Test
  void alikeStoriesMergeOnlyWhenNeitherFirstArticleCouldSeeTheOther() {
    assertTrue(PARALLEL_STORIES.reconcile(List.of("s2"), alikeStories(new StoryIndex.Opening("b", 1_000, 2_000)), true)
        .isEmpty(), "s1 was visible to s2's first article, which left it");
    assertTrue(PARALLEL_STORIES.reconcile(List.of("s2"), alikeStories(new StoryIndex.Opening("a", 9_000, 9_500)), true)
        .isEmpty(), "a writer sees its own stories");
    assertTrue(PARALLEL_STORIES.reconcile(List.of("s2"), index(group("s2", DAY, features("gas")),
        group("s1", DAY, features("gas"))), true).isEmpty(), "a store with one writer merges no stories");
  }

  @Test
  void alikeStorylinesMonthsApartStaySeparate() {
    // a merge may not join what no article could have: the same words five months later are another subject
    ArticleFeatures f = features("pipeline", "gas", "sanctions", "baltic");
    Profiles index = index(group("l2", DAY, f), group("l1", DAY.plusMonths(5), f));

    assertTrue(STORYLINES.reconcile(List.of("l2"), index, false).isEmpty());
    index.put(group("l3", DAY.plusDays(10), f));
    assertEquals(2, STORYLINES.reconcile(List.of("l2"), index, false).size(), "ten days apart they merge");
  }

  @Test
  void storylinesOfOneSubjectInMostlyOtherLanguagesMergeByTheirNames() {
    Map<String, Integer> polish = Map.of("brexit", 1, "tusk", 1, "warszawa", 1);
    Map<String, Integer> russian = Map.of("brexit", 1, "lavrov", 1, "moskva", 1);
    // Polish reports and one Russian one, Russian reports: one language in common, none of its words
    StoryProfile l1 = plus(plus(group("l1", DAY, features("pl", polish, "umowa", "granica", "cla")),
        features("pl", polish, "umowa", "granica")), features("ru", polish, "dogovor"));
    StoryProfile l2 = plus(group("l2", DAY, features("ru", russian, "soglashenie", "poshliny")),
        features("ru", russian, "soglashenie", "parlament"));
    assertTrue(STORYLINES.groupSimilarity(l1, l2) < StoryAssigner.Options.STORYLINE.mergeThreshold(),
        "precondition: as same-language groups, their words apart drown their names");

    assertEquals(2, STORYLINES.reconcile(List.of("l2"), index(l1, l2), false).size());
  }

  @Test
  void aStrayDatedArticleDoesNotDateItsStoryline() {
    ArticleFeatures f = features("pipeline", "gas", "sanctions", "baltic");
    WeightedFeatures v = WeightedFeatures.of(f, term -> 1);
    // five months earlier by its one dated article; its other four carry no date
    StoryProfile strayDated = group("l1", DAY.plusMonths(5), f);
    for (int i = 0; i < 4; i++) {
      strayDated = strayDated.plus(null, f, v, null);
    }
    assertEquals(2, STORYLINES.reconcile(List.of("l2"), index(group("l2", DAY, f), strayDated), false).size(),
        "one dated article of five says little of when its subject was");

    StoryProfile dated = group("l1", DAY.plusMonths(5), f);
    for (int i = 0; i < 4; i++) {
      dated = dated.plus(null, f, v, i < 2 ? DAY.plusMonths(5) : null);
    }
    assertTrue(STORYLINES.reconcile(List.of("l2"), index(group("l2", DAY, f), dated), false).isEmpty(),
        "three dated articles of five do");
  }

  @Test
  void storylinesSharingOnlyANameKeyDoNotMergeWhenTheirEntitiesDiffer() {
    // "svrn" is the key of Northern Ireland's "Northern" and of Nord Stream's "Nord"
    assertMergedOnlyWithTheRightNames(Map.of("svrn", 3, "=brexit", 2), Map.of("svrn", 3, "=nord-stream-2", 2),
        Map.of("svrn", 3, "=brexit", 1), "one ambiguous name key in common");
  }

  @Test
  void aStorylineOfOneArticleNeedsMoreToJoinThanAGrownOne() {
    ArticleFeatures first = features(Map.of(), "summit", "leaders", "communique", "agenda");
    ArticleFeatures article = features(Map.of(), "summit", "harvest", "drought", "prices");
    StoryProfile single = group("l1", DAY, first);
    double similarity = STORYLINES.similarity(WeightedFeatures.of(article, term -> 1), "en", DAY, single);
    double threshold = StoryAssigner.Options.STORYLINE.threshold();
    assertTrue(similarity > threshold * 1.1 && similarity < threshold * 2, "precondition: " + similarity);

    assertTrue(assign(STORYLINES, article, index(single)).opened(), "one article is weak evidence of a subject");
    StoryProfile grown = single;
    for (int i = 0; i < 9; i++) {
      grown = plus(grown, first);
    }
    StoryAssigner.Assignment joined = assign(STORYLINES, article, index(grown));
    assertEquals("l1", joined.group().id(), "ten articles of it are not");
  }

  @Test
  void anArticleJoinsTheStorylineOfItsNamesOverOneOfItsLanguagesWords() {
    String[] russianWords = {"samolet", "posadka", "rejs", "passazhir"};
    ArticleFeatures article = features("ru", Map.of("ryanair", 2, "minsk", 1), russianWords);
    // a storyline on another subject, all in Russian, sharing every word and no name
    StoryProfile sameWords = group("l1", DAY, features("ru", Map.of("gazprom", 2), russianWords));
    // the subject's storyline: Czech, with one Russian article in other words
    StoryProfile subject = group("l2", DAY, features("cs", Map.of("ryanair", 2, "minsk", 1), "letadlo", "pristani"));
    subject = plus(plus(subject, features("cs", Map.of("ryanair", 1), "letadlo", "let")),
        features("ru", Map.of("ryanair", 1, "minsk", 1), "lukashenko", "zaderzhanie"));

    assertEquals("l2", assign(STORYLINES, article, index(sameWords, subject)).group().id());
  }

  @Test
  void aGroupGivesBackWhatItAbsorbed() {
    StoryProfile kept = plus(group("l1", DAY, features("pipeline", "gas", "sanctions")), features("pipeline", "leak"));
    StoryProfile absorbed = group("l2", DAY, features(Map.of("gazprom", 1), "gas", "leak", "baltic"));

    StoryProfile restored = kept.absorb(absorbed).without(absorbed);

    assertEquals(kept.size(), restored.size());
    for (Feature kind : Feature.values()) {
      Map<String, Float> expected = kept.centroid(kind).weights();
      Map<String, Float> actual = restored.centroid(kind).weights();
      assertEquals(expected.keySet(), actual.keySet(), kind + " terms");
      expected.forEach((term, w) -> assertEquals(w, actual.get(term), 1e-5, kind + " " + term));
      assertEquals(kept.centroid(kind).norm(), restored.centroid(kind).norm(), 1e-5, kind + " norm");
    }
  }

  @Test
  void aGrownStoryMovesToTheStorylineOfItsSubject() {
    ArticleFeatures pipeline = features("pl", Map.of("nordstream", 2, "gazprom", 1), "gazociag", "baltyk", "gaz");
    ArticleFeatures flight = features("pl", Map.of("ryanair", 2, "minsk", 1), "samolot", "ladowanie", "lot");
    StoryProfile pipelines = plus(plus(group("l1", DAY, pipeline), pipeline), pipeline);
    // a story of the flight whose first article found no storyline of its subject yet
    StoryProfile story = plus(group("s1", DAY, flight), flight).inStoryline("l1");
    pipelines = pipelines.absorb(story);
    StoryProfile flights = plus(plus(group("l2", DAY, features("cs", Map.of("ryanair", 2, "minsk", 1), "letadlo")),
        features("cs", Map.of("ryanair", 1), "letadlo", "pristani")), features("cs", Map.of("minsk", 1), "let"));
    Profiles index = index(pipelines, flights, story);

    Map<String, StoryProfile> moved = new HashMap<>();
    StoryStage.standard().moveStories(List.of("s1"), index).forEach(p -> moved.put(p.id(), p));

    assertEquals("l2", moved.get("s1").storyline());
    assertEquals(5, moved.get("l2").size());
    assertEquals(3, moved.get("l1").size());
    assertTrue(StoryStage.standard().moveStories(List.of("s1"), index(pipelines.without(story),
        flights.absorb(story), story.inStoryline("l2"))).isEmpty(), "a story in its subject's storyline stays");
  }
}
