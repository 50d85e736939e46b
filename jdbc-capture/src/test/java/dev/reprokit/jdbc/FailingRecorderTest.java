package dev.reprokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.CaptureRequest;
import dev.reprokit.CaptureResult;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.RecorderStats;
import dev.reprokit.Scope;
import dev.reprokit.TriggerKind;
import dev.reprokit.env.DatabaseInfo;
import dev.reprokit.event.Event;
import dev.reprokit.internal.FaultReporter;
import dev.reprokit.testing.CapturedLogs;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailingRecorderTest {

  /** A recorder broken in every method; {@code reportsFaults} lets internalFailure work. */
  static final class BrokenRecorder implements Recorder {
    private final FaultReporter faults;

    BrokenRecorder(FaultReporter faults) {
      this.faults = faults;
    }

    private static RuntimeException broken() {
      return new IllegalStateException("the recorder is broken");
    }

    @Override public boolean isEnabled() { throw broken(); }
    @Override public RecorderConfig config() { throw broken(); }
    @Override public long nextSequence() { throw broken(); }
    @Override public String currentScopeId() { throw broken(); }
    @Override public void record(Event event) { throw broken(); }

    @Override
    public void internalFailure(String faultKind, Throwable fault) {
      if (faults == null) {
        throw broken();
      }
      faults.report(faultKind, fault);
    }

    @Override public void noteDatabase(DatabaseInfo database) { throw broken(); }
    @Override public Scope scope(String name, Map<String, String> attributes) { throw broken(); }
    @Override public void mark(String name, Map<String, String> attributes) { throw broken(); }
    @Override public void log(String level, String logger, String message, Throwable error) { throw broken(); }
    @Override public CaptureResult capture(CaptureRequest request) { throw broken(); }
    @Override public CaptureResult trigger(TriggerKind kind, String reason, Throwable failure) { throw broken(); }
    @Override public void installUncaughtExceptionHandler() { throw broken(); }
    @Override public RecorderStats stats() { throw broken(); }
    @Override public void close() { throw broken(); }
  }

  /** Warnings ReproKit logged (not the drivers' own logging). */
  private static List<CapturedLogs.Line> reproKitWarnings() {
    return CapturedLogs.warnings().stream().filter(l -> l.logger().startsWith("dev.reprokit"))
        .toList();
  }

  private static List<String> raw() throws SQLException {
    return Workload.run(Databases.H2.dataSource(Databases.H2.url()), "orders");
  }

  @Test
  void aRecorderThatThrowsEverywhereChangesNoOutcomeAndLogsOneWarning() throws SQLException {
    List<String> expected = raw();
    CapturedLogs.clear();
    List<String> actual = Workload.run(ReproJdbc.wrap(
        Databases.H2.dataSource(Databases.H2.url()), new BrokenRecorder(null)), "orders");
    assertThat(actual).isEqualTo(expected);
    assertThat(expected).anyMatch(s -> s.startsWith("error: ") && s.contains("42S22"))
        .contains("create: 0", "insert: 4", "update: 2", "savepoint: ok");
    assertThat(reproKitWarnings()).hasSize(1);
    assertThat(reproKitWarnings().get(0).message()).contains("jdbc-capture");
  }

  @Test
  void aRecorderThatFailsToRecordChangesNoOutcomeAndItsFaultIsLoggedOnce() throws SQLException {
    List<String> expected = raw();
    CapturedLogs.clear();
    FaultReporter faults = new FaultReporter();
    List<String> actual = Workload.run(ReproJdbc.wrap(
        Databases.H2.dataSource(Databases.H2.url()), new BrokenRecorder(faults)), "orders");
    assertThat(actual).isEqualTo(expected);
    assertThat(faults.count()).isGreaterThan(10);
    assertThat(reproKitWarnings()).hasSize(1);
  }
}
