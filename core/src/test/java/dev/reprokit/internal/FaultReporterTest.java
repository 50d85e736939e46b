package dev.reprokit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reprokit.testing.CapturedLogs;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultReporterTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final FaultReporter faults = new FaultReporter(now::get);

  @BeforeEach
  void clearLogs() {
    CapturedLogs.clear();
  }

  @Test
  void eachFaultKindIsLoggedOncePerMinuteAndAlwaysCounted() {
    for (int i = 0; i < 100; i++) {
      faults.report("disk", new java.io.IOException("No space left on device"));
      faults.report("serializer", new IllegalStateException("boom"));
    }
    assertThat(faults.count()).isEqualTo(200);
    assertThat(CapturedLogs.warningsContaining("'disk'")).hasSize(1);
    assertThat(CapturedLogs.warningsContaining("'serializer'")).hasSize(1);

    now.addAndGet(59_999);
    faults.report("disk", new java.io.IOException("still full"));
    assertThat(CapturedLogs.warningsContaining("'disk'")).hasSize(1);

    now.addAndGet(1);
    faults.report("disk", new java.io.IOException("still full"));
    assertThat(CapturedLogs.warningsContaining("'disk'")).hasSize(2);
  }

  @Test
  void theWarningCarriesTheFault() {
    IllegalStateException fault = new IllegalStateException("boom");
    faults.report("kind", fault);
    assertThat(CapturedLogs.warningsContaining("'kind'").get(0).error()).isSameAs(fault);
  }

  @Test
  void outOfMemoryErrorIsRethrown() {
    OutOfMemoryError oom = new OutOfMemoryError("test");
    assertThatThrownBy(() -> faults.report("kind", oom)).isSameAs(oom);
  }

  @Test
  void otherErrorsAreSwallowed() {
    faults.report("kind", new StackOverflowError());
    faults.report("kind", new LinkageError("bad class"));
    assertThat(faults.count()).isEqualTo(2);
  }
}
