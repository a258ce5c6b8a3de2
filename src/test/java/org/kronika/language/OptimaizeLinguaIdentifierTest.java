package org.kronika.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptimaizeLinguaIdentifierTest {
  private final LanguageIdentifier identifier = LanguageIdentifier.standard();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      uk | Міністр фінансів пояснив, чому зростають ціни на хліб
      uk | Депутати знову не змогли домовитися про новий бюджет
      ru | В Москве открылась выставка современного искусства
      ru | Депутаты снова не смогли договориться о новом бюджете
      bg | Парламентът прие бюджета за следващата година
      bg | Депутатите отново не успяха да се договорят за новия бюджет
      en | Council approves new plan for public transport
      pl | Sejm przyjął ustawę o ochronie środowiska
      cs | Sněmovna schválila zákon o ochraně přírody
      de | Regierung stellt neue Maßnahmen gegen die Inflation vor
      fr | Le gouvernement présente de nouvelles mesures contre l'inflation
      el | Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης για τις οικογένειες
      zh | 政府宣布了新的经济支持措施
      zh | 北京举行新闻发布会
      zh | 台灣總統大選結果出爐
      ja | 政府は新たな経済対策を発表した
      ko | 정부가 새로운 경제 지원 대책을 발표했다
      sk | Premiér odstúpil po prehratých voľbách
      sl | Premier je odstopil po porazu na volitvah
      hr | Premijer podnio ostavku nakon izbornog poraza
      sr | Премијер поднео оставку после изборног пораза
      mk | Премиерот поднесе оставка по изборниот пораз
      be | Прэм'ер-міністр пайшоў у адстаўку пасля паразы на выбарах
      ro | Premierul a demisionat după înfrângerea în alegeri
      hu | A miniszterelnök lemondott a választási vereség után
      tr | Başbakan seçim yenilgisinin ardından istifa etti
      ar | رئيس الوزراء يستقيل بعد الهزيمة في الانتخابات
      he | ראש הממשלה התפטר לאחר התבוסה בבחירות
      fa | نخست وزیر پس از شکست در انتخابات استعفا داد
      hi | चुनाव में हार के बाद प्रधानमंत्री ने इस्तीफा दिया
      """)
  void tellsTheLanguageOfTitles(String language, String title) {
    assertEquals(language, identifier.identify(title));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      uk | Уряд оголосив про нові заходи підтримки для родин, які втратили житло під час обстрілів. За словами міністра, перші виплати люди отримають уже наступного місяця, а заявки можна подати онлайн або в центрах надання адміністративних послуг.
      ru | Правительство объявило о новых мерах поддержки для семей, которые потеряли жильё во время наводнения. По словам министра, первые выплаты люди получат уже в следующем месяце, а заявки можно подать онлайн или в многофункциональных центрах.
      bg | Правителството обяви нови мерки в подкрепа на семействата, които загубиха домовете си по време на наводнението. Според министъра първите плащания ще бъдат получени още следващия месец, а заявленията могат да се подават онлайн или в общините.
      en | The government announced new support measures for families who lost their homes in the floods. According to the minister, the first payments will arrive next month, and applications can be made online or at local council offices.
      pl | Rząd ogłosił nowe środki wsparcia dla rodzin, które straciły domy podczas powodzi. Według ministra pierwsze wypłaty trafią do ludzi już w przyszłym miesiącu, a wnioski można składać przez internet lub w urzędach gmin.
      cs | Vláda oznámila nová opatření na podporu rodin, které při povodních přišly o domov. Podle ministra dostanou lidé první platby už příští měsíc a žádosti lze podávat přes internet nebo na obecních úřadech.
      """)
  void tellsTheLanguageOfParagraphs(String language, String paragraph) {
    assertEquals(language, identifier.identify(paragraph));
  }

  @Test
  void longTextIsJudgedOnItsBeginning() {
    String english = "The minister said the new rules would take effect in spring. ";
    String tail = "Министр сказал, что новые правила вступят в силу весной. ";
    String text = english.repeat(20) + tail.repeat(200);
    assertEquals("en", identifier.identify(text));
  }

  @Test
  void textWithoutLettersIsUnknown() {
    assertEquals(LanguageIdentifier.UNKNOWN, identifier.identify(""));
    assertEquals(LanguageIdentifier.UNKNOWN, identifier.identify("   "));
    assertEquals(LanguageIdentifier.UNKNOWN, identifier.identify("04.11.2020 06:39"));
  }

  @Test
  void givesTheSameAnswersFromManyThreads() throws Exception {
    List<String> texts = List.of(
        "Депутати знову не змогли домовитися про новий бюджет",
        "Депутаты снова не смогли договориться о новом бюджете",
        "Депутатите отново не успяха да се договорят за новия бюджет",
        "Sněmovna schválila zákon o ochraně přírody",
        "Sejm przyjął ustawę o ochronie środowiska",
        "Council approves new plan for public transport");
    List<String> alone = texts.stream().map(identifier::identify).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<List<String>> identifyAll = () -> texts.stream().map(identifier::identify).toList();
      List<Future<List<String>>> together = pool.invokeAll(Collections.nCopies(8, identifyAll));
      for (Future<List<String>> answers : together) {
        assertEquals(alone, answers.get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
