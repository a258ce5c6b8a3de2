package org.kronika.watch;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kronika.internal.DurableFiles;
import org.kronika.internal.Json;

/**
 * The followed sources' state in {@code DATA/watch/sources.json}, replaced atomically
 * ({@link DurableFiles}): a reader, or a restart after {@code kill -9}, sees either the previous
 * state or the new one, never a torn file.
 */
final class StateFile {
  private StateFile() {}

  static Path path(Path dataDir) {
    return dataDir.resolve("watch").resolve("sources.json");
  }

  /** The saved states, empty when there is no file yet. */
  static List<SourceState> read(Path dataDir) throws IOException {
    Path file = path(dataDir);
    if (!Files.exists(file)) {
      return new ArrayList<>();
    }
    try {
      return new ArrayList<>(Json.MAPPER.readValue(file.toFile(), new TypeReference<List<SourceState>>() {}));
    } catch (IOException e) {
      throw new IOException("unreadable watch state " + file + ": " + e.getMessage(), e);
    }
  }

  static void write(Path dataDir, List<SourceState> states) throws IOException {
    DurableFiles.replace(path(dataDir), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(states));
  }
}
