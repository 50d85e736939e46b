package dev.reprokit.benchmarks;

import com.p6spy.engine.logging.Category;
import com.p6spy.engine.spy.appender.FormattedLogger;

/**
 * A p6spy appender that formats every line exactly as p6spy's file and stdout appenders do
 * ({@link FormattedLogger} with the configured {@code logMessageFormat}, by default
 * {@code SingleLineFormat}) and then discards it instead of writing it to disk.
 *
 * <p>It reports every category as enabled, so p6spy does all the work it does in
 * production: a logger that said "disabled" would skip the formatting and flatter p6spy.
 * The last line is kept in a static field so the JIT cannot drop the formatting as dead
 * code, and lines are counted so a test can prove that p6spy really logged.
 */
public final class DiscardingP6Logger extends FormattedLogger {
  /** The last formatted line; read by tests. */
  static String lastLine;
  /** Lines formatted since start; read by tests (not thread-safe, approximate under races). */
  static long lines;

  public DiscardingP6Logger() {}

  @Override
  public void logText(String text) {
    lastLine = text;
    lines++;
  }

  @Override
  public void logException(Exception e) {
    lastLine = String.valueOf(e);
    lines++;
  }

  @Override
  public boolean isCategoryEnabled(Category category) {
    return true;
  }
}
