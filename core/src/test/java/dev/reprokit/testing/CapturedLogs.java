package dev.reprokit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.event.Level;

/**
 * Every log line written through SLF4J in the test JVM, captured by
 * {@link CapturingServiceProvider} (registered in the core test-jar). Lets tests assert that
 * a fault was logged exactly once.
 */
public final class CapturedLogs {
  /** One captured line. */
  public record Line(Level level, String logger, String message, Throwable error) {}

  private static final List<Line> LINES = new CopyOnWriteArrayList<>();

  private CapturedLogs() {}

  static void add(Line line) {
    LINES.add(line);
  }

  /** Forgets what was captured so far. */
  public static void clear() {
    LINES.clear();
  }

  /** All captured lines. */
  public static List<Line> all() {
    return new ArrayList<>(LINES);
  }

  /** Captured WARN lines. */
  public static List<Line> warnings() {
    return LINES.stream().filter(l -> l.level() == Level.WARN).toList();
  }

  /** Captured WARN lines that mention {@code text}. */
  public static List<Line> warningsContaining(String text) {
    return warnings().stream().filter(l -> l.message().contains(text)).toList();
  }
}
