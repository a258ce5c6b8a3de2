package org.kronika.input;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks an XML document's element nesting before a tree-building parser sees it: parsers and
 * the code walking their trees recurse per level, and a few thousand levels overflow the stack.
 * Streams with the JDK's StAX parser (no DTD, no entities), so the check itself is iterative.
 * Stateless and thread-safe.
 */
public final class XmlDepth {
  private static final XMLInputFactory STAX = XMLInputFactory.newFactory();

  static {
    STAX.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    STAX.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private XmlDepth() {}

  /**
   * Refuses XML nested deeper than {@code max} elements. Malformed XML is left for the real
   * parser to report: only the part read before the fault is measured.
   *
   * @throws InputException saying how deep the limit is
   */
  public static void check(byte[] xml, int max) throws InputException {
    XMLStreamReader reader;
    try {
      reader = STAX.createXMLStreamReader(new ByteArrayInputStream(xml));
    } catch (XMLStreamException e) {
      return;
    }
    int depth = 0;
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamReader.START_ELEMENT && ++depth > max) {
          throw new InputException("XML nested deeper than the limit of " + max + " elements");
        } else if (event == XMLStreamReader.END_ELEMENT) {
          depth--;
        }
      }
    } catch (XMLStreamException malformed) {
      // the parser proper says what is wrong
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing held but memory
      }
    }
  }
}
