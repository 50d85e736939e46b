package dev.reprokit.jdbc.internal;

import dev.reprokit.event.BindValue;
import dev.reprokit.event.ColumnInfo;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stub JDBC objects of a replay: connections, statements and result sets that answer
 * from a {@link ReplayEngine}. Dynamic proxies are fine here: replay is not a hot path.
 * Result sets answer with the recorded column metadata and typed values, scroll in both
 * directions, and convert values as the typed getters ask.
 */
public final class ReplayObjects {
  private ReplayObjects() {}

  /** A new replay connection. */
  public static Connection connection(ReplayEngine engine) {
    return proxy(Connection.class, new ConnectionHandler(engine));
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> iface, InvocationHandler h) {
    return (T) Proxy.newProxyInstance(ReplayObjects.class.getClassLoader(), new Class<?>[] {iface},
        (p, m, args) -> {
          try {
            return h.invoke(p, m, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == short.class) {
      return (short) 0;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == double.class) {
      return 0d;
    }
    if (type == float.class) {
      return 0f;
    }
    return null;
  }

  static SQLException unsupported(Method m) {
    return new SQLFeatureNotSupportedException(
        "replay: " + m.getDeclaringClass().getSimpleName() + "." + m.getName()
            + " is not supported by the replay driver", "0A000");
  }

  /** Object methods and Wrapper methods, shared. */
  static Object common(Object proxy, Method m, Object[] args, Class<?> iface) throws Throwable {
    switch (m.getName()) {
      case "equals": return proxy == args[0];
      case "hashCode": return System.identityHashCode(proxy);
      case "toString": return "replay " + iface.getSimpleName() + "@"
          + Integer.toHexString(System.identityHashCode(proxy));
      case "unwrap":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return proxy;
        }
        throw new SQLException("replay: not a wrapper for " + args[0]);
      case "isWrapperFor": return ((Class<?>) args[0]).isInstance(proxy);
      default: return NOT_COMMON;
    }
  }

  static final Object NOT_COMMON = new Object();

  // ---- connection -----------------------------------------------------------------------

  static final class ConnectionHandler implements InvocationHandler {
    final ReplayEngine engine;
    boolean closed;
    boolean autoCommit = true;
    boolean readOnly;
    int isolation = Connection.TRANSACTION_READ_COMMITTED;
    String catalog;
    String schema;
    int holdability = ResultSet.CLOSE_CURSORS_AT_COMMIT;
    Connection self;
    int savepoints;

    ConnectionHandler(ReplayEngine engine) {
      this.engine = engine;
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      self = (Connection) proxy;
      Object c = common(proxy, m, args, Connection.class);
      if (c != NOT_COMMON) {
        return c;
      }
      String name = m.getName();
      switch (name) {
        case "close": closed = true; return null;
        case "isClosed": return closed;
        case "isValid": return !closed;
        case "abort": closed = true; return null;
        default: break;
      }
      if (closed) {
        throw new SQLException("replay: the connection is closed", "08003");
      }
      switch (name) {
        case "createStatement":
          return proxy(Statement.class, new StatementHandler(this, null, Statement.class));
        case "prepareStatement":
          return proxy(PreparedStatement.class,
              new StatementHandler(this, (String) args[0], PreparedStatement.class));
        case "prepareCall":
          return proxy(CallableStatement.class,
              new StatementHandler(this, (String) args[0], CallableStatement.class));
        case "nativeSQL": return args[0];
        case "getAutoCommit": return autoCommit;
        case "setAutoCommit": autoCommit = (Boolean) args[0]; return null;
        case "commit": case "rollback": case "releaseSavepoint": case "clearWarnings":
        case "beginRequest": case "endRequest": case "setNetworkTimeout":
        case "setClientInfo": case "setTypeMap":
          return null;
        case "setSavepoint": {
          int id = ++savepoints;
          String spName = args == null || args.length == 0 ? null : (String) args[0];
          return new Savepoint() {
            @Override
            public int getSavepointId() throws SQLException {
              if (spName != null) {
                throw new SQLException("named savepoint");
              }
              return id;
            }

            @Override
            public String getSavepointName() throws SQLException {
              if (spName == null) {
                throw new SQLException("unnamed savepoint");
              }
              return spName;
            }
          };
        }
        case "isReadOnly": return readOnly;
        case "setReadOnly": readOnly = (Boolean) args[0]; return null;
        case "getTransactionIsolation": return isolation;
        case "setTransactionIsolation": isolation = (Integer) args[0]; return null;
        case "getCatalog": return catalog;
        case "setCatalog": catalog = (String) args[0]; return null;
        case "getSchema": return schema;
        case "setSchema": schema = (String) args[0]; return null;
        case "getHoldability": return holdability;
        case "setHoldability": holdability = (Integer) args[0]; return null;
        case "getWarnings": return null;
        case "getNetworkTimeout": return 0;
        case "getClientInfo": return args == null || args.length == 0 ? new java.util.Properties() : null;
        case "getTypeMap": return new java.util.HashMap<String, Class<?>>();
        case "getMetaData":
          return proxy(DatabaseMetaData.class, (p, mm, a) -> metaData(p, mm, a));
        default: throw unsupported(m);
      }
    }

    private Object metaData(Object proxy, Method m, Object[] args) throws Throwable {
      Object c = common(proxy, m, args, DatabaseMetaData.class);
      if (c != NOT_COMMON) {
        return c;
      }
      switch (m.getName()) {
        case "getURL": return engine.url;
        case "getConnection": return self;
        case "getDatabaseProductName":
          return engine.database != null && engine.database.product() != null
              ? engine.database.product() : "ReproKit replay";
        case "getDatabaseProductVersion":
          return engine.database != null && engine.database.productVersion() != null
              ? engine.database.productVersion() : "0.1";
        case "getDriverName": return "ReproKit replay driver";
        case "getDriverVersion": return "0.1";
        case "getDriverMajorVersion": return 0;
        case "getDriverMinorVersion": return 1;
        case "getJDBCMajorVersion": return 4;
        case "getJDBCMinorVersion": return 3;
        case "getIdentifierQuoteString": return "\"";
        case "getUserName": return null;
        case "getDefaultTransactionIsolation": return Connection.TRANSACTION_READ_COMMITTED;
        default:
          if (m.getReturnType() == ResultSet.class) {
            throw unsupported(m);
          }
          return m.getReturnType() == String.class ? "" : defaultValue(m.getReturnType());
      }
    }
  }

  // ---- statements -------------------------------------------------------------------------

  static final class StatementHandler implements InvocationHandler {
    final ConnectionHandler connection;
    final String sql;
    final Class<?> iface;
    final TreeMap<Integer, Object> binds = new TreeMap<>();
    final Map<String, Object> named = new java.util.LinkedHashMap<>();
    List<List<Object>> batch;
    List<String> batchSql;
    ResultSet current;
    ResultSet keys;
    long updateCount = -1;
    ReplayEngine.Recorded last;
    boolean closed;
    boolean closeOnCompletion;
    int fetchSize;
    int maxRows;
    long largeMaxRows;
    int queryTimeout;
    int fetchDirection = ResultSet.FETCH_FORWARD;
    int maxFieldSize;
    boolean poolable;
    boolean wasNull;
    Statement self;

    StatementHandler(ConnectionHandler connection, String sql, Class<?> iface) {
      this.connection = connection;
      this.sql = sql;
      this.iface = iface;
    }

    private List<Object> bindList() {
      List<Object> list = new ArrayList<>(binds.values());
      list.addAll(named.values());
      return list;
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      self = (Statement) proxy;
      Object c = common(proxy, m, args, iface);
      if (c != NOT_COMMON) {
        return c;
      }
      String name = m.getName();
      if (name.equals("close")) {
        closed = true;
        return null;
      }
      if (name.equals("isClosed")) {
        return closed;
      }
      if (closed) {
        throw new SQLException("replay: the statement is closed", "HY010");
      }
      if (name.startsWith("set") && args != null && args.length >= 2
          && (m.getDeclaringClass() == PreparedStatement.class
              || m.getDeclaringClass() == CallableStatement.class)) {
        Object v = name.equals("setNull") ? null : args[1];
        if (v instanceof InputStream in) {
          v = in.readAllBytes();
        } else if (v instanceof Reader r) {
          StringBuilder sb = new StringBuilder();
          char[] buf = new char[4096];
          for (int n; (n = r.read(buf)) > 0; ) {
            sb.append(buf, 0, n);
          }
          v = sb.toString();
        } else {
          v = Values.copy(v, Integer.MAX_VALUE);
        }
        if (args[0] instanceof Integer i) {
          binds.put(i, v);
        } else {
          named.put((String) args[0], v);
        }
        return null;
      }
      switch (name) {
        case "clearParameters": binds.clear(); named.clear(); return null;
        case "addBatch":
          if (args == null || args.length == 0) {
            if (batch == null) {
              batch = new ArrayList<>();
            }
            batch.add(bindList());
          } else {
            if (batchSql == null) {
              batchSql = new ArrayList<>();
            }
            batchSql.add((String) args[0]);
          }
          return null;
        case "clearBatch": batch = null; batchSql = null; return null;
        case "executeQuery": {
          Object r = execute(args, proxy);
          if (current == null) {
            throw new SQLException("replay: the recorded execution returned no result set", "02000");
          }
          return r == null ? current : current;
        }
        case "executeUpdate":
          execute(args, proxy);
          return (int) updateCount;
        case "executeLargeUpdate":
          execute(args, proxy);
          return updateCount;
        case "execute":
          execute(args, proxy);
          return current != null;
        case "executeBatch": {
          long[] counts = executeBatch();
          int[] small = new int[counts.length];
          for (int i = 0; i < counts.length; i++) {
            small[i] = (int) counts[i];
          }
          return small;
        }
        case "executeLargeBatch": return executeBatch();
        case "getResultSet": return current;
        case "getUpdateCount": return current != null ? -1 : (int) updateCount;
        case "getLargeUpdateCount": return current != null ? -1L : updateCount;
        case "getMoreResults": current = null; updateCount = -1; return false;
        case "getGeneratedKeys":
          return keys != null ? keys : resultSet(new JdbcResultSetEvent(0, 0, 0, 0, null, null,
              null, null, -1, List.of(), List.of(), 0, true, false), proxy);
        case "getConnection": return connection.self;
        case "getWarnings": return null;
        case "clearWarnings": case "cancel": case "setCursorName": case "setEscapeProcessing":
        case "registerOutParameter":
          return null;
        case "closeOnCompletion": closeOnCompletion = true; return null;
        case "isCloseOnCompletion": return closeOnCompletion;
        case "getFetchSize": return fetchSize;
        case "setFetchSize": fetchSize = (Integer) args[0]; return null;
        case "getMaxRows": return maxRows;
        case "setMaxRows": maxRows = (Integer) args[0]; return null;
        case "getLargeMaxRows": return largeMaxRows;
        case "setLargeMaxRows": largeMaxRows = (Long) args[0]; return null;
        case "getQueryTimeout": return queryTimeout;
        case "setQueryTimeout": queryTimeout = (Integer) args[0]; return null;
        case "getFetchDirection": return fetchDirection;
        case "setFetchDirection": fetchDirection = (Integer) args[0]; return null;
        case "getMaxFieldSize": return maxFieldSize;
        case "setMaxFieldSize": maxFieldSize = (Integer) args[0]; return null;
        case "isPoolable": return poolable;
        case "setPoolable": poolable = (Boolean) args[0]; return null;
        case "getResultSetType": return ResultSet.TYPE_SCROLL_INSENSITIVE;
        case "getResultSetConcurrency": return ResultSet.CONCUR_READ_ONLY;
        case "getResultSetHoldability": return ResultSet.CLOSE_CURSORS_AT_COMMIT;
        case "wasNull": return wasNull;
        case "enquoteLiteral":
          return "'" + ((String) args[0]).replace("'", "''") + "'";
        case "enquoteNCharLiteral":
          return "N'" + ((String) args[0]).replace("'", "''") + "'";
        case "isSimpleIdentifier":
          return ((String) args[0]).matches("[A-Za-z][A-Za-z0-9_]{0,127}");
        case "enquoteIdentifier": {
          String id = (String) args[0];
          boolean simple = id.matches("[A-Za-z][A-Za-z0-9_]{0,127}");
          return simple && !(Boolean) args[1] ? id : "\"" + id.replace("\"", "\"\"") + "\"";
        }
        default: break;
      }
      if (iface == CallableStatement.class && name.startsWith("get") && args != null
          && args.length >= 1) {
        return outParameter(m, args);
      }
      throw unsupported(m);
    }

    private Object outParameter(Method m, Object[] args) throws SQLException {
      if (last == null) {
        throw new SQLException("replay: no execution yet", "HY010");
      }
      for (BindValue b : last.statement().outParameters()) {
        boolean hit = args[0] instanceof Integer i ? b.index() == i
            : args[0].toString().equalsIgnoreCase(b.name());
        if (hit) {
          Class<?> target = m.getReturnType();
          if (args.length == 2 && args[1] instanceof Class<?> cls) {
            target = cls;
          }
          Object v = ReplayValues.plain(b.value());
          wasNull = v == null;
          return ReplayValues.to(v, target);
        }
      }
      throw new SQLException("replay: OUT parameter " + args[0] + " was not recorded", "HY000");
    }

    private Object execute(Object[] args, Object proxy) throws SQLException {
      String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
      current = null;
      keys = null;
      updateCount = -1;
      ReplayEngine.Recorded r = connection.engine.match(text,
          args != null && args.length > 0 && args[0] instanceof String ? List.of() : bindList(),
          null);
      last = r;
      JdbcStatementEvent s = r.statement();
      if (s.error() != null) {
        throw ReplayEngine.rebuild(s.error(), s.batchUpdateCounts());
      }
      if (r.rows() != null) {
        current = resultSet(r.rows(), proxy);
      } else if (s.method().equals("executeQuery")) {
        current = resultSet(new JdbcResultSetEvent(0, 0, 0, 0, null, null, null, null, -1,
            List.of(), List.of(), 0, true, false), proxy);
      }
      updateCount = current != null ? -1 : s.updateCount();
      if (r.keys() != null) {
        keys = resultSet(r.keys(), proxy);
      }
      return current;
    }

    private long[] executeBatch() throws SQLException {
      List<List<Object>> entries = new ArrayList<>();
      if (batchSql != null) {
        for (String s : batchSql) {
          entries.add(List.of(s));
        }
      } else if (batch != null) {
        entries.addAll(batch);
      }
      batch = null;
      batchSql = null;
      ReplayEngine.Recorded r = connection.engine.match(sql, null, entries);
      last = r;
      JdbcStatementEvent s = r.statement();
      long[] counts = new long[s.batchUpdateCounts().size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = s.batchUpdateCounts().get(i);
      }
      if (s.error() != null) {
        SQLException e = ReplayEngine.rebuild(s.error(), s.batchUpdateCounts());
        if (!(e instanceof BatchUpdateException)) {
          throw new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(),
              counts, null);
        }
        throw e;
      }
      if (r.keys() != null) {
        keys = resultSet(r.keys(), self);
      }
      return counts;
    }

    ResultSet resultSet(JdbcResultSetEvent event, Object statement) {
      return proxy(ResultSet.class, new ResultSetHandler(event, (Statement) statement, this));
    }
  }

  // ---- result sets ------------------------------------------------------------------------

  static final class ResultSetHandler implements InvocationHandler {
    final List<ColumnInfo> columns;
    final List<List<Object>> rows;
    final Statement statement;
    final StatementHandler owner;
    int cursor; // 0 = before first, rows.size()+1 = after last
    boolean closed;
    boolean wasNull;
    int fetchSize;

    ResultSetHandler(JdbcResultSetEvent event, Statement statement, StatementHandler owner) {
      this.columns = event.columns();
      this.rows = event.rows();
      this.statement = statement;
      this.owner = owner;
    }

    private int column(Object key) throws SQLException {
      if (key instanceof Integer i) {
        if (i < 1 || i > columns.size()) {
          throw new SQLException("replay: column index " + i + " out of range 1.."
              + columns.size(), "07009");
        }
        return i;
      }
      String label = key.toString();
      for (int i = 0; i < columns.size(); i++) {
        if (label.equalsIgnoreCase(columns.get(i).label())) {
          return i + 1;
        }
      }
      for (int i = 0; i < columns.size(); i++) {
        if (label.equalsIgnoreCase(columns.get(i).name())) {
          return i + 1;
        }
      }
      throw new SQLException("replay: no column '" + label + "'", "42S22");
    }

    private boolean onRow() {
      return cursor >= 1 && cursor <= rows.size();
    }

    private boolean move(int to) {
      cursor = Math.max(0, Math.min(rows.size() + 1, to));
      return onRow();
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      Object c = common(proxy, m, args, ResultSet.class);
      if (c != NOT_COMMON) {
        return c;
      }
      String name = m.getName();
      switch (name) {
        case "close":
          if (!closed && owner.closeOnCompletion) {
            owner.closed = true;
          }
          closed = true;
          return null;
        case "isClosed": return closed;
        default: break;
      }
      if (closed) {
        throw new SQLException("replay: the result set is closed", "HY010");
      }
      int n = rows.size();
      switch (name) {
        case "next": return move(cursor + 1);
        case "previous": return move(cursor - 1);
        case "first": return move(1) && n > 0;
        case "last": return n > 0 && move(n);
        case "beforeFirst": cursor = 0; return null;
        case "afterLast": cursor = n + 1; return null;
        case "absolute": {
          int r = (Integer) args[0];
          return move(r >= 0 ? r : n + 1 + r);
        }
        case "relative": return move(cursor + (Integer) args[0]);
        case "isBeforeFirst": return cursor == 0 && n > 0;
        case "isAfterLast": return cursor == n + 1 && n > 0;
        case "isFirst": return cursor == 1 && n > 0;
        case "isLast": return cursor == n && n > 0;
        case "getRow": return onRow() ? cursor : 0;
        case "wasNull": return wasNull;
        case "findColumn": return column(args[0]);
        case "getStatement": return statement;
        case "getWarnings": return null;
        case "clearWarnings": return null;
        case "getType": return ResultSet.TYPE_SCROLL_INSENSITIVE;
        case "getConcurrency": return ResultSet.CONCUR_READ_ONLY;
        case "getHoldability": return ResultSet.CLOSE_CURSORS_AT_COMMIT;
        case "getFetchDirection": return ResultSet.FETCH_FORWARD;
        case "setFetchDirection": return null;
        case "getFetchSize": return fetchSize;
        case "setFetchSize": fetchSize = (Integer) args[0]; return null;
        case "getCursorName": return "replay";
        case "getMetaData": return proxy(ResultSetMetaData.class, this::metaData);
        default: break;
      }
      if (name.startsWith("get") && args != null && args.length >= 1
          && (args[0] instanceof Integer || args[0] instanceof String)) {
        int col = column(args[0]);
        if (!onRow()) {
          throw new SQLException("replay: the cursor is not on a row", "24000");
        }
        Object raw = rows.get(cursor - 1).get(col - 1);
        wasNull = raw == null;
        ColumnInfo info = columns.get(col - 1);
        if (name.equals("getObject") && args.length == 1) {
          return ReplayValues.natural(raw, info);
        }
        if (name.equals("getString") || name.equals("getNString")) {
          return ReplayValues.text(raw, info, owner.connection.engine.database == null
              ? null : owner.connection.engine.database.product());
        }
        Class<?> target = m.getReturnType();
        if (name.equals("getObject") && args.length == 2 && args[1] instanceof Class<?> cls) {
          target = cls;
        }
        if (name.equals("getBigDecimal") && args.length == 2 && raw != null) {
          return ReplayValues.to(raw, java.math.BigDecimal.class)
              .setScale((Integer) args[1], java.math.RoundingMode.HALF_UP);
        }
        return ReplayValues.to(ReplayValues.natural(raw, info), target);
      }
      throw unsupported(m);
    }

    private Object metaData(Object proxy, Method m, Object[] args) throws Throwable {
      Object c = common(proxy, m, args, ResultSetMetaData.class);
      if (c != NOT_COMMON) {
        return c;
      }
      if (m.getName().equals("getColumnCount")) {
        return columns.size();
      }
      int i = (Integer) args[0];
      if (i < 1 || i > columns.size()) {
        throw new SQLException("replay: column index " + i + " out of range", "07009");
      }
      ColumnInfo col = columns.get(i - 1);
      switch (m.getName()) {
        case "getColumnName": return col.name();
        case "getColumnLabel": return col.label();
        case "getColumnType": return col.jdbcType();
        case "getColumnTypeName": return col.typeName();
        case "getPrecision": return col.precision();
        case "getScale": return col.scale();
        case "isNullable": return col.nullable();
        case "getColumnClassName": return col.className();
        case "getColumnDisplaySize": return Math.max(col.precision(), 1);
        case "isReadOnly": return true;
        case "isWritable": case "isDefinitelyWritable": case "isAutoIncrement":
        case "isCurrency":
          return false;
        case "isSearchable": return true;
        case "isCaseSensitive": return col.jdbcType() == java.sql.Types.VARCHAR;
        case "isSigned":
          return col.className() != null && col.className().toLowerCase(Locale.ROOT)
              .matches(".*(integer|long|short|byte|double|float|bigdecimal)");
        case "getSchemaName": case "getTableName": case "getCatalogName": return "";
        default: throw unsupported(m);
      }
    }
  }
}
