package org.kronika.watch;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.kronika.internal.Json;

/**
 * The followed sources' state in {@code DATA/watch/sources.json}, replaced atomically: written
 * to a temporary file, forced to disk, then moved over the old one, so a reader (or a restart
 * after {@code kill -9}) sees either the previous state or the new one, never a torn file.
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
    Path file = path(dataDir);
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(states);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      dir.force(true); // the rename itself durable (works on Linux; elsewhere best effort)
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform can sync a directory
    }
  }
}
