package org.kronika.extract;

import java.util.ArrayList;
import java.util.List;
import org.kronika.input.SourceDocument;

/** Plain-text cleaning. First version: header date, first line as title, the rest as body. */
public final class TextCleaner implements Extractor {
  @Override
  public Extracted extract(SourceDocument document) {
    String text = document.content().replace("\r\n", "\n");
    java.time.LocalDate date = document.date();
    var m = java.util.regex.Pattern.compile("^\\s*date (\\d{4}-\\d{2}-\\d{2})\\s*").matcher(text);
    if (m.find()) {
      date = java.time.LocalDate.parse(m.group(1));
      text = text.substring(m.end());
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    String title = document.title() != null ? document.title() : lines.isEmpty() ? null : lines.remove(0);
    return new Extracted(document.source(), document.url(), title, String.join("\n\n", lines), date,
        List.of(), document.lang());
  }
}
