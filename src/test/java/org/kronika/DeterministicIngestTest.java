package org.kronika;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.model.Story;
import org.kronika.model.Storyline;
import org.kronika.pipeline.Ingest;

/**
 * The same documents in the same order give the same articles, entities, stories and
 * storylines, however the preparing threads interleave: what the entity stage learns from the
 * stream and what the store remembers reach each article as they stood when it arrived.
 */
class DeterministicIngestTest {
  private static final String[][] PEOPLE = {
      {"Олена Коваленко", "Коваленко", "Коваленко"}, {"Андрій Мельник", "Мельник", "Мельника"},
      {"Ірина Савчук", "Савчук", "Савчук"}, {"Тарас Бондар", "Бондар", "Бондаря"}};
  private static final String[] PLACES = {"Києві", "Львові", "Одесі", "Брюсселі", "Варшаві"};
  private static final String[] SUBJECTS = {"бюджет", "врожай", "вибори", "енергетику", "освіту", "дороги"};

  @TempDir Path tmp;

  @Test
  void theSameStreamGivesTheSameResultsWhateverTheThreadsDo() throws Exception {
    Path news = Files.createDirectories(tmp.resolve("news"));
    Random random = new Random(7);
    for (int i = 0; i < 700; i++) {
      String[] person = PEOPLE[random.nextInt(PEOPLE.length)];
      String place = PLACES[random.nextInt(PLACES.length)];
      String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
      // some reports give the full name, others only the surname, which must join it
      String who = random.nextBoolean() ? person[0] : person[1];
      Files.writeString(news.resolve(String.format("%04d.txt", i)), "Новини про " + subject + " " + i + "\n"
          + "У " + place + " " + who + " говорила про " + subject + ". За словами " + person[2]
          + ", рішення ухвалять до кінця місяця " + (i % 28 + 1) + " числа.\n");
    }
    String first = ingestAndDescribe(news, tmp.resolve("a"), 4);
    String second = ingestAndDescribe(news, tmp.resolve("b"), 3);
    assertTrue(first.contains("PER"), "names were found");
    assertEquals(first, second);
  }

  /** Everything an ingest decided, as text: each article's entities and story, each story's storyline. */
  private static String ingestAndDescribe(Path news, Path data, int threads) throws Exception {
    try (Kronika k = Kronika.openForIngest(data)) {
      List<Path> files;
      try (var list = Files.list(news)) {
        files = list.sorted().toList();
      }
      k.ingest(files, new Ingest.Options(threads, 100), r -> {});
    }
    TreeMap<String, String> described = new TreeMap<>();
    try (Kronika k = Kronika.openForReading(data)) {
      k.forEachArticle(a -> described.put(a.source().substring(a.source().length() - 8),
          a.story() + " " + a.entities().stream().map(e -> e.id() + ":" + e.type()).sorted().toList()));
      List<String> groups = new ArrayList<>();
      for (Story s : k.stories()) {
        groups.add(s.id() + " in " + s.storyline() + " " + s.articles().stream().sorted().toList());
      }
      for (Storyline l : k.storylines()) {
        groups.add(l.id() + " " + l.stories().stream().sorted().toList());
      }
      described.put("~groups", String.join("\n", groups.stream().sorted().toList()));
    }
    return String.join("\n", described.values());
  }
}
