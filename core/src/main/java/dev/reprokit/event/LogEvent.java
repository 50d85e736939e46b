package dev.reprokit.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A log line the application handed to the recorder.
 *
 * @param level level name, e.g. {@code WARN}
 * @param logger logger name
 * @param message the formatted message
 * @param error the logged throwable, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogEvent(
    long seq,
    long wallTimeMillis,
    long startNanos,
    long durationNanos,
    String thread,
    String scopeId,
    String level,
    String logger,
    String message,
    ErrorInfo error)
    implements Event {

  @Override
  public long estimatedBytes() {
    return HEADER_BYTES
        + Event.bytesOf(logger)
        + Event.bytesOf(message)
        + (error == null ? 0 : error.estimatedBytes());
  }
}
