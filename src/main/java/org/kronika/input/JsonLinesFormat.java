package org.kronika.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * Streams line by line; a line over {@link Limits#maxLineBytes} is skipped unread. Stateless and thread-safe.
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
    int maxLine = Limits.DEFAULTS.maxLineBytes();
    int lineNumber = 0;
    int read = 0;
    try (InputStream in = file.open()) {
      Line line = new Line(in, maxLine);
      while (line.next()) {
        lineNumber++;
        String source = file.source() + "#" + lineNumber;
        if (line.length > maxLine) {
          sink.reject(new Rejection(source, "line longer than the " + (maxLine >> 20) + " MiB limit; skipped"));
          continue;
        }
        String text = line.text();
        if (text.isBlank()) {
          continue;
        }
        try {
          sink.accept(document(source, text));
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

  /**
   * Reads lines ending in LF (a CR before it is dropped), keeping at most {@code max} bytes of
   * each: a longer line is passed over without being held, however long it is. Not thread-safe.
   */
  private static final class Line {
    private final InputStream in;
    private final byte[] buffer = new byte[65536];
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int max;
    private int start;
    private int end;
    /** The current line's length in bytes, counted in full even when only {@code max} are kept. */
    long length;

    Line(InputStream in, int max) {
      this.in = in;
      this.max = max;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
      kept.reset();
      length = 0;
      boolean any = false;
      while (true) {
        if (start == end) {
          end = in.read(buffer, 0, buffer.length);
          start = 0;
          if (end <= 0) {
            end = 0;
            return any;
          }
        }
        any = true;
        int newline = start;
        while (newline < end && buffer[newline] != '\n') {
          newline++;
        }
        int n = newline - start;
        if (length + n <= max) {
          kept.write(buffer, start, n);
        }
        length += n;
        start = newline;
        if (newline < end) {
          start++;
          return true;
        }
      }
    }

    String text() {
      String s = kept.toString(StandardCharsets.UTF_8);
      return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
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
