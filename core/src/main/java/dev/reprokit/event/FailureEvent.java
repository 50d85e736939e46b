package dev.reprokit.event;

/**
 * A failure the application reported: on a scope, through {@code capture(reason, throwable)}
 * or through the uncaught exception handler.
 *
 * @param reason why, in the application's words
 * @param error the throwable, or {@code null}
 */
public record FailureEvent(
    long seq,
    long wallTimeMillis,
    long startNanos,
    long durationNanos,
    String thread,
    String scopeId,
    String reason,
    ErrorInfo error)
    implements Event {

  @Override
  public long estimatedBytes() {
    return HEADER_BYTES + Event.bytesOf(reason) + (error == null ? 0 : error.estimatedBytes());
  }
}
