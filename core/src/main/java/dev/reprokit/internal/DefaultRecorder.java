package dev.reprokit.internal;

import dev.reprokit.AppInfo;
import dev.reprokit.CaptureRequest;
import dev.reprokit.CaptureResult;
import dev.reprokit.CaptureResult.Outcome;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.RecorderStats;
import dev.reprokit.Scope;
import dev.reprokit.TriggerKind;
import dev.reprokit.bundle.BundleWriter;
import dev.reprokit.bundle.Snapshot;
import dev.reprokit.bundle.Trigger;
import dev.reprokit.env.DatabaseInfo;
import dev.reprokit.env.Environment;
import dev.reprokit.env.EnvironmentCollector;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.FailureEvent;
import dev.reprokit.event.LogEvent;
import dev.reprokit.event.MarkEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The recording {@link Recorder}: a lock-free {@link EventRing}, thread-local scopes, storm
 * control for automatic triggers and one background thread that writes their bundles.
 */
public final class DefaultRecorder implements Recorder {

  /** Writes one snapshot as a bundle; the seam where tests inject faults. */
  @FunctionalInterface
  public interface BundleSink {
    Path write(Snapshot snapshot) throws IOException;
  }

  private static final int BACKGROUND_QUEUE = 4;

  private final RecorderConfig config;
  private final EventRing ring;
  private final AtomicLong sequence = new AtomicLong(1);
  private final AtomicLong scopeIds = new AtomicLong();
  private final ThreadLocal<DefaultScope> currentScope = new ThreadLocal<>();
  private final FaultReporter faults;
  private final StormControl storm;
  private final BundleSink sink;
  private final EnvironmentCollector environment;
  private final Set<DatabaseInfo> databases = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final LongAdder bundlesWritten = new LongAdder();
  private final LongAdder bundlesSuppressed = new LongAdder();
  private final LongAdder bundlesFailed = new LongAdder();
  private final LongSupplier clockMillis;
  private final Object writerLock = new Object();
  private ThreadPoolExecutor background; // guarded by writerLock, created on first use

  public DefaultRecorder(RecorderConfig config) {
    this(config, null, new FaultReporter(), System::currentTimeMillis);
  }

  /** For tests: a sink to inject faults, a fault reporter and a clock. */
  public DefaultRecorder(RecorderConfig config, BundleSink sink, FaultReporter faults,
      LongSupplier clockMillis) {
    this.config = Objects.requireNonNull(config, "config");
    this.ring = new EventRing(config.maxEvents(), config.maxBytes());
    this.faults = faults;
    this.clockMillis = clockMillis;
    this.storm = new StormControl(
        config.maxAutomaticBundlesPerMinute(), config.duplicateWindow().toMillis());
    this.environment = new EnvironmentCollector(config, faults::report);
    this.sink = sink != null ? sink : new BundleWriter(config)::write;
    try {
      BundleWriter.cleanStaleTemporaryFiles(config.bundleDirectory());
    } catch (Throwable t) {
      faults.report("bundle.cleanup", t);
    }
  }

  // ---- hot path ------------------------------------------------------------------------------

  @Override
  public boolean isEnabled() {
    return !closed.get();
  }

  @Override
  public RecorderConfig config() {
    return config;
  }

  @Override
  public long nextSequence() {
    return sequence.getAndIncrement();
  }

  @Override
  public String currentScopeId() {
    DefaultScope scope = currentScope.get();
    return scope == null ? null : scope.id();
  }

  @Override
  public void record(Event event) {
    try {
      if (closed.get()) {
        ring.countDropped();
        return;
      }
      ring.put(event);
    } catch (Throwable t) {
      faults.report("record", t);
    }
  }

  @Override
  public void internalFailure(String faultKind, Throwable fault) {
    faults.report(faultKind, fault);
  }

  @Override
  public void noteDatabase(DatabaseInfo database) {
    if (database != null) {
      databases.add(database);
    }
  }

  // ---- the application's API ---------------------------------------------------------------

  @Override
  public Scope scope(String name, Map<String, String> attributes) {
    String scopeName = name == null ? "scope" : name;
    Map<String, String> attrs;
    try {
      attrs = attributes == null ? Map.of() : Map.copyOf(attributes);
    } catch (RuntimeException nullKeyOrValue) {
      faults.report("scope.attributes", nullKeyOrValue);
      attrs = Map.of();
    }
    String id = Long.toString(scopeIds.incrementAndGet(), 36) + "-" + scopeName;
    long firstSeq = sequence.get();
    DefaultScope scope = new DefaultScope(this, id, scopeName, attrs, firstSeq);
    recordMark(id, "scope opened: " + scopeName, attrs);
    return scope;
  }

  Scope.Attachment attach(DefaultScope scope) {
    DefaultScope previous = currentScope.get();
    currentScope.set(scope);
    return () -> {
      if (previous == null) {
        currentScope.remove();
      } else {
        currentScope.set(previous);
      }
    };
  }

  void scopeClosed(DefaultScope scope) {
    recordMark(scope.id(), "scope closed: " + scope.name(), Map.of());
  }

  CaptureResult scopeFailed(DefaultScope scope, Throwable failure) {
    String reason = "failure in scope '" + scope.name() + "'";
    return automatic(TriggerKind.SCOPE_FAILURE, reason, failure, scope.id(), scope.firstSeq);
  }

  @Override
  public void mark(String name, Map<String, String> attributes) {
    try {
      recordMark(currentScopeId(), name, attributes == null ? Map.of() : attributes);
    } catch (Throwable t) {
      faults.report("mark", t);
    }
  }

  private void recordMark(String scopeId, String name, Map<String, String> attributes) {
    record(new MarkEvent(nextSequence(), clockMillis.getAsLong(), System.nanoTime(), 0,
        Thread.currentThread().getName(), scopeId, name, attributes));
  }

  @Override
  public void log(String level, String logger, String message, Throwable error) {
    try {
      record(new LogEvent(nextSequence(), clockMillis.getAsLong(), System.nanoTime(), 0,
          Thread.currentThread().getName(), currentScopeId(), level, logger, message,
          ErrorInfo.of(error)));
    } catch (Throwable t) {
      faults.report("log", t);
    }
  }

  @Override
  public CaptureResult capture(CaptureRequest request) {
    try {
      if (closed.get()) {
        return CaptureResult.of(Outcome.DISABLED, "the recorder is closed");
      }
      recordFailure(request.scopeId(), request.reason(), request.failure());
      Snapshot snapshot = snapshot(TriggerKind.EXPLICIT, request.reason(), request.ticket(),
          request.failure(), request.scopeId(), scopeStart(request.scopeId()), 0);
      return write(snapshot);
    } catch (Throwable t) {
      faults.report("capture", t);
      return CaptureResult.of(Outcome.FAILED, "capture failed: " + t);
    }
  }

  @Override
  public CaptureResult trigger(TriggerKind kind, String reason, Throwable failure) {
    DefaultScope scope = currentScope.get();
    return scope == null
        ? automatic(kind, reason, failure, null, 0)
        : automatic(kind, reason, failure, scope.id(), scope.firstSeq);
  }

  private CaptureResult automatic(TriggerKind kind, String reason, Throwable failure,
      String scopeId, long scopeFirstSeq) {
    try {
      if (closed.get() || !config.triggers(kind)) {
        return CaptureResult.of(Outcome.DISABLED, "trigger " + kind + " is switched off");
      }
      String why = reason == null || reason.isBlank() ? kind.toString() : reason;
      recordFailure(scopeId, why, failure);
      StormControl.Admission admission =
          storm.admit(fingerprint(kind, why, failure), clockMillis.getAsLong());
      if (!admission.admitted()) {
        bundlesSuppressed.increment();
        return CaptureResult.of(admission.outcome(), "storm control: " + admission.outcome());
      }
      Snapshot snapshot = snapshot(kind, why, null, failure, scopeId, scopeFirstSeq,
          admission.foldedDuplicates());
      if (kind == TriggerKind.UNCAUGHT_EXCEPTION) {
        return write(snapshot); // the thread is dying anyway; the JVM may exit before a queue runs
      }
      return enqueue(snapshot);
    } catch (Throwable t) {
      faults.report("trigger", t);
      return CaptureResult.of(Outcome.FAILED, "trigger failed: " + t);
    }
  }

  private void recordFailure(String scopeId, String reason, Throwable failure) {
    if (failure == null) {
      return;
    }
    record(new FailureEvent(nextSequence(), clockMillis.getAsLong(), System.nanoTime(), 0,
        Thread.currentThread().getName(), scopeId, reason, ErrorInfo.of(failure)));
  }

  private static String fingerprint(TriggerKind kind, String reason, Throwable failure) {
    if (failure == null) {
      return kind + "|" + reason;
    }
    StackTraceElement[] stack = failure.getStackTrace();
    return kind + "|" + failure.getClass().getName() + "|" + failure.getMessage() + "|"
        + (stack.length > 0 ? stack[0] : "");
  }

  private long scopeStart(String scopeId) {
    DefaultScope scope = currentScope.get();
    return scope != null && scope.id().equals(scopeId) ? scope.firstSeq : 0;
  }

  private Snapshot snapshot(TriggerKind kind, String reason, String ticket, Throwable failure,
      String scopeId, long scopeFirstSeq, long foldedDuplicates) {
    Predicate<Event> filter = scopeId == null
        ? e -> true
        : e -> scopeId.equals(e.scopeId()) || (e.scopeId() == null && e.seq() >= scopeFirstSeq);
    List<Event> events = ring.snapshot(filter);
    ErrorInfo error = ErrorInfo.of(failure);
    Trigger trigger = new Trigger(kind, reason, ticket, scopeId,
        error == null ? null : error.summary(), foldedDuplicates);
    return new Snapshot(UUID.randomUUID().toString(), Instant.ofEpochMilli(clockMillis.getAsLong()),
        trigger, config.application(), null, events, ring.evicted(), error);
  }

  /** Collects the environment and writes; on the caller's thread or the background thread. */
  private CaptureResult write(Snapshot snapshot) {
    try {
      Environment env = environment.collect(new ArrayList<>(databases));
      // the bundle's application is the detected one: configured fields, the rest detected
      AppInfo application = env.application() != null ? env.application() : snapshot.application();
      Snapshot complete = new Snapshot(snapshot.bundleId(), snapshot.createdAt(),
          snapshot.trigger(), application, env, snapshot.events(),
          snapshot.eventsEvicted(), snapshot.failure());
      Path path = sink.write(complete);
      bundlesWritten.increment();
      environment.storeFingerprint(); // this run now counts as "the previous run" for the next
      try {
        BundleRetention.enforce(path.getParent(), config.maxBundlesKept(),
            config.maxDirectoryBytes(), path);
      } catch (IOException | RuntimeException e) {
        faults.report("bundle.retention", e);
      }
      return CaptureResult.written(path);
    } catch (Throwable t) {
      bundlesFailed.increment();
      faults.report("bundle.write", t);
      return CaptureResult.of(Outcome.FAILED,
          "the bundle could not be written to " + config.bundleDirectory() + ": " + t);
    }
  }

  private CaptureResult enqueue(Snapshot snapshot) {
    try {
      backgroundWriter().execute(() -> write(snapshot));
      return CaptureResult.of(Outcome.QUEUED, "queued for the background writer");
    } catch (RejectedExecutionException busy) {
      bundlesSuppressed.increment();
      return CaptureResult.of(Outcome.SUPPRESSED_RATE_LIMIT,
          "the background writer is busy with " + BACKGROUND_QUEUE + " bundles");
    }
  }

  private ThreadPoolExecutor backgroundWriter() {
    synchronized (writerLock) {
      if (background == null) {
        background = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BACKGROUND_QUEUE), r -> {
              Thread t = new Thread(r, "reprokit-bundle-writer");
              t.setDaemon(true);
              return t;
            });
        background.allowCoreThreadTimeOut(true);
      }
      return background;
    }
  }

  @Override
  public void installUncaughtExceptionHandler() {
    try {
      Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
      Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
        automatic(TriggerKind.UNCAUGHT_EXCEPTION,
            "uncaught exception on thread " + thread.getName(), error, null, 0);
        if (previous != null) {
          previous.uncaughtException(thread, error);
        } else if (!(error instanceof ThreadDeath)) {
          System.err.print("Exception in thread \"" + thread.getName() + "\" ");
          error.printStackTrace(System.err);
        }
      });
    } catch (Throwable t) {
      faults.report("uncaught-handler", t);
    }
  }

  @Override
  public RecorderStats stats() {
    return new RecorderStats(ring.recorded(), ring.evicted(), ring.dropped(), faults.count(),
        bundlesWritten.sum(), bundlesSuppressed.sum(), bundlesFailed.sum(),
        ring.retainedEvents(), ring.retainedBytes());
  }

  /** Waits until queued bundles are written; for tests and orderly shutdown. */
  public boolean awaitBackgroundWrites(long timeout, TimeUnit unit) {
    ThreadPoolExecutor executor;
    synchronized (writerLock) {
      executor = background;
    }
    if (executor == null) {
      return true;
    }
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (executor.getActiveCount() > 0 || !executor.getQueue().isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ThreadPoolExecutor executor;
    synchronized (writerLock) {
      executor = background;
    }
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Every retained event in sequence order; for tests. */
  List<Event> retainedEvents() {
    return ring.snapshot(e -> true);
  }
}
