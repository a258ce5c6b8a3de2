package org.kronika.input;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text document into a string whatever charset it was written in:
 * UTF-8 when the bytes are valid UTF-8, otherwise ICU's detector, with the single-byte
 * Cyrillic charsets (windows-1251, KOI8-R), which ICU often confuses on short news text,
 * told apart by letter case: decoded with the wrong one of the two, Cyrillic text comes out
 * mostly in capitals. Binary content is refused. Stateless and thread-safe.
 */
public final class TextDecoder {
  private static final Charset CP1251 = Charset.forName("windows-1251");
  private static final Charset KOI8R = Charset.forName("KOI8-R");

  private TextDecoder() {}

  /** Decodes {@code bytes}, or throws with a reason when they are not text. */
  public static String decode(byte[] bytes) throws InputException {
    String utf8 = textOrUtf8(bytes);
    if (utf8 != null) {
      return utf8;
    }
    Charset charset = detect(bytes);
    if (isCyrillicSingleByte(charset)) {
      return cyrillicSingleByte(bytes);
    }
    return new String(bytes, charset);
  }

  /**
   * Decodes {@code bytes} that come with a declared charset (an HTML meta tag, an HTTP
   * Content-Type), trusting the declaration only as far as the bytes bear it out: valid UTF-8
   * is UTF-8 whatever is declared; a declared UTF-8 that is not valid, or a declared charset
   * the JDK does not know, falls back to {@link #decode(byte[])}; any declared single-byte
   * Cyrillic charset is checked against the other by letter case; a declared Western charset
   * is overruled when the content is plainly Cyrillic. Declared GB2312/GBK decode as their
   * superset GB18030 and ISO-8859-1 as windows-1252, as browsers do.
   *
   * @param declared a charset name as found in markup or headers, or {@code null}
   */
  public static String decode(byte[] bytes, String declared) throws InputException {
    Charset charset = declared == null ? null : charsetOrNull(declared.trim());
    if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
      return decode(bytes);
    }
    String utf8 = textOrUtf8(bytes);
    if (utf8 != null) {
      return utf8;
    }
    if (isCyrillicSingleByte(charset)) {
      return cyrillicSingleByte(bytes);
    }
    if (isWestern(charset) && isCyrillicSingleByte(detect(bytes))) {
      return cyrillicSingleByte(bytes);
    }
    return new String(bytes, charset);
  }

  private static Charset charsetOrNull(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    if (n.equals("gb2312") || n.equals("gbk") || n.equals("x-gbk") || n.equals("cp936")) {
      return Charset.forName("GB18030");
    }
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
      return Charset.forName("windows-1252");
    }
    try {
      return Charset.forName(n);
    } catch (RuntimeException unknown) {
      return null;
    }
  }

  private static boolean isWestern(Charset c) {
    String name = c.name().toLowerCase(java.util.Locale.ROOT);
    return name.equals("windows-1252") || name.startsWith("iso-8859-1") || name.equals("iso-8859-15");
  }

  /** windows-1251 or KOI8-R, whichever leaves the Cyrillic letters mostly in lower case. */
  private static String cyrillicSingleByte(byte[] bytes) {
    String a = new String(bytes, CP1251);
    String b = new String(bytes, KOI8R);
    return lowerCaseCyrillicShare(a) >= lowerCaseCyrillicShare(b) ? a : b;
  }

  /**
   * Refuses bytes that are not text; returns them decoded when they are valid UTF-8 (which
   * no other charset's text is by accident), else {@code null}.
   */
  private static String textOrUtf8(byte[] bytes) throws InputException {
    if (bytes.length == 0) {
      throw new InputException("empty file");
    }
    if (looksBinary(bytes)) {
      throw new InputException("binary content, not text");
    }
    return strictUtf8(bytes, hasUtf8Bom(bytes) ? 3 : 0);
  }

  /** NUL bytes or many control characters in the first 64 KB mean a binary file. */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 65536);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
        control++;
      }
    }
    return control > n / 100 + 1;
  }

  private static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  private static String strictUtf8(byte[] bytes, int offset) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Charset detect(byte[] bytes) {
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes.length > 65536 ? java.util.Arrays.copyOf(bytes, 65536) : bytes);
    for (CharsetMatch match : detector.detectAll()) {
      try {
        return Charset.forName(match.getName());
      } catch (RuntimeException unsupported) {
        // the JDK lacks a charset ICU knows; try its next guess
      }
    }
    return CP1251;
  }

  private static boolean isCyrillicSingleByte(Charset c) {
    String name = c.name().toLowerCase(java.util.Locale.ROOT);
    return c.equals(CP1251) || c.equals(KOI8R)
        || name.equals("iso-8859-5") || name.equals("ibm866") || name.equals("koi8-u");
  }

  private static double lowerCaseCyrillicShare(String s) {
    int lower = 0;
    int cyrillic = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
        cyrillic++;
        if (Character.isLowerCase(c)) {
          lower++;
        }
      }
    }
    return cyrillic == 0 ? 0 : (double) lower / cyrillic;
  }
}
