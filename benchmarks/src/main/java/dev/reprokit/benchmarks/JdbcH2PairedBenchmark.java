package dev.reprokit.benchmarks;

import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The H2 point select, raw and with ReproKit, paired on one in-memory connection (see
 * {@link JdbcPairedBenchmark}). Where {@link JdbcH2Benchmark} runs every variant and the peers
 * one after the other, this one measures only ReproKit's added time, and measures it closely:
 * on the fifth round's machine, three forks gave the mean difference to ±14 ns (iterations
 * within ±40 ns of it), where the unpaired difference carried ±42 ns in the same conditions
 * and ±650 ns on the fourth round's noisier machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 8, time = 1)
public class JdbcH2PairedBenchmark extends JdbcPairedBenchmark {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Param({JdbcVariant.REPROKIT, JdbcVariant.REPROKIT_ROWS_OFF})
  public String variant;

  @Override
  String variant() {
    return variant;
  }

  @Override
  Connection openDriverConnection() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:reprokit-paired-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    return h2.getConnection();
  }
}
