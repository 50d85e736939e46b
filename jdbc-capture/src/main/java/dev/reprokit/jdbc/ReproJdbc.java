package dev.reprokit.jdbc;

import dev.reprokit.Recorder;
import dev.reprokit.jdbc.internal.CaptureContext;
import dev.reprokit.jdbc.internal.ReproConnection;
import dev.reprokit.jdbc.internal.ReproDataSource;
import java.sql.Connection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The entry point of JDBC capture: wrap a {@link DataSource}, or prefix a JDBC URL with
 * {@code jdbc:repro:}, and every statement, bind value, row, count, key, transaction step and
 * error lands in a {@link Recorder} — while the application sees exactly what the driver
 * returns.
 *
 * <pre>{@code
 * Recorder recorder = Recorder.create();
 * DataSource ds = ReproJdbc.wrap(hikariDataSource, recorder);
 *
 * // or, through the driver (the application only changes its URL):
 * ReproJdbc.setDefaultRecorder(recorder);
 * Connection c = DriverManager.getConnection("jdbc:repro:postgresql://db/app", "app", pw);
 * }</pre>
 *
 * <p><b>Which recorder the {@code jdbc:repro:} driver uses.</b> The driver strips only the
 * prefix from the URL, so the recorder is chosen outside it, first match wins:
 * <ol>
 *   <li>the connection property {@value #RECORDER_PROPERTY} names a recorder registered with
 *       {@link #register(String, Recorder)} (the property is removed before the real driver
 *       sees the properties; with HikariCP use {@code addDataSourceProperty});</li>
 *   <li>the system property {@value #RECORDER_PROPERTY} names a registered recorder;</li>
 *   <li>the {@linkplain #setDefaultRecorder(Recorder) default recorder};</li>
 *   <li>otherwise {@link Recorder#noop()}: the driver is a transparent pass-through.</li>
 * </ol>
 * The driver's options come from {@link #setDefaultOptions(JdbcCaptureOptions)} or, when that
 * was never called, from {@link JdbcCaptureOptions#fromSystemProperties()}.
 *
 * <p>All methods are thread-safe.
 */
public final class ReproJdbc {

  /** Connection and system property naming a registered recorder: {@code reprokit.recorder}. */
  public static final String RECORDER_PROPERTY = "reprokit.recorder";

  /** The URL prefix of the capturing driver. */
  public static final String URL_PREFIX = "jdbc:repro:";

  private static final Map<String, Recorder> REGISTRY = new ConcurrentHashMap<>();
  private static volatile Recorder defaultRecorder;
  private static volatile JdbcCaptureOptions defaultOptions;

  private ReproJdbc() {}

  /** Wraps a data source with {@link JdbcCaptureOptions#DEFAULT}. */
  public static DataSource wrap(DataSource dataSource, Recorder recorder) {
    return wrap(dataSource, recorder, JdbcCaptureOptions.DEFAULT);
  }

  /**
   * Wraps a data source: every connection it hands out records into {@code recorder}.
   * Wrapping an already wrapped data source returns it unchanged, and so does wrapping with
   * {@link Recorder#noop()}: capture off costs nothing.
   */
  public static DataSource wrap(DataSource dataSource, Recorder recorder,
      JdbcCaptureOptions options) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(recorder, "recorder");
    Objects.requireNonNull(options, "options");
    if (dataSource instanceof ReproDataSource || recorder == Recorder.noop()) {
      return dataSource;
    }
    return new ReproDataSource(dataSource, new CaptureContext(recorder, options, null));
  }

  /** Wraps one connection with {@link JdbcCaptureOptions#DEFAULT}. */
  public static Connection wrap(Connection connection, Recorder recorder) {
    return wrap(connection, recorder, JdbcCaptureOptions.DEFAULT);
  }

  /**
   * Wraps one connection the application obtained elsewhere (records its close, not its
   * opening). With {@link Recorder#noop()} the connection is returned unchanged.
   */
  public static Connection wrap(Connection connection, Recorder recorder,
      JdbcCaptureOptions options) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(recorder, "recorder");
    Objects.requireNonNull(options, "options");
    if (connection instanceof ReproConnection || recorder == Recorder.noop()) {
      return connection;
    }
    return ReproConnection.opened(new CaptureContext(recorder, options, null), connection, null,
        System.nanoTime());
  }

  /** The recorder the {@code jdbc:repro:} driver uses when nothing else names one. */
  public static void setDefaultRecorder(Recorder recorder) {
    defaultRecorder = recorder;
  }

  /** The default recorder, or {@code null}. */
  public static Recorder defaultRecorder() {
    return defaultRecorder;
  }

  /** Registers a recorder under a name for {@value #RECORDER_PROPERTY}. */
  public static void register(String name, Recorder recorder) {
    if (name == null || name.isBlank()) {
      throw new dev.reprokit.InvalidConfigurationException(
          "register: the recorder name must not be blank");
    }
    REGISTRY.put(name, Objects.requireNonNull(recorder, "recorder"));
  }

  /** Removes a registered recorder. */
  public static void unregister(String name) {
    if (name != null) {
      REGISTRY.remove(name);
    }
  }

  /** The options the {@code jdbc:repro:} driver uses for connections opened from now on. */
  public static void setDefaultOptions(JdbcCaptureOptions options) {
    defaultOptions = options;
  }

  static JdbcCaptureOptions driverOptions() {
    JdbcCaptureOptions o = defaultOptions;
    return o != null ? o : JdbcCaptureOptions.fromSystemProperties();
  }

  /** The recorder for a driver connection, following the documented order. */
  static Recorder resolveRecorder(String propertyName) {
    if (propertyName != null) {
      Recorder r = REGISTRY.get(propertyName);
      if (r != null) {
        return r;
      }
    }
    String system = System.getProperty(RECORDER_PROPERTY);
    if (system != null) {
      Recorder r = REGISTRY.get(system);
      if (r != null) {
        return r;
      }
    }
    Recorder r = defaultRecorder;
    return r != null ? r : Recorder.noop();
  }
}
