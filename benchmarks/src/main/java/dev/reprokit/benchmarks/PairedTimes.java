package dev.reprokit.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The counters of a paired benchmark: each variant's summed time in one iteration, and the
 * pairs it ran. JMH reports them per iteration ({@code @AuxCounters}), and {@link Compare}
 * judges the per-iteration difference and ratio by these names.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class PairedTimes {
  public long rawNanos;
  public long reprokitNanos;
  public long pairs;

  @Setup(Level.Iteration)
  public void reset() {
    rawNanos = 0;
    reprokitNanos = 0;
    pairs = 0;
  }

  /** Whether raw goes first in this pair: alternately, so that neither always follows the other. */
  boolean rawFirst() {
    return (pairs & 1) == 0;
  }

  /** Adds one pair: {@code t0} before the first call, {@code t1} between, {@code t2} after. */
  void add(boolean rawFirst, long t0, long t1, long t2) {
    rawNanos += rawFirst ? t1 - t0 : t2 - t1;
    reprokitNanos += rawFirst ? t2 - t1 : t1 - t0;
    pairs++;
  }
}
