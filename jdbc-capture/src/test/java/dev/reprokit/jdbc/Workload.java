package dev.reprokit.jdbc;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * A fixed application workload touching most of the JDBC API; returns everything the
 * application can see (values, counts, keys, exceptions) as text, so that runs with and
 * without capture, or against a replay, can be compared.
 */
final class Workload {
  private Workload() {}

  interface Step {
    Object run(Connection c) throws Exception;
  }

  static List<String> run(DataSource ds, String table) throws SQLException {
    return run(ds, table, "varbinary(64)");
  }

  static List<String> run(DataSource ds, String table, String binaryType) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      step(out, "create", () -> {
        try (Statement s = c.createStatement()) {
          return s.executeUpdate("create table " + table
              + " (id int primary key, name varchar(40), amount decimal(10,2), data " + binaryType + ")");
        }
      });
      step(out, "insert", () -> {
        try (PreparedStatement ps = c.prepareStatement(
            "insert into " + table + " (id, name, amount, data) values (?, ?, ?, ?)")) {
          int n = 0;
          for (int i = 1; i <= 4; i++) {
            ps.setInt(1, i);
            ps.setString(2, "name" + i);
            ps.setBigDecimal(3, new BigDecimal(i * 10 + ".25"));
            ps.setBinaryStream(4, new ByteArrayInputStream(new byte[] {(byte) i, 2, 3}), 3);
            n += ps.executeUpdate();
          }
          return n;
        }
      });
      step(out, "failing batch", () -> {
        try (PreparedStatement ps = c.prepareStatement(
            "insert into " + table + " (id, name) values (?, ?)")) {
          for (int id : new int[] {5, 1, 6}) {
            ps.setInt(1, id);
            ps.setString(2, "b" + id);
            ps.addBatch();
          }
          try {
            return Arrays.toString(ps.executeBatch());
          } catch (BatchUpdateException e) {
            return "BatchUpdateException " + e.getSQLState() + " " + e.getUpdateCounts().length;
          }
        }
      });
      step(out, "query", () -> {
        try (PreparedStatement ps = c.prepareStatement(
            "select id, name, amount, data from " + table + " where id > ? order by id")) {
          ps.setInt(1, 1);
          try (ResultSet rs = ps.executeQuery()) {
            return rows(rs);
          }
        }
      });
      step(out, "update", () -> {
        try (PreparedStatement ps = c.prepareStatement(
            "update " + table + " set name = ? where id <= ?")) {
          ps.setString(1, "changed");
          ps.setLong(2, 2);
          return ps.executeUpdate();
        }
      });
      step(out, "savepoint", () -> {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.executeUpdate("delete from " + table + " where id = 3");
          Savepoint sp = c.setSavepoint();
          s.executeUpdate("delete from " + table + " where id = 4");
          c.rollback(sp);
          c.commit();
        } finally {
          c.setAutoCommit(true);
        }
        return "ok";
      });
      step(out, "count", () -> {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
          rs.next();
          return rs.getLong(1);
        }
      });
      step(out, "error", () -> {
        try (Statement s = c.createStatement()) {
          return s.executeQuery("select nope from " + table);
        }
      });
      step(out, "final rows", () -> {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, name from " + table + " order by id")) {
          return rows(rs);
        }
      });
    }
    return out;
  }

  interface Body {
    Object run() throws Exception;
  }

  static void step(List<String> out, String name, Body body) {
    try {
      out.add(name + ": " + show(body.run()));
    } catch (SQLException e) {
      if (System.getProperty("workload.debug") != null) {
        System.out.println("DEBUG " + name + ": " + e);
      }
      out.add(name + ": " + jdbcType(e.getClass()) + " " + e.getSQLState() + " " + e.getErrorCode());
    } catch (Exception e) {
      out.add(name + ": " + e);
    }
  }

  /** The nearest java.sql exception type: what a portable application can catch. */
  static String jdbcType(Class<?> c) {
    while (!c.getPackageName().equals("java.sql")) {
      c = c.getSuperclass();
    }
    return c.getSimpleName();
  }

  static String rows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      b.append(md.getColumnLabel(i).toLowerCase()).append(':').append(md.getColumnType(i)).append(' ');
    }
    while (rs.next()) {
      b.append('[');
      for (int i = 1; i <= md.getColumnCount(); i++) {
        b.append(show(rs.getObject(i))).append('|').append(rs.getString(i)).append(';');
      }
      b.append(']');
    }
    return b.toString();
  }

  static String show(Object o) {
    if (o instanceof byte[] bytes) {
      return Arrays.toString(bytes);
    }
    if (o instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(o);
  }
}
