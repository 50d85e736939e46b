package dev.reprokit.jdbc;

import dev.reprokit.RecorderConfig;
import dev.reprokit.bundle.Snapshot;
import dev.reprokit.event.Event;
import dev.reprokit.event.JdbcConnectionEvent;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.JdbcTransactionEvent;
import dev.reprokit.internal.DefaultRecorder;
import dev.reprokit.internal.FaultReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The real recorder with a sink that keeps snapshots in memory instead of writing bundles. */
final class TestRecorder {
  final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
  final DefaultRecorder recorder;

  TestRecorder() {
    this(RecorderConfig.DEFAULT);
  }

  TestRecorder(RecorderConfig config) {
    Path dir;
    try {
      dir = Files.createTempDirectory("reprokit-jdbc-test");
      dir.toFile().deleteOnExit(); // stays empty: snapshots are kept in memory
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Path bundle = dir.resolve("kept-in-memory.repro.zip");
    recorder = new DefaultRecorder(config, s -> {
      snapshots.add(s);
      return bundle;
    }, new FaultReporter(), System::currentTimeMillis);
  }

  /** Every event recorded so far, through an explicit capture. */
  Snapshot snapshot() {
    awaitTriggers(); // bundles of automatic triggers land in the same list
    recorder.capture("test");
    for (int i = snapshots.size() - 1; i >= 0; i--) {
      if (snapshots.get(i).trigger().kind() == dev.reprokit.TriggerKind.EXPLICIT) {
        return snapshots.get(i);
      }
    }
    throw new AssertionError("the explicit capture wrote no snapshot");
  }

  List<Event> events() {
    return snapshot().events();
  }

  List<JdbcStatementEvent> statements() {
    return events().stream().filter(e -> e instanceof JdbcStatementEvent)
        .map(e -> (JdbcStatementEvent) e).toList();
  }

  List<JdbcResultSetEvent> resultSets() {
    return events().stream().filter(e -> e instanceof JdbcResultSetEvent)
        .map(e -> (JdbcResultSetEvent) e).toList();
  }

  List<JdbcTransactionEvent> transactions() {
    return events().stream().filter(e -> e instanceof JdbcTransactionEvent)
        .map(e -> (JdbcTransactionEvent) e).toList();
  }

  List<JdbcConnectionEvent> connections() {
    return events().stream().filter(e -> e instanceof JdbcConnectionEvent)
        .map(e -> (JdbcConnectionEvent) e).toList();
  }

  void awaitTriggers() {
    recorder.awaitBackgroundWrites(10, TimeUnit.SECONDS);
  }
}
