package org.kronika.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that shows every byte read to a check, which ends the reading with an
 * {@link InputException} when the input goes past one of the limits ({@link Limits}). Not
 * thread-safe.
 */
abstract class GuardedStream extends FilterInputStream {
  private final byte[] one = new byte[1];

  GuardedStream(InputStream in) {
    super(in);
  }

  /** Sees {@code n} bytes just read, from {@code off}; throws when they pass the limit. */
  abstract void saw(byte[] bytes, int off, int n) throws InputException;

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      one[0] = (byte) b;
      saw(one, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] bytes, int off, int len) throws IOException {
    int n = super.read(bytes, off, len);
    if (n > 0) {
      saw(bytes, off, n);
    }
    return n;
  }
}
