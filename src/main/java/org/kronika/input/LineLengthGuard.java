package org.kronika.input;

import java.io.InputStream;

/**
 * Ends a stream with an {@link InputException} once it runs longer than a bound without a line
 * feed: a WARC record's header is parsed whole into memory, so one endless header line would
 * exhaust the heap. Text, HTML and real binary payloads break lines far more often (a run of
 * 16 MiB without one is a page over the page limit anyway). Not thread-safe.
 */
final class LineLengthGuard extends GuardedStream {
  private final long max;
  private long run;

  LineLengthGuard(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  @Override
  void saw(byte[] bytes, int off, int n) throws InputException {
    for (int i = off; i < off + n; i++) {
      run = bytes[i] == '\n' ? 0 : run + 1;
    }
    if (run > max) {
      throw new InputException("a line (such as a WARC header) longer than the " + (max >> 20) + " MiB limit");
    }
  }
}
