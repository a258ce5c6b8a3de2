package org.kronika.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Small state files replaced atomically: written to a temporary file, forced to disk, then
 * moved over the old one, so a reader (or a restart after {@code kill -9}) sees either the
 * previous content or the new one, never a torn file. Thread-safe for different files.
 */
public final class DurableFiles {
  private DurableFiles() {}

  /** Replaces {@code file} (creating its folder) with {@code bytes}, durably. */
  public static void replace(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
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
