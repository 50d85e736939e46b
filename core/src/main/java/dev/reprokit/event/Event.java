package dev.reprokit.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One entry of the timeline: an immutable value recorded by a capture module or by the
 * application itself.
 *
 * <p>Every event carries the same header fields: a {@linkplain #seq() sequence number}
 * that is unique and increasing per recorder, the wall-clock time the event was recorded,
 * the monotonic start ({@link System#nanoTime()}) and duration of the work it describes,
 * the name of the thread it ran on and the id of the {@linkplain dev.reprokit.Scope scope}
 * it belongs to ({@code null} when it ran outside any scope).
 *
 * <p>In JSON the concrete type is named by the {@code type} property, for example
 * {@code {"type":"http", ...}}. Events are immutable and safe to share between threads.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HttpExchangeEvent.class, name = "http"),
  @JsonSubTypes.Type(value = JdbcStatementEvent.class, name = "jdbc.statement"),
  @JsonSubTypes.Type(value = JdbcResultSetEvent.class, name = "jdbc.resultset"),
  @JsonSubTypes.Type(value = JdbcTransactionEvent.class, name = "jdbc.transaction"),
  @JsonSubTypes.Type(value = JdbcConnectionEvent.class, name = "jdbc.connection"),
  @JsonSubTypes.Type(value = LogEvent.class, name = "log"),
  @JsonSubTypes.Type(value = MarkEvent.class, name = "mark"),
  @JsonSubTypes.Type(value = FailureEvent.class, name = "failure"),
})
public sealed interface Event
    permits HttpExchangeEvent,
        JdbcStatementEvent,
        JdbcResultSetEvent,
        JdbcTransactionEvent,
        JdbcConnectionEvent,
        LogEvent,
        MarkEvent,
        FailureEvent {

  /** Unique, increasing per recorder; obtained from {@code Recorder.nextSequence()}. */
  long seq();

  /** Wall-clock time in epoch milliseconds at which the work started. */
  long wallTimeMillis();

  /** {@link System#nanoTime()} when the work started. */
  long startNanos();

  /** How long the work took in nanoseconds; 0 for instantaneous events. */
  long durationNanos();

  /** Name of the thread the work ran on. */
  String thread();

  /** Id of the scope the event belongs to, or {@code null}. */
  String scopeId();

  /**
   * A cheap, deterministic estimate of the heap this event retains, used by the recorder's
   * byte cap. Must not allocate.
   */
  @JsonIgnore
  long estimatedBytes();

  /** Fixed overhead of an event record plus its header fields, used by the estimates. */
  long HEADER_BYTES = 96;

  /** Estimated bytes retained by a string, 0 for {@code null}. */
  static long bytesOf(String s) {
    return s == null ? 0 : 40 + s.length();
  }
}
