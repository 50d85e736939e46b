package dev.reprokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Generated sequences of JDBC operations (DDL, inserts, updates, deletes, queries read with
 * {@code getObject} of every column, scrolling, batches that may fail, savepoints) give the
 * same application-visible results with and without the capture wrapper.
 */
class TransparencyProperties {

  /** One operation: kind 0..7 and two small arguments, decoded from one generated int. */
  record Op(int kind, int a, int b) {
    static Op of(int x) {
      return new Op(x % 8, (x / 8) % 12, (x / 96) % 50);
    }
  }

  private static String ddl(Databases db, String table) {
    String binary = db == Databases.POSTGRES ? "bytea" : "varbinary(16)";
    return "create table " + table + " (id int primary key, name varchar(40), amount decimal(10,2),"
        + " ts timestamp null, data " + binary + ", flag boolean, born date, ratio double precision,"
        + " bignum bigint)";
  }

  private static List<String> run(Connection c, String table, List<Op> ops) {
    List<String> out = new ArrayList<>();
    for (Op op : ops) {
      Workload.step(out, op.toString(), () -> apply(c, table, op));
    }
    return out;
  }

  private static Object apply(Connection c, String table, Op op) throws SQLException {
    int a = op.a();
    int b = op.b();
    switch (op.kind()) {
      case 0:
        return insert(c, table, a, b);
      case 1:
        try (PreparedStatement ps = c.prepareStatement("update " + table + " set name = ?, flag = ? where id = ?")) {
          ps.setString(1, "u" + b);
          ps.setBoolean(2, b % 3 == 0);
          ps.setInt(3, a);
          return ps.executeUpdate();
        }
      case 2:
        try (Statement s = c.createStatement()) {
          return s.executeUpdate("delete from " + table + " where id = " + a);
        }
      case 3:
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select * from " + table + " order by id")) {
          return everything(rs);
        }
      case 4:
        try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
             ResultSet rs = s.executeQuery("select id, name from " + table + " order by id")) {
          List<Object> seen = new ArrayList<>();
          seen.add(rs.last());
          seen.add(rs.getRow());
          seen.add(rs.isLast() ? rs.getInt(1) : null);
          seen.add(rs.previous() ? rs.getString(2) : null);
          seen.add(rs.absolute(a % 3 + 1) ? rs.getObject(1) : null);
          seen.add(rs.first() ? rs.getInt("id") : null);
          seen.add(rs.relative(1) ? rs.getString("name") : null);
          rs.afterLast();
          seen.add(rs.isAfterLast());
          seen.add(rs.previous());
          return seen;
        }
      case 5:
        try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (id, name) values (?, ?)")) {
          for (int id : new int[] {a + 20, a + 21, b % 2 == 0 ? a + 20 : a + 22}) {
            ps.setInt(1, id);
            ps.setString(2, "batch" + id);
            ps.addBatch();
          }
          try {
            return Arrays.toString(ps.executeBatch());
          } catch (BatchUpdateException e) {
            return "BatchUpdateException " + e.getSQLState();
          }
        }
      case 6: {
        c.setAutoCommit(false);
        try {
          insert(c, table, a + 40, b);
          Savepoint sp = c.setSavepoint("sp" + b);
          try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from " + table + " where id < " + a);
          }
          c.rollback(sp);
          c.commit();
          return "savepoint ok";
        } catch (SQLException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      }
      default:
        try (PreparedStatement ps = c.prepareStatement(
            "select count(*) as n, sum(amount) as total, max(name) as top from " + table + " where id >= ?")) {
          ps.setInt(1, a);
          try (ResultSet rs = ps.executeQuery()) {
            return everything(rs);
          }
        }
    }
  }

  private static int insert(Connection c, String table, int id, int b) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "insert into " + table + " (id, name, amount, ts, data, flag, born, ratio, bignum)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, id);
      if (b % 7 == 0) {
        ps.setNull(2, Types.VARCHAR);
      } else {
        ps.setString(2, "n" + b);
      }
      ps.setBigDecimal(3, BigDecimal.valueOf(b * 101L, 2));
      ps.setTimestamp(4, new Timestamp(Timestamp.valueOf("2024-02-03 04:05:06").getTime() + b * 1000L));
      ps.setBytes(5, new byte[] {(byte) b, (byte) (b % 5)});
      ps.setObject(6, b % 2 == 0);
      if (b % 5 == 0) {
        ps.setNull(7, Types.DATE);
      } else {
        ps.setDate(7, java.sql.Date.valueOf(java.time.LocalDate.of(2020, 1 + b % 12, 1 + b % 28)));
      }
      ps.setDouble(8, b / 3.0);
      ps.setLong(9, 1L << (b % 62));
      return ps.executeUpdate();
    }
  }

  private static String everything(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      sb.append(md.getColumnLabel(i).toLowerCase()).append('/').append(md.getColumnType(i)).append(' ');
    }
    while (rs.next()) {
      sb.append('[');
      for (int i = 1; i <= md.getColumnCount(); i++) {
        Object v = rs.getObject(i);
        sb.append(Workload.show(v)).append(rs.wasNull() ? "(null)" : "").append(';');
      }
      sb.append(']');
    }
    return sb.toString();
  }

  private static void check(Databases db, int examples) {
    db.assumeReachable();
    String rawTable = Databases.table("tp_raw");
    String repTable = Databases.table("tp_rep");
    TestRecorder rec = new TestRecorder();
    String rawUrl = db.url();
    String repUrl = db == Databases.H2 ? db.url() : rawUrl;
    try {
      qt().withFixedSeed(20241127L).withExamples(examples)
          .forAll(lists().of(integers().between(0, 100_000)).ofSizeBetween(1, 14))
          .checkAssert(codes -> {
            List<Op> ops = codes.stream().map(Op::of).toList();
            try {
              String rt = db == Databases.H2 ? "t" : rawTable;
              String wt = db == Databases.H2 ? "t" : repTable;
              DataSource raw = db.dataSource(rawUrl);
              DataSource wrapped = ReproJdbc.wrap(db.dataSource(repUrl), rec.recorder);
              try (Connection c = raw.getConnection(); Connection w = wrapped.getConnection()) {
                for (Connection conn : List.of(c, w)) {
                  try (Statement s = conn.createStatement()) {
                    String t = conn == c ? rt : wt;
                    s.execute("drop table if exists " + t);
                    s.execute(ddl(db, t));
                  }
                }
                List<String> expected = run(c, rt, ops);
                List<String> actual = run(w, wt, ops);
                assertThat(actual).as("ops %s on %s", ops, db).isEqualTo(expected);
              }
            } catch (SQLException e) {
              throw new AssertionError(e);
            }
          });
      assertThat(rec.recorder.stats().internalFailures()).as("capture faults").isZero();
      assertThat(rec.recorder.stats().eventsRecorded()).as("events captured").isGreaterThan(examples * 3L);
    } finally {
      rec.recorder.close();
      if (db != Databases.H2) {
        try (Connection c = db.dataSource(db.url()).getConnection(); Statement s = c.createStatement()) {
          s.execute("drop table if exists " + rawTable);
          s.execute("drop table if exists " + repTable);
        } catch (SQLException ignored) {
          // best effort
        }
      }
    }
  }

  @Test
  void operationSequencesSeeTheSameResultsWithAndWithoutCaptureOnH2() {
    check(Databases.H2, 40);
  }

  @Test
  void operationSequencesSeeTheSameResultsWithAndWithoutCaptureOnPostgres() {
    check(Databases.POSTGRES, 20);
  }

  @Test
  void operationSequencesSeeTheSameResultsWithAndWithoutCaptureOnMariaDb() {
    check(Databases.MARIADB, 20);
  }
}
