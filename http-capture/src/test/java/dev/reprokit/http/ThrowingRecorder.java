package dev.reprokit.http;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A recorder whose methods throw: capture must shrug it off. By default every method throws;
 * {@link #failingLate()} lets the start of an exchange succeed so that the later steps
 * (recording, triggers, fault reporting) meet the failures. Counts the failed calls.
 */
final class ThrowingRecorder implements Recorder {
  final AtomicInteger calls = new AtomicInteger();
  private final boolean startWorks;

  ThrowingRecorder() {
    this(false);
  }

  private ThrowingRecorder(boolean startWorks) {
    this.startWorks = startWorks;
  }

  /** isEnabled, config, nextSequence and currentScopeId work; everything else throws. */
  static ThrowingRecorder failingLate() {
    return new ThrowingRecorder(true);
  }

  private RuntimeException boom(String method) {
    calls.incrementAndGet();
    return new IllegalStateException("recorder is broken: " + method);
  }

  @Override
  public boolean isEnabled() {
    if (startWorks) {
      return true;
    }
    throw boom("isEnabled");
  }

  @Override
  public RecorderConfig config() {
    if (startWorks) {
      return RecorderConfig.DEFAULT;
    }
    throw boom("config");
  }

  @Override
  public long nextSequence() {
    if (startWorks) {
      return 1;
    }
    throw boom("nextSequence");
  }

  @Override
  public String currentScopeId() {
    if (startWorks) {
      return null;
    }
    throw boom("currentScopeId");
  }

  @Override
  public void record(Event event) {
    throw boom("record");
  }

  @Override
  public void internalFailure(String faultKind, Throwable fault) {
    throw boom("internalFailure");
  }

  @Override
  public void noteDatabase(DatabaseInfo database) {
    throw boom("noteDatabase");
  }

  @Override
  public Scope scope(String name, Map<String, String> attributes) {
    throw boom("scope");
  }

  @Override
  public void mark(String name, Map<String, String> attributes) {
    throw boom("mark");
  }

  @Override
  public void log(String level, String logger, String message, Throwable error) {
    throw boom("log");
  }

  @Override
  public CaptureResult capture(CaptureRequest request) {
    throw boom("capture");
  }

  @Override
  public CaptureResult trigger(TriggerKind kind, String reason, Throwable failure) {
    throw boom("trigger");
  }

  @Override
  public void installUncaughtExceptionHandler() {
    throw boom("installUncaughtExceptionHandler");
  }

  @Override
  public RecorderStats stats() {
    throw boom("stats");
  }

  @Override
  public void close() {
    throw boom("close");
  }
}
