package dev.reprokit.jdbc.internal;

import dev.reprokit.Recorder;
import dev.reprokit.event.ColumnInfo;
import dev.reprokit.event.EventClock;
import dev.reprokit.event.JdbcResultSetEvent;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * Delegating {@link ResultSet} that keeps a copy of every column of each row the application
 * reaches, taken when the application moves past the row ({@code next()}, a scroll, or
 * {@code close()}), so the cursor is never moved and nothing is read ahead. Rows are kept up
 * to the row and byte caps; the event is published when the application reaches the end of
 * a forward-only result set, closes it, or its statement moves on. Not thread-safe, as the
 * driver's result set.
 */
public final class ReproResultSet implements ResultSet {
  final ResultSet delegate;
  private final StatementCapture capture; // null for metadata result sets
  private final ReproConnection connection;
  private final long statementSeq;
  private final String source;
  private final long startNanos;
  /** The SQL that produced this result (the shape cache's key), or {@code null}. */
  private final String sql;
  private ResultShape shape;
  /** The first kept row: most results an application reads have one row or none. */
  private List<Object> firstRow;
  /** Every kept row, once there is a second one. */
  private ArrayList<List<Object>> rows;
  private int keptRows;
  private long bytes;
  private long rowsSeen;
  private boolean onRow;
  private boolean complete;
  private boolean truncated;
  private boolean published;
  private Statement metadataStatement;

  /**
   * @param sql the SQL whose first result this is (the key of its cached shape), or {@code null}
   * @param source see {@link JdbcResultSetEvent#source()}
   * @param startNanos when the application got the result set ({@code System.nanoTime()})
   */
  ReproResultSet(ResultSet delegate, StatementCapture capture, long statementSeq, String sql,
      String source, long startNanos) {
    this.delegate = delegate;
    this.capture = capture;
    this.sql = sql;
    this.connection = capture.connection;
    this.statementSeq = statementSeq;
    this.source = source;
    this.startNanos = startNanos;
    boolean off;
    try {
      off = !capture.ctx.recorder.isEnabled();
    } catch (Throwable t) {
      capture.ctx.fault(t);
      off = true;
    }
    this.published = off;
    if (!off) {
      try {
        connection.track(this);
      } catch (Throwable t) {
        capture.ctx.fault(t);
      }
    }
  }

  /** A result set from {@code DatabaseMetaData}: wrapped, not recorded. */
  ReproResultSet(ResultSet delegate, ReproConnection connection) {
    this.delegate = delegate;
    this.capture = null;
    this.connection = connection;
    this.statementSeq = -1;
    this.sql = null;
    this.source = "metadata";
    this.startNanos = 0;
    this.published = true;
  }

  /** When the application got this result set ({@code System.nanoTime()}). */
  long openedAtNanos() {
    return startNanos;
  }

  // ---- capture ----------------------------------------------------------------------------

  private void arrived(boolean row) {
    onRow = row;
    if (row) {
      rowsSeen++;
    }
  }

  /** The application leaves the current row: copy every column of it, within the caps. */
  private void leaveRow() {
    onRow = false;
    if (published) {
      return;
    }
    try {
      CaptureContext ctx = capture.ctx;
      if (!ctx.options.captureRows()) {
        return;
      }
      if (shape == null) {
        shape = readShape();
      }
      if (keptRows >= ctx.options.maxRowsPerResultSet()
          || bytes >= ctx.options.maxBytesPerResultSet()) {
        truncated = true;
        return;
      }
      ResultShape shape = this.shape;
      int width = shape.width();
      Object[] row = new Object[width];
      int cap = ctx.options.maxLobPrefixBytes();
      long size = 24;
      for (int i = 0; i < width; i++) {
        Object v;
        if (shape.isSecret(i)) {
          v = shape.isCursor(i) ? "‹cursor›" : BindRecorder.REDACTED;
        } else {
          try {
            v = Values.bounded(Values.copy(delegate.getObject(i + 1), cap),
                ctx.options.maxBytesPerResultSet(), cap);
          } catch (Throwable t) {
            ctx.fault(t);
            v = "‹unreadable›";
          }
        }
        row[i] = v;
        size += Values.estimate(v);
      }
      keep(new ImmutableRow(row));
      bytes += size;
    } catch (Throwable t) {
      capture.ctx.fault(t);
    }
  }

  private void keep(List<Object> row) {
    if (keptRows == 0) {
      firstRow = row;
    } else {
      if (rows == null) {
        rows = new ArrayList<>(8);
        rows.add(firstRow);
      }
      rows.add(row);
    }
    keptRows++;
  }

  /**
   * The result's columns: the context's remembered description of this SQL's result when it
   * still fits (same column count, and every column's label and name as the driver reports
   * them now: the same SQL text can read another table under another schema, and the names
   * decide which columns are secret), else read from the driver's metadata and remembered.
   */
  private ResultShape readShape() throws SQLException {
    ResultSetMetaData md = delegate.getMetaData();
    int n = md.getColumnCount();
    // Only a query's first result is keyed by its SQL: later results (getMoreResults) differ.
    boolean query = source == null && sql != null;
    if (query) {
      ResultShape known = capture.ctx.shapeOf(sql);
      if (known != null && known.fits(md, n)) {
        return known;
      }
    }
    ResultShape read = describe(md, n);
    if (query) {
      capture.ctx.rememberShape(sql, read);
    }
    return read;
  }

  private ResultShape describe(ResultSetMetaData md, int n) {
    ColumnInfo[] list = new ColumnInfo[n];
    boolean[] secret = null;
    boolean[] cursors = null;
    // pgjdbc answers isNullable with a catalog query on the application's connection:
    // not worth a hidden round trip, recorded as columnNullableUnknown instead.
    boolean askNullable = !md.getClass().getName().startsWith("org.postgresql.");
    for (int i = 1; i <= n; i++) {
      final int c = i;
      String name = safe(() -> md.getColumnName(c));
      String label = safe(() -> md.getColumnLabel(c));
      Integer type = safe(() -> md.getColumnType(c));
      String typeName = safe(() -> md.getColumnTypeName(c));
      Integer precision = safe(() -> md.getPrecision(c));
      Integer scale = safe(() -> md.getScale(c));
      Integer nullable = askNullable ? safe(() -> md.isNullable(c)) : null;
      String className = safe(() -> md.getColumnClassName(c));
      list[i - 1] = new ColumnInfo(name, label, type == null ? java.sql.Types.OTHER : type,
          typeName, precision == null ? 0 : precision, scale == null ? 0 : scale,
          nullable == null ? ResultSetMetaData.columnNullableUnknown : nullable, className);
      boolean cursor = type != null && type == java.sql.Types.REF_CURSOR
          || "refcursor".equalsIgnoreCase(typeName);
      if (cursor || capture.ctx.options.isSecretColumn(label)
          || capture.ctx.options.isSecretColumn(name)) {
        if (secret == null) {
          secret = new boolean[n];
        }
        secret[i - 1] = true;
        if (cursor) {
          cursors = cursors == null ? new boolean[n] : cursors;
          cursors[i - 1] = true;
        }
      }
    }
    return new ResultShape(List.of(list), secret, cursors);
  }

  private interface SqlSupplier<T> {
    T get() throws SQLException;
  }

  private static <T> T safe(SqlSupplier<T> s) {
    try {
      return s.get();
    } catch (Throwable t) {
      if (t instanceof OutOfMemoryError oom) {
        throw oom;
      }
      return null;
    }
  }

  /** Publishes what was captured so far (once). Never throws. */
  void publishNow() {
    if (published) {
      return;
    }
    if (onRow) {
      leaveRow();
    }
    published = true;
    try {
      connection.untrack(this);
    } catch (Throwable t) {
      capture.ctx.fault(t);
    }
    try {
      CaptureContext ctx = capture.ctx;
      if (shape == null) {
        try {
          shape = readShape();
        } catch (Throwable t) {
          shape = ResultShape.UNKNOWN; // already closed by the driver: rows only
        }
      }
      Recorder recorder = ctx.recorder;
      long seq = recorder.nextSequence();
      long now = System.nanoTime();
      long durationNanos = now - startNanos;
      // handed over: this wrapper never touches the list again
      List<List<Object>> kept = keptRows == 0 ? List.of()
          : keptRows == 1 ? List.of(firstRow) : java.util.Collections.unmodifiableList(rows);
      recorder.record(new JdbcResultSetEvent(seq,
          EventClock.wallTimeMillis(startNanos), startNanos, durationNanos,
          Thread.currentThread().getName(), recorder.currentScopeId(), connection.id,
          capture.id(seq), statementSeq, shape.columns(), kept, rowsSeen, complete,
          truncated || (!ctx.options.captureRows() && rowsSeen > 0), source));
      rows = null;
      firstRow = null;
    } catch (Throwable t) {
      capture.ctx.fault(t);
    }
  }

  private void reachedEnd() {
    complete = true;
    if (published) {
      return;
    }
    try {
      if (delegate.getType() == ResultSet.TYPE_FORWARD_ONLY) {
        publishNow();
      }
    } catch (Throwable t) {
      capture.ctx.fault(t);
    }
  }

  // ---- cursor movement --------------------------------------------------------------------

  @Override
  public boolean next() throws SQLException {
    if (onRow) {
      leaveRow();
    }
    boolean row = delegate.next();
    arrived(row);
    if (!row && !published) {
      reachedEnd();
    }
    return row;
  }

  @Override
  public boolean previous() throws SQLException {
    if (onRow) {
      leaveRow();
    }
    boolean row = delegate.previous();
    arrived(row);
    return row;
  }

  @Override
  public boolean first() throws SQLException {
    if (onRow) {
      leaveRow();
    }
    boolean row = delegate.first();
    arrived(row);
    return row;
  }

  @Override
  public boolean last() throws SQLException {
    if (onRow) {
      leaveRow();
    }
    boolean row = delegate.last();
    arrived(row);
    return row;
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    if (onRow) {
      leaveRow();
    }
    boolean on = delegate.absolute(row);
    arrived(on);
    return on;
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    if (onRow) {
      leaveRow();
    }
    boolean on = delegate.relative(rows);
    arrived(on);
    return on;
  }

  @Override
  public void beforeFirst() throws SQLException {
    if (onRow) {
      leaveRow();
    }
    delegate.beforeFirst();
    onRow = false;
  }

  @Override
  public void afterLast() throws SQLException {
    if (onRow) {
      leaveRow();
    }
    delegate.afterLast();
    onRow = false;
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    if (onRow) {
      leaveRow();
    }
    delegate.moveToInsertRow();
  }

  @Override
  public void deleteRow() throws SQLException {
    if (onRow) {
      leaveRow();
    }
    delegate.deleteRow();
  }

  @Override
  public void close() throws SQLException {
    if (!published) {
      publishNow();
    }
    if (capture != null) {
      capture.resultSetClosed(this);
    }
    delegate.close();
  }

  // ---- no leaks -----------------------------------------------------------------------------

  @Override
  public Statement getStatement() throws SQLException {
    if (capture != null) {
      return capture.owner;
    }
    if (metadataStatement == null) {
      Statement raw = delegate.getStatement();
      if (raw == null) {
        return null;
      }
      metadataStatement = new ReproStatement(connection, raw);
    }
    return metadataStatement;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    SQLWarning w = delegate.getWarnings();
    return capture == null || w == null ? w : capture.warnings(w);
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
  public void updateBytes(int columnIndex, byte[] x) throws SQLException {
    delegate.updateBytes(columnIndex, x);
  }

  @Override
  public void updateBytes(String columnLabel, byte[] x) throws SQLException {
    delegate.updateBytes(columnLabel, x);
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    return delegate.getBoolean(columnLabel);
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    return delegate.getBoolean(columnIndex);
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    return delegate.getByte(columnLabel);
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    return delegate.getByte(columnIndex);
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    return delegate.getShort(columnLabel);
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    return delegate.getShort(columnIndex);
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    return delegate.getInt(columnIndex);
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    return delegate.getInt(columnLabel);
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    return delegate.getLong(columnLabel);
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    return delegate.getLong(columnIndex);
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    return delegate.getFloat(columnLabel);
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    return delegate.getFloat(columnIndex);
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    return delegate.getDouble(columnIndex);
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    return delegate.getDouble(columnLabel);
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    return delegate.getBytes(columnLabel);
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    return delegate.getBytes(columnIndex);
  }

  @Override
  public int getType() throws SQLException {
    return delegate.getType();
  }

  @Override
  public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
    return delegate.getObject(columnLabel, map);
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    return delegate.getObject(columnIndex);
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    return delegate.getObject(columnLabel);
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return delegate.getObject(columnLabel, type);
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    return delegate.getObject(columnIndex, map);
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    return delegate.getObject(columnIndex, type);
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    return delegate.getRef(columnLabel);
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    return delegate.getRef(columnIndex);
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    return delegate.getArray(columnIndex);
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    return delegate.getArray(columnLabel);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    return delegate.getTimestamp(columnIndex);
  }

  @Override
  public Timestamp getTimestamp(String columnLabel, Calendar calendar) throws SQLException {
    return delegate.getTimestamp(columnLabel, calendar);
  }

  @Override
  public Timestamp getTimestamp(String columnLabel) throws SQLException {
    return delegate.getTimestamp(columnLabel);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar calendar) throws SQLException {
    return delegate.getTimestamp(columnIndex, calendar);
  }

  @Override
  public String getString(String columnLabel) throws SQLException {
    return delegate.getString(columnLabel);
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    return delegate.getString(columnIndex);
  }

  @Override
  @Deprecated
  @SuppressWarnings("deprecation")
  public BigDecimal getBigDecimal(int columnIndex, int n) throws SQLException {
    return delegate.getBigDecimal(columnIndex, n);
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    return delegate.getBigDecimal(columnIndex);
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    return delegate.getBigDecimal(columnLabel);
  }

  @Override
  @Deprecated
  @SuppressWarnings("deprecation")
  public BigDecimal getBigDecimal(String columnLabel, int n) throws SQLException {
    return delegate.getBigDecimal(columnLabel, n);
  }

  @Override
  public Time getTime(String columnLabel) throws SQLException {
    return delegate.getTime(columnLabel);
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    return delegate.getTime(columnIndex);
  }

  @Override
  public Time getTime(int columnIndex, Calendar calendar) throws SQLException {
    return delegate.getTime(columnIndex, calendar);
  }

  @Override
  public Time getTime(String columnLabel, Calendar calendar) throws SQLException {
    return delegate.getTime(columnLabel, calendar);
  }

  @Override
  public void updateTime(String columnLabel, Time x) throws SQLException {
    delegate.updateTime(columnLabel, x);
  }

  @Override
  public void updateTime(int columnIndex, Time x) throws SQLException {
    delegate.updateTime(columnIndex, x);
  }

  @Override
  public Date getDate(int columnIndex, Calendar calendar) throws SQLException {
    return delegate.getDate(columnIndex, calendar);
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    return delegate.getDate(columnIndex);
  }

  @Override
  public Date getDate(String columnLabel) throws SQLException {
    return delegate.getDate(columnLabel);
  }

  @Override
  public Date getDate(String columnLabel, Calendar calendar) throws SQLException {
    return delegate.getDate(columnLabel, calendar);
  }

  @Override
  public URL getURL(int columnIndex) throws SQLException {
    return delegate.getURL(columnIndex);
  }

  @Override
  public URL getURL(String columnLabel) throws SQLException {
    return delegate.getURL(columnLabel);
  }

  @Override
  public boolean isFirst() throws SQLException {
    return delegate.isFirst();
  }

  @Override
  public boolean wasNull() throws SQLException {
    return delegate.wasNull();
  }

  @Override
  public InputStream getAsciiStream(String columnLabel) throws SQLException {
    return delegate.getAsciiStream(columnLabel);
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    return delegate.getAsciiStream(columnIndex);
  }

  @Override
  @Deprecated
  @SuppressWarnings("deprecation")
  public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    return delegate.getUnicodeStream(columnIndex);
  }

  @Override
  @Deprecated
  @SuppressWarnings("deprecation")
  public InputStream getUnicodeStream(String columnLabel) throws SQLException {
    return delegate.getUnicodeStream(columnLabel);
  }

  @Override
  public InputStream getBinaryStream(String columnLabel) throws SQLException {
    return delegate.getBinaryStream(columnLabel);
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    return delegate.getBinaryStream(columnIndex);
  }

  @Override
  public void clearWarnings() throws SQLException {
    delegate.clearWarnings();
  }

  @Override
  public String getCursorName() throws SQLException {
    return delegate.getCursorName();
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return delegate.getMetaData();
  }

  @Override
  public Reader getCharacterStream(String columnLabel) throws SQLException {
    return delegate.getCharacterStream(columnLabel);
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    return delegate.getCharacterStream(columnIndex);
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    return delegate.isBeforeFirst();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    return delegate.isAfterLast();
  }

  @Override
  public boolean isLast() throws SQLException {
    return delegate.isLast();
  }

  @Override
  public int getRow() throws SQLException {
    return delegate.getRow();
  }

  @Override
  public void setFetchDirection(int n) throws SQLException {
    delegate.setFetchDirection(n);
  }

  @Override
  public int getFetchDirection() throws SQLException {
    return delegate.getFetchDirection();
  }

  @Override
  public void setFetchSize(int n) throws SQLException {
    delegate.setFetchSize(n);
  }

  @Override
  public int getFetchSize() throws SQLException {
    return delegate.getFetchSize();
  }

  @Override
  public int getConcurrency() throws SQLException {
    return delegate.getConcurrency();
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    return delegate.rowUpdated();
  }

  @Override
  public boolean rowInserted() throws SQLException {
    return delegate.rowInserted();
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    return delegate.rowDeleted();
  }

  @Override
  public void updateNull(int columnIndex) throws SQLException {
    delegate.updateNull(columnIndex);
  }

  @Override
  public void updateNull(String columnLabel) throws SQLException {
    delegate.updateNull(columnLabel);
  }

  @Override
  public void updateBoolean(int columnIndex, boolean x) throws SQLException {
    delegate.updateBoolean(columnIndex, x);
  }

  @Override
  public void updateBoolean(String columnLabel, boolean x) throws SQLException {
    delegate.updateBoolean(columnLabel, x);
  }

  @Override
  public void updateByte(int columnIndex, byte x) throws SQLException {
    delegate.updateByte(columnIndex, x);
  }

  @Override
  public void updateByte(String columnLabel, byte x) throws SQLException {
    delegate.updateByte(columnLabel, x);
  }

  @Override
  public void updateShort(int columnIndex, short x) throws SQLException {
    delegate.updateShort(columnIndex, x);
  }

  @Override
  public void updateShort(String columnLabel, short x) throws SQLException {
    delegate.updateShort(columnLabel, x);
  }

  @Override
  public void updateInt(int columnIndex, int x) throws SQLException {
    delegate.updateInt(columnIndex, x);
  }

  @Override
  public void updateInt(String columnLabel, int x) throws SQLException {
    delegate.updateInt(columnLabel, x);
  }

  @Override
  public void updateLong(String columnLabel, long x) throws SQLException {
    delegate.updateLong(columnLabel, x);
  }

  @Override
  public void updateLong(int columnIndex, long x) throws SQLException {
    delegate.updateLong(columnIndex, x);
  }

  @Override
  public void updateFloat(int columnIndex, float x) throws SQLException {
    delegate.updateFloat(columnIndex, x);
  }

  @Override
  public void updateFloat(String columnLabel, float x) throws SQLException {
    delegate.updateFloat(columnLabel, x);
  }

  @Override
  public void updateDouble(int columnIndex, double x) throws SQLException {
    delegate.updateDouble(columnIndex, x);
  }

  @Override
  public void updateDouble(String columnLabel, double x) throws SQLException {
    delegate.updateDouble(columnLabel, x);
  }

  @Override
  public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    delegate.updateBigDecimal(columnLabel, x);
  }

  @Override
  public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
    delegate.updateBigDecimal(columnIndex, x);
  }

  @Override
  public void updateString(String columnLabel, String x) throws SQLException {
    delegate.updateString(columnLabel, x);
  }

  @Override
  public void updateString(int columnIndex, String x) throws SQLException {
    delegate.updateString(columnIndex, x);
  }

  @Override
  public void updateDate(String columnLabel, Date x) throws SQLException {
    delegate.updateDate(columnLabel, x);
  }

  @Override
  public void updateDate(int columnIndex, Date x) throws SQLException {
    delegate.updateDate(columnIndex, x);
  }

  @Override
  public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
    delegate.updateTimestamp(columnLabel, x);
  }

  @Override
  public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
    delegate.updateTimestamp(columnIndex, x);
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x, int n) throws SQLException {
    delegate.updateAsciiStream(columnIndex, x, n);
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException {
    delegate.updateAsciiStream(columnLabel, x, length);
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
    delegate.updateAsciiStream(columnIndex, x, length);
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
    delegate.updateAsciiStream(columnLabel, x);
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
    delegate.updateAsciiStream(columnIndex, x);
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x, int n) throws SQLException {
    delegate.updateAsciiStream(columnLabel, x, n);
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
    delegate.updateBinaryStream(columnLabel, x);
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x, int n) throws SQLException {
    delegate.updateBinaryStream(columnLabel, x, n);
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
    delegate.updateBinaryStream(columnIndex, x, length);
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x, int n) throws SQLException {
    delegate.updateBinaryStream(columnIndex, x, n);
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException {
    delegate.updateBinaryStream(columnLabel, x, length);
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
    delegate.updateBinaryStream(columnIndex, x);
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
    delegate.updateCharacterStream(columnIndex, x);
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader x) throws SQLException {
    delegate.updateCharacterStream(columnLabel, x);
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader x, int n) throws SQLException {
    delegate.updateCharacterStream(columnLabel, x, n);
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader x, long length) throws SQLException {
    delegate.updateCharacterStream(columnLabel, x, length);
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
    delegate.updateCharacterStream(columnIndex, x, length);
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x, int n) throws SQLException {
    delegate.updateCharacterStream(columnIndex, x, n);
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType sQLType, int n) throws SQLException {
    delegate.updateObject(columnIndex, x, sQLType, n);
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType sQLType) throws SQLException {
    delegate.updateObject(columnIndex, x, sQLType);
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType sQLType, int n) throws SQLException {
    delegate.updateObject(columnLabel, x, sQLType, n);
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType sQLType) throws SQLException {
    delegate.updateObject(columnLabel, x, sQLType);
  }

  @Override
  public void updateObject(String columnLabel, Object x, int n) throws SQLException {
    delegate.updateObject(columnLabel, x, n);
  }

  @Override
  public void updateObject(int columnIndex, Object x) throws SQLException {
    delegate.updateObject(columnIndex, x);
  }

  @Override
  public void updateObject(int columnIndex, Object x, int n) throws SQLException {
    delegate.updateObject(columnIndex, x, n);
  }

  @Override
  public void updateObject(String columnLabel, Object x) throws SQLException {
    delegate.updateObject(columnLabel, x);
  }

  @Override
  public void insertRow() throws SQLException {
    delegate.insertRow();
  }

  @Override
  public void updateRow() throws SQLException {
    delegate.updateRow();
  }

  @Override
  public void refreshRow() throws SQLException {
    delegate.refreshRow();
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    delegate.cancelRowUpdates();
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    delegate.moveToCurrentRow();
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    return delegate.getBlob(columnLabel);
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    return delegate.getBlob(columnIndex);
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    return delegate.getClob(columnIndex);
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    return delegate.getClob(columnLabel);
  }

  @Override
  public void updateRef(int columnIndex, Ref x) throws SQLException {
    delegate.updateRef(columnIndex, x);
  }

  @Override
  public void updateRef(String columnLabel, Ref x) throws SQLException {
    delegate.updateRef(columnLabel, x);
  }

  @Override
  public void updateBlob(String columnLabel, InputStream x, long length) throws SQLException {
    delegate.updateBlob(columnLabel, x, length);
  }

  @Override
  public void updateBlob(int columnIndex, InputStream x) throws SQLException {
    delegate.updateBlob(columnIndex, x);
  }

  @Override
  public void updateBlob(int columnIndex, Blob x) throws SQLException {
    delegate.updateBlob(columnIndex, x);
  }

  @Override
  public void updateBlob(int columnIndex, InputStream x, long length) throws SQLException {
    delegate.updateBlob(columnIndex, x, length);
  }

  @Override
  public void updateBlob(String columnLabel, InputStream x) throws SQLException {
    delegate.updateBlob(columnLabel, x);
  }

  @Override
  public void updateBlob(String columnLabel, Blob x) throws SQLException {
    delegate.updateBlob(columnLabel, x);
  }

  @Override
  public void updateClob(String columnLabel, Clob x) throws SQLException {
    delegate.updateClob(columnLabel, x);
  }

  @Override
  public void updateClob(int columnIndex, Clob x) throws SQLException {
    delegate.updateClob(columnIndex, x);
  }

  @Override
  public void updateClob(int columnIndex, Reader x) throws SQLException {
    delegate.updateClob(columnIndex, x);
  }

  @Override
  public void updateClob(int columnIndex, Reader x, long length) throws SQLException {
    delegate.updateClob(columnIndex, x, length);
  }

  @Override
  public void updateClob(String columnLabel, Reader x, long length) throws SQLException {
    delegate.updateClob(columnLabel, x, length);
  }

  @Override
  public void updateClob(String columnLabel, Reader x) throws SQLException {
    delegate.updateClob(columnLabel, x);
  }

  @Override
  public void updateArray(String columnLabel, Array x) throws SQLException {
    delegate.updateArray(columnLabel, x);
  }

  @Override
  public void updateArray(int columnIndex, Array x) throws SQLException {
    delegate.updateArray(columnIndex, x);
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    return delegate.getRowId(columnLabel);
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    return delegate.getRowId(columnIndex);
  }

  @Override
  public void updateRowId(int columnIndex, RowId x) throws SQLException {
    delegate.updateRowId(columnIndex, x);
  }

  @Override
  public void updateRowId(String columnLabel, RowId x) throws SQLException {
    delegate.updateRowId(columnLabel, x);
  }

  @Override
  public int getHoldability() throws SQLException {
    return delegate.getHoldability();
  }

  @Override
  public void updateNString(String columnLabel, String x) throws SQLException {
    delegate.updateNString(columnLabel, x);
  }

  @Override
  public void updateNString(int columnIndex, String x) throws SQLException {
    delegate.updateNString(columnIndex, x);
  }

  @Override
  public void updateNClob(int columnIndex, NClob x) throws SQLException {
    delegate.updateNClob(columnIndex, x);
  }

  @Override
  public void updateNClob(int columnIndex, Reader x) throws SQLException {
    delegate.updateNClob(columnIndex, x);
  }

  @Override
  public void updateNClob(String columnLabel, Reader x) throws SQLException {
    delegate.updateNClob(columnLabel, x);
  }

  @Override
  public void updateNClob(String columnLabel, NClob x) throws SQLException {
    delegate.updateNClob(columnLabel, x);
  }

  @Override
  public void updateNClob(int columnIndex, Reader x, long length) throws SQLException {
    delegate.updateNClob(columnIndex, x, length);
  }

  @Override
  public void updateNClob(String columnLabel, Reader x, long length) throws SQLException {
    delegate.updateNClob(columnLabel, x, length);
  }

  @Override
  public int findColumn(String string) throws SQLException {
    return delegate.findColumn(string);
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    return delegate.getNClob(columnLabel);
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    return delegate.getNClob(columnIndex);
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    return delegate.getSQLXML(columnIndex);
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    return delegate.getSQLXML(columnLabel);
  }

  @Override
  public void updateSQLXML(String columnLabel, SQLXML x) throws SQLException {
    delegate.updateSQLXML(columnLabel, x);
  }

  @Override
  public void updateSQLXML(int columnIndex, SQLXML x) throws SQLException {
    delegate.updateSQLXML(columnIndex, x);
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    return delegate.getNString(columnLabel);
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    return delegate.getNString(columnIndex);
  }

  @Override
  public Reader getNCharacterStream(int columnIndex) throws SQLException {
    return delegate.getNCharacterStream(columnIndex);
  }

  @Override
  public Reader getNCharacterStream(String columnLabel) throws SQLException {
    return delegate.getNCharacterStream(columnLabel);
  }

  @Override
  public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
    delegate.updateNCharacterStream(columnIndex, x);
  }

  @Override
  public void updateNCharacterStream(String columnLabel, Reader x) throws SQLException {
    delegate.updateNCharacterStream(columnLabel, x);
  }

  @Override
  public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
    delegate.updateNCharacterStream(columnIndex, x, length);
  }

  @Override
  public void updateNCharacterStream(String columnLabel, Reader x, long length) throws SQLException {
    delegate.updateNCharacterStream(columnLabel, x, length);
  }

  @Override
  public boolean isClosed() throws SQLException {
    return delegate.isClosed();
  }
}
