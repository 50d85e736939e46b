package dev.reprokit.benchmarks;

import dev.reprokit.Recorder;
import dev.reprokit.jdbc.ReproJdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The PostgreSQL point select, raw and with ReproKit, paired on one connection: every
 * operation runs one select through the driver's connection and one through ReproKit's
 * wrapper of that same connection ({@code ReproJdbc.wrap(connection, recorder)}), on the same
 * row, in alternating order, and adds each one's time to its own counter.
 *
 * <p>Why one connection: on a two-core machine a loopback round trip depends mostly on where
 * the scheduler put the server's backend process relative to the client thread. Two
 * connections (two backends) measured side by side took about 80 and 177 µs per select, and
 * which of them was the slow one changed between iterations. {@link JdbcPostgresBenchmark}
 * runs the variants one after the other, so that drift lands on one variant and not the
 * other; here both variants share one backend, one socket and the same moments.
 *
 * <p>JMH reports {@code rawNanos} and {@code reprokitNanos}, the summed times of each
 * iteration; {@link Compare} judges their ratio per iteration against the 2% target. Needs the
 * server like {@link JdbcPostgresBenchmark} does, and says so when it is not there.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 2)
public class JdbcPostgresPairedBenchmark {

  /** Each variant's summed time in one iteration, and the pairs it took. */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Split {
    public long rawNanos;
    public long reprokitNanos;
    public long pairs;

    @Setup(Level.Iteration)
    public void reset() {
      rawNanos = 0;
      reprokitNanos = 0;
      pairs = 0;
    }
  }

  private Recorder recorder;
  private Connection rawConnection;
  private Connection reprokitConnection;
  private int nextItem;

  @Setup(Level.Trial)
  public void open() throws Exception {
    Postgres.requireAvailable("JdbcPostgresPairedBenchmark");
    JdbcVariant.startLogging(); // as the other JDBC benchmarks: see there
    DataSource pg = Postgres.dataSource();
    rawConnection = pg.getConnection();
    JdbcWorkload.createSchema(rawConnection);
    recorder = Recorder.create();
    reprokitConnection = ReproJdbc.wrap(rawConnection, recorder);
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
  public void pointSelectPair(Split split, Blackhole bh) throws SQLException {
    int id = nextItem + 1;
    nextItem = id % JdbcWorkload.ITEMS;
    // alternate which goes first, so that neither always follows the other's round trip
    boolean rawFirst = (split.pairs & 1) == 0;
    Connection first = rawFirst ? rawConnection : reprokitConnection;
    Connection second = rawFirst ? reprokitConnection : rawConnection;
    long t0 = System.nanoTime();
    JdbcWorkload.pointSelect(first, id, bh);
    long t1 = System.nanoTime();
    JdbcWorkload.pointSelect(second, id, bh);
    long t2 = System.nanoTime();
    split.rawNanos += rawFirst ? t1 - t0 : t2 - t1;
    split.reprokitNanos += rawFirst ? t2 - t1 : t1 - t0;
    split.pairs++;
  }
}
