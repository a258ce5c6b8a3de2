package org.kronika.watch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.kronika.input.Limits;
import org.kronika.input.XmlDepth;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads sitemaps.org sitemaps and sitemap indexes, with Google News' extension
 * ({@code <news:news>}: title, publication date, language), on the JDK's XML parser with
 * doctypes and external entities refused, and nesting beyond {@link Limits#maxDepth}. Stateless and thread-safe.
 */
final class Sitemaps {
  private Sitemaps() {}

  /** One {@code <url>} (or, in an index, one {@code <sitemap>}); hints are {@code null} when absent. */
  record Entry(String loc, String title, LocalDate date, String lang) {}

  /** A parsed sitemap: an index lists other sitemaps, a urlset lists pages. */
  record Sitemap(boolean index, List<Entry> entries) {}

  /** Whether the bytes look like a sitemap (root {@code urlset} or {@code sitemapindex}). */
  static boolean looksLike(String head) {
    return head.contains("<urlset") || head.contains("<sitemapindex");
  }

  static Sitemap parse(byte[] xml) throws FetchException {
    Document doc;
    try {
      XmlDepth.check(xml, Limits.DEFAULTS.maxDepth());
      doc = builder().parse(new ByteArrayInputStream(xml));
    } catch (SAXException | IOException e) {
      throw new FetchException("not a readable sitemap: " + oneLine(e.getMessage()), true);
    }
    Element root = doc.getDocumentElement();
    String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
    boolean index = name.equals("sitemapindex");
    if (!index && !name.equals("urlset")) {
      throw new FetchException("not a sitemap: root element <" + name + ">", true);
    }
    List<Entry> entries = new ArrayList<>();
    for (Element e : children(root, index ? "sitemap" : "url")) {
      String loc = text(first(e, "loc"));
      if (loc == null) {
        continue;
      }
      Element news = first(e, "news");
      String title = news == null ? null : text(first(news, "title"));
      LocalDate date = day(news == null ? null : text(first(news, "publication_date")));
      if (date == null) {
        date = day(text(first(e, "lastmod")));
      }
      Element publication = news == null ? null : first(news, "publication");
      String lang = publication == null ? null : text(first(publication, "language"));
      entries.add(new Entry(loc, title, date, lang == null || lang.length() < 2 ? null
          : lang.substring(0, 2).toLowerCase(Locale.ROOT)));
    }
    return new Sitemap(index, entries);
  }

  private static DocumentBuilder builder() throws IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws on fatal errors, prints nothing
      return b;
    } catch (ParserConfigurationException e) {
      throw new IOException("the JDK's XML parser refused a secure configuration", e);
    }
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  private static Element first(Element parent, String localName) {
    List<Element> found = children(parent, localName);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String text(Element e) {
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().strip();
    return t.isEmpty() ? null : t;
  }

  /** A W3C datetime (YYYY, YYYY-MM-DD or a full timestamp) as its day, or {@code null}. */
  private static LocalDate day(String s) {
    if (s == null || s.length() < 10) {
      return null;
    }
    try {
      return s.length() == 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).toLocalDate();
    } catch (RuntimeException e) {
      try {
        return LocalDate.parse(s.substring(0, 10));
      } catch (RuntimeException again) {
        return null;
      }
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ");
  }
}
