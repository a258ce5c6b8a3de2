package org.kronika.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.Kronika;
import org.kronika.internal.Json;
import org.kronika.pipeline.Ingest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Atom feeds over HTTP, read by ROME and by the JDK's own XML parser: found from each page's
 * {@code <link rel="alternate">}, stable from one read to the next, growing with the story.
 */
class FeedsTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  @TempDir static Path dir;
  static Kronika kronika;
  static WebServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path data = WebFixtures.build(dir);
    kronika = Kronika.openForIngest(data);
    server = WebServer.start(kronika, null, "127.0.0.1", 0, 4);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    kronika.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The feed a page names in its head. */
  static String feedOf(String page) throws Exception {
    HttpResponse<String> r = get(page);
    assertEquals(200, r.statusCode(), page);
    Matcher m = Pattern.compile("<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]*\" href=\"([^\"]+)\">")
        .matcher(r.body());
    assertTrue(m.find(), page + " names no feed");
    return m.group(1).replace("&amp;", "&");
  }

  static SyndFeed rome(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"), path);
    return new SyndFeedInput().build(new StringReader(r.body()));
  }

  /** Each entry's id, title and updated time, read by the JDK's parser, checking what Atom requires. */
  static List<String> entries(String path) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(get(path).body().getBytes(StandardCharsets.UTF_8)));
    Element feed = d.getDocumentElement();
    assertEquals(ATOM, feed.getNamespaceURI());
    assertEquals("feed", feed.getLocalName());
    for (String required : List.of("id", "title", "updated")) {
      assertEquals(1, children(feed, required).size(), "the feed has one " + required);
    }
    List<String> out = new ArrayList<>();
    NodeList list = feed.getElementsByTagNameNS(ATOM, "entry");
    for (int i = 0; i < list.getLength(); i++) {
      Element e = (Element) list.item(i);
      String updated = children(e, "updated").get(0).getTextContent();
      OffsetDateTime.parse(updated); // RFC 3339
      assertTrue(!children(e, "link").isEmpty(), "an entry links somewhere");
      out.add(children(e, "id").get(0).getTextContent() + " " + children(e, "title").get(0).getTextContent() + " " + updated);
    }
    return out;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  static String storyOf(String query) throws Exception {
    return Json.MAPPER.readTree(get("/api/search?q=" + query + "&limit=1").body()).path("items").get(0)
        .path("article").path("story").asText();
  }

  @Test
  void aStoryFeedListsItsArticlesStablyAndGrowsWithIt() throws Exception {
    String story = storyOf("Rutte");
    String feed = feedOf("/story/" + story);
    assertEquals("/feeds/stories/" + story + ".atom", feed);
    SyndFeed read = rome(feed);
    int size = Json.MAPPER.readTree(get("/api/stories/" + story).body()).path("articles").size();
    assertEquals(size, read.getEntries().size());
    for (SyndEntry e : read.getEntries()) {
      assertTrue(e.getUri().startsWith("urn:kronika:article:"), e.getUri());
      assertTrue(e.getLinks().stream().anyMatch(l -> l.getHref().contains("/article/")), "links the article page");
    }
    List<String> first = entries(feed);
    assertEquals(first, entries(feed), "the same ids and times on every read");

    Path follow = Files.createDirectories(dir.resolve("later")).resolve("en-summit-followup.txt");
    Files.writeString(follow, " date 2024-12-03\nRutte and Zelensky agree on air defence for Kyiv\n"
        + "NATO Secretary General Mark Rutte and Ukrainian President Volodymyr Zelensky agreed in Kyiv on more air "
        + "defence systems for Ukraine before winter, a day after their meeting on the NATO invitation.\n");
    kronika.ingest(List.of(follow), Ingest.Options.defaults(), r -> { throw new AssertionError(r.toString()); });
    long deadline = System.nanoTime() + 30_000_000_000L;
    List<String> grown = entries(feed);
    while (grown.size() == first.size() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      grown = entries(feed);
    }
    assertEquals(first.size() + 1, grown.size(), "the follow-up joined the story and its feed");
    assertTrue(grown.containsAll(first), "earlier entries unchanged: " + grown);
  }

  @Test
  void storylineEntityAndSearchPagesNameTheirFeeds() throws Exception {
    String story = storyOf("Rutte");
    String storyline = Json.MAPPER.readTree(get("/api/stories/" + story).body()).path("storyline").asText();
    assertEquals("/feeds/storylines/" + storyline + ".atom", feedOf("/storyline/" + storyline));
    assertTrue(rome(feedOf("/storyline/" + storyline)).getEntries().size() >= 4);

    String entity = Json.MAPPER.readTree(get("/api/stories/" + story).body()).path("entities").get(0).path("id").asText();
    SyndFeed entityFeed = rome(feedOf("/entity/" + Html.encode(entity)));
    assertTrue(entityFeed.getEntries().size() >= 3, entityFeed.getEntries().toString());

    String search = feedOf("/search?q=Zelensky&lang=uk");
    assertEquals("/feeds/search.atom?q=Zelensky&lang=uk", search);
    SyndFeed found = rome(search);
    assertTrue(!found.getEntries().isEmpty() && found.getEntries().stream()
        .allMatch(e -> e.getCategories().get(0).getName().equals("uk")), "only Ukrainian articles");
  }

  @Test
  void hostileTitlesStayTextAndUnknownFeedsAreErrors() throws Exception {
    SyndFeed hostile = rome("/feeds/search.atom?q=harbour+council");
    assertTrue(hostile.getEntries().stream().anyMatch(e -> e.getTitle().equals(WebFixtures.HOSTILE_TITLE)),
        "the title comes back as the text it was, not as markup");
    assertEquals(404, get("/feeds/stories/s-none.atom").statusCode());
    assertEquals(404, get("/feeds/nothing").statusCode());
    assertEquals(400, get("/feeds/search.atom").statusCode());
  }
}
