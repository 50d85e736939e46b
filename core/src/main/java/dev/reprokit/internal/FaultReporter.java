package dev.reprokit.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts faults inside ReproKit and logs each kind of fault at most once per minute, so that
 * a broken disk or a bug cannot flood the host application's log.
 */
public final class FaultReporter {
  private static final Logger LOG = LoggerFactory.getLogger("dev.reprokit");
  private static final long LOG_INTERVAL_MILLIS = 60_000;

  private final LongAdder failures = new LongAdder();
  private final ConcurrentMap<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();
  private final LongSupplier clockMillis;

  public FaultReporter() {
    this(System::currentTimeMillis);
  }

  FaultReporter(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  /**
   * Counts the fault and logs it if this kind was not logged in the last minute. Never
   * throws, except that it rethrows an {@link OutOfMemoryError}: the JVM is failing.
   */
  public void report(String faultKind, Throwable fault) {
    if (fault instanceof OutOfMemoryError oom) {
      throw oom;
    }
    failures.increment();
    try {
      long now = clockMillis.getAsLong();
      AtomicLong last = lastLogged.computeIfAbsent(faultKind, k -> new AtomicLong(Long.MIN_VALUE));
      long previous = last.get();
      if ((previous == Long.MIN_VALUE || now - previous >= LOG_INTERVAL_MILLIS)
          && last.compareAndSet(previous, now)) {
        LOG.warn("ReproKit fault '{}' was swallowed; the application is not affected."
            + " Further faults of this kind are counted in Recorder.stats() and logged at most"
            + " once a minute.", faultKind, fault);
      }
    } catch (Throwable ignored) { // logging itself failed: counted above, nothing else to do
      if (ignored instanceof OutOfMemoryError oom) {
        throw oom;
      }
    }
  }

  public long count() {
    return failures.sum();
  }
}
