package org.kronika.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.input.SourceDocument;

class ClusterConfigTest {
  @TempDir Path tmp;

  @Test
  void addressesAreRequiredAndTheRestHasDefaults() throws IOException {
    Path file = tmp.resolve("c.properties");
    Files.writeString(file, "kafka.bootstrap.servers=k:9092\nsolr.zookeeper=z:2181/solr\n");
    ClusterConfig c = ClusterConfig.load(file);
    assertEquals("kronika-documents", c.topic());
    assertEquals(2, c.shards());
    assertEquals(2, c.replicas());
    Files.writeString(file, "kafka.bootstrap.servers=k:9092\n");
    IOException e = assertThrows(IOException.class, () -> ClusterConfig.load(file));
    assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("solr.zookeeper"), e.getMessage());
    Files.writeString(file, "kafka.bootstrap.servers=k\nsolr.zookeeper=z\nsolr.shards=two\n");
    e = assertThrows(IOException.class, () -> ClusterConfig.load(file));
    assertTrue(e.getMessage().contains("solr.shards is not a number: two"), e.getMessage());
  }

  @Test
  void documentsArePartitionedBySite() {
    assertEquals("www.example.org", DocumentLog.site(new SourceDocument("feed.xml#3", SourceDocument.Format.HTML, "x",
        "https://www.example.org/news/1", null, null, null)));
    assertEquals("crawl/site-a", DocumentLog.site(SourceDocument.text("crawl/site-a/001.txt", "x")));
    assertEquals("crawl", DocumentLog.site(SourceDocument.text("crawl/feed.warc.gz#12", "x")));
    assertEquals("plain.txt", DocumentLog.site(SourceDocument.text("plain.txt", "x")));
  }
}
