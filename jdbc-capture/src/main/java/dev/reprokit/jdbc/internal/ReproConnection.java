package dev.reprokit.jdbc.internal;

import dev.reprokit.Recorder;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.EventClock;
import dev.reprokit.event.JdbcConnectionEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.JdbcTransactionEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * Delegating {@link Connection}: one per logical connection the application obtained, with
 * an id that stays the same for its whole life (a pool's physical connection gets a new
 * wrapper, and id, per checkout). Records transaction steps and open/close, and wraps every
 * statement and the metadata. Every method of the interface is overridden. Thread-safe as
 * far as the driver's connection is.
 */
public final class ReproConnection implements Connection {
  final Connection delegate;
  final CaptureContext ctx;
  final String id;
  private final String user;
  private ReproDatabaseMetaData metaData;
  private SQLWarning lastWarning;
  /**
   * The one result set not yet published, in the common case that only one is open: tracked
   * and untracked with one compare-and-set each, where the list below takes a lock twice.
   */
  private volatile ReproResultSet soleUnpublished;
  private static final VarHandle SOLE_UNPUBLISHED;
  /** Further result sets not yet published. All are published before the connection closes. */
  private final java.util.ArrayList<ReproResultSet> unpublished = new java.util.ArrayList<>(4);
  private static final int MAX_TRACKED = 64;

  static {
    try {
      SOLE_UNPUBLISHED = MethodHandles.lookup().findVarHandle(
          ReproConnection.class, "soleUnpublished", ReproResultSet.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  ReproConnection(CaptureContext ctx, Connection delegate, String user) {
    this.delegate = delegate;
    this.ctx = ctx;
    this.id = ctx.newConnectionId();
    this.user = user;
  }

  /**
   * Wraps a connection the application just obtained and records its opening.
   *
   * @param t0 {@link System#nanoTime()} before the connection was requested
   */
  public static ReproConnection opened(CaptureContext ctx, Connection raw, String user, long t0) {
    ReproConnection c = new ReproConnection(ctx, raw, user);
    c.connectionEvent("open", t0, null);
    ctx.noteDatabase(raw);
    return c;
  }

  /** Records a failed attempt to connect. Never throws. */
  public static void openFailed(CaptureContext ctx, String user, long t0, Throwable error) {
    try {
      long t1 = System.nanoTime();
      Recorder r = ctx.recorder;
      if (r.isEnabled()) {
        r.record(new JdbcConnectionEvent(r.nextSequence(),
            EventClock.wallTimeMillis(t0), t0, t1 - t0,
            Thread.currentThread().getName(), r.currentScopeId(), null, "open", ctx.url, user,
            ErrorInfo.of(error)));
      }
    } catch (Throwable t) {
      ctx.fault(t);
    }
    ctx.sqlError(error, "could not connect");
  }

  private void connectionEvent(String action, long t0, Throwable error) {
    try {
      long t1 = System.nanoTime();
      Recorder r = ctx.recorder;
      if (r.isEnabled()) {
        r.record(new JdbcConnectionEvent(r.nextSequence(),
            EventClock.wallTimeMillis(t0), t0, t1 - t0,
            Thread.currentThread().getName(), r.currentScopeId(), id, action, ctx.url, user,
            ErrorInfo.of(error)));
      }
    } catch (Throwable t) {
      ctx.fault(t);
    }
  }

  private void tx(String action, String savepoint, String value, long t0, Throwable error) {
    try {
      long t1 = System.nanoTime();
      Recorder r = ctx.recorder;
      if (r.isEnabled()) {
        r.record(new JdbcTransactionEvent(r.nextSequence(),
            EventClock.wallTimeMillis(t0), t0, t1 - t0,
            Thread.currentThread().getName(), r.currentScopeId(), id, action, savepoint, value,
            ErrorInfo.of(error)));
      }
    } catch (Throwable t) {
      ctx.fault(t);
    }
    if (error != null) {
      ctx.sqlError(error, "SQL error in " + action);
    }
  }

  private static String isolationName(int level) {
    switch (level) {
      case TRANSACTION_NONE: return "NONE";
      case TRANSACTION_READ_UNCOMMITTED: return "READ_UNCOMMITTED";
      case TRANSACTION_READ_COMMITTED: return "READ_COMMITTED";
      case TRANSACTION_REPEATABLE_READ: return "REPEATABLE_READ";
      case TRANSACTION_SERIALIZABLE: return "SERIALIZABLE";
      default: return "vendor";
    }
  }

  private String savepointLabel(Savepoint sp) {
    if (sp == null) {
      return null;
    }
    try {
      return sp.getSavepointName();
    } catch (Throwable unnamed) {
      try {
        return "#" + sp.getSavepointId();
      } catch (Throwable t) {
        ctx.fault(t);
        return null;
      }
    }
  }

  void track(ReproResultSet rs) {
    if (SOLE_UNPUBLISHED.compareAndSet(this, null, rs)) {
      return;
    }
    ReproResultSet oldest = null;
    synchronized (unpublished) {
      if (unpublished.size() >= MAX_TRACKED) {
        oldest = unpublished.remove(0);
      }
      unpublished.add(rs);
    }
    if (oldest != null) {
      oldest.publishNow(); // an application leaking result sets: keep memory bounded
    }
  }

  void untrack(ReproResultSet rs) {
    if (SOLE_UNPUBLISHED.compareAndSet(this, rs, null)) {
      return;
    }
    synchronized (unpublished) {
      for (int i = unpublished.size() - 1; i >= 0; i--) {
        if (unpublished.get(i) == rs) {
          unpublished.remove(i);
          return;
        }
      }
    }
  }

  private void publishOpenResultSets() {
    ReproResultSet sole = (ReproResultSet) SOLE_UNPUBLISHED.getAndSet(this, null);
    List<ReproResultSet> open = new ArrayList<>();
    if (sole != null) {
      open.add(sole);
    }
    synchronized (unpublished) {
      open.addAll(unpublished);
      unpublished.clear();
    }
    // in the order they were opened: the single slot may hold a newer one than the list
    open.sort(Comparator.comparingLong(ReproResultSet::openedAtNanos));
    for (ReproResultSet rs : open) {
      rs.publishNow();
    }
  }

  void logWarning(SQLWarning w) {
    try {
      Recorder r = ctx.recorder;
      if (r.isEnabled()) {
        r.log("WARN", "jdbc.warning", w.getMessage(), w);
      }
    } catch (Throwable t) {
      ctx.fault(t);
    }
  }

  // ---- statements -------------------------------------------------------------------------

  /**
   * The driver refused to prepare a statement (a syntax error, an unknown table): recorded as
   * a failed statement and allowed to trigger a bundle, like a failed execution. Off the hot
   * path: it runs only when the driver threw, and the caller rethrows the driver's exception.
   */
  private void prepareFailed(String method, String kind, String sql, Throwable error) {
    try {
      Recorder recorder = ctx.recorder;
      if (recorder.isEnabled()) {
        recorder.record(new JdbcStatementEvent(recorder.nextSequence(), System.currentTimeMillis(),
            System.nanoTime(), 0, Thread.currentThread().getName(), recorder.currentScopeId(), id,
            null, kind, method, sql, List.of(), List.of(), -1, List.of(), List.of(), null,
            List.of(), ErrorInfo.of(error)));
      }
      ctx.sqlError(error, "SQL error in " + method);
    } catch (Throwable t) {
      ctx.fault(t);
    }
  }

  @Override
  public Statement createStatement() throws SQLException {
    return new ReproStatement(this, delegate.createStatement());
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    return new ReproStatement(this, delegate.createStatement(resultSetType, resultSetConcurrency));
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return new ReproStatement(this,
        delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    PreparedStatement raw;
    try {
      raw = delegate.prepareStatement(sql);
    } catch (Throwable e) {
      prepareFailed("prepareStatement", "prepared", sql, e);
      throw e;
    }
    return new ReproPreparedStatement(this, raw, sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    PreparedStatement raw;
    try {
      raw = delegate.prepareStatement(sql, resultSetType, resultSetConcurrency);
    } catch (Throwable e) {
      prepareFailed("prepareStatement", "prepared", sql, e);
      throw e;
    }
    return new ReproPreparedStatement(this, raw, sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    PreparedStatement raw;
    try {
      raw = delegate.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    } catch (Throwable e) {
      prepareFailed("prepareStatement", "prepared", sql, e);
      throw e;
    }
    return new ReproPreparedStatement(this, raw, sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    PreparedStatement raw;
    try {
      raw = delegate.prepareStatement(sql, autoGeneratedKeys);
    } catch (Throwable e) {
      prepareFailed("prepareStatement", "prepared", sql, e);
      throw e;
    }
    return new ReproPreparedStatement(this, raw, sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    PreparedStatement raw;
    try {
      raw = delegate.prepareStatement(sql, columnIndexes);
    } catch (Throwable e) {
      prepareFailed("prepareStatement", "prepared", sql, e);
      throw e;
    }
    return new ReproPreparedStatement(this, raw, sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    PreparedStatement raw;
    try {
      raw = delegate.prepareStatement(sql, columnNames);
    } catch (Throwable e) {
      prepareFailed("prepareStatement", "prepared", sql, e);
      throw e;
    }
    return new ReproPreparedStatement(this, raw, sql);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    CallableStatement raw;
    try {
      raw = delegate.prepareCall(sql);
    } catch (Throwable e) {
      prepareFailed("prepareCall", "callable", sql, e);
      throw e;
    }
    return new ReproCallableStatement(this, raw, sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    CallableStatement raw;
    try {
      raw = delegate.prepareCall(sql, resultSetType, resultSetConcurrency);
    } catch (Throwable e) {
      prepareFailed("prepareCall", "callable", sql, e);
      throw e;
    }
    return new ReproCallableStatement(this, raw, sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    CallableStatement raw;
    try {
      raw = delegate.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    } catch (Throwable e) {
      prepareFailed("prepareCall", "callable", sql, e);
      throw e;
    }
    return new ReproCallableStatement(this, raw, sql);
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    DatabaseMetaData raw = delegate.getMetaData();
    if (raw == null) {
      return null;
    }
    ReproDatabaseMetaData md = metaData;
    if (md == null || md.delegate != raw) {
      md = new ReproDatabaseMetaData(this, raw);
      metaData = md;
    }
    return md;
  }

  // ---- transactions -------------------------------------------------------------------------

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    long t0 = System.nanoTime();
    try {
      delegate.setAutoCommit(autoCommit);
    } catch (Throwable e) {
      tx("autocommit", null, autoCommit ? "true" : "false", t0, e);
      throw e;
    }
    tx("autocommit", null, autoCommit ? "true" : "false", t0, null);
  }

  @Override
  public void commit() throws SQLException {
    long t0 = System.nanoTime();
    try {
      delegate.commit();
    } catch (Throwable e) {
      tx("commit", null, null, t0, e);
      throw e;
    }
    tx("commit", null, null, t0, null);
  }

  @Override
  public void rollback() throws SQLException {
    long t0 = System.nanoTime();
    try {
      delegate.rollback();
    } catch (Throwable e) {
      tx("rollback", null, null, t0, e);
      throw e;
    }
    tx("rollback", null, null, t0, null);
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    String label = savepointLabel(savepoint); // before: a released savepoint has no name
    long t0 = System.nanoTime();
    try {
      delegate.rollback(savepoint);
    } catch (Throwable e) {
      tx("rollback-to-savepoint", label, null, t0, e);
      throw e;
    }
    tx("rollback-to-savepoint", label, null, t0, null);
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    long t0 = System.nanoTime();
    Savepoint sp;
    try {
      sp = delegate.setSavepoint();
    } catch (Throwable e) {
      tx("savepoint", null, null, t0, e);
      throw e;
    }
    tx("savepoint", savepointLabel(sp), null, t0, null);
    return sp;
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    long t0 = System.nanoTime();
    Savepoint sp;
    try {
      sp = delegate.setSavepoint(name);
    } catch (Throwable e) {
      tx("savepoint", name, null, t0, e);
      throw e;
    }
    tx("savepoint", name, null, t0, null);
    return sp;
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    String label = savepointLabel(savepoint); // before: a released savepoint has no name
    long t0 = System.nanoTime();
    try {
      delegate.releaseSavepoint(savepoint);
    } catch (Throwable e) {
      tx("release-savepoint", label, null, t0, e);
      throw e;
    }
    tx("release-savepoint", label, null, t0, null);
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    long t0 = System.nanoTime();
    try {
      delegate.setTransactionIsolation(level);
    } catch (Throwable e) {
      tx("isolation", null, isolationName(level), t0, e);
      throw e;
    }
    tx("isolation", null, isolationName(level), t0, null);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    long t0 = System.nanoTime();
    try {
      delegate.setReadOnly(readOnly);
    } catch (Throwable e) {
      tx("read-only", null, readOnly ? "true" : "false", t0, e);
      throw e;
    }
    tx("read-only", null, readOnly ? "true" : "false", t0, null);
  }

  @Override
  public void close() throws SQLException {
    publishOpenResultSets(); // while their rows can still be read
    long t0 = System.nanoTime();
    try {
      delegate.close();
    } catch (Throwable e) {
      connectionEvent("close", t0, e);
      throw e;
    }
    connectionEvent("close", t0, null);
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    SQLWarning w = delegate.getWarnings();
    if (w != null && w != lastWarning) {
      lastWarning = w;
      logWarning(w);
    }
    return w;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, delegate, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return Wrappers.isWrapperFor(this, delegate, iface);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || delegate.equals(Wrappers.unwrapped(o));
  }

  @Override
  public int hashCode() {
    return delegate.hashCode();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return delegate.isReadOnly();
  }

  @Override
  public boolean isValid(int n) throws SQLException {
    return delegate.isValid(n);
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    delegate.abort(executor);
  }

  @Override
  public String nativeSQL(String string) throws SQLException {
    return delegate.nativeSQL(string);
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    return delegate.getAutoCommit();
  }

  @Override
  public void setCatalog(String string) throws SQLException {
    delegate.setCatalog(string);
  }

  @Override
  public String getCatalog() throws SQLException {
    return delegate.getCatalog();
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    return delegate.getTransactionIsolation();
  }

  @Override
  public void clearWarnings() throws SQLException {
    delegate.clearWarnings();
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    return delegate.getTypeMap();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    delegate.setTypeMap(map);
  }

  @Override
  public void setHoldability(int n) throws SQLException {
    delegate.setHoldability(n);
  }

  @Override
  public int getHoldability() throws SQLException {
    return delegate.getHoldability();
  }

  @Override
  public Clob createClob() throws SQLException {
    return delegate.createClob();
  }

  @Override
  public Blob createBlob() throws SQLException {
    return delegate.createBlob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    return delegate.createNClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    return delegate.createSQLXML();
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    delegate.setClientInfo(properties);
  }

  @Override
  public void setClientInfo(String string, String x) throws SQLClientInfoException {
    delegate.setClientInfo(string, x);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    return delegate.getClientInfo();
  }

  @Override
  public String getClientInfo(String string) throws SQLException {
    return delegate.getClientInfo(string);
  }

  @Override
  public Array createArrayOf(String string, Object[] values) throws SQLException {
    return delegate.createArrayOf(string, values);
  }

  @Override
  public Struct createStruct(String string, Object[] values) throws SQLException {
    return delegate.createStruct(string, values);
  }

  @Override
  public void setSchema(String string) throws SQLException {
    delegate.setSchema(string);
  }

  @Override
  public String getSchema() throws SQLException {
    return delegate.getSchema();
  }

  @Override
  public void setNetworkTimeout(Executor executor, int x) throws SQLException {
    delegate.setNetworkTimeout(executor, x);
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    return delegate.getNetworkTimeout();
  }

  @Override
  public void beginRequest() throws SQLException {
    delegate.beginRequest();
  }

  @Override
  public void endRequest() throws SQLException {
    delegate.endRequest();
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, int x) throws SQLException {
    return delegate.setShardingKeyIfValid(shardingKey, x);
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey x, int n) throws SQLException {
    return delegate.setShardingKeyIfValid(shardingKey, x, n);
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey, ShardingKey x) throws SQLException {
    delegate.setShardingKey(shardingKey, x);
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey) throws SQLException {
    delegate.setShardingKey(shardingKey);
  }

  @Override
  public boolean isClosed() throws SQLException {
    return delegate.isClosed();
  }
}
