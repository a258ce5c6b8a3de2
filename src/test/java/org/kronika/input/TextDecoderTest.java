package org.kronika.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private static final String UKRAINIAN = "Уряд оголосив нову програму підтримки громад. "
      + "Міністр пояснив, що кошти отримають села на півночі країни.";
  private static final String RUSSIAN = "Правительство объявило новую программу поддержки. "
      + "Министр пояснил, что деньги получат сёла на севере страны.";

  @Test
  void readsUtf8AsIs() throws Exception {
    assertEquals(UKRAINIAN, TextDecoder.decode(UKRAINIAN.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void dropsUtf8ByteOrderMark() throws Exception {
    byte[] body = "Привіт".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertEquals("Привіт", TextDecoder.decode(withBom));
  }

  @Test
  void tellsWindows1251FromKoi8r() throws Exception {
    for (String text : new String[] {UKRAINIAN, RUSSIAN}) {
      assertEquals(text, TextDecoder.decode(text.getBytes(Charset.forName("windows-1251"))));
    }
    assertEquals(RUSSIAN, TextDecoder.decode(RUSSIAN.getBytes(Charset.forName("KOI8-R"))));
  }

  @Test
  void refusesBinaryAndEmptyContent() {
    byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3};
    assertTrue(assertThrows(InputException.class, () -> TextDecoder.decode(binary)).getMessage().contains("binary"));
    assertTrue(assertThrows(InputException.class, () -> TextDecoder.decode(new byte[0])).getMessage().contains("empty"));
  }
}
