package dev.reprokit;

/**
 * Root of the exceptions ReproKit throws. They are thrown only from calls a user makes on
 * purpose — building a configuration, reading a bundle, replaying — never from capture.
 * Every message says what was wrong and what to do about it.
 */
public class ReproException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReproException(String message) {
    super(message);
  }

  public ReproException(String message, Throwable cause) {
    super(message, cause);
  }
}
