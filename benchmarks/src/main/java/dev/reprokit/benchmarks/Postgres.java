package dev.reprokit.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/** The PostgreSQL server on loopback that the README's test set-up provides. */
final class Postgres {
  private Postgres() {}

  static final String HOST = System.getProperty("reprokit.bench.pg.host", "127.0.0.1");
  static final int PORT = Integer.getInteger("reprokit.bench.pg.port", 5432);
  static final String DATABASE = System.getProperty("reprokit.bench.pg.database", "test");
  static final String USER = System.getProperty("reprokit.bench.pg.user", "postgres");

  static PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {HOST});
    ds.setPortNumbers(new int[] {PORT});
    ds.setDatabaseName(DATABASE);
    ds.setUser(USER);
    ds.setConnectTimeout(2);
    return ds;
  }

  /** {@code null} when the server answers, else why not. */
  static String unavailableReason() {
    try (Connection c = dataSource().getConnection()) {
      return c.isValid(2) ? null : "connection not valid";
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  /**
   * Fails the benchmark's setup, with a message on stderr that says it was skipped and why,
   * when the server does not answer: JMH then reports that benchmark as failed and goes on.
   */
  static void requireAvailable(String benchmark) {
    String down = unavailableReason();
    if (down != null) {
      String message = "SKIPPED: " + describe() + " is not reachable (" + down + "); "
          + benchmark + " needs it";
      System.err.println(message);
      throw new IllegalStateException(message);
    }
  }

  static String describe() {
    return "PostgreSQL at " + HOST + ":" + PORT + "/" + DATABASE + " as " + USER;
  }
}
