package dev.reprokit.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A logical connection was opened or closed.
 *
 * @param connectionId id of the logical connection, stable across a pool's reuse of the
 *     physical connection
 * @param action {@code open} or {@code close}
 * @param url the JDBC URL (redacted when a bundle is written)
 * @param user the user name, or {@code null}
 * @param error the {@code SQLException} the application got, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JdbcConnectionEvent(
    long seq,
    long wallTimeMillis,
    long startNanos,
    long durationNanos,
    String thread,
    String scopeId,
    String connectionId,
    String action,
    String url,
    String user,
    ErrorInfo error)
    implements Event {

  @Override
  public long estimatedBytes() {
    return HEADER_BYTES + 48 + Event.bytesOf(url) + (error == null ? 0 : error.estimatedBytes());
  }
}
