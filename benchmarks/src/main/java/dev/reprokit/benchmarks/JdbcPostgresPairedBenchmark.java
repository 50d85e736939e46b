package dev.reprokit.benchmarks;

import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The PostgreSQL point select, raw and with ReproKit, paired on one connection (see
 * {@link JdbcPairedBenchmark}).
 *
 * <p>Why one connection: on a two-core machine a loopback round trip depends mostly on where
 * the scheduler put the server's backend process relative to the client thread. Two
 * connections (two backends) measured side by side took about 80 and 177 µs per select, and
 * which of them was the slow one changed between iterations. {@link JdbcPostgresBenchmark}
 * runs the variants one after the other, so that drift lands on one variant and not the
 * other; here both variants share one backend, one socket and the same moments. Needs the
 * server like {@link JdbcPostgresBenchmark} does, and says so when it is not there.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 2)
public class JdbcPostgresPairedBenchmark extends JdbcPairedBenchmark {

  @Param({JdbcVariant.REPROKIT})
  public String variant;

  @Override
  String variant() {
    return variant;
  }

  @Override
  Connection openDriverConnection() throws Exception {
    Postgres.requireAvailable("JdbcPostgresPairedBenchmark");
    return Postgres.dataSource().getConnection();
  }
}
