package org.kronika.quote;

import java.util.List;
import java.util.Map;

/**
 * The registry of reporting patterns by ISO 639-1 code (Ukrainian, Russian, English).
 * Other languages borrow English's, whose pronouns and verbs simply will not match, so only
 * quotes whose source is named by a colon are attributed there. Immutable.
 */
final class ReportingLanguages {
  private static final Map<String, List<List<String>>> ROLES_EN = Map.of(
      "president", List.of(List.of("president"), List.of("head", "of", "state")),
      "secretary-general", List.of(List.of("secretary", "general"), List.of("secretary-general")),
      "prime-minister", List.of(List.of("prime", "minister"), List.of("premier")),
      "minister", List.of(List.of("minister")),
      "chancellor", List.of(List.of("chancellor")));

  private static final Map<String, Reporting> BY_LANGUAGE = Map.of(
      "en", new Reporting(
          List.of("said", "say", "noted", "notes", "state", "told", "tell", "added", "adds", "wrote",
              "write", "explain", "stress", "emphasi", "warn", "insist", "declar", "announc", "remark",
              "asked", "repl", "comment", "confirm", "admit", "argu", "claim", "conclud", "urg", "quote"),
          List.of("according to", "quote from", "in the words of", "in his view", "in her view", "in his opinion",
              "in her opinion"),
          List.of("he", "she", "they", "his", "her", "him"),
          ROLES_EN),
      "uk", new Reporting(
          List.of("заяв", "сказа", "наголос", "зазнач", "дода", "підкресл", "напис", "пише", "повідом",
              "відпові", "розпов", "поясн", "запевн", "зауваж", "констат", "нагада", "каже", "кажуть",
              "говор", "цитат", "резюмув", "визна"),
          List.of("за словами", "як зазначив", "як заявив", "як сказав", "цитата", "на думку", "на його думку",
              "на її думку"),
          List.of("він", "вона", "вони", "його", "її", "йому", "їй"),
          Map.of(
              "president", List.of(List.of("президент"), List.of("глав", "держав")),
              "secretary-general", List.of(List.of("генсек"), List.of("генеральн", "секретар")),
              "prime-minister", List.of(List.of("прем'єр"), List.of("прем’єр"), List.of("очільни", "уряд")),
              "minister", List.of(List.of("міністр")),
              "chancellor", List.of(List.of("канцлер")))),
      "ru", new Reporting(
          List.of("заяв", "сказа", "подчеркн", "подчерки", "отмет", "добав", "напис", "пишет", "сообщ",
              "ответ", "рассказ", "поясн", "увер", "замет", "констат", "напомн", "говор", "цитат",
              "резюмир", "признал"),
          List.of("по словам", "как заявил", "как отметил", "как сказал", "цитата", "по мнению",
              "по его мнению", "по ее мнению", "по её мнению"),
          List.of("он", "она", "они", "его", "её", "ее", "ему", "ей"),
          Map.of(
              "president", List.of(List.of("президент"), List.of("глав", "государств")),
              "secretary-general", List.of(List.of("генсек"), List.of("генеральн", "секретар")),
              "prime-minister", List.of(List.of("премьер")),
              "minister", List.of(List.of("министр")),
              "chancellor", List.of(List.of("канцлер")))));

  private ReportingLanguages() {}

  static Reporting of(String lang) {
    return BY_LANGUAGE.getOrDefault(lang, BY_LANGUAGE.get("en"));
  }
}
