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
    if (bytes.length == 0) {
      throw new InputException("empty file");
    }
    if (looksBinary(bytes)) {
      throw new InputException("binary content, not text");
    }
    int offset = hasUtf8Bom(bytes) ? 3 : 0;
    String utf8 = strictUtf8(bytes, offset);
    if (utf8 != null) {
      return utf8;
    }
    Charset charset = detect(bytes);
    if (charset.equals(CP1251) || charset.equals(KOI8R) || isCyrillicSingleByte(charset)) {
      String a = new String(bytes, CP1251);
      String b = new String(bytes, KOI8R);
      return lowerCaseCyrillicShare(a) >= lowerCaseCyrillicShare(b) ? a : b;
    }
    return new String(bytes, charset);
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
    return name.equals("iso-8859-5") || name.equals("ibm866") || name.equals("koi8-u");
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
