package org.kronika.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Invented news for the cluster tests: a few developments, each reported by several sites in
 * English, Ukrainian and Russian over a few days, with different wording in each report.
 */
final class ClusterNews {
  private ClusterNews() {}

  private record Development(String date, String[] en, String[] uk, String[] ru) {}

  private static final Development[] DEVELOPMENTS = {
      new Development("2025-03-0%d",
          new String[] {"Amberfield dam", "Engineers inspected the Amberfield dam after cracks appeared",
              "Mayor Olga Brannick said repairs to the Amberfield dam would cost 42 million"},
          new String[] {"дамба Амберфілд", "Інженери оглянули дамбу в Амберфілді після появи тріщин",
              "Мер Ольга Браннік заявила, що ремонт дамби коштуватиме 42 мільйони"},
          new String[] {"дамба Амберфилд", "Инженеры осмотрели дамбу в Амберфилде после появления трещин",
              "Мэр Ольга Бранник заявила, что ремонт дамбы обойдется в 42 миллиона"}),
      new Development("2025-04-1%d",
          new String[] {"Coldharbour rail strike", "Train drivers in Coldharbour began a strike over wages",
              "Union leader Piotr Weslaw demanded a raise of 12 percent for Coldharbour drivers"},
          new String[] {"страйк залізниці Колдгарбор", "Машиністи в Колдгарборі розпочали страйк через зарплати",
              "Лідер профспілки Пьотр Веслав вимагав підвищення на 12 відсотків"},
          new String[] {"забастовка железной дороги Колдхарбор", "Машинисты в Колдхарборе начали забастовку из-за зарплат",
              "Лидер профсоюза Петр Веслав потребовал повышения на 12 процентов"}),
      new Development("2025-05-2%d",
          new String[] {"Dunwick vaccine trial", "Doctors in Dunwick started a trial of the Velmara vaccine",
              "Professor Ingrid Solberg said 3500 volunteers joined the Velmara trial"},
          new String[] {"випробування вакцини в Данвіку", "Лікарі в Данвіку почали випробування вакцини Велмара",
              "Професорка Інгрід Сольберг повідомила, що до випробувань Велмари долучилися 3500 добровольців"},
          new String[] {"испытания вакцины в Данвике", "Врачи в Данвике начали испытания вакцины Велмара",
              "Профессор Ингрид Сольберг сообщила, что к испытаниям Велмары присоединились 3500 добровольцев"}),
      new Development("2025-06-0%d",
          new String[] {"Eastvale election", "Voters in Eastvale chose a new governor on Sunday",
              "Candidate Marek Dovrin won 54 percent of the vote in Eastvale"},
          new String[] {"вибори в Іствейлі", "Виборці в Іствейлі обрали нового губернатора в неділю",
              "Кандидат Марек Доврін отримав 54 відсотки голосів в Іствейлі"},
          new String[] {"выборы в Иствейле", "Избиратели в Иствейле выбрали нового губернатора в воскресенье",
              "Кандидат Марек Доврин получил 54 процента голосов в Иствейле"})};

  private static final String[] EN_FILLER = {"Officials gave no further details.", "Residents followed the news closely.",
      "The report was confirmed by local media.", "More updates are expected this week."};
  private static final String[] UK_FILLER = {"Посадовці не надали подробиць.", "Мешканці уважно стежили за новинами.",
      "Інформацію підтвердили місцеві медіа.", "Нові подробиці очікуються цього тижня."};
  private static final String[] RU_FILLER = {"Чиновники не сообщили подробностей.", "Жители внимательно следили за новостями.",
      "Информацию подтвердили местные СМИ.", "Новые подробности ожидаются на этой неделе."};

  /** The development a report written by {@link #write} is about, from its file name. */
  static String development(String source) {
    String name = java.nio.file.Path.of(source).getFileName().toString();
    return name.split("-")[1];
  }

  /**
   * A filler sentence as the tail of a headline: without its full stop, and in lower case, as
   * its first word is no name (without the learned entity model, a capital after a colon reads as one).
   */
  private static String headlineTail(String sentence) {
    return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1).replace(".", "");
  }

  /** Writes {@code perSite} reports of each development for each of six sites; returns the folder. */
  static Path write(Path dir, int perSite) throws IOException {
    Random random = new Random(11);
    String[][] sites = {{"daily-en", "en"}, {"herald-en", "en"}, {"pravda-uk", "uk"}, {"vісті-uk", "uk"},
        {"vesti-ru", "ru"}, {"gazeta-ru", "ru"}};
    int n = 0;
    for (String[] site : sites) {
      for (int d = 0; d < DEVELOPMENTS.length; d++) {
        Development dev = DEVELOPMENTS[d];
        String[] lines = switch (site[1]) {
          case "en" -> dev.en();
          case "uk" -> dev.uk();
          default -> dev.ru();
        };
        String[] filler = switch (site[1]) {
          case "en" -> EN_FILLER;
          case "uk" -> UK_FILLER;
          default -> RU_FILLER;
        };
        for (int i = 0; i < perSite; i++) {
          StringBuilder text = new StringBuilder(" date ").append(String.format(dev.date(), 1 + random.nextInt(3)))
              .append('\n').append(lines[0]).append(": ").append(headlineTail(filler[random.nextInt(filler.length)]))
              .append(' ').append(n).append('\n');
          text.append(lines[1]).append(". ").append(lines[2]).append(".\n\n");
          for (int k = 0; k < 3; k++) {
            text.append(filler[random.nextInt(filler.length)]).append(' ');
          }
          text.append(lines[1]).append(" (").append(n).append(").\n");
          Path file = dir.resolve(site[0]).resolve(String.format("%s-%d-%03d.txt", site[1], d, n++));
          Files.createDirectories(file.getParent());
          Files.writeString(file, text, StandardCharsets.UTF_8);
        }
      }
    }
    return dir;
  }
}
