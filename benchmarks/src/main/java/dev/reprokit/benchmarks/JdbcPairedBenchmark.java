package dev.reprokit.benchmarks;

import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.jdbc.JdbcCaptureOptions;
import dev.reprokit.jdbc.ReproJdbc;
import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The point select, raw and with ReproKit, paired on one driver connection: every operation
 * runs one select through the driver's connection and one through ReproKit's wrapper of that
 * same connection ({@code ReproJdbc.wrap(connection, recorder)}), on the same row, in
 * alternating order, and adds each one's time to its own counter.
 *
 * <p>Why paired: the unpaired benchmarks run raw and ReproKit one after the other, so whatever
 * the machine does meanwhile (another process, the scheduler moving a database backend, a
 * slow minute of a shared host) lands on one variant and not the other; their difference then
 * carries both scores' errors. Here both variants share the same moments, the same JIT state,
 * the same heap and the same garbage collections, so the machine's drift cancels out of each
 * iteration's difference and ratio. Each select's time includes one {@code System.nanoTime()}
 * read on both sides, which cancels too.
 *
 * <p>JMH's primary score is the time of one pair; the {@link PairedTimes} counters hold each
 * variant's summed time per iteration, which {@link Compare} judges against the targets.
 * Subclasses open the driver connection and name the variant: {@code reprokit} (full
 * capture) or {@code reprokit-rows-off}.
 *
 * <p>{@code maxEvents} is the recorder's ring capacity, the default unless asked
 * ({@code -p maxEvents=1000,10000}): the events a full ring keeps alive are copied by every
 * young collection, so the ring's size is part of what capture costs (docs/performance.md,
 * fifth round).
 */
@State(Scope.Thread)
public abstract class JdbcPairedBenchmark {

  /** The default of {@link RecorderConfig.Builder#maxEvents(int)}. */
  static final String DEFAULT_MAX_EVENTS = "10000";

  @Param(DEFAULT_MAX_EVENTS)
  public int maxEvents;

  private Recorder recorder;
  private Connection rawConnection;
  private Connection reprokitConnection;
  private int nextItem;

  /** A new driver connection to a database with the workload's schema. */
  abstract Connection openDriverConnection() throws Exception;

  /** The ReproKit variant: {@code reprokit} or {@code reprokit-rows-off}. */
  abstract String variant();

  @Setup(Level.Trial)
  public void open() throws Exception {
    JdbcVariant.startLogging(); // as the other JDBC benchmarks: see there
    rawConnection = openDriverConnection();
    JdbcWorkload.createSchema(rawConnection);
    JdbcCaptureOptions options = switch (variant()) {
      case JdbcVariant.REPROKIT -> JdbcCaptureOptions.DEFAULT;
      case JdbcVariant.REPROKIT_ROWS_OFF ->
          JdbcCaptureOptions.DEFAULT.toBuilder().captureRows(false).build();
      default -> throw new IllegalArgumentException("not a paired variant: " + variant());
    };
    recorder = Recorder.create(RecorderConfig.builder().maxEvents(maxEvents).build());
    reprokitConnection = ReproJdbc.wrap(rawConnection, recorder, options);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (reprokitConnection != null) {
      reprokitConnection.close(); // closes the driver's connection too
    }
    if (recorder != null) {
      JdbcVariant.closeChecked(recorder); // fails the run when capture faulted
    }
  }

  @Benchmark
  public void pointSelectPair(PairedTimes times, Blackhole bh) throws SQLException {
    int id = nextItem + 1;
    nextItem = id % JdbcWorkload.ITEMS;
    boolean rawFirst = times.rawFirst();
    Connection first = rawFirst ? rawConnection : reprokitConnection;
    Connection second = rawFirst ? reprokitConnection : rawConnection;
    long t0 = System.nanoTime();
    JdbcWorkload.pointSelect(first, id, bh);
    long t1 = System.nanoTime();
    JdbcWorkload.pointSelect(second, id, bh);
    long t2 = System.nanoTime();
    times.add(rawFirst, t0, t1, t2);
  }
}
