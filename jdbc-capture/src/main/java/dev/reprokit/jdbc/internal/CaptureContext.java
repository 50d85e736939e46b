package dev.reprokit.jdbc.internal;

import dev.reprokit.Recorder;
import dev.reprokit.TriggerKind;
import dev.reprokit.env.DatabaseInfo;
import dev.reprokit.jdbc.JdbcCaptureOptions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every wrapper of one data source (or one {@code jdbc:repro:} URL) shares: the
 * recorder, the options, the URL the application used and the guard that keeps capture
 * faults away from the application. Thread-safe.
 */
public final class CaptureContext {
  private static final Logger LOG = LoggerFactory.getLogger("dev.reprokit.jdbc");
  private static final AtomicLong CONNECTION_IDS = new AtomicLong();
  /** The fault kind every JDBC capture fault is reported under. */
  static final String FAULT_KIND = "jdbc-capture";
  private static final long FALLBACK_LOG_INTERVAL_MILLIS = 60_000;
  private static final AtomicLong lastFallbackLog = new AtomicLong(Long.MIN_VALUE);

  final Recorder recorder;
  final JdbcCaptureOptions options;
  final String url;
  private final AtomicBoolean databaseNoted = new AtomicBoolean();
  /**
   * Result shapes by SQL text. Column metadata costs a dozen driver calls and a few hundred
   * bytes per query; applications prepare the same SQL again and again, so it is read once.
   * Bounded (cleared when full) and cleared when a schema change runs through this context.
   */
  private final ConcurrentHashMap<String, ResultShape> shapes = new ConcurrentHashMap<>();
  static final int MAX_SHAPES = 1_024;
  /**
   * Longer SQL is not remembered: generated SQL (long literal IN lists) is rarely repeated,
   * and this bounds what the cache holds to about 1,024 x 2,048 characters.
   */
  static final int MAX_SHAPE_SQL_LENGTH = 2_048;
  /**
   * Whether statement warnings can be read after each execution without a round trip: not
   * with the MariaDB and MySQL drivers, which ask the server ({@code SHOW WARNINGS}).
   */
  volatile boolean localWarnings;

  /**
   * @param recorder where events go
   * @param options capture settings
   * @param url the URL the application connected with, as {@code DatabaseMetaData.getURL()}
   *     should report it, or {@code null} to report the real driver's URL
   */
  public CaptureContext(Recorder recorder, JdbcCaptureOptions options, String url) {
    this.recorder = recorder;
    this.options = options;
    this.url = url;
  }

  public Recorder recorder() {
    return recorder;
  }

  public JdbcCaptureOptions options() {
    return options;
  }

  String newConnectionId() {
    return "c" + CONNECTION_IDS.incrementAndGet();
  }

  /** The remembered shape of the results of {@code sql}, or {@code null}. */
  ResultShape shapeOf(String sql) {
    return sql == null ? null : shapes.get(sql);
  }

  void rememberShape(String sql, ResultShape shape) {
    if (sql == null || sql.length() > MAX_SHAPE_SQL_LENGTH) {
      return;
    }
    if (shapes.size() >= MAX_SHAPES) {
      shapes.clear(); // an application generating SQL text: stay bounded, start over
    }
    shapes.put(sql, shape);
  }

  /**
   * Forgets every remembered shape when {@code sql} may change a table's columns ({@code
   * CREATE}, {@code ALTER}, {@code DROP}, {@code RENAME}), so a query run after a migration
   * is described afresh. A type changed by another process under the same column labels and
   * names goes unnoticed until the cache is cleared; docs/jdbc-capture.md says so.
   */
  void noteSchemaChange(String sql) {
    if (sql != null && !shapes.isEmpty() && mayChangeSchema(sql)) {
      forgetShapes();
    }
  }

  void forgetShapes() {
    shapes.clear();
  }

  static boolean mayChangeSchema(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) { // skip what may precede the keyword: blanks, parentheses, comments
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    return startsWithWord(sql, i, "CREATE") || startsWithWord(sql, i, "ALTER")
        || startsWithWord(sql, i, "DROP") || startsWithWord(sql, i, "RENAME");
  }

  private static boolean startsWithWord(String sql, int at, String word) {
    int end = at + word.length();
    return sql.regionMatches(true, at, word, 0, word.length())
        && (end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end)));
  }

  /**
   * The guard: reports a capture fault to the recorder and never throws (except an
   * {@link OutOfMemoryError}). When the recorder itself fails to take the report, logs one
   * warning a minute.
   */
  void fault(Throwable t) {
    if (t instanceof OutOfMemoryError oom) {
      throw oom;
    }
    try {
      recorder.internalFailure(FAULT_KIND, t);
    } catch (OutOfMemoryError oom) {
      throw oom;
    } catch (Throwable recorderFailed) {
      fallbackLog(t, recorderFailed);
    }
  }

  private static void fallbackLog(Throwable fault, Throwable recorderFailed) {
    try {
      long now = System.currentTimeMillis();
      long last = lastFallbackLog.get();
      if ((last == Long.MIN_VALUE || now - last >= FALLBACK_LOG_INTERVAL_MILLIS)
          && lastFallbackLog.compareAndSet(last, now)) {
        fault.addSuppressed(recorderFailed);
        LOG.warn("ReproKit fault '{}' was swallowed and the recorder failed to take the report;"
            + " the application is not affected. Further faults are logged at most once a"
            + " minute.", FAULT_KIND, fault);
      }
    } catch (Throwable ignored) {
      if (ignored instanceof OutOfMemoryError oom) {
        throw oom;
      }
    }
  }

  /** Notes the database in the environment, once per context. Guarded. */
  void noteDatabase(Connection raw) {
    if (databaseNoted.get() || !databaseNoted.compareAndSet(false, true)) {
      return;
    }
    try {
      if (!recorder.isEnabled()) {
        return;
      }
      DatabaseMetaData md = raw.getMetaData();
      String driver = String.valueOf(md.getDriverName()).toLowerCase(java.util.Locale.ROOT);
      localWarnings = !driver.contains("mariadb") && !driver.contains("mysql");
      recorder.noteDatabase(new DatabaseInfo(md.getDatabaseProductName(),
          md.getDatabaseProductVersion(), md.getDriverName(), md.getDriverVersion(),
          url != null ? url : md.getURL()));
    } catch (Throwable t) {
      fault(t);
    }
  }

  /** Lets an {@code SQLException} trigger a bundle when the options say so. Guarded. */
  void sqlError(Throwable error, String what) {
    if (!(error instanceof SQLException) || !options.triggerOnSqlError()) {
      return;
    }
    try {
      recorder.trigger(TriggerKind.SQL_ERROR, what, error);
    } catch (Throwable t) {
      fault(t);
    }
  }
}
