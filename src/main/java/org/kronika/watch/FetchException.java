package org.kronika.watch;

import java.io.IOException;

/**
 * A fetch that gave no usable response, with a one-line reason. {@code permanent} faults (most
 * 4xx, robots.txt refusals, oversized or looping responses) will not heal by retrying the same
 * item soon; {@code retryAfterMillis} is the server's Retry-After, or 0.
 */
final class FetchException extends IOException {
  final boolean permanent;
  final long retryAfterMillis;

  FetchException(String reason, boolean permanent, long retryAfterMillis) {
    super(reason);
    this.permanent = permanent;
    this.retryAfterMillis = retryAfterMillis;
  }

  FetchException(String reason, boolean permanent) {
    this(reason, permanent, 0);
  }
}
