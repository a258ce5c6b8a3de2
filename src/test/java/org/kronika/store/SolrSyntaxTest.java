package org.kronika.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The search query is the same for both stores; Solr gets it in its standard syntax. */
class SolrSyntaxTest {
  @Test
  void everyWordQueryKeepsLemmasNameKeysAndFilters() {
    String q = SolrStore.solrSyntax(SearchQuery.build("Зеленського", Set.of("uk"), "uk", true));
    assertTrue(q.startsWith("(+(+(text_uk:зеленський "), q);
    assertTrue(q.endsWith(" (name:zlnsk)^0.5000)) +filter(type:article) +filter(lang:uk))"), q);
  }

  @Test
  void termsWithQuerySyntaxAreEscaped() {
    String q = SolrStore.solrSyntax(new org.apache.lucene.search.TermQuery(
        new org.apache.lucene.index.Term(StoreField.text("en"), "a:b (c)")));
    assertEquals("text_en:a\\:b\\ \\(c\\)", q);
  }
}
