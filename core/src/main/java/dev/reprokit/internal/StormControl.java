package dev.reprokit.internal;

import dev.reprokit.CaptureResult.Outcome;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Decides whether an automatic trigger may write a bundle: at most N bundles per rolling
 * minute, and an identical failure (same fingerprint) within the duplicate window is written
 * once and counted. Triggers are rare next to events, so a monitor is fine here.
 */
final class StormControl {
  private static final long MINUTE_MILLIS = 60_000;
  private static final int MAX_FINGERPRINTS = 1024;

  private final int maxPerMinute;
  private final long duplicateWindowMillis;
  private final ArrayDeque<Long> recentWrites = new ArrayDeque<>();
  private final Map<String, Seen> seen = new HashMap<>();

  private static final class Seen {
    long lastWrittenMillis;
    long suppressed;
  }

  /** The verdict; {@code foldedDuplicates} are the identical failures suppressed before this one. */
  record Admission(Outcome outcome, long foldedDuplicates) {
    boolean admitted() {
      return outcome == null;
    }
  }

  StormControl(int maxPerMinute, long duplicateWindowMillis) {
    this.maxPerMinute = maxPerMinute;
    this.duplicateWindowMillis = duplicateWindowMillis;
  }

  synchronized Admission admit(String fingerprint, long nowMillis) {
    Seen s = seen.get(fingerprint);
    if (s != null && nowMillis - s.lastWrittenMillis < duplicateWindowMillis) {
      s.suppressed++;
      return new Admission(Outcome.SUPPRESSED_DUPLICATE, 0);
    }
    while (!recentWrites.isEmpty() && nowMillis - recentWrites.peekFirst() >= MINUTE_MILLIS) {
      recentWrites.pollFirst();
    }
    if (recentWrites.size() >= maxPerMinute) {
      return new Admission(Outcome.SUPPRESSED_RATE_LIMIT, 0);
    }
    recentWrites.addLast(nowMillis);
    if (s == null) {
      if (seen.size() >= MAX_FINGERPRINTS) {
        forgetExpired(nowMillis);
      }
      s = new Seen();
      seen.put(fingerprint, s);
    }
    long folded = s.suppressed;
    s.suppressed = 0;
    s.lastWrittenMillis = nowMillis;
    return new Admission(null, folded);
  }

  private void forgetExpired(long nowMillis) {
    for (Iterator<Seen> it = seen.values().iterator(); it.hasNext(); ) {
      if (nowMillis - it.next().lastWrittenMillis >= duplicateWindowMillis) {
        it.remove();
      }
    }
    if (seen.size() >= MAX_FINGERPRINTS) {
      seen.clear(); // a storm of distinct failures: forget rather than grow without bound
    }
  }
}
