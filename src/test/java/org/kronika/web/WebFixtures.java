package org.kronika.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kronika.Kronika;
import org.kronika.pipeline.Ingest;

/**
 * A small store built through the normal ingest from texts written for these tests: one
 * development reported in English, Ukrainian and Russian (with an exact copy from a second
 * source) and followed up days later with a quote, an unrelated English story, and an article
 * full of hostile markup.
 */
final class WebFixtures {
  static final String HOSTILE_TITLE = "Hostile <script>alert('title')</script> headline";
  static final String HOSTILE_BODY = "The council met on Tuesday <img src=x onerror=alert(1)> and "
      + "<script>document.title='owned'</script> voted on the harbour budget for the coming year.";

  private WebFixtures() {}

  /** Writes the fixture texts under {@code dir}/in and ingests them into {@code dir}/data. */
  static Path build(Path dir) throws IOException {
    Path in = dir.resolve("in");
    write(in.resolve("wire/en-summit.txt"), "2024-12-02", "Zelensky meets Rutte in Kyiv to discuss NATO invitation",
        "Ukrainian President Volodymyr Zelensky met NATO Secretary General Mark Rutte in Kyiv on Monday.",
        "Zelensky said Ukraine needs an invitation to join NATO and more air defence systems before winter.",
        "Rutte promised that allies would deliver additional air defence systems to Ukraine.");
    write(in.resolve("mirror/en-summit-copy.txt"), "2024-12-02", "Zelensky meets Rutte in Kyiv to discuss NATO invitation",
        "Ukrainian President Volodymyr Zelensky met NATO Secretary General Mark Rutte in Kyiv on Monday.",
        "Zelensky said Ukraine needs an invitation to join NATO and more air defence systems before winter.",
        "Rutte promised that allies would deliver additional air defence systems to Ukraine.");
    write(in.resolve("ua/uk-summit.txt"), "2024-12-02", "Зеленський зустрівся з Рютте у Києві",
        "Президент України Володимир Зеленський зустрівся з генеральним секретарем НАТО Марком Рютте у Києві.",
        "Зеленський заявив, що Україні потрібне запрошення до НАТО та додаткові системи протиповітряної оборони.",
        "Рютте пообіцяв, що союзники передадуть Україні нові системи протиповітряної оборони.");
    write(in.resolve("ru/ru-summit.txt"), "2024-12-03", "Зеленский провел встречу с Рютте в Киеве",
        "Президент Украины Владимир Зеленский встретился с генеральным секретарем НАТО Марком Рютте в Киеве.",
        "Зеленский заявил, что Украине необходимо приглашение в НАТО и дополнительные системы противовоздушной обороны.",
        "Рютте пообещал, что союзники передадут Украине новые системы противовоздушной обороны.");
    write(in.resolve("wire/en-kharkiv.txt"), "2024-12-06", "Zelensky visits air defence crews near Kharkiv",
        "Ukrainian President Volodymyr Zelensky visited air defence crews near Kharkiv on Friday.",
        "\"Every system our partners send saves lives in our cities,\" Zelensky said.",
        "He thanked NATO allies for the air defence systems promised in Kyiv this week.");
    write(in.resolve("wire/en-floods.txt"), "2024-11-20", "Floods close roads across Valencia",
        "Heavy rain flooded streets in Valencia on Wednesday and closed several motorways.",
        "Emergency services evacuated residents of low-lying districts near the river Turia.");
    write(in.resolve("wire/en-hostile.txt"), "2024-12-01", HOSTILE_TITLE, HOSTILE_BODY,
        "Harbour officials said the budget would be published on the council website.");
    Path data = dir.resolve("data");
    try (Kronika k = Kronika.openForIngest(data)) {
      k.ingest(List.of(in), new Ingest.Options(1, 1000), r -> {
        throw new IllegalStateException("fixture rejected: " + r);
      });
    }
    return data;
  }

  private static void write(Path file, String date, String title, String... paragraphs) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, " date " + date + "\n" + title + "\n" + String.join("\n\n", paragraphs) + "\n",
        StandardCharsets.UTF_8);
  }
}
