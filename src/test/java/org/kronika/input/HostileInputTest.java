package org.kronika.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs built to break a reader: each is refused with a reason and the files beside it are still read. */
public class HostileInputTest {
  @TempDir Path dir;

  /** An Atom feed whose XHTML content nests {@code depth} elements deep. */
  public static String deepAtom(int depth) {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<title>t</title><entry><title>Deep</title><id>urn:deep</id><content type=\"xhtml\">"
        + "<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    s.append("<b>".repeat(depth)).append("x").append("</b>".repeat(depth));
    return s.append("</div></content></entry></feed>").toString();
  }

  @Test
  void deeplyNestedXmlIsRefusedAndTheOtherFilesAreRead() throws Exception {
    Files.writeString(dir.resolve("a-good.txt"), "A headline\nA paragraph of news.\n");
    Files.writeString(dir.resolve("b-deep.atom"), deepAtom(3000));
    Inputs.Collected got = new Inputs.Collected();
    Inputs.standard().read(List.of(dir), got);

    assertEquals(1, got.documents.size(), got.rejections.toString());
    assertEquals(1, got.rejections.size(), got.rejections.toString());
    assertTrue(got.rejections.get(0).source().endsWith("b-deep.atom"), got.rejections.toString());
    assertTrue(got.rejections.get(0).reason().contains("nested deeper than"), got.rejections.toString());
  }

  @Test
  void aJsonLinesLineBeyondTheLimitIsRejectedWithoutReadingItWhole() throws Exception {
    Path gz = dir.resolve("a-big.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("{\"text\": \"First line of news, read.\"}\n{\"text\": \"".getBytes(StandardCharsets.UTF_8));
      byte[] filler = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
      for (long n = 0; n <= Limits.DEFAULTS.maxLineBytes(); n += filler.length) {
        out.write(filler);
      }
      out.write("\"}\n{\"text\": \"Third line of news, read too.\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("b-good.txt"), "A headline\nA paragraph of news.\n");
    Inputs.Collected got = new Inputs.Collected();
    Inputs.standard().read(List.of(dir), got);

    assertEquals(List.of("First line of news, read.", "Third line of news, read too.", "A headline\nA paragraph of news.\n"),
        got.documents.stream().map(SourceDocument::content).toList());
    assertEquals(1, got.rejections.size(), got.rejections.toString());
    assertTrue(got.rejections.get(0).source().endsWith("a-big.jsonl.gz#2"), got.rejections.toString());
    assertTrue(got.rejections.get(0).reason().contains("line longer than"), got.rejections.toString());
  }

  @Test
  void aCompressionBombEndsAtTheDecompressedLimitWithAReason() throws Exception {
    Path bomb = dir.resolve("bomb.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
      byte[] zeros = new byte[1 << 16];
      for (int i = 0; i < 64; i++) { // 4 MiB of zeros, a few KiB compressed
        out.write(zeros);
      }
    }
    assertTrue(Files.size(bomb) < 64 << 10, "compressed size " + Files.size(bomb));
    InputFile file = new InputFile(bomb, new Limits(64L << 20, 16 << 20, 1L << 20, 256, 20));
    try (java.io.InputStream in = file.open()) {
      InputException refused = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
          () -> in.transferTo(OutputStream.nullOutputStream()));
      assertTrue(refused.getMessage().contains("more than 1 MiB once decompressed"), refused.getMessage());
    }
  }

  @Test
  void symlinksLeadingOutOfAFolderAreNotFollowed() throws Exception {
    Path outside = Files.writeString(Files.createDirectories(dir.resolve("outside")).resolve("secret.txt"),
        "Secret headline\nA secret paragraph that must stay outside.\n");
    Path folder = Files.createDirectories(dir.resolve("news"));
    Files.writeString(folder.resolve("a-good.txt"), "A headline\nA paragraph of news.\n");
    Files.createSymbolicLink(folder.resolve("b-link.txt"), outside);
    Files.createSymbolicLink(folder.resolve("c-dir"), outside.getParent());
    Files.createSymbolicLink(folder.resolve("d-inside.txt"), folder.resolve("a-good.txt"));
    Inputs.Collected got = new Inputs.Collected();
    Inputs.standard().read(List.of(folder), got);

    assertTrue(got.documents.stream().noneMatch(d -> d.content().contains("secret")), got.documents.toString());
    assertEquals(2, got.documents.size(), "the file and the link to it inside the folder");
    assertEquals(1, got.rejections.size(), got.rejections.toString());
    assertTrue(got.rejections.get(0).reason().contains("outside"), got.rejections.toString());
  }

  @Test
  void aFileOfCountlessBadItemsIsAFewRejectionLines() throws Exception {
    StringBuilder feed = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
        + "<item><title>The one good item</title><description>Its text.</description></item>");
    for (int i = 0; i < 20_000; i++) {
      feed.append("<item><guid>").append(i).append("</guid></item>");
    }
    Files.writeString(dir.resolve("empty-items.rss"), feed.append("</channel></rss>").toString());
    Inputs.Collected got = new Inputs.Collected();
    Inputs.standard().read(List.of(dir), got);

    assertEquals(1, got.documents.size());
    int shown = Limits.DEFAULTS.maxRejectionsShown();
    assertEquals(shown + 1, got.rejections.size());
    assertEquals((20_000 - shown) + " more rejected documents not listed (the first " + shown + " are)",
        got.rejections.get(shown).reason());
  }

  @Test
  void anEndlessWarcHeaderEndsItsFileNotTheIngest() throws Exception {
    java.io.ByteArrayOutputStream good = new java.io.ByteArrayOutputStream();
    try (org.netpreserve.jwarc.WarcWriter writer = new org.netpreserve.jwarc.WarcWriter(good)) {
      byte[] page = "<html><body><p>A page of news archived before the bad record.</p></body></html>"
          .getBytes(StandardCharsets.UTF_8);
      writer.write(new org.netpreserve.jwarc.WarcResponse.Builder("https://example.org/a").body(
          new org.netpreserve.jwarc.HttpResponse.Builder(200, "OK")
              .body(org.netpreserve.jwarc.MediaType.parse("text/html"), page).build()).build());
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("a-crawl.warc.gz")))) {
      out.write(good.toByteArray());
      out.write("WARC/1.1\r\nWARC-Type: response\r\nX-Endless: ".getBytes(StandardCharsets.US_ASCII));
      byte[] filler = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
      for (long n = 0; n <= Limits.DEFAULTS.maxLineBytes(); n += filler.length) {
        out.write(filler);
      }
    }
    Inputs.Collected got = new Inputs.Collected();
    Inputs.standard().read(List.of(dir), got);

    assertEquals(1, got.documents.size(), got.rejections.toString());
    assertEquals(1, got.rejections.size(), got.rejections.toString());
    assertTrue(got.rejections.get(0).reason().contains("longer than the 16 MiB limit"), got.rejections.toString());
  }
}
