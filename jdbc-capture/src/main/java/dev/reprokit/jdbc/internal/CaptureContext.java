package dev.reprokit.jdbc.internal;

import dev.reprokit.Recorder;
import dev.reprokit.TriggerKind;
import dev.reprokit.env.DatabaseInfo;
import dev.reprokit.jdbc.JdbcCaptureOptions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
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
  private static final AtomicLong STATEMENT_IDS = new AtomicLong();
  /** The fault kind every JDBC capture fault is reported under. */
  static final String FAULT_KIND = "jdbc-capture";
  private static final long FALLBACK_LOG_INTERVAL_MILLIS = 60_000;
  private static final AtomicLong lastFallbackLog = new AtomicLong(Long.MIN_VALUE);

  final Recorder recorder;
  final JdbcCaptureOptions options;
  final String url;
  private final AtomicBoolean databaseNoted = new AtomicBoolean();
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

  String newStatementId() {
    return "s" + STATEMENT_IDS.incrementAndGet();
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
