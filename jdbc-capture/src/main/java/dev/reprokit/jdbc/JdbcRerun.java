package dev.reprokit.jdbc;

import dev.reprokit.event.Event;
import dev.reprokit.jdbc.internal.RerunEngine;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Re-executes recorded JDBC statements against a database the user names and compares what
 * comes back with the recording: rows (in order, or as a multiset), update counts, batch
 * counts and errors (by SQLState). Every statement gets {@link Outcome#SAME},
 * {@link Outcome#DIFFERENT} (with the first differing row and column) or
 * {@link Outcome#FAILED}; the report has an overall verdict.
 *
 * <pre>{@code
 * JdbcRerun.Report report = JdbcRerun.against("jdbc:postgresql://staging/app", "support", pw)
 *     .run(events);
 * System.out.println(report.summary());
 * }</pre>
 *
 * <p><b>Deliberate by design:</b> statements run only against the URL given here, on one
 * connection, in one transaction that is <b>rolled back</b> at the end unless
 * {@link #commit(boolean) commit(true)} is set. Each statement runs inside a savepoint, so
 * an error does not spoil the ones after it. Statements the database commits implicitly
 * (DDL on MySQL/MariaDB) cannot be rolled back; re-run such recordings against a disposable
 * database.
 *
 * <p>Settings: {@code commit} default {@code false}; {@code rowOrder} default
 * {@link RowOrder#AUTO} (ordered when the SQL has {@code ORDER BY}, else as a multiset).
 * Immutable and thread-safe; a run uses its own connection.
 */
public final class JdbcRerun {

  /** How rows of a query are compared. */
  public enum RowOrder {
    /** Row by row. */
    ORDERED,
    /** As a multiset: same rows, any order. */
    MULTISET,
    /** {@link #ORDERED} when the SQL contains {@code ORDER BY}, else {@link #MULTISET}. */
    AUTO
  }

  /** The result of one statement, or of the whole re-run. */
  public enum Outcome {
    /** Same rows, counts and errors as recorded. */
    SAME,
    /** Ran, but something differs from the recording. */
    DIFFERENT,
    /** Could not be run, or threw where the recording did not. */
    FAILED
  }

  /**
   * One re-run statement.
   *
   * @param seq the recorded event's sequence number
   * @param sql the SQL text
   * @param outcome SAME, DIFFERENT or FAILED
   * @param detail what differs or failed, in words; empty when SAME
   * @param row 1-based row of the first difference, or {@code null}
   * @param column label of the column of the first difference, or {@code null}
   */
  public record StatementResult(long seq, String sql, Outcome outcome, String detail,
      Integer row, String column) {}

  /**
   * The report of a re-run.
   *
   * @param target the URL statements ran against
   * @param committed whether the transaction was committed
   * @param statements one result per recorded statement, in recorded order
   * @param verdict FAILED if any statement failed, else DIFFERENT if any differed, else SAME
   */
  public record Report(String target, boolean committed, List<StatementResult> statements,
      Outcome verdict) {
    public Report {
      statements = List.copyOf(statements);
    }

    /** A plain-text summary, one line per statement not SAME. */
    public String summary() {
      StringBuilder b = new StringBuilder("re-run against ").append(target).append(": ")
          .append(verdict).append(" (").append(statements.size()).append(" statements, ")
          .append(committed ? "committed" : "rolled back").append(')');
      for (StatementResult r : statements) {
        if (r.outcome() != Outcome.SAME) {
          b.append("\n  #").append(r.seq()).append(' ').append(r.outcome()).append(": ")
              .append(r.sql()).append(" — ").append(r.detail());
        }
      }
      return b.toString();
    }
  }

  private final String url;
  private final String user;
  private final String password;
  private final boolean commit;
  private final java.util.function.Function<String, RowOrder> rowOrder;

  private JdbcRerun(String url, String user, String password, boolean commit,
      java.util.function.Function<String, RowOrder> order) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.commit = commit;
    this.rowOrder = order;
  }

  /** A re-run against this target (a plain JDBC URL of a driver on the class path). */
  public static JdbcRerun against(String url, String user, String password) {
    if (url == null || url.isBlank()) {
      throw new dev.reprokit.InvalidConfigurationException(
          "against: the target url must name the database to re-run against");
    }
    return new JdbcRerun(url, user, password, false, sql -> RowOrder.AUTO);
  }

  /** Commit the transaction at the end instead of rolling it back. Default {@code false}. */
  public JdbcRerun commit(boolean commit) {
    return new JdbcRerun(url, user, password, commit, rowOrder);
  }

  /** How rows of every query are compared. Default {@link RowOrder#AUTO}. */
  public JdbcRerun rowOrder(RowOrder order) {
    Objects.requireNonNull(order, "rowOrder");
    return new JdbcRerun(url, user, password, commit, sql -> order);
  }

  /**
   * How rows are compared, per statement: the function gets the SQL text, e.g.
   * {@code sql -> sql.contains("report_") ? RowOrder.MULTISET : RowOrder.ORDERED}; a
   * {@code null} answer means {@link RowOrder#AUTO}.
   */
  public JdbcRerun rowOrder(java.util.function.Function<String, RowOrder> perStatement) {
    Objects.requireNonNull(perStatement, "rowOrder");
    return new JdbcRerun(url, user, password, commit, perStatement);
  }

  /**
   * Re-runs the recorded statements among {@code events}.
   *
   * @throws SQLException when the target cannot be reached or the transaction cannot be
   *     set up; errors of single statements are results, not exceptions
   */
  public Report run(List<Event> events) throws SQLException {
    return new RerunEngine(url, user, password, commit, sql -> {
      RowOrder o = rowOrder.apply(sql);
      return o == null ? RowOrder.AUTO.name() : o.name();
    }).run(events);
  }

  /** Re-runs the recorded statements of a bundle file. */
  public Report run(Path bundle) throws SQLException {
    return run(BundleEvents.read(bundle));
  }
}
