package org.kronika.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kronika.model.Article;

/** How a story picks its title among its articles' headlines. */
class HeadlineTest {
  /** A story about Zelensky and Rutte meeting on NATO: its names weigh most. */
  private static final Map<Feature, Centroid> STORY = centroids(
      Map.of("zlnsk", 3f, "rt", 2.5f, "nt", 2f, "brsl", 0.5f), Map.of("mtng", 1f, "nvtt", 1f));

  @Test
  void theHeadlineCarryingTheStorysNamesWins() {
    Headline central = new Headline("Зеленський обговорив з Рютте запрошення до НАТО", "uk",
        List.of("n:zlnsk", "n:rt", "n:nt", "k:zprsh"));
    Headline aside = new Headline("Погода в Брюсселі: сніг і вітер", "uk", List.of("n:brsl", "k:pgd", "k:vtr"));
    List<Headline> ranked = Headline.rank(List.of(aside, central), STORY);
    assertEquals(central, ranked.get(0));
    assertEquals(central.text(), Headline.title(ranked, STORY, null));
  }

  @Test
  void anEnglishHeadlineIsPreferredWhenItIsNearlyAsRepresentative() {
    Headline uk = new Headline("Зеленський і Рютте обговорили НАТО", "uk", List.of("n:zlnsk", "n:rt", "n:nt"));
    Headline en = new Headline("Zelensky and Rutte discuss the meeting", "en", List.of("n:zlnsk", "n:rt", "k:mtng"));
    Headline offTopic = new Headline("Brussels prepares for the winter", "en", List.of("n:brsl", "k:wntr"));
    assertEquals(en.text(), Headline.title(Headline.rank(List.of(uk, en), STORY), STORY, null));
    assertEquals(uk.text(), Headline.title(Headline.rank(List.of(uk, offTopic), STORY), STORY, null));
  }

  @Test
  void sectionNamesAndChromeNeverWinOverAHeadline() {
    Headline chrome = new Headline("Новини", "uk", List.of("n:zlnsk"));
    Headline weak = new Headline("Погода в Брюсселі: сніг і вітер", "uk", List.of("n:brsl"));
    assertTrue(chrome.score(STORY) > weak.score(STORY));
    assertEquals(weak.text(), Headline.title(Headline.rank(List.of(chrome, weak), STORY), STORY, null));
    assertEquals(chrome.text(), Headline.title(Headline.rank(List.of(chrome), STORY), STORY, null),
        "a poor title still beats none");
    assertEquals("kept", Headline.title(List.of(), STORY, "kept"));
  }

  @Test
  void anUntitledArticleOffersTheOpeningOfItsBody() {
    ArticleFeatures f = new ArticleFeatures("en", Map.of(), Map.of(), 0, List.of("n:zlnsk"));
    Headline lead = Headline.of(article(null, "Ukraine asked NATO for an invitation. Kyiv hopes for next week."), f);
    assertEquals("Ukraine asked NATO for an invitation.", lead.text());
    assertTrue(lead.terms().isEmpty(), "so that any real headline sharing a word with the story ranks above it");
    assertEquals("Zelensky meets Rutte", Headline.of(article(" Zelensky meets Rutte ", "Body."), f).text());
    assertNull(Headline.of(article(null, " "), f));
  }

  @Test
  void aStoryKeepsAFewCandidatesHoweverLargeItGrows() {
    ArticleFeatures first = features("uk", List.of("n:zlnsk", "n:rt"));
    StoryProfile story = StoryProfile.open("s1", StoryProfile.Level.STORY,
        new Headline("Зеленський зустрівся з Рютте", "uk", first.headline()), first, weigh(first), LocalDate.of(2024, 12, 3));
    for (int i = 0; i < 40; i++) {
      ArticleFeatures f = features(i == 20 ? "en" : "uk", List.of("n:zlnsk", "k:sld" + i));
      String text = i == 20 ? "Zelensky on NATO, issue 20" : "Зеленський про НАТО, випуск номер " + i;
      story = story.plus(new Headline(text, f.lang(), f.headline()), f, weigh(f), LocalDate.of(2024, 12, 3));
    }
    assertTrue(story.headlines().size() <= Headline.KEEP + 1, story.headlines().toString());
    assertTrue(story.headlines().stream().anyMatch(h -> h.lang().equals("en")), "the best English one is kept");
    assertEquals("Zelensky on NATO, issue 20", story.title(), "as central as the others, and in English");
  }

  private static ArticleFeatures features(String lang, List<String> headline) {
    Map<Feature, Map<String, Integer>> counts = new EnumMap<>(Feature.class);
    for (String term : headline) {
      counts.computeIfAbsent(Feature.of(term), k -> new java.util.HashMap<>()).put(Feature.value(term), 2);
    }
    return new ArticleFeatures(lang, counts, Map.of(), 0, headline);
  }

  private static WeightedFeatures weigh(ArticleFeatures f) {
    return WeightedFeatures.of(f, term -> 1);
  }

  private static Article article(String title, String body) {
    return new Article("a1", "test", null, "en", null, title, List.of(), body, List.of(), List.of(), null, List.of(), "h", false, false, null);
  }

  private static Map<Feature, Centroid> centroids(Map<String, Float> names, Map<String, Float> keys) {
    Map<Feature, Centroid> c = new EnumMap<>(Feature.class);
    c.put(Feature.NAME, Centroid.EMPTY.plus(SparseVector.of(names)));
    c.put(Feature.KEY, Centroid.EMPTY.plus(SparseVector.of(keys)));
    return c;
  }
}
