package dev.reprokit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.CaptureResult;
import dev.reprokit.CaptureResult.Outcome;
import dev.reprokit.RecorderConfig;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.internal.DefaultRecorder;
import dev.reprokit.internal.FaultReporter;
import dev.reprokit.testing.BundleSchemas;
import dev.reprokit.testing.CapturedLogs;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Types;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing a bundle never throws into the application: through the real recorder and the real
 * writer, each fault gives a FAILED result, leaves no file, logs one warning and is counted.
 */
class BundleWriterFaultsTest {
  @TempDir Path dir;

  @BeforeEach
  void clearLogs() {
    CapturedLogs.clear();
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private RecorderConfig config(Path bundles) {
    return RecorderConfig.builder().bundleDirectory(bundles).build();
  }

  private static DefaultRecorder recorder(RecorderConfig config, BundleWriter writer) {
    return new DefaultRecorder(config, writer::write, new FaultReporter(),
        System::currentTimeMillis);
  }

  private static List<Path> files(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(directory)) {
      // a run that wrote a bundle also keeps its environment fingerprint next to the bundles
      return s.filter(p -> !p.getFileName().toString().startsWith("reprokit-fingerprint-"))
          .toList();
    }
  }

  /** Two captures fail: both are counted, one warning is logged. */
  private void assertFailsQuietlyTwice(DefaultRecorder recorder, Path bundles) throws IOException {
    recorder.log("WARN", "app", "something went wrong", null);

    CaptureResult first = recorder.capture("first", new IllegalStateException("boom"));
    CaptureResult second = recorder.capture("second", new IllegalStateException("boom"));

    assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(second.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(first.path()).isNull();
    assertThat(first.message()).contains("could not be written");
    assertThat(files(bundles)).isEmpty(); // neither a bundle nor a temporary file
    assertThat(CapturedLogs.warningsContaining("'bundle.write'")).hasSize(1);
    assertThat(recorder.stats().bundlesFailed()).isEqualTo(2);
    assertThat(recorder.stats().internalFailures()).isEqualTo(2);
    assertThat(recorder.stats().bundlesWritten()).isZero();
  }

  @Test
  void unwritableDirectoryGivesFailedResultAndOneWarning() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
    Path bundles = notADirectory.resolve("bundles");
    RecorderConfig config = config(bundles);
    try (DefaultRecorder recorder = recorder(config, new BundleWriter(config))) {
      assertFailsQuietlyTwice(recorder, bundles);
    }
  }

  @Test
  void diskFullMidWriteLeavesNoFileAndGivesFailedResult() throws IOException {
    RecorderConfig config = config(dir);
    BundleWriter fillsUp = new BundleWriter(config, temp -> {
      OutputStream real = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
      return new FilterOutputStream(real) {
        private long written;

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (written + len > 2048) {
            throw new IOException("No space left on device");
          }
          written += len;
          real.write(b, off, len);
        }
      };
    });
    try (DefaultRecorder recorder = recorder(config, fillsUp)) {
      assertFailsQuietlyTwice(recorder, dir);
    }
  }

  @Test
  void valueWhoseSerializationThrowsGivesFailedResult() throws IOException {
    RecorderConfig config = config(dir);
    Object hostile = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("toString exploded");
      }
    };
    try (DefaultRecorder recorder = recorder(config, new BundleWriter(config))) {
      recorder.record(new JdbcStatementEvent(recorder.nextSequence(), 0, 0, 0, "t", null, "c",
          "s", "prepared", "executeUpdate", "update t set a = ?",
          List.of(new BindValue(1, null, "setObject", Types.OTHER, hostile)), null, 1, null,
          null, null, null, null));
      assertFailsQuietlyTwice(recorder, dir);
    }
  }

  @Test
  void interruptedThreadGivesFailedResultAndKeepsItsInterruptStatus() throws IOException {
    RecorderConfig config = config(dir);
    try (DefaultRecorder recorder = recorder(config, new BundleWriter(config))) {
      Thread.currentThread().interrupt();
      assertFailsQuietlyTwice(recorder, dir);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
  }

  @Test
  void afterAFaultTheNextBundleIsWritten() throws IOException {
    RecorderConfig config = config(dir);
    boolean[] full = {true};
    BundleWriter sometimesFull = new BundleWriter(config, temp -> {
      if (full[0]) {
        throw new IOException("No space left on device");
      }
      return Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
    });
    try (DefaultRecorder recorder = recorder(config, sometimesFull)) {
      assertThat(recorder.capture("disk full").outcome()).isEqualTo(Outcome.FAILED);
      full[0] = false;

      CaptureResult written = recorder.capture("disk has room again");

      assertThat(written.outcome()).isEqualTo(Outcome.WRITTEN);
      assertThat(files(dir)).containsExactly(written.path());
      BundleSchemas.assertValid(written.path());
      assertThat(recorder.stats().bundlesWritten()).isEqualTo(1);
      assertThat(recorder.stats().bundlesFailed()).isEqualTo(1);
    }
  }

  @Test
  void recorderWithTheRealWriterWritesAReadableBundle() throws IOException {
    RecorderConfig config = config(dir);
    try (DefaultRecorder recorder = new DefaultRecorder(config)) {
      recorder.mark("checkout", java.util.Map.of("order", "A-1"));
      CaptureResult result = recorder.capture("support asked for it");

      assertThat(result.outcome()).isEqualTo(Outcome.WRITTEN);
      BundleSchemas.assertValid(result.path());
      Bundle bundle = BundleReader.create().read(result.path());
      assertThat(bundle.events()).hasSize(1);
      assertThat(bundle.manifest().trigger().reason()).isEqualTo("support asked for it");
    }
  }

  @Test
  void recorderRemovesStaleTemporaryFilesWhenCreated() throws IOException {
    Path stale = Files.writeString(dir.resolve(".reprokit-999999999-x.tmp"), "partial");
    try (DefaultRecorder recorder = new DefaultRecorder(config(dir))) {
      assertThat(stale).doesNotExist();
      assertThat(recorder.stats().internalFailures()).isZero();
    }
  }
}
