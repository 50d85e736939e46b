package dev.reprokit.jdbc;

import dev.reprokit.event.Event;
import dev.reprokit.jdbc.internal.ReplayEngine;
import dev.reprokit.jdbc.internal.ReplayObjects;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Serves recorded JDBC results back to an application: a {@link DataSource} (or the
 * {@code jdbc:repro:replay:<bundle path>} URL of {@link ReproDriver}) whose connections
 * answer every statement the application executes with what was recorded for it.
 *
 * <pre>{@code
 * DataSource ds = JdbcReplay.dataSource(events);       // events of a bundle
 * // or: DriverManager.getConnection("jdbc:repro:replay:/tmp/incident.repro.zip")
 * }</pre>
 *
 * <ul>
 *   <li>A statement is matched by its normalised SQL (whitespace collapsed, trailing
 *       semicolon dropped) and its bind values; when the same statement was recorded more
 *       than once, the recorded executions answer in recorded order (the last one again when
 *       the application asks more often than recorded).</li>
 *   <li>Result sets answer with the recorded column metadata and values, converted as the
 *       typed getters ask, and scroll both ways; only the rows that were kept (the row cap)
 *       are served.</li>
 *   <li>Update counts, batch counts, generated keys and OUT parameters are the recorded ones;
 *       recorded {@code SQLException}s are thrown again with the same SQLState, vendor code
 *       and message ({@code BatchUpdateException} with its counts).</li>
 *   <li>A statement that matches nothing fails with an {@code SQLException} (SQLState
 *       {@code HY000}) listing the nearest recorded statements and what differs.</li>
 *   <li>Transactions are accepted and do nothing; nothing is ever sent to a database.</li>
 * </ul>
 *
 * <p>Every connection of one data source shares the recorded order. Thread-safe.
 */
public final class JdbcReplay {
  private JdbcReplay() {}

  /** A data source answering from these recorded events. */
  public static DataSource dataSource(List<Event> events) {
    return new ReplayDataSource(new ReplayEngine(List.copyOf(events), ReproDriver.REPLAY_PREFIX
        + "memory"));
  }

  /**
   * A data source answering from these recorded events as the given database would: its
   * product name is reported by the metadata and decides vendor text renderings
   * ({@code getString} of booleans and binary values). {@code database} may be {@code null}.
   */
  public static DataSource dataSource(List<Event> events, dev.reprokit.env.DatabaseInfo database) {
    return new ReplayDataSource(new ReplayEngine(List.copyOf(events),
        ReproDriver.REPLAY_PREFIX + "memory", database));
  }

  /** One connection answering from these recorded events. */
  public static Connection connection(List<Event> events) {
    return ReplayObjects.connection(new ReplayEngine(List.copyOf(events),
        ReproDriver.REPLAY_PREFIX + "memory"));
  }

  static Connection connection(Path bundle, String url) throws SQLException {
    return ReplayObjects.connection(BundleEvents.engine(bundle, url));
  }

  /** A data source answering from the JDBC events of a bundle file. */
  public static DataSource dataSource(Path bundle) throws SQLException {
    Objects.requireNonNull(bundle, "bundle");
    return new ReplayDataSource(BundleEvents.engine(bundle, ReproDriver.REPLAY_PREFIX + bundle));
  }

  private static final class ReplayDataSource implements DataSource {
    private final ReplayEngine engine;
    private PrintWriter logWriter;
    private int loginTimeout;

    ReplayDataSource(ReplayEngine engine) {
      this.engine = engine;
    }

    @Override
    public Connection getConnection() {
      return ReplayObjects.connection(engine);
    }

    @Override
    public Connection getConnection(String username, String password) {
      return ReplayObjects.connection(engine);
    }

    @Override
    public PrintWriter getLogWriter() {
      return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
      this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
      return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return Logger.getLogger("dev.reprokit.jdbc");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      if (iface.isInstance(this)) {
        return iface.cast(this);
      }
      throw new SQLException("replay data source is not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return iface.isInstance(this);
    }
  }
}
