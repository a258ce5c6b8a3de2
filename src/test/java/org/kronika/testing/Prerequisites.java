package org.kronika.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What some tests need beyond the checkout: the benchmark data in {@code ../shared}, Debian's
 * Chromium. Absent on a developer's machine, a test that needs one is skipped with a message;
 * with the environment variable {@value #REQUIRE} set to {@code true} (as {@code .ci/run} sets
 * it) it fails instead, so that CI cannot pass on tests that silently did not run. Stateless.
 */
public final class Prerequisites {
  /** The environment variable that turns a missing prerequisite into a failure. */
  public static final String REQUIRE = "KRONIKA_REQUIRE_PREREQUISITES";

  private Prerequisites() {}

  /** Skips the test (or fails it, when required) unless {@code present}; {@code what} names what is missing. */
  public static void require(boolean present, String what) {
    if (!present && "true".equals(System.getenv(REQUIRE))) {
      Assertions.fail(what + " is missing, and " + REQUIRE + " requires it");
    }
    Assumptions.assumeTrue(present, what + " is missing: skipping");
  }
}
