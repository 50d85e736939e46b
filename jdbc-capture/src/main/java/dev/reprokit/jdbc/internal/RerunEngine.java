package dev.reprokit.jdbc.internal;

import dev.reprokit.event.BindValue;
import dev.reprokit.event.ColumnInfo;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.jdbc.JdbcRerun;
import dev.reprokit.jdbc.JdbcRerun.Outcome;
import dev.reprokit.jdbc.JdbcRerun.StatementResult;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs a {@link JdbcRerun}. One connection, one transaction, a savepoint per statement. */
public final class RerunEngine {
  private final String url;
  private final String user;
  private final String password;
  private final boolean commit;
  private final java.util.function.Function<String, String> rowOrder;
  private boolean threw;

  /** @param rowOrder per SQL text: {@code ORDERED}, {@code MULTISET} or {@code AUTO} */
  public RerunEngine(String url, String user, String password, boolean commit,
      java.util.function.Function<String, String> rowOrder) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.commit = commit;
    this.rowOrder = rowOrder;
  }

  public JdbcRerun.Report run(List<Event> events) throws SQLException {
    ReplayEngine recorded = new ReplayEngine(events, url);
    List<StatementResult> results = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.setAutoCommit(false);
      try {
        for (ReplayEngine.Recorded r : recorded.recorded()) {
          results.add(runOne(c, r));
        }
      } finally {
        if (commit) {
          c.commit();
        } else {
          c.rollback();
        }
      }
    }
    Outcome verdict = Outcome.SAME;
    for (StatementResult r : results) {
      if (r.outcome() == Outcome.FAILED) {
        verdict = Outcome.FAILED;
        break;
      }
      if (r.outcome() == Outcome.DIFFERENT) {
        verdict = Outcome.DIFFERENT;
      }
    }
    return new JdbcRerun.Report(url, commit, results, verdict);
  }

  private StatementResult runOne(Connection c, ReplayEngine.Recorded r) {
    JdbcStatementEvent s = r.statement();
    Savepoint sp = null;
    try {
      sp = c.setSavepoint();
    } catch (SQLException noSavepoints) {
      // run without; a failing statement may then spoil the transaction
    }
    StatementResult result;
    threw = false;
    try {
      result = execute(c, r);
    } catch (SQLException e) {
      threw = true;
      result = errorNow(s, e);
    } catch (RuntimeException e) {
      threw = true;
      result = new StatementResult(s.seq(), s.sql(), Outcome.FAILED,
          "could not re-run: " + e, null, null);
    }
    try {
      if (sp != null) {
        if (threw) {
          c.rollback(sp);
        } else {
          c.releaseSavepoint(sp);
        }
      }
    } catch (SQLException e) {
      try {
        c.rollback(sp);
      } catch (SQLException ignored) {
        // the transaction is rolled back at the end anyway
      }
    }
    return result;
  }

  private StatementResult errorNow(JdbcStatementEvent s, SQLException e) {
    ErrorInfo recorded = s.error();
    if (recorded == null) {
      return new StatementResult(s.seq(), s.sql(), Outcome.FAILED,
          "now SQLException " + e.getSQLState() + " (" + e.getErrorCode() + "): " + e.getMessage()
              + "; the recording succeeded", null, null);
    }
    if (sameState(recorded.sqlState(), e.getSQLState())) {
      return same(s);
    }
    return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
        "now SQLException " + e.getSQLState() + ": " + e.getMessage() + "; recorded "
            + recorded.sqlState() + ": " + recorded.message(), null, null);
  }

  private static boolean sameState(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static StatementResult same(JdbcStatementEvent s) {
    return new StatementResult(s.seq(), s.sql(), Outcome.SAME, "", null, null);
  }

  private StatementResult execute(Connection c, ReplayEngine.Recorded r) throws SQLException {
    JdbcStatementEvent s = r.statement();
    String method = s.method();
    boolean batch = method.startsWith("executeBatch") || method.startsWith("executeLargeBatch");
    boolean prepared = !"statement".equals(s.statementKind());
    if (batch) {
      long[] counts;
      try (Statement st = prepared ? c.prepareStatement(s.sql()) : c.createStatement()) {
        for (List<BindValue> entry : s.batch()) {
          if (prepared) {
            bind((PreparedStatement) st, entry);
            ((PreparedStatement) st).addBatch();
          } else {
            st.addBatch(String.valueOf(entry.get(0).value()));
          }
        }
        try {
          int[] small = st.executeBatch();
          counts = new long[small.length];
          for (int i = 0; i < small.length; i++) {
            counts[i] = small[i];
          }
        } catch (BatchUpdateException e) {
          threw = true;
          return errorNow(s, e);
        }
      }
      if (s.error() != null) {
        return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
            "now succeeded; recorded " + s.error().summary(), null, null);
      }
      for (int i = 0; i < Math.max(counts.length, s.batchUpdateCounts().size()); i++) {
        Long was = i < s.batchUpdateCounts().size() ? s.batchUpdateCounts().get(i) : null;
        Long now = i < counts.length ? counts[i] : null;
        if (was == null || now == null || was.longValue() != now.longValue()) {
          return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
              "batch entry " + (i + 1) + ": recorded count " + was + ", now " + now, i + 1, null);
        }
      }
      return same(s);
    }
    try (Statement st = prepared ? prepare(c, s) : c.createStatement()) {
      boolean hasResult = prepared ? ((PreparedStatement) st).execute() : st.execute(s.sql());
      if (s.error() != null) {
        return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
            "now succeeded; recorded " + s.error().summary(), null, null);
      }
      if (r.rows() != null) {
        if (!hasResult) {
          return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
              "recorded a result set, now update count " + st.getUpdateCount(), null, null);
        }
        try (ResultSet rs = st.getResultSet()) {
          return compareRows(s, r.rows(), rs);
        }
      }
      if (hasResult) {
        if (method.equals("executeQuery") || method.equals("execute")) {
          return same(s); // rows were not recorded (metadata only): nothing to compare
        }
        return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
            "recorded update count " + s.updateCount() + ", now a result set", null, null);
      }
      long now = st.getUpdateCount();
      if (s.updateCount() >= 0 && now != s.updateCount()) {
        return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
            "recorded update count " + s.updateCount() + ", now " + now, null, null);
      }
      return same(s);
    }
  }

  private PreparedStatement prepare(Connection c, JdbcStatementEvent s) throws SQLException {
    PreparedStatement ps = "callable".equals(s.statementKind())
        ? c.prepareCall(s.sql()) : c.prepareStatement(s.sql());
    try {
      bind(ps, s.binds());
      if (ps instanceof java.sql.CallableStatement cs) {
        for (BindValue out : s.outParameters()) {
          if (out.index() > 0) {
            cs.registerOutParameter(out.index(), jdbcTypeOf(out.value()));
          }
        }
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  private static int jdbcTypeOf(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return Types.INTEGER;
    }
    if (v instanceof Long) {
      return Types.BIGINT;
    }
    if (v instanceof Number) {
      return Types.NUMERIC;
    }
    if (v instanceof Boolean) {
      return Types.BOOLEAN;
    }
    return Types.VARCHAR;
  }

  static void bind(PreparedStatement ps, List<BindValue> binds) throws SQLException {
    for (BindValue b : binds) {
      if (b.index() < 1) {
        continue;
      }
      Object v = ReplayValues.plain(b.value());
      int i = b.index();
      if (v == null) {
        ps.setNull(i, b.sqlType() != null ? b.sqlType() : Types.NULL);
        continue;
      }
      switch (b.setter()) {
        case "setInt": ps.setInt(i, ReplayValues.to(v, Integer.class)); break;
        case "setLong": ps.setLong(i, ReplayValues.to(v, Long.class)); break;
        case "setShort": ps.setShort(i, ReplayValues.to(v, Short.class)); break;
        case "setByte": ps.setByte(i, ReplayValues.to(v, Byte.class)); break;
        case "setDouble": ps.setDouble(i, ReplayValues.to(v, Double.class)); break;
        case "setFloat": ps.setFloat(i, ReplayValues.to(v, Float.class)); break;
        case "setBoolean": ps.setBoolean(i, ReplayValues.to(v, Boolean.class)); break;
        case "setBigDecimal": ps.setBigDecimal(i, ReplayValues.to(v, java.math.BigDecimal.class)); break;
        case "setString": case "setNString": ps.setString(i, ReplayValues.to(v, String.class)); break;
        case "setBytes": ps.setBytes(i, ReplayValues.bytes(v)); break;
        case "setDate": ps.setDate(i, ReplayValues.to(v, java.sql.Date.class)); break;
        case "setTime": ps.setTime(i, ReplayValues.to(v, java.sql.Time.class)); break;
        case "setTimestamp": ps.setTimestamp(i, ReplayValues.to(v, java.sql.Timestamp.class)); break;
        case "setBinaryStream": case "setBlob": case "setAsciiStream":
          ps.setBytes(i, ReplayValues.bytes(v));
          break;
        case "setCharacterStream": case "setClob": case "setNClob": case "setNCharacterStream":
          ps.setString(i, new String(ReplayValues.bytes(v), java.nio.charset.StandardCharsets.UTF_8));
          break;
        default:
          if (b.sqlType() != null) {
            ps.setObject(i, v, b.sqlType());
          } else {
            ps.setObject(i, v);
          }
      }
    }
  }

  private StatementResult compareRows(JdbcStatementEvent s, JdbcResultSetEvent recorded,
      ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int width = md.getColumnCount();
    List<ColumnInfo> cols = recorded.columns();
    if (!cols.isEmpty() && cols.size() != width) {
      return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
          "recorded " + cols.size() + " columns, now " + width, null, null);
    }
    List<List<Object>> was = recorded.rows();
    boolean everything = recorded.complete() && !recorded.truncated();
    long limit = everything ? Long.MAX_VALUE : was.size();
    List<List<Object>> now = new ArrayList<>();
    long total = 0;
    while (rs.next()) {
      total++;
      if (now.size() < limit && now.size() < 100_000) {
        List<Object> row = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
          try {
            row.add(Values.copy(rs.getObject(i), 64 * 1024));
          } catch (Exception e) {
            row.add("‹unreadable›");
          }
        }
        now.add(row);
      }
    }
    String order = rowOrder.apply(s.sql());
    boolean ordered = order.equals("ORDERED") || order.equals("AUTO")
        && s.sql() != null && s.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
            .contains("order by");
    if (ordered) {
      for (int r = 0; r < was.size(); r++) {
        if (r >= now.size()) {
          return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
              "row " + (r + 1) + " is missing now (recorded " + (everything ? was.size()
                  : "at least " + was.size()) + " rows, now " + total + ")", r + 1, null);
        }
        for (int col = 0; col < was.get(r).size() && col < width; col++) {
          Object a = was.get(r).get(col);
          Object b = now.get(r).get(col);
          if (!comparable(a) || ReplayValues.same(a, b)) {
            continue;
          }
          String label = cols.isEmpty() ? md.getColumnLabel(col + 1) : cols.get(col).label();
          return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
              "row " + (r + 1) + ", column " + label + ": recorded " + ReplayValues.show(a)
                  + ", now " + ReplayValues.show(b), r + 1, label);
        }
      }
    } else {
      Map<String, Integer> remaining = new HashMap<>();
      for (List<Object> row : now) {
        remaining.merge(key(row), 1, Integer::sum);
      }
      for (int r = 0; r < was.size(); r++) {
        String k = key(was.get(r));
        Integer n = remaining.get(k);
        if (n == null || n == 0) {
          return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
              "recorded row " + (r + 1) + " " + show(was.get(r)) + " is not among the rows now",
              r + 1, null);
        }
        remaining.put(k, n - 1);
      }
    }
    if (everything && total != recorded.rowsSeen()) {
      return new StatementResult(s.seq(), s.sql(), Outcome.DIFFERENT,
          "recorded " + recorded.rowsSeen() + " rows, now " + total, (int) Math.min(
              Integer.MAX_VALUE, Math.min(total, recorded.rowsSeen()) + 1), null);
    }
    return same(s);
  }

  private static boolean comparable(Object recorded) {
    return !(BindRecorder.REDACTED.equals(recorded)
        || recorded instanceof String str && str.startsWith("‹"));
  }

  private static String key(List<Object> row) {
    StringBuilder b = new StringBuilder();
    for (Object v : row) {
      b.append(canonical(v)).append('\u0001');
    }
    return b.toString();
  }

  private static String canonical(Object v) {
    if (v == null) {
      return "∅";
    }
    if (v instanceof Number) {
      try {
        return ReplayValues.to(v, java.math.BigDecimal.class).stripTrailingZeros().toPlainString();
      } catch (SQLException e) {
        return v.toString();
      }
    }
    if (v instanceof byte[] b) {
      return java.util.Base64.getEncoder().encodeToString(b);
    }
    if (v instanceof Boolean) {
      return v.toString();
    }
    return v.toString();
  }

  private static String show(List<Object> row) {
    List<String> parts = new ArrayList<>();
    for (Object v : row) {
      parts.add(ReplayValues.show(v));
    }
    return parts.toString();
  }
}
