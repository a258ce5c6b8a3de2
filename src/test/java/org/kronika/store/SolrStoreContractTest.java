package org.kronika.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract, met by the distributed store: a collection of two shards on a real
 * SolrCloud node (with its ZooKeeper) in this JVM, a new collection for each test.
 */
class SolrStoreContractTest extends StoreContract {
  private static final AtomicInteger COLLECTIONS = new AtomicInteger();
  private static MiniSolrCloudCluster solr;
  private static Path dir;

  private final String collection = "contract" + COLLECTIONS.incrementAndGet();

  @BeforeAll
  static void startSolr() throws Exception {
    dir = Files.createTempDirectory("kronika-solr-contract");
    // Solr's test cluster insists on a few properties its test runner normally sets
    System.setProperty("solr.log.dir", dir.resolve("logs").toString());
    System.setProperty("solr.directoryFactory", "solr.MMapDirectoryFactory");
    solr = new MiniSolrCloudCluster.Builder(1, dir.resolve("solr")).configure();
  }

  @AfterAll
  static void stopSolr() throws Exception {
    if (solr != null) {
      solr.shutdown();
    }
    org.kronika.internal.Directories.deleteTree(dir);
  }

  @Override
  Store openWriter() throws Exception {
    return SolrStore.connect(solr.getZkServer().getZkAddress(), collection, 2, 1, true);
  }

  @Override
  Store openReader() throws Exception {
    return SolrStore.connect(solr.getZkServer().getZkAddress(), collection, 2, 1, false);
  }

  @Override
  boolean shared() {
    return true;
  }

  @Test
  void articlesLookedUpForABatchAreAnsweredWithoutAskingSolrAgain() throws Exception {
    String stored;
    try (Store store = openWriter()) {
      ingest(store, files("1-harbour.txt", HARBOUR));
      List<String> ids = new java.util.ArrayList<>();
      store.forEachArticle(a -> ids.add(a.id()));
      stored = ids.get(0);
    }
    try (SolrStore store = (SolrStore) openWriter()) {
      store.lookUpArticles(List.of(stored, "never-stored"));
      long asked = store.requests();
      assertTrue(store.contains(stored));
      assertFalse(store.contains("never-stored"));
      assertEquals(asked, store.requests(), "answered from the look-up");
      store.commit();
      long committed = store.requests();
      assertTrue(store.contains(stored));
      assertEquals(committed + 1, store.requests(), "the look-up lasts until the next commit");
    }
  }
}
