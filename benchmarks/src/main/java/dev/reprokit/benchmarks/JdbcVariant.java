package dev.reprokit.benchmarks;

import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import javax.sql.DataSource;

/**
 * One way of reaching the database: the raw driver, a peer library, or a ReproKit variant.
 * The names are the values of the benchmarks' {@code variant} parameter.
 */
final class JdbcVariant implements AutoCloseable {
  static final String RAW = "raw";
  static final String P6SPY = "p6spy";
  static final String DATASOURCE_PROXY = "datasource-proxy";
  static final String OPENTELEMETRY = "opentelemetry";

  final String name;
  final DataSource dataSource;
  private final AutoCloseable resources;

  private JdbcVariant(String name, DataSource dataSource, AutoCloseable resources) {
    this.name = name;
    this.dataSource = dataSource;
    this.resources = resources;
  }

  /** Wraps the driver's {@code raw} data source as the variant {@code name} does. */
  static JdbcVariant open(String name, DataSource raw) {
    switch (name) {
      case RAW:
        return new JdbcVariant(name, raw, () -> {});
      case P6SPY:
        return new JdbcVariant(name, Peers.p6spy(raw), () -> {});
      case DATASOURCE_PROXY:
        return new JdbcVariant(name, Peers.datasourceProxy(raw), () -> {});
      case OPENTELEMETRY:
        return new JdbcVariant(
            name, JdbcTelemetry.create(Peers.openTelemetry()).wrap(raw), () -> {});
      default:
        throw new IllegalArgumentException("unknown JDBC variant: " + name);
    }
  }

  @Override
  public void close() throws Exception {
    resources.close();
  }
}
