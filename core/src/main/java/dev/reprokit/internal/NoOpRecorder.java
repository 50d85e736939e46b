package dev.reprokit.internal;

import dev.reprokit.CaptureRequest;
import dev.reprokit.CaptureResult;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.RecorderStats;
import dev.reprokit.Scope;
import dev.reprokit.TriggerKind;
import dev.reprokit.env.DatabaseInfo;
import dev.reprokit.event.Event;
import java.util.Map;

/** The recorder that records nothing: capture off, at the cost of a virtual call. */
public final class NoOpRecorder implements Recorder {
  public static final NoOpRecorder INSTANCE = new NoOpRecorder();

  private static final CaptureResult DISABLED =
      CaptureResult.of(CaptureResult.Outcome.DISABLED, "capture is off (Recorder.noop())");

  private static final Scope NO_SCOPE = new Scope() {
    @Override
    public String id() {
      return null;
    }

    @Override
    public String name() {
      return "";
    }

    @Override
    public Map<String, String> attributes() {
      return Map.of();
    }

    @Override
    public CaptureResult fail(Throwable failure) {
      return DISABLED;
    }

    @Override
    public Attachment attach() {
      return () -> {};
    }

    @Override
    public void close() {}
  };

  private NoOpRecorder() {}

  @Override
  public boolean isEnabled() {
    return false;
  }

  @Override
  public RecorderConfig config() {
    return RecorderConfig.DEFAULT;
  }

  @Override
  public long nextSequence() {
    return 0;
  }

  @Override
  public String currentScopeId() {
    return null;
  }

  @Override
  public void record(Event event) {}

  @Override
  public void internalFailure(String faultKind, Throwable fault) {
    if (fault instanceof OutOfMemoryError oom) {
      throw oom;
    }
  }

  @Override
  public void noteDatabase(DatabaseInfo database) {}

  @Override
  public Scope scope(String name, Map<String, String> attributes) {
    return NO_SCOPE;
  }

  @Override
  public void mark(String name, Map<String, String> attributes) {}

  @Override
  public void log(String level, String logger, String message, Throwable error) {}

  @Override
  public CaptureResult capture(CaptureRequest request) {
    return DISABLED;
  }

  @Override
  public CaptureResult trigger(TriggerKind kind, String reason, Throwable failure) {
    return DISABLED;
  }

  @Override
  public void installUncaughtExceptionHandler() {}

  @Override
  public RecorderStats stats() {
    return RecorderStats.ZERO;
  }

  @Override
  public void close() {}
}
