package org.kronika.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Web archives (WARC 1.0/1.1, plain or gzipped, as crawlers such as Heritrix, wget and
 * Browsertrix write them): every successful HTML response record becomes a page whose source is
 * {@code file#target-url} and whose URL hint is the target (the capture date is not the
 * publication date, so it is not passed on). Requests and metadata records are passed over;
 * non-HTML and unsuccessful responses are skipped and counted in one rejection line per file;
 * a file with no HTML response at all is refused. Pages are streamed one record at a time, so
 * memory stays at one page whatever the archive's size (a header line over {@link Limits#maxLineBytes}
 * ends the file's reading). Stateless and thread-safe.
 */
public final class WarcFormat implements InputFormat {
  @Override
  public String name() {
    return "warc";
  }

  @Override
  public boolean accepts(InputFile file) throws IOException {
    byte[] head = file.head();
    return new String(head, 0, Math.min(head.length, 8), StandardCharsets.ISO_8859_1).startsWith("WARC/");
  }

  @Override
  public void read(InputFile file, InputSink sink) throws IOException {
    int responses = 0;
    int pages = 0;
    Map<String, Integer> skipped = new TreeMap<>();
    try (InputStream in = new LineLengthGuard(file.open(), Limits.DEFAULTS.maxLineBytes());
         WarcReader reader = new WarcReader(in)) {
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          throw new InputException("truncated or corrupt WARC after " + responses
              + " response records: " + Inputs.oneLine(e), e);
        }
        if (next.isEmpty()) {
          break;
        }
        if (!(next.get() instanceof WarcResponse response)) {
          continue;
        }
        responses++;
        String why = readPage(file, response, sink);
        if (why == null) {
          pages++;
        } else {
          skipped.merge(why, 1, Integer::sum);
        }
      }
    }
    if (pages == 0) {
      throw new InputException(responses == 0 ? "WARC holds no response records"
          : "no HTML page among " + responses + " response records (" + counts(skipped) + ")");
    }
    if (!skipped.isEmpty()) {
      int n = skipped.values().stream().mapToInt(Integer::intValue).sum();
      sink.reject(new Rejection(file.source(),
          n + " of " + responses + " response records skipped (" + counts(skipped) + ")"));
    }
  }

  /** Emits one response as a page; returns why it was skipped, or {@code null}. */
  private static String readPage(InputFile file, WarcResponse response, InputSink sink)
      throws IOException {
    HttpResponse http;
    MediaType type;
    try {
      http = response.http();
      type = http.contentType();
    } catch (IOException | RuntimeException e) {
      return "not HTTP";
    }
    if (http.status() < 200 || http.status() >= 300) {
      return "status " + http.status();
    }
    String base = type == null ? "none" : type.base().toString();
    if (!base.equals("text/html") && !base.equals("application/xhtml+xml")) {
      return base;
    }
    String url = response.target();
    byte[] bytes;
    try (InputStream body = http.bodyDecoded().stream()) {
      bytes = HtmlFormat.readPage(body);
    } catch (InputException e) {
      sink.reject(new Rejection(file.source() + "#" + url, e.getMessage()));
      return null;
    } catch (IOException e) {
      throw new InputException("truncated WARC in the record for " + url + ": " + Inputs.oneLine(e), e);
    }
    String html;
    try {
      html = HtmlFormat.decode(bytes, type.parameters().get("charset"));
    } catch (InputException e) {
      return "undecodable HTML";
    }
    sink.accept(new SourceDocument(file.source() + "#" + url, SourceDocument.Format.HTML, html,
        url, null, null, null));
    return null;
  }

  private static String counts(Map<String, Integer> skipped) {
    StringBuilder s = new StringBuilder();
    skipped.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    return s.toString();
  }
}
