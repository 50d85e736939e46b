package dev.reprokit.jdbc;

import dev.reprokit.Recorder;
import dev.reprokit.jdbc.internal.CaptureContext;
import dev.reprokit.jdbc.internal.ReproConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Enumeration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The {@code jdbc:repro:} driver, registered through {@code META-INF/services/java.sql.Driver}.
 *
 * <ul>
 *   <li>{@code jdbc:repro:<real url without "jdbc:">}, e.g.
 *       {@code jdbc:repro:postgresql://db/app}: strips only the prefix, finds the real driver
 *       (skipping itself) and returns a recording connection; see {@link ReproJdbc} for how
 *       the recorder is chosen.</li>
 *   <li>{@code jdbc:repro:replay:<bundle path>}: a connection that answers the statements
 *       recorded in a bundle (see {@link JdbcReplay}).</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ReproDriver implements Driver {
  /** The URL prefix of the replay driver. */
  public static final String REPLAY_PREFIX = "jdbc:repro:replay:";

  private static final ReproDriver INSTANCE = new ReproDriver();
  private static final Map<String, CaptureContext> CONTEXTS = new ConcurrentHashMap<>();

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** For {@link java.util.ServiceLoader}; applications use {@link DriverManager}. */
  public ReproDriver() {}

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(ReproJdbc.URL_PREFIX);
  }

  /** The real driver's URL: {@code jdbc:} plus what follows the prefix. */
  static String realUrl(String url) {
    return "jdbc:" + url.substring(ReproJdbc.URL_PREFIX.length());
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    if (url.startsWith(REPLAY_PREFIX)) {
      return JdbcReplay.connection(Path.of(url.substring(REPLAY_PREFIX.length())), url);
    }
    Properties props = info;
    String recorderName = null;
    if (info != null && info.getProperty(ReproJdbc.RECORDER_PROPERTY) != null) {
      props = new Properties();
      props.putAll(info);
      recorderName = (String) props.remove(ReproJdbc.RECORDER_PROPERTY);
    }
    String real = realUrl(url);
    Driver driver = realDriver(real);
    Recorder recorder = ReproJdbc.resolveRecorder(recorderName);
    CaptureContext ctx = context(url, recorder);
    String user = props == null ? null : props.getProperty("user");
    long t0 = System.nanoTime();
    Connection raw;
    try {
      raw = driver.connect(real, props == null ? new Properties() : props);
    } catch (Throwable e) {
      ReproConnection.openFailed(ctx, user, t0, e);
      throw e;
    }
    if (raw == null) {
      throw new SQLException("The driver " + driver.getClass().getName()
          + " accepted but did not open " + real, "08001");
    }
    return ReproConnection.opened(ctx, raw, user, t0);
  }

  private static CaptureContext context(String url, Recorder recorder) {
    JdbcCaptureOptions options;
    try {
      options = ReproJdbc.driverOptions();
    } catch (RuntimeException badSystemProperty) { // never fail the application's connect
      options = JdbcCaptureOptions.DEFAULT;
      try {
        recorder.internalFailure("jdbc-capture", badSystemProperty);
      } catch (RuntimeException ignored) {
        // the recorder is broken too: capture goes on with the defaults
      }
    }
    CaptureContext ctx = CONTEXTS.get(url);
    if (ctx == null || ctx.recorder() != recorder || !ctx.options().equals(options)) {
      ctx = new CaptureContext(recorder, options, url);
      CONTEXTS.put(url, ctx);
    }
    return ctx;
  }

  private static Driver realDriver(String realUrl) throws SQLException {
    Enumeration<Driver> drivers = DriverManager.getDrivers();
    while (drivers.hasMoreElements()) {
      Driver d = drivers.nextElement();
      if (d instanceof ReproDriver) {
        continue;
      }
      try {
        if (d.acceptsURL(realUrl)) {
          return d;
        }
      } catch (SQLException ignored) {
        // a driver that cannot judge the URL is not the one
      }
    }
    throw new SQLException("No suitable driver found for " + realUrl
        + " (from a jdbc:repro: URL); put the database's JDBC driver on the class path", "08001");
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    if (!acceptsURL(url) || url.startsWith(REPLAY_PREFIX)) {
      return new DriverPropertyInfo[0];
    }
    String real = realUrl(url);
    return realDriver(real).getPropertyInfo(real, info);
  }

  @Override
  public int getMajorVersion() {
    return 0;
  }

  @Override
  public int getMinorVersion() {
    return 1;
  }

  @Override
  public boolean jdbcCompliant() {
    return false; // compliance is the real driver's; this one only wraps it
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return Logger.getLogger("dev.reprokit.jdbc");
  }
}
