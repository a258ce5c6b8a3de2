package org.kronika.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
