package dev.reprokit.event;

/**
 * Wall-clock time for events, from the {@link System#nanoTime()} reading a capture module
 * takes anyway to time a call, so recording an event costs no second clock read.
 *
 * <p>Clock reads are not free: on a virtual machine each {@code System.currentTimeMillis()}
 * or {@code nanoTime()} costs tens of nanoseconds, as much as the rest of recording a JDBC
 * statement. This class keeps one anchor (a {@code nanoTime} reading and the wall clock at
 * that moment) and derives wall time from it; the anchor is taken again when it is more than
 * a second old, so a wall-clock step (NTP, a manual change) shows within a second and the
 * wall times of events taken within a second of each other keep their order.
 *
 * <pre>{@code
 * long t0 = System.nanoTime();
 * ... the call ...
 * long wallTimeMillis = EventClock.wallTimeMillis(t0);
 * }</pre>
 *
 * <p>Thread-safe and lock-free.
 */
public final class EventClock {
  private static final long REANCHOR_AFTER_NANOS = 1_000_000_000L;

  private record Anchor(long nanoTime, long wallTimeMillis) {
    static Anchor now() {
      return new Anchor(System.nanoTime(), System.currentTimeMillis());
    }
  }

  private static volatile Anchor anchor = Anchor.now();

  private EventClock() {}

  /**
   * The wall-clock time, in milliseconds since the epoch, at which {@code System.nanoTime()}
   * read {@code nanoTime} (in this JVM).
   */
  public static long wallTimeMillis(long nanoTime) {
    Anchor a = anchor;
    if (nanoTime - a.nanoTime > REANCHOR_AFTER_NANOS) {
      a = Anchor.now();
      anchor = a; // racing threads each store a fresh anchor: any of them is right
    }
    return a.wallTimeMillis + Math.floorDiv(nanoTime - a.nanoTime, 1_000_000L);
  }
}
