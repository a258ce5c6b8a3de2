package org.kronika.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One web page a file, as saved by a browser or a crawler, optionally gzipped. Recognised by
 * its markup, not its name. The charset is taken from the page's meta tag only as far as the
 * bytes bear it out (see {@link TextDecoder#decode(byte[], String)}). Pages larger than
 * {@value #MAX_PAGE_MB} MB are refused: no news page is that big, and parsing one would cost
 * several times its size in heap. Costs one pass over the file. Stateless and thread-safe.
 */
public final class HtmlFormat implements InputFormat {
  /** The largest page accepted, in megabytes. */
  public static final int MAX_PAGE_MB = 16;

  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

  @Override
  public String name() {
    return "html";
  }

  @Override
  public boolean accepts(InputFile file) throws IOException {
    return looksLikeHtml(file.head());
  }

  @Override
  public void read(InputFile file, InputSink sink) throws IOException {
    byte[] bytes;
    try (InputStream in = file.open()) {
      bytes = readPage(in);
    }
    sink.accept(new SourceDocument(file.source(), SourceDocument.Format.HTML,
        decode(bytes, null), null, null, null, null));
  }

  /** Reads a page of at most {@value #MAX_PAGE_MB} MB, or throws saying it is too big. */
  static byte[] readPage(InputStream in) throws IOException {
    int max = MAX_PAGE_MB << 20;
    byte[] bytes = in.readNBytes(max + 1);
    if (bytes.length > max) {
      throw new InputException("HTML page larger than the " + MAX_PAGE_MB + " MB limit for one page");
    }
    return bytes;
  }

  /**
   * Decodes a page's bytes: the meta charset comes first, then the HTTP one (when the page came
   * with headers), both checked against the content.
   */
  public static String decode(byte[] bytes, String httpCharset) throws InputException {
    String declared = metaCharset(bytes);
    return TextDecoder.decode(bytes, declared != null ? declared : httpCharset);
  }

  /** The charset named by a meta tag in the first 8 KB, or {@code null}. */
  static String metaCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, InputFile.HEAD_SIZE),
        StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  /** Markup that starts like a web page: a doctype, or an html, head or body tag up front. */
  public static boolean looksLikeHtml(byte[] head) {
    String start = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.ISO_8859_1)
        .toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < start.length() && (Character.isWhitespace(start.charAt(i)) || start.charAt(i) > 0x7f)) {
      i++; // whitespace and a byte-order mark
    }
    if (i >= start.length() || start.charAt(i) != '<') {
      return false;
    }
    return start.contains("<!doctype html") || start.contains("<html")
        || start.contains("<head") || start.contains("<body");
  }
}
