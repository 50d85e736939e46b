package dev.reprokit.jdbc.internal;

import dev.reprokit.event.BindValue;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded statements of a bundle, in recorded order, and the matching of statements the
 * application executes now against them: by normalised SQL and bind values, each recorded
 * execution answered once in recorded order (the last one again when the application
 * repeats a statement more often than recorded). Thread-safe.
 */
public final class ReplayEngine {

  /** One recorded execution with the rows and generated keys that belong to it. */
  public record Recorded(JdbcStatementEvent statement, JdbcResultSetEvent rows,
      JdbcResultSetEvent keys) {}

  private final List<Recorded> recorded;
  private final boolean[] used;
  final String url;
  final dev.reprokit.env.DatabaseInfo database;

  public ReplayEngine(List<Event> events, String url) {
    this(events, url, null);
  }

  /**
   * @param database the database the recording ran against (from the bundle's environment),
   *     reported by the replay's {@code DatabaseMetaData}, or {@code null}
   */
  public ReplayEngine(List<Event> events, String url, dev.reprokit.env.DatabaseInfo database) {
    Map<Long, JdbcResultSetEvent> rows = new HashMap<>();
    Map<Long, JdbcResultSetEvent> keys = new HashMap<>();
    for (Event e : events) {
      if (e instanceof JdbcResultSetEvent r && r.statementSeq() >= 0) {
        if (r.generatedKeys()) {
          keys.putIfAbsent(r.statementSeq(), r);
        } else {
          rows.putIfAbsent(r.statementSeq(), r);
        }
      }
    }
    List<Recorded> list = new ArrayList<>();
    for (Event e : events) {
      if (e instanceof JdbcStatementEvent s) {
        list.add(new Recorded(s, rows.get(s.seq()), keys.get(s.seq())));
      }
    }
    list.sort(Comparator.comparingLong(r -> r.statement().seq()));
    this.recorded = List.copyOf(list);
    this.used = new boolean[list.size()];
    this.url = url;
    this.database = database;
  }

  /** Every recorded execution, in order. */
  public List<Recorded> recorded() {
    return recorded;
  }

  /** Collapses whitespace and drops a trailing semicolon. */
  public static String normalise(String sql) {
    if (sql == null) {
      return "";
    }
    String s = sql.trim().replaceAll("\\s+", " ");
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).trim();
    }
    return s;
  }

  /**
   * The recorded execution for this one.
   *
   * @param batch for batches: the entries' values (or SQL texts); else {@code null}
   * @throws SQLException with a near-miss report when nothing matches
   */
  synchronized Recorded match(String sql, List<Object> binds, List<List<Object>> batch)
      throws SQLException {
    String norm = normalise(sql);
    int lastMatch = -1;
    for (int i = 0; i < recorded.size(); i++) {
      if (matches(recorded.get(i), norm, binds, batch)) {
        if (!used[i]) {
          used[i] = true;
          return recorded.get(i);
        }
        lastMatch = i;
      }
    }
    if (lastMatch >= 0) {
      return recorded.get(lastMatch);
    }
    throw new SQLException(nearMiss(sql, norm, binds, batch), "HY000", 0);
  }

  private static boolean matches(Recorded r, String norm, List<Object> binds,
      List<List<Object>> batch) {
    JdbcStatementEvent s = r.statement();
    boolean isBatch = s.method().startsWith("executeBatch") || s.method().startsWith("executeLargeBatch");
    if (isBatch != (batch != null)) {
      return false;
    }
    if (!normalise(s.sql()).equals(norm) && !(isBatch && s.sql() == null && norm.isEmpty())) {
      return false;
    }
    if (isBatch) {
      if (s.batch().size() != batch.size()) {
        return false;
      }
      for (int i = 0; i < batch.size(); i++) {
        if (firstDifference(s.batch().get(i), batch.get(i)) != null) {
          return false;
        }
      }
      return true;
    }
    return firstDifference(s.binds(), binds) == null;
  }

  /** What differs between recorded and current bind values, or {@code null}. */
  static String firstDifference(List<BindValue> recorded, List<Object> now) {
    if (recorded.size() != now.size()) {
      return recorded.size() + " parameters recorded, " + now.size() + " bound now";
    }
    for (int i = 0; i < recorded.size(); i++) {
      BindValue b = recorded.get(i);
      Object v = b.value();
      if (BindRecorder.REDACTED.equals(v) || v instanceof dev.reprokit.event.Payload
          || v instanceof Map || (v instanceof String s && s.startsWith("‹redacted"))) {
        continue; // redacted or only a prefix recorded: not comparable
      }
      if (!ReplayValues.same(v, now.get(i))) {
        String where = b.name() != null ? "parameter '" + b.name() + "'" : "parameter " + b.index();
        return where + ": recorded " + ReplayValues.show(v) + " (" + b.setter() + "), now "
            + ReplayValues.show(now.get(i));
      }
    }
    return null;
  }

  private String nearMiss(String sql, String norm, List<Object> binds, List<List<Object>> batch) {
    StringBuilder b = new StringBuilder("replay: no recorded statement matches ")
        .append(batch != null ? "the batch of " + batch.size() + " on " : "")
        .append('\'').append(abbreviate(norm)).append('\'');
    if (binds != null && !binds.isEmpty()) {
      List<String> shown = new ArrayList<>();
      for (Object o : binds) {
        shown.add(ReplayValues.show(o));
      }
      b.append(" with ").append(shown);
    }
    if (recorded.isEmpty()) {
      return b.append(". The bundle holds no JDBC statements.").toString();
    }
    record Candidate(int index, int distance, String why) {}
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < recorded.size(); i++) {
      JdbcStatementEvent s = recorded.get(i).statement();
      String rs = normalise(s.sql());
      int d = distance(rs, norm);
      String why;
      if (d == 0) {
        boolean isBatch = s.method().startsWith("executeBatch") || s.method().startsWith("executeLargeBatch");
        if (isBatch != (batch != null)) {
          why = "same SQL, but recorded as " + s.method();
          d = 1;
        } else if (batch != null) {
          why = "same SQL, batch differs (" + s.batch().size() + " entries recorded, "
              + batch.size() + " now)";
          d = 1;
        } else {
          String diff = firstDifference(s.binds(), binds == null ? List.of() : binds);
          why = "same SQL, " + diff;
          d = 1;
        }
      } else {
        int at = 0;
        while (at < rs.length() && at < norm.length() && rs.charAt(at) == norm.charAt(at)) {
          at++;
        }
        why = "SQL differs from character " + (at + 1) + ": recorded '"
            + abbreviate(rs.substring(Math.min(at, rs.length()))) + "', now '"
            + abbreviate(norm.substring(Math.min(at, norm.length()))) + "'";
      }
      candidates.add(new Candidate(i, d, why));
    }
    candidates.sort(Comparator.comparingInt(Candidate::distance)
        .thenComparingInt(Candidate::index));
    b.append(". Nearest recorded statements:");
    for (int i = 0; i < Math.min(3, candidates.size()); i++) {
      Candidate c = candidates.get(i);
      JdbcStatementEvent s = recorded.get(c.index()).statement();
      b.append("\n  #").append(s.seq()).append(' ').append(s.method()).append(" '")
          .append(abbreviate(normalise(s.sql()))).append("' — ").append(c.why());
    }
    return b.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }

  /** Levenshtein distance on at most the first 400 characters. */
  static int distance(String a, String b) {
    a = a.length() > 400 ? a.substring(0, 400) : a;
    b = b.length() > 400 ? b.substring(0, 400) : b;
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The recorded exception, rebuilt with its SQLState, vendor code and message. */
  static SQLException rebuild(ErrorInfo error, List<Long> batchCounts) {
    String message = error.message();
    String state = error.sqlState();
    int code = error.vendorCode() == null ? 0 : error.vendorCode();
    SQLException e;
    if (error.type().endsWith("BatchUpdateException")) {
      long[] counts = new long[batchCounts.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = batchCounts.get(i);
      }
      e = new BatchUpdateException(message, state, code, counts, null);
    } else {
      e = instantiate(error.type(), message, state, code);
    }
    SQLException tail = e;
    for (ErrorInfo n : error.next()) {
      SQLException next = instantiate(n.type(), n.message(), n.sqlState(),
          n.vendorCode() == null ? 0 : n.vendorCode());
      tail.setNextException(next);
      tail = next;
    }
    return e;
  }

  /**
   * The recorded type when it is a {@code java.sql} exception, else its nearest
   * {@code java.sql} superclass when the driver is on the class path, else the JDBC 4
   * subclass its SQLState class implies; so that the application's catch blocks behave.
   */
  private static SQLException instantiate(String type, String message, String state, int code) {
    Class<?> c = null;
    if (type != null) {
      try {
        c = Class.forName(type, false, ReplayEngine.class.getClassLoader());
        while (c != null && !c.getName().startsWith("java.sql.")) {
          c = c.getSuperclass();
        }
      } catch (ClassNotFoundException | LinkageError | RuntimeException notHere) {
        c = null;
      }
    }
    if (c == null) {
      c = byState(state);
    }
    if (c != null && SQLException.class.isAssignableFrom(c)) {
      try {
        return (SQLException) c.getConstructor(String.class, String.class, int.class)
            .newInstance(message, state, code);
      } catch (ReflectiveOperationException | RuntimeException ignored) {
        // fall back to a plain SQLException below
      }
    }
    return new SQLException(message, state, code);
  }

  private static Class<?> byState(String state) {
    if (state == null || state.length() < 2) {
      return SQLException.class;
    }
    switch (state.substring(0, 2)) {
      case "08": return java.sql.SQLNonTransientConnectionException.class;
      case "22": return java.sql.SQLDataException.class;
      case "23": return java.sql.SQLIntegrityConstraintViolationException.class;
      case "28": return java.sql.SQLInvalidAuthorizationSpecException.class;
      case "40": return java.sql.SQLTransactionRollbackException.class;
      case "42": return java.sql.SQLSyntaxErrorException.class;
      case "0A": return java.sql.SQLFeatureNotSupportedException.class;
      default: return SQLException.class;
    }
  }
}
