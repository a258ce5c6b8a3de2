package org.kronika.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class TermCountsTest {
  @Test
  void savedChangesRebuildTheCounts() throws Exception {
    TermCounts counts = new TermCounts();
    for (String term : new String[] {"w:vote", "n:zlnsk", "w:vote", "#:2020", "w:vote"}) {
      counts.add(term);
    }
    byte[] first = counts.changes();
    counts.changesSaved();
    counts.add("n:zlnsk");
    byte[] second = counts.changes();

    TermCounts reopened = new TermCounts();
    reopened.addChanges(new BytesRef(first));
    reopened.addChanges(new BytesRef(second));
    assertEquals(3, reopened.get("w:vote"));
    assertEquals(2, reopened.get("n:zlnsk"));
    assertEquals(1, reopened.get("#:2020"));
    assertEquals(0, reopened.get("w:absent"));
  }

  @Test
  void noChangesSaveNothing() throws Exception {
    TermCounts counts = new TermCounts();
    counts.add("w:vote");
    counts.changes();
    counts.changesSaved();
    assertEquals(0, counts.changes().length);
  }
}
