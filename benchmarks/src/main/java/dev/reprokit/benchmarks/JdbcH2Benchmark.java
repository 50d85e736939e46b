package dev.reprokit.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JDBC against H2 in memory: a point-select cycle (prepare, bind, execute, read one row,
 * close) and a single-row insert, through the raw driver, ReproKit and the peers, in one run.
 * One connection per benchmark thread, opened outside the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JdbcH2Benchmark {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Param({
    JdbcVariant.RAW,
    JdbcVariant.REPROKIT,
    JdbcVariant.REPROKIT_ROWS_OFF,
    JdbcVariant.REPROKIT_NOOP,
    JdbcVariant.P6SPY,
    JdbcVariant.DATASOURCE_PROXY,
    JdbcVariant.OPENTELEMETRY
  })
  public String variant;

  private JdbcVariant jdbc;
  private Connection rawConnection;
  private Connection connection;
  private int nextItem;
  private long nextPurchase;

  @Setup(Level.Trial)
  public void open() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:reprokit-bench-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    rawConnection = h2.getConnection();
    JdbcWorkload.createSchema(rawConnection);
    jdbc = JdbcVariant.open(variant, h2);
    connection = jdbc.dataSource.getConnection();
  }

  @Setup(Level.Iteration)
  public void clearInserts() throws SQLException {
    JdbcWorkload.clearPurchases(rawConnection);
    nextPurchase = 0;
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    connection.close();
    jdbc.close();
    try (var s = rawConnection.createStatement()) {
      s.execute("SHUTDOWN");
    }
    rawConnection.close();
  }

  @Benchmark
  public void pointSelect(Blackhole bh) throws SQLException {
    int id = nextItem + 1;
    nextItem = id % JdbcWorkload.ITEMS;
    JdbcWorkload.pointSelect(connection, id, bh);
  }

  @Benchmark
  public int insert() throws SQLException {
    return JdbcWorkload.insert(connection, ++nextPurchase, "bench");
  }
}
