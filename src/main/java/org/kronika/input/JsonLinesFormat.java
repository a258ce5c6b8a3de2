package org.kronika.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * JSON Lines: one article a line, an object with {@code html} (a page) or {@code text} (plain
 * text), and optional {@code url}, {@code title}, {@code date} (ISO, a date-time is cut to its
 * day) and {@code lang}; a line with a title alone is a headline-only item. A bad line is
 * rejected as {@code file#line} and the rest read on.
 * Recognised by a first line that opens a JSON object naming {@code text} or {@code html}.
 * Streams line by line. Stateless and thread-safe.
 */
public final class JsonLinesFormat implements InputFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "jsonl";
  }

  @Override
  public boolean accepts(InputFile file) throws IOException {
    String head = new String(file.head(), StandardCharsets.UTF_8).stripLeading();
    return head.startsWith("{")
        && (head.contains("\"text\"") || head.contains("\"html\"") || file.name().endsWith(".jsonl"));
  }

  @Override
  public void read(InputFile file, InputSink sink) throws IOException {
    int lineNumber = 0;
    int read = 0;
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(file.open(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String source = file.source() + "#" + lineNumber;
        try {
          sink.accept(document(source, line));
          read++;
        } catch (InputException e) {
          sink.reject(new Rejection(source, e.getMessage()));
        }
      }
    }
    if (read == 0) {
      throw new InputException("no readable line in JSON Lines file");
    }
  }

  private static SourceDocument document(String source, String line) throws InputException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JacksonException e) {
      throw new InputException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InputException("not a JSON object");
    }
    String html = string(node, "html");
    String text = string(node, "text");
    String title = string(node, "title");
    if (html == null && text == null && title == null) {
      throw new InputException("neither \"html\", \"text\" nor \"title\"");
    }
    return new SourceDocument(source,
        html != null ? SourceDocument.Format.HTML : SourceDocument.Format.TEXT,
        html != null ? html : text != null ? text : title, string(node, "url"), title,
        date(string(node, "date")), lang(string(node, "lang")));
  }

  private static String string(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
  }

  private static LocalDate date(String s) throws InputException {
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw new InputException("bad \"date\": " + s);
    }
  }

  private static String lang(String s) {
    return s == null || s.length() < 2 ? null : s.substring(0, 2).toLowerCase(Locale.ROOT);
  }
}
