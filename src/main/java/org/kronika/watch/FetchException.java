package org.kronika.watch;

import java.io.IOException;

/**
 * A fetch that gave no usable response, with a one-line reason. {@code permanent} faults (most
 * 4xx, robots.txt refusals, oversized or looping responses) will not heal by retrying the same
 * item soon; {@code retryAfterMillis} is the server's Retry-After, or 0; a {@code refusal} is the
 * {@link AddressPolicy}'s.
 */
final class FetchException extends IOException {
  final boolean permanent;
  final long retryAfterMillis;
  /** Whether the {@link AddressPolicy} refused the address (counted apart in a source's health). */
  final boolean refusal;

  private FetchException(String reason, boolean permanent, long retryAfterMillis, boolean refusal) {
    super(reason);
    this.permanent = permanent;
    this.retryAfterMillis = retryAfterMillis;
    this.refusal = refusal;
  }

  FetchException(String reason, boolean permanent, long retryAfterMillis) {
    this(reason, permanent, retryAfterMillis, false);
  }

  /** An address the policy does not let the watcher reach: permanent. */
  static FetchException refusal(String reason) {
    return new FetchException(reason, true, 0, true);
  }

  FetchException(String reason, boolean permanent) {
    this(reason, permanent, 0);
  }
}
