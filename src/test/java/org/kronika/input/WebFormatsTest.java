package org.kronika.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WebFormatsTest {
  @TempDir Path dir;

  private static final String RU_PAGE = "<!DOCTYPE html><html><head><meta charset=\"%s\">"
      + "<title>Новости дня</title></head><body><p>Президент подписал закон о бюджете на "
      + "следующий год. Депутаты обсуждали его две недели.</p></body></html>";

  private Inputs.Collected read(Path file) {
    Inputs.Collected got = new Inputs.Collected();
    Inputs.standard().readFile(file, got);
    return got;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void gzippedHtmlPageIsOneHtmlDocument() throws IOException {
    String page = "<html><head><title>Storm</title></head><body><p>A storm hit the coast.</p></body></html>";
    Inputs.Collected got = read(write("storm.html.gz", gzip(page.getBytes(StandardCharsets.UTF_8))));
    assertEquals(List.of(), got.rejections);
    assertEquals(SourceDocument.Format.HTML, got.documents.get(0).format());
    assertEquals(page, got.documents.get(0).content());
  }

  @Test
  void cp1251PageWithLyingMetaCharsetIsDecodedRight() throws IOException {
    for (String lie : List.of("utf-8", "koi8-r", "iso-8859-1")) {
      byte[] bytes = String.format(RU_PAGE, lie).getBytes(Charset.forName("windows-1251"));
      String content = read(write("cp1251-" + lie + ".html", bytes)).documents.get(0).content();
      assertTrue(content.contains("Президент подписал закон"), lie + ": " + content);
    }
  }

  @Test
  void koi8rPageIsDecodedRight() throws IOException {
    for (String claim : List.of("koi8-r", "windows-1251")) {
      byte[] bytes = String.format(RU_PAGE, claim).getBytes(Charset.forName("KOI8-R"));
      String content = read(write("koi8-" + claim + ".html", bytes)).documents.get(0).content();
      assertTrue(content.contains("Депутаты обсуждали"), claim + ": " + content);
    }
  }

  @Test
  void utf8PageClaimingCp1251IsUtf8() throws IOException {
    byte[] bytes = String.format(RU_PAGE, "windows-1251").getBytes(StandardCharsets.UTF_8);
    assertTrue(read(write("utf8.html", bytes)).documents.get(0).content().contains("Президент"));
  }

  @Test
  void warcYieldsHtmlResponsesAndCountsTheRest() throws IOException {
    Path file = dir.resolve("crawl.warc.gz");
    try (WarcWriter writer = new WarcWriter(Files.newByteChannel(file,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE), WarcCompression.GZIP)) {
      writer.write(response("https://news.example.ua/a", "text/html; charset=windows-1251",
          String.format(RU_PAGE, "windows-1251").getBytes(Charset.forName("windows-1251"))));
      writer.write(response("https://news.example.ua/logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    }
    Inputs.Collected got = read(file);
    assertEquals(1, got.documents.size());
    SourceDocument page = got.documents.get(0);
    assertEquals("https://news.example.ua/a", page.url());
    assertEquals(file + "#https://news.example.ua/a", page.source());
    assertTrue(page.content().contains("Президент"));
    assertEquals(1, got.rejections.size());
    assertTrue(got.rejections.get(0).reason().contains("image/png 1"), got.rejections.toString());
  }

  @Test
  void warcOfImagesOnlyIsRefusedWithCounts() throws IOException {
    Path file = dir.resolve("images.warc");
    try (WarcWriter writer = new WarcWriter(Files.newOutputStream(file))) {
      for (int i = 0; i < 5; i++) {
        writer.write(response("https://example.com/" + i + ".jpg", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8}));
      }
    }
    Inputs.Collected got = read(file);
    assertEquals(0, got.documents.size());
    assertTrue(got.rejections.get(0).reason().contains("no HTML page among 5 response records (image/jpeg 5)"),
        got.rejections.toString());
  }

  @Test
  void truncatedWarcKeepsEarlierPagesAndSaysSo() throws IOException {
    Path whole = dir.resolve("whole.warc");
    try (WarcWriter writer = new WarcWriter(Files.newOutputStream(whole))) {
      for (int i = 0; i < 3; i++) {
        writer.write(response("https://example.com/" + i, "text/html",
            ("<html><body><p>Page " + i + " " + "text ".repeat(500) + "</p></body></html>").getBytes(StandardCharsets.UTF_8)));
      }
    }
    byte[] bytes = Files.readAllBytes(whole);
    Inputs.Collected got = read(write("cut.warc", Arrays.copyOf(bytes, bytes.length - 1500)));
    assertEquals(2, got.documents.size());
    assertEquals(1, got.rejections.size());
    assertTrue(got.rejections.get(0).toString().contains("cut.warc: truncated"), got.rejections.toString());
  }

  private static WarcResponse response(String url, String type, byte[] body) throws IOException {
    HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse(type), body).build();
    return new WarcResponse.Builder(url).body(http).build();
  }

  @Test
  void truncatedGzipIsRejectedAsTruncated() throws IOException {
    byte[] page = ("<html><body>" + "<p>Paragraph of news text.</p>".repeat(3000) + "</body></html>")
        .getBytes(StandardCharsets.UTF_8);
    byte[] gz = gzip(page);
    Inputs.Collected got = read(write("cut.html.gz", Arrays.copyOf(gz, gz.length / 2)));
    assertEquals(0, got.documents.size());
    assertTrue(got.rejections.get(0).reason().contains("truncated"), got.rejections.toString());
  }

  @Test
  void fiftyMegabytePageIsRefusedBySize() throws IOException {
    Path file = dir.resolve("huge.html");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("<!DOCTYPE html><html><body>".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "<p>filler filler filler filler filler filler filler</p>\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
      for (long n = 0; n < 50L << 20; n += chunk.length) {
        out.write(chunk);
      }
    }
    Inputs.Collected got = read(file);
    assertEquals(0, got.documents.size());
    assertTrue(got.rejections.get(0).reason().contains("larger than the 16 MB limit"), got.rejections.toString());
  }

  @Test
  void rssItemsAreArticlesEvenWithoutTheirPages() throws IOException {
    String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
        + "<title>Вісті</title><link>https://visti.example.ua/</link><language>uk-UA</language>"
        + "<item><title>Уряд ухвалив бюджет</title><link>https://visti.example.ua/1</link>"
        + "<pubDate>Tue, 03 Dec 2024 10:15:00 +0000</pubDate>"
        + "<description>&lt;p&gt;Кабмін схвалив проєкт.&lt;/p&gt;&lt;p&gt;Голосування у четвер.&lt;/p&gt;</description></item>"
        + "<item><title>Лише заголовок</title><link>https://visti.example.ua/2</link></item>"
        + "</channel></rss>";
    Inputs.Collected got = read(write("visti.xml", rss.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(), got.rejections);
    SourceDocument first = got.documents.get(0);
    assertEquals(SourceDocument.Format.TEXT, first.format());
    assertEquals("Кабмін схвалив проєкт.\n\nГолосування у четвер.", first.content());
    assertEquals("https://visti.example.ua/1", first.url());
    assertEquals("Уряд ухвалив бюджет", first.title());
    assertEquals(LocalDate.of(2024, 12, 3), first.date());
    assertEquals("uk", first.lang());
    assertEquals("Лише заголовок", got.documents.get(1).content());
  }

  @Test
  void atomEntriesAreArticles() throws IOException {
    String atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<title>Wire</title><id>urn:wire</id><updated>2024-12-04T00:00:00Z</updated>"
        + "<entry><title>Port reopens</title><id>urn:1</id><link href=\"https://wire.example.com/port\"/>"
        + "<published>2024-12-02T23:30:00Z</published><updated>2024-12-04T00:00:00Z</updated>"
        + "<content type=\"html\">&lt;p&gt;The port reopened on Monday.&lt;/p&gt;</content></entry></feed>";
    Inputs.Collected got = read(write("wire.atom", atom.getBytes(StandardCharsets.UTF_8)));
    SourceDocument entry = got.documents.get(0);
    assertEquals("The port reopened on Monday.", entry.content());
    assertEquals(LocalDate.of(2024, 12, 2), entry.date());
    assertEquals("https://wire.example.com/port", entry.source());
  }

  @Test
  void feedThatIsNotXmlIsRefusedWithAReason() throws IOException {
    Inputs.Collected got = read(write("broken.rss", "Service unavailable, try again later".getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, got.documents.size());
    assertTrue(got.rejections.get(0).reason().startsWith("not a readable RSS or Atom feed"), got.rejections.toString());
  }

  @Test
  void jsonLinesCarryHtmlTextAndHints() throws IOException {
    String jsonl = "{\"url\":\"https://e.example/1\",\"html\":\"<html><body><p>Hi</p></body></html>\",\"lang\":\"en\"}\n"
        + "{\"text\":\"Київ, 3 грудня.\",\"title\":\"Заголовок\",\"date\":\"2024-12-03T08:00:00+02:00\"}\n"
        + "{not json}\n"
        + "{\"url\":\"https://e.example/2\"}\n"
        + "{\"title\":\"Headline alone\"}\n";
    Path file = write("items.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
    Inputs.Collected got = read(file);
    assertEquals(3, got.documents.size());
    assertEquals("Headline alone", got.documents.get(2).title());
    assertEquals(SourceDocument.Format.HTML, got.documents.get(0).format());
    assertEquals("https://e.example/1", got.documents.get(0).url());
    assertEquals("en", got.documents.get(0).lang());
    SourceDocument text = got.documents.get(1);
    assertEquals(SourceDocument.Format.TEXT, text.format());
    assertEquals(LocalDate.of(2024, 12, 3), text.date());
    assertEquals("Заголовок", text.title());
    assertEquals(List.of(file + "#3", file + "#4"), got.rejections.stream().map(Rejection::source).toList());
  }

  @Test
  void plainTextIsStillPlainText() throws IOException {
    Inputs.Collected got = read(write("note.txt", "Just a note, <b> not a page.".getBytes(StandardCharsets.UTF_8)));
    assertEquals(SourceDocument.Format.TEXT, got.documents.get(0).format());
  }
}
