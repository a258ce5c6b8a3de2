package org.kronika.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.kronika.analysis.TextAnalyzer;
import org.kronika.model.Article;
import org.junit.jupiter.api.Test;

/** The entity stage on sentences of our own, with nothing learned (dictionaries and rules only). */
class EntityStageTest {
  private static final EntityStage STAGE = new EntityStage();
  private static final TextAnalyzer ANALYZER = new TextAnalyzer();

  private static List<Mention> mentions(String lang, String text) {
    return STAGE.mentions(ANALYZER.analyze(lang, "", text).body(), lang);
  }

  private static Mention mention(List<Mention> mentions, String surface) {
    return mentions.stream().filter(m -> m.surface().equals(surface)).findFirst()
        .orElseThrow(() -> new AssertionError("no mention " + surface + " in " + mentions));
  }

  private static Article.EntityMention entity(EntityStage.Result result, String form) {
    return result.entities().stream().filter(e -> e.mentions().contains(form)).findFirst()
        .orElseThrow(() -> new AssertionError("no entity with form " + form + " in " + result.entities()));
  }

  @Test
  void lemmatisesUkrainianNames() {
    List<Mention> found = mentions("uk",
        "Учора Володимир Зеленський зустрівся з генеральним секретарем НАТО Марком Рютте. "
            + "Після зустрічі слова Зеленського облетіли всі стрічки новин.");
    assertEquals("Марк Рютте", mention(found, "Марком Рютте").lemma());
    assertEquals(EntityType.PER, mention(found, "Марком Рютте").type());
    assertEquals("Зеленський", mention(found, "Зеленського").lemma());
  }

  @Test
  void aSurnameThatIsACommonWordOpensASentenceAsTheName() {
    List<Mention> ru = mentions("ru", "Президент США Дональд Трамп заявил об этом. Трамп сказал, что победит.");
    assertEquals(EntityType.PER, mention(ru, "Трамп").type());
    assertEquals(mention(ru, "Дональд Трамп").id(), mention(ru, "Трамп").id());
  }

  @Test
  void czechWomensSurnamesArePersons() {
    List<Mention> cs = mentions("cs", "Včera odjela Theresa Mayová do Bruselu. Ministr s Mayovou souhlasí.");
    assertEquals(EntityType.PER, mention(cs, "Theresa Mayová").type());
    assertEquals("Mayová", mention(cs, "Mayovou").lemma());
    assertEquals(mention(cs, "Theresa Mayová").id(), mention(cs, "Mayovou").id());
  }

  @Test
  void aNameAndItsNumberNameAProductOrWithACompanyFormACompany() {
    List<Mention> pl = mentions("pl", "Budowa gazociągu Nord Stream 2 dobiega końca. Spółka Nord Stream 2 AG milczy.");
    assertEquals(EntityType.MISC, mention(pl, "Nord Stream 2").type());
    assertEquals(EntityType.ORG, mention(pl, "Nord Stream 2 AG").type());
    List<Mention> cs = mentions("cs", "Stavba plynovodu Nord Stream-2 se blíží ke konci. Také Sputnik V je hotov.");
    assertEquals(EntityType.MISC, mention(cs, "Nord Stream-2").type());
    assertEquals(EntityType.MISC, mention(cs, "Sputnik V").type());
    List<Mention> en = mentions("en", "Reporters waited outside as Boris Johnson 10 Downing Street staff left.");
    assertTrue(en.stream().noneMatch(m -> m.surface().contains("10")), "a number before another name joins nothing: " + en);
  }

  @Test
  void oneIdentityAcrossLanguagesAndSpellings() {
    String uk = mention(mentions("uk", "Учора Володимир Зеленський прибув до Львова. Там Зеленського зустріли волонтери."),
        "Зеленського").id();
    String ru = mention(mentions("ru", "Вчера Владимир Зеленский прибыл во Львов. Там Зеленского встретили волонтеры."),
        "Зеленского").id();
    String en = mention(mentions("en", "Yesterday Volodymyr Zelenskyy arrived in Lviv. Volunteers met Zelenskyy there."),
        "Zelenskyy").id();
    String enVariant = mention(mentions("en", "On Monday Volodymyr Zelensky spoke in Kyiv, and Zelensky was calm."),
        "Zelensky").id();
    assertEquals(uk, ru);
    assertEquals(uk, en);
    assertEquals(uk, enVariant);
  }

  @Test
  void surnameTakesTheFullNameMetInTheArticle() {
    List<Mention> found = mentions("en", "Volodymyr Zelenskyy met the press on Monday. Later, Zelenskyy flew home.");
    Mention surname = found.get(found.size() - 1);
    assertEquals("Zelenskyy", surname.surface());
    assertEquals(EntityType.PER, surname.type());
    assertTrue(surname.name().startsWith("Volodymyr"), surname.name());
  }

  @Test
  void acronymsAndTranslationsShareAnId() {
    String uk = mention(mentions("uk", "Міністри країн НАТО зібралися в Брюсселі."), "НАТО").id();
    String ru = mention(mentions("ru", "Министры стран НАТО собрались в Брюсселе."), "НАТО").id();
    String en = mention(mentions("en", "Ministers of NATO countries met in Brussels."), "NATO").id();
    String full = mention(mentions("en", "Ministers of the North Atlantic Alliance met in Brussels."),
        "North Atlantic Alliance").id();
    assertEquals(uk, ru);
    assertEquals(uk, en);
    assertEquals(uk, full);
  }

  @Test
  void anInstitutionsNameGoesOnInLowerCase() {
    List<Mention> ru = mentions("ru", "Вчера Верховный суд отклонил иск. Решение одобрила Палата представителей, "
        + "а в Министерстве иностранных дел промолчали. Лидер Демократической партии уехал.");
    assertEquals(EntityType.ORG, mention(ru, "Верховный суд").type());
    assertEquals("Палата представителей", mention(ru, "Палата представителей").lemma());
    assertEquals(EntityType.ORG, mention(ru, "Министерстве иностранных дел").type());
    assertEquals(EntityType.ORG, mention(ru, "Демократической партии").type());
    List<Mention> uk = mentions("uk", "Учора Верховний суд відхилив позов, а Палата представників схвалила закон.");
    assertEquals(EntityType.ORG, mention(uk, "Верховний суд").type());
    assertEquals(EntityType.ORG, mention(uk, "Палата представників").type());
    // at a sentence's start any adjective is capitalised; a verb is no complement
    List<Mention> plain = mentions("ru", "Российские компании растут. Сенат заявил о проверке.");
    assertTrue(plain.stream().noneMatch(m -> m.surface().startsWith("Российские")), plain.toString());
    assertTrue(plain.stream().noneMatch(m -> m.surface().equals("Сенат заявил")), plain.toString());
  }

  @Test
  void aPlaceIsFoundThroughAnyReadingOfItsWord() {
    // Америке reads first as the surname Америк, Дании as the first name Даний, Индии as the element индий
    List<Mention> ru = mentions("ru", "Он жил в Америке, потом в Дании и в Индии. Власти Соединенного Королевства молчат.");
    assertEquals(EntityType.LOC, mention(ru, "Америке").type());
    assertEquals("Америка", mention(ru, "Америке").lemma());
    assertEquals(mention(mentions("en", "He lived in the USA."), "USA").id(), mention(ru, "Америке").id());
    assertEquals("Дания", mention(ru, "Дании").lemma());
    assertEquals("Индия", mention(ru, "Индии").lemma());
    assertEquals("Соединенное Королевство", mention(ru, "Соединенного Королевства").lemma());
    assertEquals(EntityType.LOC, mention(ru, "Соединенного Королевства").type());
    Mention sl = mention(mentions("sl", "Delegacija je prispela v Pensilvanijo zvečer."), "Pensilvanijo");
    assertEquals("Pensilvanija", sl.lemma()); // the place's own name, with no dictionary to give it
  }

  @Test
  void aCapitalisedAdjectiveWithItsNounIsNoPerson() {
    List<Mention> ru = mentions("ru", "Газопровод Северный поток проложен по дну Балтийского моря.");
    assertTrue(ru.stream().noneMatch(m -> m.type() == EntityType.PER), ru.toString());
    assertEquals(EntityType.LOC, mention(ru, "Балтийского моря").type());
    assertEquals("Балтийское море", mention(ru, "Балтийского моря").lemma());
  }

  @Test
  void adjectivesInNamesAgreeWithTheirNouns() {
    assertEquals("Демократическая партия",
        mention(mentions("ru", "Вчера лидер Демократической партии выступил."), "Демократической партии").lemma());
    assertEquals("Демократична партія",
        mention(mentions("uk", "Учора лідер Демократичної партії виступив."), "Демократичної партії").lemma());
    assertEquals("Мария Захарова", mention(mentions("ru", "Об этом сообщила Марии Захаровой помощница."),
        "Марии Захаровой").lemma());
  }

  @Test
  void anInstitutionAndThePlaceAfterItAreOneOrganisation() {
    List<Mention> ru = mentions("ru", "Об этом сообщил МИД Великобритании, а Верховный суд Пакистана промолчал.");
    assertEquals(EntityType.ORG, mention(ru, "МИД Великобритании").type());
    assertEquals("МИД Великобритании", mention(ru, "МИД Великобритании").lemma());
    assertEquals(EntityType.ORG, mention(ru, "Верховный суд Пакистана").type());
    assertEquals("Верховный суд Пакистана", mention(ru, "Верховный суд Пакистана").lemma());
    List<Mention> plain = mentions("ru", "Газпром России продает газ.");
    assertTrue(plain.stream().noneMatch(m -> m.surface().equals("Газпром России")), "no head word, no join: " + plain);
  }

  @Test
  void aChangeOfScriptEndsAName() {
    List<Mention> ru = mentions("ru", "Министр по делам Brexit Дэвид Дэвис заявил о переговорах.");
    assertEquals(EntityType.PER, mention(ru, "Дэвид Дэвис").type());
  }

  @Test
  void aCountrysRegionsArePlacesKnownAcrossLanguages() {
    Mention ru = mention(mentions("ru", "Выборы в штате прошли спокойно. Байден победил в Аризоне."), "Аризоне");
    Mention uk = mention(mentions("uk", "Вибори пройшли спокійно. Байден переміг в Аризоні."), "Аризоні");
    Mention en = mention(mentions("en", "The vote was calm. Biden won in Arizona on Tuesday."), "Arizona");
    assertEquals(EntityType.LOC, ru.type());
    assertEquals(EntityType.LOC, uk.type());
    assertEquals(EntityType.LOC, en.type());
    assertEquals(en.id(), ru.id());
    assertEquals(en.id(), uk.id());
  }

  @Test
  void descriptionJoinsTheEntityItDescribesWhenTheArticleNamesIt() {
    EntityStage.Result result = STAGE.apply(ANALYZER.analyze("uk", "Україна і НАТО",
        "Міністри країн НАТО зібралися в Брюсселі. В Альянсі кажуть, що двері відчинені."));
    Article.EntityMention nato = entity(result, "НАТО");
    assertTrue(nato.mentions().contains("Альянсі"), nato.toString());
    assertEquals("NATO", nato.name());
  }

  @Test
  void kyivInEveryScriptIsOnePlace() {
    String uk = mention(mentions("uk", "Делегація прибула до міста Київ увечері."), "Київ").id();
    String ru = mention(mentions("ru", "Делегация прибыла в город Киев вечером."), "Киев").id();
    String en = mention(mentions("en", "The delegation reached Kyiv in the evening."), "Kyiv").id();
    String old = mention(mentions("en", "The delegation reached Kiev in the evening."), "Kiev").id();
    assertEquals(uk, ru);
    assertEquals(uk, en);
    assertEquals(uk, old);
  }

  @Test
  void entitiesComeFromTitleAndBodyWithLatinNames() {
    EntityStage.Result result = STAGE.apply(ANALYZER.analyze("uk", "Зеленський провів розмову з Рютте",
        "Президент Володимир Зеленський подякував Марку Рютте за підтримку."));
    Article.EntityMention zelensky = entity(result, "Зеленський");
    assertTrue(zelensky.mentions().contains("Володимир Зеленський"), zelensky.toString());
    assertEquals("Volodymyr Zelenskyy", zelensky.name());
    assertEquals("PER", zelensky.type());
    assertNotNull(entity(result, "Рютте").id());
  }

  @Test
  void aStoreOfKnownEntitiesNamesASurnameMetAlone() {
    KnownEntities store = key -> key.equals(EntityIds.key("Рютте", "uk"))
        ? java.util.Optional.of(new KnownEntities.Known("Mark Rutte", EntityType.PER)) : java.util.Optional.empty();
    EntityStage withStore = new EntityStage(null, store, null);
    Mention rutte = withStore.mentions(ANALYZER.analyze("uk", "", "Вчора в Гаазі виступив Рютте.").body(), "uk")
        .stream().filter(m -> m.surface().equals("Рютте")).findFirst().orElseThrow();
    assertEquals("Mark Rutte", rutte.name());
    assertEquals(EntityIds.key("Mark Rutte", "en"), rutte.id());
  }

  @Test
  void inventsNothingInTextWithoutNames() {
    EntityStage.Result result = STAGE.apply(ANALYZER.analyze("uk", "Погода на вихідні",
        "Синоптики обіцяють теплу погоду. Дощу не буде, а вітер стихне до вечора."));
    assertEquals(List.of(), result.entities());
    assertEquals(List.of(), result.quotes());
  }
}
