package org.kronika.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One file handed to the input formats: its name, its first bytes (after gunzip) for format
 * recognition, and a way to stream or load its whole decompressed content. Not thread-safe.
 */
public final class InputFile {
  /** Bytes looked at to recognise a format. */
  static final int HEAD_SIZE = 8192;

  private final Path path;
  private final boolean gzipped;
  private final long limit;
  private final long maxStreamBytes;
  private byte[] head;

  InputFile(Path path, Limits limits) throws IOException {
    this.path = path;
    this.limit = limits.maxDocumentBytes();
    this.maxStreamBytes = limits.maxStreamBytes();
    try (InputStream in = Files.newInputStream(path)) {
      byte[] magic = in.readNBytes(2);
      this.gzipped = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
    }
  }

  public Path path() {
    return path;
  }

  /** The file name as the user sees it, for messages and the article's source. */
  public String source() {
    return path.toString();
  }

  /** The file name without a trailing {@code .gz}, lower-cased, for format hints. */
  public String name() {
    String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  public boolean gzipped() {
    return gzipped;
  }

  /** Up to {@value #HEAD_SIZE} decompressed bytes from the start. */
  public byte[] head() throws IOException {
    if (head == null) {
      try (InputStream in = open()) {
        head = in.readNBytes(HEAD_SIZE);
      }
    }
    return head;
  }

  /**
   * A fresh stream over the decompressed content, ending in an {@link InputException} past
   * {@link Limits#maxStreamBytes}.
   */
  public InputStream open() throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 65536);
    return gzipped ? new Capped(new GZIPInputStream(in, 65536), maxStreamBytes) : in;
  }

  /** Decompressed bytes counted, refused past a bound. */
  private static final class Capped extends GuardedStream {
    private final long max;
    private long count;

    Capped(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    void saw(byte[] bytes, int off, int n) throws InputException {
      count += n;
      if (count > max) {
        throw new InputException("more than " + (max >= 1L << 30 ? (max >> 30) + " GiB" : (max >> 20) + " MiB")
            + " once decompressed");
      }
    }
  }

  /**
   * The whole decompressed content, refusing more than the configured limit so that one
   * enormous file cannot exhaust the heap.
   */
  public byte[] readAll() throws IOException {
    try (InputStream in = open()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
      if (bytes.length > limit) {
        throw new InputException("larger than the " + (limit >> 20) + " MB limit for one document");
      }
      return bytes;
    }
  }
}
