package org.kronika.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kronika.model.Story;
import org.kronika.model.Storyline;
import org.kronika.story.StoryProfile;

/** How storylines are listed from the stories as listed: what they hold and in which order. */
class ListingsTest {
  @Test
  void storylinesComeLargestFirstThenFreshestAndHoldTheirStories() {
    List<Story> stories = List.of(
        story("s-big", 3, 2, "l-big"),
        story("s-old", 2, 1, "l-old"),
        story("s-new", 2, 5, "l-new"),
        story("s-new-2", 1, 3, "l-new"),
        story("s-older", 2, 1, "l-old"));
    List<Storyline> lines = Listings.storylines(stories,
        List.of(storyline("l-old"), storyline("l-new"), storyline("l-big"), storyline("l-empty")));
    assertEquals(List.of("l-old", "l-new", "l-big"), lines.stream().map(Storyline::id).toList(),
        "four articles, then two of three, the fresher (news of day 5) before the older (day 2); none without stories");
    Storyline old = lines.get(0);
    assertEquals(List.of("s-old", "s-older"), old.stories());
    assertEquals(4, old.articles().size());
    assertEquals(LocalDate.of(2024, 12, 1), old.last());
  }

  private static Story story(String id, int articles, int day, String storyline) {
    List<String> ids = java.util.stream.IntStream.range(0, articles).mapToObj(i -> id + "-a" + i).toList();
    LocalDate date = LocalDate.of(2024, 12, day);
    return new Story(id, id, ids, List.of("en"), date, date, List.of(), storyline, null);
  }

  private static StoryProfile storyline(String id) {
    return new StoryProfile(id, StoryProfile.Level.STORYLINE, null, List.of(), 1, List.of("en"), null, null, Map.of(),
        Map.of(), null, null, null, 0);
  }
}
