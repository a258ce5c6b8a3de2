package org.kronika;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.model.Article;
import org.kronika.model.Story;
import org.kronika.pipeline.Ingest;

/** The front door on a real Lucene index on disk, fed with small articles written for the test. */
class KronikaTest {
  @TempDir Path tmp;
  Path news;
  Path data;

  static final String UK_TALKS = """
      Зеленський і Рютте обговорили оборону Харкова
      Президент Володимир Зеленський провів зустріч з генеральним секретарем НАТО Марком Рютте у Брюсселі.
      Сторони обговорили постачання 12 систем протиповітряної оборони для захисту Харкова до 15 січня.
      Рютте пообіцяв, що НАТО підтримає Україну взимку.
      """;
  static final String EN_TALKS = """
      Zelensky and Rutte discuss the defence of Kharkiv
      President Volodymyr Zelensky met NATO Secretary General Mark Rutte in Brussels.
      They discussed the delivery of 12 air defence systems to protect Kharkiv by 15 January.
      Rutte promised that NATO would support Ukraine through the winter.
      """;
  static final String UK_HARVEST = """
      Аграрії Полтавщини завершили збір врожаю кукурудзи
      Фермери Полтавської області зібрали рекордний урожай кукурудзи цієї осені.
      Експерти з Миргорода пояснюють успіх теплою погодою і новими сортами насіння.
      """;

  @BeforeEach
  void writeNews() throws Exception {
    news = Files.createDirectories(tmp.resolve("news"));
    data = tmp.resolve("data");
    Files.writeString(news.resolve("1-uk-talks.txt"), UK_TALKS);
    Files.writeString(news.resolve("2-en-talks.txt"), EN_TALKS);
    Files.writeString(news.resolve("3-uk-harvest.txt"), UK_HARVEST);
  }

  private Ingest.Report ingest(Path... paths) throws Exception {
    List<String> rejected = new ArrayList<>();
    try (Kronika k = Kronika.openForIngest(data)) {
      Ingest.Report report = k.ingest(List.of(paths), new Ingest.Options(2, 1000), r -> rejected.add(r.toString()));
      assertEquals(List.of(), rejected);
      return report;
    }
  }

  private Map<String, Article> articlesByFile() throws Exception {
    List<Article> all = new ArrayList<>();
    try (Kronika k = Kronika.openForReading(data)) {
      k.forEachArticle(all::add);
    }
    return all.stream().collect(Collectors.toMap(a -> Path.of(a.source()).getFileName().toString(), Function.identity()));
  }

  @Test
  void aTranslationJoinsItsOriginalsStoryAndOtherNewsOpensItsOwn() throws Exception {
    Ingest.Report report = ingest(news);
    assertEquals(3, report.stored());
    Map<String, Article> a = articlesByFile();
    assertEquals("uk", a.get("1-uk-talks.txt").lang());
    assertEquals("en", a.get("2-en-talks.txt").lang());
    assertEquals(a.get("1-uk-talks.txt").story(), a.get("2-en-talks.txt").story());
    assertNotEquals(a.get("1-uk-talks.txt").story(), a.get("3-uk-harvest.txt").story());
    try (Kronika k = Kronika.openForReading(data)) {
      List<Story> stories = k.stories();
      assertEquals(2, stories.size());
      assertEquals(List.of("en", "uk"), stories.get(0).languages());
      assertEquals("Zelensky and Rutte discuss the defence of Kharkiv", stories.get(0).title(),
          "an English headline is preferred as the story title");
    }
  }

  @Test
  void ingestingTheSameFilesTwiceStoresThemOnce() throws Exception {
    ingest(news);
    Ingest.Report again = ingest(news, news.resolve("1-uk-talks.txt"));
    assertEquals(0, again.stored());
    assertEquals(4, again.alreadyStored());
    assertEquals(3, articlesByFile().size());
  }

  @Test
  void theSameTextFromAnotherSourceIsStoredAndMarkedAsAnExactDuplicate() throws Exception {
    ingest(news);
    Path copy = Files.createDirectories(tmp.resolve("mirror")).resolve("copy.txt");
    Files.writeString(copy, UK_TALKS);
    Ingest.Report report = ingest(copy);
    assertEquals(1, report.duplicates());
    Map<String, Article> a = articlesByFile();
    Article original = a.get("1-uk-talks.txt");
    assertEquals(List.of(new Article.Duplicate(original.id(), "exact")), a.get("copy.txt").duplicates());
    assertEquals(original.story(), a.get("copy.txt").story());
  }

  @Test
  void anUpdatedCopyIsANearDuplicateAndATranslationIsMarkedAsSuch() throws Exception {
    Path updated = Files.createDirectories(tmp.resolve("wire")).resolve("updated.txt");
    StringBuilder report = new StringBuilder("Місто оновлює автобусний парк\n");
    String[] districts = {"Шевченківський", "Подільський", "Оболонський", "Дарницький", "Голосіївський"};
    for (int i = 0; i < 40; i++) {
      report.append(districts[i % districts.length]).append(" район отримає ").append(10 + i)
          .append(" нових автобусів на маршрут номер ").append(100 + i).append(" до кінця року.\n");
    }
    String longer = report.toString();
    Files.writeString(news.resolve("4-uk-talks-long.txt"), longer);
    Files.writeString(updated, longer.replace("маршрут номер 120", "маршрут номер 121"));
    ingest(news);
    ingest(updated);
    Map<String, Article> a = articlesByFile();
    assertEquals(List.of(new Article.Duplicate(a.get("4-uk-talks-long.txt").id(), "near")),
        a.get("updated.txt").duplicates());
    assertEquals(List.of(new Article.Duplicate(a.get("1-uk-talks.txt").id(), "translation")),
        a.get("2-en-talks.txt").duplicates());
    assertEquals(List.of(), a.get("3-uk-harvest.txt").duplicates());
  }

  @Test
  void searchIsLemmaAwareAndCrossesScripts() throws Exception {
    ingest(news);
    try (Kronika k = Kronika.openForReading(data)) {
      List<String> byInflectedForm = titles(k.search("Зеленського", null, 10));
      assertEquals(2, byInflectedForm.size(), "the lemma finds the Ukrainian text and the name key the English one");
      List<String> byLatinName = titles(k.search("Zelenskyy", null, 10));
      assertEquals(2, byLatinName.size());
      assertTrue(titles(k.search("Zelenskyy", "uk", 10)).get(0).startsWith("Зеленський"));
      assertEquals(List.of("Аграрії Полтавщини завершили збір врожаю кукурудзи"), titles(k.search("кукурудза", null, 10)));
      assertTrue(k.search("Зеленського кукурудзи", null, 10).size() >= 1, "falls back to any word when no article has all");
    }
  }

  private static List<String> titles(List<org.kronika.store.Store.SearchHit> hits) {
    return hits.stream().map(h -> h.article().title()).toList();
  }
}
