package dev.reprokit;

import dev.reprokit.env.DatabaseInfo;
import dev.reprokit.event.Event;
import dev.reprokit.internal.DefaultRecorder;
import dev.reprokit.internal.NoOpRecorder;
import java.util.Map;

/**
 * The always-on flight recorder: capture modules and the application put {@link Event}s in,
 * a trigger cuts a bundle out.
 *
 * <pre>{@code
 * Recorder recorder = Recorder.create(RecorderConfig.builder()
 *     .application("customer-sync", "2.4.1")
 *     .build());
 * ...
 * CaptureResult result = recorder.capture("sync dropped records", exception);
 * }</pre>
 *
 * <p>Events are kept in a ring bounded by count and estimated bytes; the oldest go first.
 * Every method is thread-safe, and <b>no method throws into the application</b> except
 * {@link #create} on a bad configuration: faults inside ReproKit are counted in
 * {@link #stats()} and logged once. {@link #noop()} is a recorder that records nothing at
 * near-zero cost, for when capture is off.
 */
public interface Recorder extends AutoCloseable {

  /** A recording recorder with the given settings. */
  static Recorder create(RecorderConfig config) {
    return new DefaultRecorder(config);
  }

  /** A recording recorder with {@link RecorderConfig#DEFAULT} settings. */
  static Recorder create() {
    return create(RecorderConfig.DEFAULT);
  }

  /** The recorder that records nothing; capture off. A shared instance. */
  static Recorder noop() {
    return NoOpRecorder.INSTANCE;
  }

  /** {@code false} for the no-op recorder and after {@link #close()}: capture may skip work. */
  boolean isEnabled();

  /** The settings. */
  RecorderConfig config();

  // ---- recording (hot path; for capture modules) ----------------------------------------

  /** The next sequence number for an event. Unique and increasing. */
  long nextSequence();

  /** The id of the scope attached to the current thread, or {@code null}. */
  String currentScopeId();

  /** Puts an event in the ring. Never throws, never blocks, never does I/O. */
  void record(Event event);

  /**
   * Reports a fault inside ReproKit: counted, logged at most once per minute per
   * {@code faultKind}. Capture modules call it from their guards. Rethrows only
   * {@link OutOfMemoryError}.
   */
  void internalFailure(String faultKind, Throwable fault);

  /** Notes a database a capture module connected to, for the environment. */
  void noteDatabase(DatabaseInfo database);

  // ---- for the application ----------------------------------------------------------------

  /** Opens a scope and attaches it to the current thread. */
  Scope scope(String name, Map<String, String> attributes);

  /** Opens a scope without attributes. */
  default Scope scope(String name) {
    return scope(name, Map.of());
  }

  /** Records a mark on the timeline. */
  void mark(String name, Map<String, String> attributes);

  /** Records a log line on the timeline. */
  void log(String level, String logger, String message, Throwable error);

  /** Writes a bundle now, on this thread. Never throws. */
  default CaptureResult capture(String reason) {
    return capture(new CaptureRequest(reason == null || reason.isBlank() ? "capture" : reason,
        null, null, null));
  }

  /** Writes a bundle for a failure now, on this thread. Never throws. */
  default CaptureResult capture(String reason, Throwable failure) {
    return capture(new CaptureRequest(reason == null || reason.isBlank() ? "capture" : reason,
        failure, null, null));
  }

  /** Writes a bundle now, on this thread. Never throws. */
  CaptureResult capture(CaptureRequest request);

  /**
   * An automatic trigger, e.g. from a capture module on an HTTP 5xx or an SQL error. If the
   * kind is switched on and storm control allows, the events are snapshotted now and the
   * bundle is written by a background thread. Never throws, never blocks on I/O.
   */
  CaptureResult trigger(TriggerKind kind, String reason, Throwable failure);

  /**
   * Installs a default uncaught exception handler that writes a bundle (when
   * {@link TriggerKind#UNCAUGHT_EXCEPTION} is on) and then calls the previous handler.
   */
  void installUncaughtExceptionHandler();

  /** Counters since creation. */
  RecorderStats stats();

  /**
   * Stops recording, waits briefly for queued bundles to be written and releases the
   * background thread. Never throws.
   */
  @Override
  void close();
}
