package dev.reprokit.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A transaction step on a connection.
 *
 * @param connectionId id of the logical connection
 * @param action one of {@code autocommit}, {@code commit}, {@code rollback},
 *     {@code savepoint}, {@code release-savepoint}, {@code rollback-to-savepoint},
 *     {@code isolation}, {@code read-only}
 * @param savepoint savepoint name or id for savepoint actions, else {@code null}
 * @param value the new value for {@code autocommit}, {@code isolation} and {@code read-only}
 * @param error the {@code SQLException} the application got, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JdbcTransactionEvent(
    long seq,
    long wallTimeMillis,
    long startNanos,
    long durationNanos,
    String thread,
    String scopeId,
    String connectionId,
    String action,
    String savepoint,
    String value,
    ErrorInfo error)
    implements Event {

  @Override
  public long estimatedBytes() {
    return HEADER_BYTES + 64 + (error == null ? 0 : error.estimatedBytes());
  }
}
