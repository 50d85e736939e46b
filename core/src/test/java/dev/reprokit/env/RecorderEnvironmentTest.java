package dev.reprokit.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.CaptureResult;
import dev.reprokit.RecorderConfig;
import dev.reprokit.bundle.Snapshot;
import dev.reprokit.env.EnvironmentChanges.Status;
import dev.reprokit.internal.DefaultRecorder;
import dev.reprokit.internal.FaultReporter;
import dev.reprokit.internal.env.ChangeTracker;
import dev.reprokit.testing.CapturedLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment as the recorder puts it into a bundle's snapshot. */
class RecorderEnvironmentTest {

  @TempDir Path dir;

  private final List<Snapshot> written = new ArrayList<>();

  @BeforeEach
  void clearLogs() {
    CapturedLogs.clear();
  }

  private DefaultRecorder recorder(RecorderConfig config) {
    return new DefaultRecorder(config, snapshot -> {
      written.add(snapshot);
      return Files.writeString(dir.resolve(snapshot.bundleId() + ".repro.zip"), "stand-in");
    }, new FaultReporter(), System::currentTimeMillis);
  }

  @Test
  void bundleApplicationIsTheDetectedOneWithConfiguredFieldsWinning() {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    DefaultRecorder recorder;
    thread.setContextClassLoader(Fixtures.gitFixtureLoader());
    try {
      recorder = recorder(RecorderConfig.builder().bundleDirectory(dir)
          .application("shop", null).build());
    } finally {
      thread.setContextClassLoader(original);
    }

    try (recorder) {
      CaptureResult result = recorder.capture("support asked for a bundle");
      assertThat(result.path()).isNotNull();
    }

    Snapshot snapshot = written.get(0);
    assertThat(snapshot.application().name()).isEqualTo("shop");
    assertThat(snapshot.application().version()).isEqualTo("3.7.1");
    assertThat(snapshot.application().commit())
        .isEqualTo("9f4c2a17e0b5d3c8a6f1e2d4b7c9a0e3f5d8b1c6");
    assertThat(snapshot.environment().application()).isEqualTo(snapshot.application());
    assertThat(snapshot.environment().runtime().javaVersion())
        .isEqualTo(Runtime.version().toString());
    assertThat(snapshot.environment().changes().status()).isEqualTo(Status.FIRST_RUN);
  }

  @Test
  void databasesNotedByCaptureModulesAppearInTheEnvironment() {
    DatabaseInfo db = new DatabaseInfo("H2", "2.5.252", "H2 JDBC Driver", "2.5.252",
        "jdbc:h2:mem:orders");
    try (DefaultRecorder recorder = recorder(RecorderConfig.builder().bundleDirectory(dir)
        .application("orders", "1.0").configuration(Map.of("region", "eu")).build())) {
      recorder.noteDatabase(db);
      recorder.capture("check");
    }

    assertThat(written.get(0).environment().databases()).containsExactly(db);
    assertThat(written.get(0).environment().configuration()).containsEntry("region", "eu");
  }

  @Test
  void corruptFingerprintIsCountedLoggedOnceAndTheBundleIsStillWritten() throws Exception {
    Files.writeString(dir.resolve("reprokit-fingerprint-orders.json"), "\u0000\u0001garbage");
    try (DefaultRecorder recorder = recorder(RecorderConfig.builder().bundleDirectory(dir)
        .application("orders", "1.0").build())) {

      CaptureResult first = recorder.capture("first");
      CaptureResult second = recorder.capture("second");

      assertThat(first.path()).isNotNull();
      assertThat(second.path()).isNotNull();
      assertThat(recorder.stats().internalFailures()).isEqualTo(1);
    }
    assertThat(written).hasSize(2)
        .allSatisfy(s -> assertThat(s.environment().changes().status()).isEqualTo(Status.UNKNOWN));
    assertThat(CapturedLogs.warningsContaining(ChangeTracker.FAULT_KIND)).hasSize(1);
    assertThat(CapturedLogs.warnings()).hasSize(1);
  }

  @Test
  void runWhoseBundlesFailLeavesNoFingerprintUntilOneIsWritten() {
    boolean[] fail = {true};
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir)
        .application("orders", "1.0").build();
    try (DefaultRecorder recorder = new DefaultRecorder(config, snapshot -> {
      if (fail[0]) {
        throw new java.io.IOException("No space left on device");
      }
      written.add(snapshot);
      return Files.writeString(dir.resolve(snapshot.bundleId() + ".repro.zip"), "stand-in");
    }, new FaultReporter(), System::currentTimeMillis)) {

      recorder.capture("fails");
      assertThat(dir.resolve("reprokit-fingerprint-orders.json")).doesNotExist();

      fail[0] = false;
      recorder.capture("works");
      assertThat(dir.resolve("reprokit-fingerprint-orders.json")).isRegularFile();
      assertThat(recorder.stats().internalFailures()).isEqualTo(1); // the failed write only
    }
  }

  @Test
  void secondRunOfTheSameApplicationSeesTheConfigurationChange() {
    try (DefaultRecorder run1 = recorder(RecorderConfig.builder().bundleDirectory(dir)
        .application("orders", "1.0").configuration(Map.of("timeout", "5s")).build())) {
      run1.capture("run 1");
    }
    try (DefaultRecorder run2 = recorder(RecorderConfig.builder().bundleDirectory(dir)
        .application("orders", "1.1").configuration(Map.of("timeout", "30s")).build())) {
      run2.capture("run 2");
    }

    EnvironmentChanges changes = written.get(1).environment().changes();
    assertThat(changes.status()).isEqualTo(Status.COMPARED);
    assertThat(changes.changes()).extracting(EnvironmentChanges.Change::describe)
        .hasSize(2)
        .first().isEqualTo("application version: 1.0 -> 1.1");
    assertThat(changes.changes().get(1).name()).isEqualTo("timeout");
    assertThat(changes.toString()).doesNotContain("30s", "5s");
  }
}
