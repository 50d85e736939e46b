package dev.reprokit.benchmarks;

import dev.reprokit.Recorder;
import dev.reprokit.RecorderStats;
import dev.reprokit.jdbc.JdbcCaptureOptions;
import dev.reprokit.jdbc.ReproJdbc;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * One way of reaching the database: the raw driver, a peer library, or a ReproKit variant.
 * The names are the values of the benchmarks' {@code variant} parameter.
 *
 * <ul>
 *   <li>{@code reprokit}: {@code ReproJdbc.wrap(dataSource, Recorder.create())} with
 *       {@code JdbcCaptureOptions.DEFAULT} — SQL, binds, timings, counts and rows;
 *   <li>{@code reprokit-rows-off}: the same with {@code captureRows(false)};
 *   <li>{@code reprokit-noop}: the wrapper with {@code Recorder.noop()} (capture off).
 * </ul>
 */
final class JdbcVariant implements AutoCloseable {
  static final String RAW = "raw";
  static final String P6SPY = "p6spy";
  static final String DATASOURCE_PROXY = "datasource-proxy";
  static final String OPENTELEMETRY = "opentelemetry";
  static final String REPROKIT = "reprokit";
  static final String REPROKIT_ROWS_OFF = "reprokit-rows-off";
  static final String REPROKIT_NOOP = "reprokit-noop";

  final String name;
  final DataSource dataSource;
  /** The recorder of a recording ReproKit variant, else {@code null}. */
  final Recorder recorder;

  private JdbcVariant(String name, DataSource dataSource, Recorder recorder) {
    this.name = name;
    this.dataSource = dataSource;
    this.recorder = recorder;
  }

  /**
   * Starts SLF4J, as an application that logs has before its first query. Without it, the raw
   * variant runs in a JVM in which nothing has started logging: there, the JIT scalar-replaces
   * iterators that H2 allocates per statement, and stops doing so once logging has started,
   * so a variant whose library starts SLF4J (ReproKit's JDBC capture does, when it loads) would
   * pay for H2's iterators as if they were its own. What was measured, and what is only the
   * likely mechanism: docs/performance.md, "H2's collateral iterators were the benchmark's".
   */
  static void startLogging() {
    LoggerFactory.getLogger(JdbcVariant.class);
  }

  /** Wraps the driver's {@code raw} data source as the variant {@code name} does. */
  static JdbcVariant open(String name, DataSource raw) {
    startLogging(); // every variant, raw included: see startLogging()
    switch (name) {
      case RAW:
        return new JdbcVariant(name, raw, null);
      case P6SPY:
        return new JdbcVariant(name, Peers.p6spy(raw), null);
      case DATASOURCE_PROXY:
        return new JdbcVariant(name, Peers.datasourceProxy(raw), null);
      case OPENTELEMETRY:
        return new JdbcVariant(name, JdbcTelemetry.create(Peers.openTelemetry()).wrap(raw), null);
      case REPROKIT: {
        Recorder recorder = Recorder.create();
        return new JdbcVariant(name, ReproJdbc.wrap(raw, recorder), recorder);
      }
      case REPROKIT_ROWS_OFF: {
        Recorder recorder = Recorder.create();
        JdbcCaptureOptions rowsOff = JdbcCaptureOptions.DEFAULT.toBuilder().captureRows(false).build();
        return new JdbcVariant(name, ReproJdbc.wrap(raw, recorder, rowsOff), recorder);
      }
      case REPROKIT_NOOP:
        return new JdbcVariant(name, ReproJdbc.wrap(raw, Recorder.noop()), null);
      default:
        throw new IllegalArgumentException("unknown JDBC variant: " + name);
    }
  }

  /** Closes the recorder; fails when capture faulted during the run, so no result hides it. */
  @Override
  public void close() {
    if (recorder != null) {
      closeChecked(recorder);
    }
  }

  /** Closes {@code recorder}; fails when capture faulted during the run. */
  static void closeChecked(Recorder recorder) {
    RecorderStats stats = recorder.stats();
    recorder.close();
    if (stats.internalFailures() != 0) {
      throw new IllegalStateException("ReproKit capture failed during the run: " + stats);
    }
  }
}
