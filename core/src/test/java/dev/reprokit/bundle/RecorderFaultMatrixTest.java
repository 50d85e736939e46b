package dev.reprokit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.reprokit.CaptureResult;
import dev.reprokit.Scope;
import dev.reprokit.TriggerKind;
import dev.reprokit.bundle.FaultInjection.Fault;
import dev.reprokit.testing.CapturedLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The recorder's own API (what the application calls: capture, trigger, scopes, marks, logs)
 * under every fault that can happen inside it: nothing is thrown, the fault is counted and
 * each kind is logged at most once however often it happens.
 */
class RecorderFaultMatrixTest {
  @TempDir Path dir;

  @BeforeEach
  void clearLogs() {
    CapturedLogs.clear();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Fault.class, names = {"SERIALIZER_THROWS", "CLOCK_MISBEHAVES",
      "DIRECTORY_UNWRITABLE", "DIRECTORY_VANISHES", "DISK_FULL", "WRITER_INTERRUPTED"})
  void applicationCallsNeverThrowAndFaultsAreCountedAndLoggedOncePerKind(Fault fault)
      throws IOException {
    try (FaultInjection recorder = FaultInjection.create(fault, dir)) {
      for (int i = 0; i < 5; i++) {
        assertThatCode(() -> {
          try (Scope scope = recorder.scope("order-" + 1, Map.of("i", "1"))) {
            recorder.mark("step", Map.of("n", "1"));
            recorder.log("WARN", "app", "stock low", new IllegalStateException("low"));
            CaptureResult explicit = recorder.capture("explicit " + fault,
                new IllegalStateException("explicit"));
            assertThat(explicit).isNotNull();
            recorder.trigger(TriggerKind.SQL_ERROR, "automatic", new RuntimeException("auto"));
            scope.fail(new IllegalStateException("scope failed"));
          }
        }).doesNotThrowAnyException();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
      }
      assertThat(recorder.awaitWrites()).isTrue();

      Map<String, Long> warnings = FaultInjection.warningsPerKind();
      System.out.printf("%-22s stats=%s warnings=%s%n", fault, recorder.stats(), warnings);
      assertThat(warnings.values()).as("at most one warning per kind").allMatch(n -> n <= 1);
      if (fault == Fault.CLOCK_MISBEHAVES) {
        assertThat(recorder.stats().bundlesWritten()).as("a bad clock does not stop bundles")
            .isPositive();
        try (Stream<Path> bundles = Files.list(dir.resolve("bundles"))) {
          bundles.filter(b -> b.toString().endsWith(BundleWriter.SUFFIX))
              .forEach(b -> assertThat(BundleReader.create().read(b).events()).isNotEmpty());
        }
      } else {
        assertThat(recorder.stats().bundlesWritten()).isZero();
        assertThat(recorder.stats().bundlesFailed()).isGreaterThanOrEqualTo(5);
        assertThat(recorder.stats().internalFailures()).isGreaterThanOrEqualTo(5);
        assertThat(warnings).containsEntry("bundle.write", 1L);
      }
    }
  }
}
