package dev.reprokit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.infra.Blackhole;

/** The JDBC work every variant does: one point-select cycle, one single-row insert. */
final class JdbcWorkload {
  private JdbcWorkload() {}

  static final int ITEMS = 1_000;
  static final String SELECT = "SELECT id, name, qty FROM reprokit_bench_item WHERE id = ?";
  static final String INSERT =
      "INSERT INTO reprokit_bench_purchase (id, item_id, note) VALUES (?, ?, ?)";

  /** Creates the tables (if missing) and fills {@code reprokit_bench_item} with 1,000 rows. */
  static void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS reprokit_bench_item ("
          + "id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, qty INT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS reprokit_bench_purchase ("
          + "id BIGINT PRIMARY KEY, item_id INT NOT NULL, note VARCHAR(64))");
      s.execute("DELETE FROM reprokit_bench_purchase");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM reprokit_bench_item")) {
        rs.next();
        if (rs.getInt(1) == ITEMS) {
          return; // already filled (a server database kept from an earlier run)
        }
      }
      s.execute("DELETE FROM reprokit_bench_item");
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO reprokit_bench_item (id, name, qty) VALUES (?, ?, ?)")) {
      for (int id = 1; id <= ITEMS; id++) {
        ps.setInt(1, id);
        ps.setString(2, "item-" + id);
        ps.setInt(3, id % 97);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    c.commit();
    c.setAutoCommit(auto);
  }

  /** Empties the insert table (outside the measurement). */
  static void clearPurchases(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM reprokit_bench_purchase");
    }
  }

  /** Prepare, bind, execute, read the one row, close. */
  static void pointSelect(Connection c, int id, Blackhole bh) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no item " + id);
        }
        bh.consume(rs.getInt(1));
        bh.consume(rs.getString(2));
        bh.consume(rs.getInt(3));
      }
    }
  }

  /** Prepare, bind three values, execute the insert of one row, close. */
  static int insert(Connection c, long id, String note) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setLong(1, id);
      ps.setInt(2, (int) (id % ITEMS) + 1);
      ps.setString(3, note);
      return ps.executeUpdate();
    }
  }
}
