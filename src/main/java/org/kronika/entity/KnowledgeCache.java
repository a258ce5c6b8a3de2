package org.kronika.entity;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keeps what {@link SlavicNerLearner} learns in a cache file, so that learning (tens of
 * seconds) happens once per corpus split and code version, not once per run. The file
 * holds derived statistics (names with their lemmas, types and counts), never corpus text,
 * and lives outside the repository: in the directory named by the system property
 * {@value #CACHE_PROPERTY}, by default {@code ~/.cache/kronika}. Its name is a hash of the
 * training split and of the learning code, so a change to either learns afresh (and the
 * older file is removed). A cache
 * that cannot be read or written is ignored. Thread-safe as far as the file system is:
 * files are written whole and then moved into place.
 */
final class KnowledgeCache {
  /** System property naming the cache directory. */
  static final String CACHE_PROPERTY = "kronika.cache";
  private static final String[] LEARNING_CODE = {"SlavicNerLearner", "Gazetteer", "TypeModel",
      "SuffixRules", "Candidates", "Knowledge", "EntityIds", "EntityLanguages", "MorfologikLexicon"};

  private KnowledgeCache() {}

  /** The knowledge learned from the corpus at {@code corpus}: from the cache, or learned and cached. */
  static Knowledge load(Path corpus) {
    Path file = cacheFile(corpus);
    if (file != null && Files.isRegularFile(file)) {
      try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        return Knowledge.of((Knowledge.Learned) in.readObject());
      } catch (IOException | ClassNotFoundException | ClassCastException e) {
        // a stale or damaged cache: learn again and overwrite it
      }
    }
    Knowledge.Learned learned = SlavicNerLearner.learn(corpus);
    if (file != null) {
      write(file, learned);
    }
    return Knowledge.of(learned);
  }

  private static void write(Path file, Knowledge.Learned learned) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
        out.writeObject(learned);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      try (var stale = Files.newDirectoryStream(file.getParent(), "entities-*.ser")) {
        for (Path old : stale) {
          if (!old.equals(file)) {
            Files.deleteIfExists(old); // learned by an older version of the code
          }
        }
      }
    } catch (IOException e) {
      // no cache this time; the next run learns again
    }
  }

  /** The cache file for this corpus split and this code, or {@code null} when it cannot be named. */
  private static Path cacheFile(Path corpus) {
    String dir = System.getProperty(CACHE_PROPERTY);
    Path base = dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache", "kronika");
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(Files.readAllBytes(corpus.resolve(SlavicNerLearner.TRAINING_SPLIT)));
      for (String name : LEARNING_CODE) {
        try (InputStream code = KnowledgeCache.class.getResourceAsStream(name + ".class")) {
          if (code == null) {
            return null;
          }
          digest.update(code.readAllBytes());
        }
      }
      return base.resolve("entities-" + HexFormat.of().formatHex(digest.digest(), 0, 8) + ".ser");
    } catch (IOException | NoSuchAlgorithmException e) {
      return null;
    }
  }
}
