package dev.reprokit.http;

import dev.reprokit.testing.CapturedLogs;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Forgets the log lines captured by core's test logging after each test. That logging reports
 * DEBUG as enabled for every logger, so HttpClient writes its wire log (every byte) into
 * {@link CapturedLogs}; kept for a whole test run, the lines slow every later test down and fill
 * the heap. Registered for every test of this module through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}.
 */
public final class ForgetLogsExtension implements AfterEachCallback {
  @Override
  public void afterEach(ExtensionContext context) {
    CapturedLogs.clear();
  }
}
