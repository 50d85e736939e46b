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
import dev.reprokit.event.HttpExchangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A recorder for tests that keeps every event and trigger in lists, so tests can look at what
 * capture recorded. Scopes and bundles are the real recorder's.
 */
final class CollectingRecorder implements Recorder {
  record TriggerCall(TriggerKind kind, String reason, Throwable failure) {}

  private final Recorder real;
  private final AtomicLong seq = new AtomicLong(1);
  final List<Event> events = new CopyOnWriteArrayList<>();
  final List<TriggerCall> triggers = new CopyOnWriteArrayList<>();
  final List<Throwable> faults = new CopyOnWriteArrayList<>();

  CollectingRecorder() {
    this(RecorderConfig.DEFAULT);
  }

  CollectingRecorder(RecorderConfig config) {
    this.real = Recorder.create(config);
  }

  List<HttpExchangeEvent> http() {
    List<HttpExchangeEvent> list = new ArrayList<>();
    for (Event e : events) {
      if (e instanceof HttpExchangeEvent h) {
        list.add(h);
      }
    }
    return list;
  }

  /** The only exchange recorded; waits briefly for async recording. */
  HttpExchangeEvent single() {
    awaitHttp(1);
    List<HttpExchangeEvent> list = http();
    if (list.size() != 1) {
      throw new AssertionError("expected exactly one exchange, got " + list);
    }
    return list.get(0);
  }

  void awaitHttp(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (http().size() < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public boolean isEnabled() {
    return true;
  }

  @Override
  public RecorderConfig config() {
    return real.config();
  }

  @Override
  public long nextSequence() {
    return seq.getAndIncrement();
  }

  @Override
  public String currentScopeId() {
    return real.currentScopeId();
  }

  @Override
  public void record(Event event) {
    events.add(event);
  }

  @Override
  public void internalFailure(String faultKind, Throwable fault) {
    faults.add(fault);
    real.internalFailure(faultKind, fault);
  }

  @Override
  public void noteDatabase(DatabaseInfo database) {}

  @Override
  public Scope scope(String name, Map<String, String> attributes) {
    return real.scope(name, attributes);
  }

  @Override
  public void mark(String name, Map<String, String> attributes) {}

  @Override
  public void log(String level, String logger, String message, Throwable error) {}

  @Override
  public CaptureResult capture(CaptureRequest request) {
    return real.capture(request);
  }

  @Override
  public CaptureResult trigger(TriggerKind kind, String reason, Throwable failure) {
    triggers.add(new TriggerCall(kind, reason, failure));
    return CaptureResult.of(CaptureResult.Outcome.DISABLED, "collected by the test");
  }

  @Override
  public void installUncaughtExceptionHandler() {}

  @Override
  public RecorderStats stats() {
    return real.stats();
  }

  @Override
  public void close() {
    real.close();
  }
}
