package dev.reprokit;

/** What made a bundle be written. */
public enum TriggerKind {
  /** The application called {@code Recorder.capture(...)}. Never rate-limited. */
  EXPLICIT,
  /** A failure was reported on a {@link Scope}. */
  SCOPE_FAILURE,
  /** An uncaught exception reached the default handler (opt-in). */
  UNCAUGHT_EXCEPTION,
  /** An HTTP exchange ended with a 5xx status. */
  HTTP_SERVER_ERROR,
  /** An HTTP exchange ended with an I/O error. */
  HTTP_IO_ERROR,
  /** A JDBC call threw an {@code SQLException}. */
  SQL_ERROR;

  /** {@code true} for every kind but {@link #EXPLICIT}; automatic kinds obey storm control. */
  public boolean automatic() {
    return this != EXPLICIT;
  }
}
