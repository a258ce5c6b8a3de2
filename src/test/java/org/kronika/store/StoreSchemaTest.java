package org.kronika.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Solr's schema.xml declares exactly the fields {@link StoreField} defines, with their types. */
class StoreSchemaTest {

  @Test
  void solrSchemaDeclaresEveryStoreFieldAndNoOther() throws Exception {
    Map<String, String> declared = new TreeMap<>();
    try (InputStream in = SolrStore.class.getResourceAsStream("solr/schema.xml")) {
      assertNotNull(in, "schema.xml is a resource beside SolrStore");
      org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      for (String tag : new String[] {"field", "dynamicField"}) {
        NodeList fields = xml.getElementsByTagName(tag);
        for (int i = 0; i < fields.getLength(); i++) {
          Element f = (Element) fields.item(i);
          declared.put(f.getAttribute("name"), f.getAttribute("type") + multiValued(f));
        }
      }
    }
    Map<String, String> defined = new TreeMap<>();
    for (StoreField f : StoreField.values()) {
      if (f.solrType != null) {
        defined.put(f.field, f.solrType + (f.multiValued ? " multiValued" : ""));
      }
    }
    assertEquals(defined, declared);
  }

  private static String multiValued(Element field) {
    return "true".equals(field.getAttribute("multiValued")) ? " multiValued" : "";
  }

  @Test
  void textFieldsNameTheirLanguage() {
    assertEquals("uk", StoreField.textLanguage(StoreField.text("uk")));
    assertEquals(null, StoreField.textLanguage(StoreField.NAME.field));
  }
}
