package dev.reprokit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.CaptureResult;
import dev.reprokit.CaptureResult.Outcome;
import dev.reprokit.RecorderConfig;
import dev.reprokit.TriggerKind;
import dev.reprokit.bundle.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StormControlTest {
  private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
  private final List<Snapshot> written = new CopyOnWriteArrayList<>();
  @TempDir Path directory;

  private DefaultRecorder recorder(RecorderConfig config) {
    return new DefaultRecorder(config, snapshot -> {
      written.add(snapshot);
      return directory.resolve(snapshot.bundleId() + ".repro.zip");
    }, new FaultReporter(), now::get);
  }

  @Test
  void aThousandDistinctFailuresInOneSecondWriteNoMoreBundlesThanConfigured() {
    DefaultRecorder recorder = recorder(RecorderConfig.builder().maxAutomaticBundlesPerMinute(3).build());
    int queuedOrWritten = 0;
    for (int i = 0; i < 1000; i++) {
      now.incrementAndGet(); // 1,000 failures within one second
      CaptureResult r = recorder.trigger(TriggerKind.SQL_ERROR, "failure " + i,
          new IllegalStateException("distinct failure " + i));
      if (r.outcome() == Outcome.QUEUED || r.outcome() == Outcome.WRITTEN) {
        queuedOrWritten++;
      }
    }
    assertThat(recorder.awaitBackgroundWrites(30, TimeUnit.SECONDS)).isTrue();
    assertThat(queuedOrWritten).isEqualTo(3);
    assertThat(written).hasSize(3);
    assertThat(recorder.stats().bundlesWritten()).isEqualTo(3);
    assertThat(recorder.stats().bundlesSuppressed()).isEqualTo(997);
  }

  @Test
  void theRateLimitRollsOverAfterAMinute() {
    DefaultRecorder recorder = recorder(RecorderConfig.builder().maxAutomaticBundlesPerMinute(1).build());
    assertThat(recorder.trigger(TriggerKind.SQL_ERROR, "a", new IllegalStateException("a")).outcome())
        .isEqualTo(Outcome.QUEUED);
    assertThat(recorder.trigger(TriggerKind.SQL_ERROR, "b", new IllegalStateException("b")).outcome())
        .isEqualTo(Outcome.SUPPRESSED_RATE_LIMIT);
    now.addAndGet(60_000);
    assertThat(recorder.trigger(TriggerKind.SQL_ERROR, "c", new IllegalStateException("c")).outcome())
        .isEqualTo(Outcome.QUEUED);
    recorder.close();
    assertThat(written).hasSize(2);
  }

  @Test
  void identicalFailuresWithinTheWindowAreWrittenOnceAndCounted() {
    DefaultRecorder recorder = recorder(RecorderConfig.builder()
        .maxAutomaticBundlesPerMinute(100).duplicateWindow(Duration.ofMinutes(10)).build());
    IllegalStateException same = new IllegalStateException("connection refused");
    assertThat(recorder.trigger(TriggerKind.HTTP_IO_ERROR, "io", same).outcome()).isEqualTo(Outcome.QUEUED);
    for (int i = 0; i < 50; i++) {
      assertThat(recorder.trigger(TriggerKind.HTTP_IO_ERROR, "io", same).outcome())
          .isEqualTo(Outcome.SUPPRESSED_DUPLICATE);
    }
    now.addAndGet(Duration.ofMinutes(10).toMillis());
    assertThat(recorder.trigger(TriggerKind.HTTP_IO_ERROR, "io", same).outcome()).isEqualTo(Outcome.QUEUED);
    recorder.close();

    assertThat(written).hasSize(2);
    assertThat(written.get(0).trigger().suppressedDuplicates()).isZero();
    assertThat(written.get(1).trigger().suppressedDuplicates())
        .as("the second bundle says how many identical failures were folded into it")
        .isEqualTo(50);
  }

  @Test
  void explicitCapturesAreNeverRateLimited() {
    DefaultRecorder recorder = recorder(RecorderConfig.builder().maxAutomaticBundlesPerMinute(0).build());
    for (int i = 0; i < 10; i++) {
      assertThat(recorder.capture("support asked for it").written()).isTrue();
    }
    assertThat(written).hasSize(10);
  }

  @Test
  void aSwitchedOffTriggerWritesNothing() {
    DefaultRecorder recorder = recorder(RecorderConfig.builder().trigger(TriggerKind.SQL_ERROR, false).build());
    assertThat(recorder.trigger(TriggerKind.SQL_ERROR, "x", new IllegalStateException()).outcome())
        .isEqualTo(Outcome.DISABLED);
    assertThat(recorder.trigger(TriggerKind.UNCAUGHT_EXCEPTION, "x", new IllegalStateException()).outcome())
        .as("the uncaught-exception trigger is opt-in").isEqualTo(Outcome.DISABLED);
    recorder.close();
    assertThat(written).isEmpty();
  }
}
