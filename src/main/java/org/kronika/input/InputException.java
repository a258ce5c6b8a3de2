package org.kronika.input;

import java.io.IOException;

/** A file that cannot be read, with a reason fit to show the user on one line. */
public class InputException extends IOException {
  public InputException(String reason) {
    super(reason);
  }

  public InputException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
