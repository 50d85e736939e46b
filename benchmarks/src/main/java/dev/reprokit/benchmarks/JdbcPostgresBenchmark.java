package dev.reprokit.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
 * The H2 point-select cycle against the PostgreSQL server on loopback: the overhead of
 * capture next to a real network round trip. When the server does not answer, the setup
 * fails with a message that says so, JMH reports this benchmark as failed and goes on with
 * the others (the smoke test leaves it out and says why).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JdbcPostgresBenchmark {

  @Param({JdbcVariant.RAW, JdbcVariant.REPROKIT})
  public String variant;

  private JdbcVariant jdbc;
  private Connection connection;
  private int nextItem;

  @Setup(Level.Trial)
  public void open() throws Exception {
    Postgres.requireAvailable("JdbcPostgresBenchmark");
    DataSource pg = Postgres.dataSource();
    try (Connection c = pg.getConnection()) {
      JdbcWorkload.createSchema(c);
    }
    jdbc = JdbcVariant.open(variant, pg);
    connection = jdbc.dataSource.getConnection();
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (jdbc != null) {
      jdbc.close();
    }
  }

  @Benchmark
  public void pointSelect(Blackhole bh) throws SQLException {
    int id = nextItem + 1;
    nextItem = id % JdbcWorkload.ITEMS;
    JdbcWorkload.pointSelect(connection, id, bh);
  }
}
