package dev.reprokit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.event.MarkEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoOpRecorderTest {
  @Test
  void recordsNothingAndNeverWrites() {
    Recorder r = Recorder.noop();
    assertThat(r.isEnabled()).isFalse();
    r.record(new MarkEvent(r.nextSequence(), 0, 0, 0, "t", null, "m", Map.of()));
    try (Scope scope = r.scope("s")) {
      assertThat(scope.fail(new IllegalStateException()).outcome())
          .isEqualTo(CaptureResult.Outcome.DISABLED);
    }
    assertThat(r.capture("x").outcome()).isEqualTo(CaptureResult.Outcome.DISABLED);
    assertThat(r.trigger(TriggerKind.SQL_ERROR, "x", null).outcome())
        .isEqualTo(CaptureResult.Outcome.DISABLED);
    assertThat(r.stats()).isEqualTo(RecorderStats.ZERO);
  }
}
