package org.kronika.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kronika.entity.EntityStage;
import org.kronika.input.Inputs;
import org.kronika.store.LuceneStore;
import org.kronika.store.Store;
import org.kronika.story.StoryStage;

/**
 * A store of its own weighs its changed stories against the storylines again every
 * {@code MOVE_EVERY} (100) changed stories, not only at a commit: watched on a real store
 * through a proxy that notes each write of profiles (a move pass writes what it moved, if
 * anything) and each commit.
 */
class IngestMovesTest {
  @TempDir Path tmp;

  /** A made-up word, so that no two reports share one. */
  private static String word(java.util.Random random) {
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      w.append((char) ('a' + random.nextInt(26)));
    }
    return w.toString();
  }

  @Test
  void changedStoriesAreMovedEveryHundredBetweenCommits() throws Exception {
    Path news = Files.createDirectories(tmp.resolve("news"));
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 250; i++) { // words of its own in each report: each opens a story
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 12; w++) {
        text.append(w == 0 ? "" : w == 3 ? ".\n" : " ").append(word(random));
      }
      Files.writeString(news.resolve(String.format("%03d.txt", i)), text + ".\n");
    }
    List<String> calls = new ArrayList<>();
    try (LuceneStore real = LuceneStore.openForWriting(tmp.resolve("data"))) {
      Store watched = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
          (proxy, method, args) -> {
            if (method.getName().equals("commit") || method.getName().equals("update")) {
              calls.add(method.getName());
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      Ingest ingest = new Ingest(new Pipeline(text -> "en", new EntityStage()), watched, StoryStage.standard(),
          new Ingest.Options(1, 100_000));
      Ingest.Report report = ingest.run(List.of(news), Inputs.standard(), r -> { throw new AssertionError(r.toString()); });
      assertEquals(250, report.stored());
    }
    int firstCommit = calls.indexOf("commit");
    assertEquals(calls.size() - 1, calls.lastIndexOf("commit"), "one commit, at the end: " + calls);
    // the commit itself writes twice (its move pass, then the storylines reconciled): two more are MOVE_EVERY's
    assertEquals(4, calls.subList(0, firstCommit).stream().filter("update"::equals).count(),
        "move passes at 100 and 200 changed stories, then the commit's: " + calls);
  }
}
