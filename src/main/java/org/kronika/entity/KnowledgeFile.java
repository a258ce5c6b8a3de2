package org.kronika.entity;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes what was learned about entities as one file: a header naming the format
 * and its version, then the serialised knowledge. A file is written whole beside its final
 * name, forced to disk and then renamed over it, so a crash leaves the old file or the new
 * one, never half of one. Reading a file of another format or version fails with a message
 * naming the file. Stateless.
 */
final class KnowledgeFile {
  private static final String MAGIC = "kronika-entity-knowledge";
  /** Raised whenever the serialised classes change shape. */
  private static final int VERSION = 2;

  private KnowledgeFile() {}

  /** Writes {@code value} to {@code file} atomically. */
  static void write(Path file, java.io.Serializable value) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream raw = Files.newOutputStream(temp);
           DataOutputStream header = new DataOutputStream(new BufferedOutputStream(raw))) {
        header.writeUTF(MAGIC);
        header.writeInt(VERSION);
        ObjectOutputStream out = new ObjectOutputStream(header);
        out.writeObject(value);
        out.flush();
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Reads what {@link #write} wrote, as an instance of {@code type}. */
  static <T> T read(Path file, Class<T> type) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      String magic;
      int version;
      try {
        magic = in.readUTF();
        version = in.readInt();
      } catch (IOException e) {
        throw new IOException(file + ": not a Kronika knowledge file (" + e.getMessage() + ")", e);
      }
      if (!MAGIC.equals(magic)) {
        throw new IOException(file + ": not a Kronika knowledge file");
      }
      if (version != VERSION) {
        throw new IOException(file + ": knowledge written by another version of Kronika (format " + version
            + ", this one reads " + VERSION + "); run 'kronika learn' again");
      }
      Object value = new ObjectInputStream(in).readObject();
      return type.cast(value);
    } catch (ClassNotFoundException | ClassCastException | java.io.ObjectStreamException e) {
      throw new IOException(file + ": damaged or incompatible knowledge file (" + e.getMessage() + ")", e);
    }
  }
}
