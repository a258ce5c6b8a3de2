package org.kronika.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

class ProfileMirrorTest {
  private static final FileTime LONG_AGO = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);

  @Test
  void theCopiesOfDeadWritersAreRemovedAndLiveOnesKept() throws Exception {
    Path abandoned = Files.createTempDirectory("kronika-profiles-");
    try (FSDirectory d = FSDirectory.open(abandoned); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      w.commit(); // a writer that stopped: its lock released, as a dead process's is
    }
    Files.setLastModifiedTime(abandoned, LONG_AGO);
    Path starting = Files.createTempDirectory("kronika-profiles-"); // a writer between making its folder and locking it
    try (ProfileMirror live = new ProfileMirror()) {
      Files.setLastModifiedTime(live.directory(), LONG_AGO);
      ProfileMirror.removeAbandoned();
      assertFalse(Files.exists(abandoned), "a dead writer's copy is removed");
      assertTrue(Files.isDirectory(live.directory()), "a live writer's copy stays");
      assertTrue(Files.isDirectory(starting), "a copy made this minute stays");
    } finally {
      org.kronika.internal.Directories.deleteTree(starting);
    }
  }
}
