package dev.reprokit.jdbc.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * Delegating {@link PreparedStatement} that records every execution (SQL text, bind values, update counts, batches, errors) as a
 * {@code JdbcStatementEvent} and returns wrappers wherever a driver object could leak.
 *
 * <p>The {@link java.sql.Statement} methods are inherited from {@link ReproStatement}; this class
 * writes every method {@link PreparedStatement} adds, once, for itself and for
 * {@link ReproCallableStatement}. Subclasses exist only in this package (the constructors are
 * package-private). Not thread-safe, as the driver's statement.
 */
public class ReproPreparedStatement extends ReproStatement implements PreparedStatement {
  /** The same driver object as {@link ReproStatement#delegate}, typed for this level. */
  final PreparedStatement preparedDelegate;

  ReproPreparedStatement(ReproConnection connection, PreparedStatement delegate, String sql) {
    this(connection, delegate, "prepared", sql);
  }

  /** For {@link ReproCallableStatement}: {@code kind} is recorded on every event. */
  ReproPreparedStatement(ReproConnection connection, PreparedStatement delegate, String kind,
      String sql) {
    super(connection, delegate, kind, sql);
    this.preparedDelegate = delegate;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    capture.beforeExecute();
    long t0 = System.nanoTime();
    ResultSet result;
    try {
      result = preparedDelegate.executeQuery();
    } catch (Throwable e) {
      capture.failed("executeQuery", capture.sql, t0, e);
      throw e;
    }
    return capture.query("executeQuery", capture.sql, t0, result);
  }

  @Override
  public int executeUpdate() throws SQLException {
    capture.beforeExecute();
    long t0 = System.nanoTime();
    int result;
    try {
      result = preparedDelegate.executeUpdate();
    } catch (Throwable e) {
      capture.failed("executeUpdate", capture.sql, t0, e);
      throw e;
    }
    capture.update("executeUpdate", capture.sql, t0, result);
    return result;
  }

  @Override
  public boolean execute() throws SQLException {
    capture.beforeExecute();
    long t0 = System.nanoTime();
    boolean result;
    try {
      result = preparedDelegate.execute();
    } catch (Throwable e) {
      capture.failed("execute", capture.sql, t0, e);
      throw e;
    }
    capture.execute("execute", capture.sql, t0, result, preparedDelegate);
    return result;
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    capture.beforeExecute();
    long t0 = System.nanoTime();
    long result;
    try {
      result = preparedDelegate.executeLargeUpdate();
    } catch (Throwable e) {
      capture.failed("executeLargeUpdate", capture.sql, t0, e);
      throw e;
    }
    capture.update("executeLargeUpdate", capture.sql, t0, result);
    return result;
  }

  @Override
  public void addBatch() throws SQLException {
    preparedDelegate.addBatch();
    capture.binds.addBatch();
  }

  @Override
  public void clearParameters() throws SQLException {
    preparedDelegate.clearParameters();
    capture.binds.clear();
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    preparedDelegate.setBoolean(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setBoolean", null, x);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    preparedDelegate.setByte(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setByte", null, x);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    preparedDelegate.setShort(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setShort", null, x);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    preparedDelegate.setInt(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setInt", null, x);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    preparedDelegate.setLong(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setLong", null, x);
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    preparedDelegate.setFloat(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setFloat", null, x);
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    preparedDelegate.setDouble(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setDouble", null, x);
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    preparedDelegate.setURL(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setURL", null, x);
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    preparedDelegate.setArray(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setArray", null, x);
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    preparedDelegate.setTime(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setTime", null, x);
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar calendar) throws SQLException {
    preparedDelegate.setTime(parameterIndex, x, calendar);
    capture.binds.bind(parameterIndex, "setTime", null, x);
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    preparedDelegate.setDate(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setDate", null, x);
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar calendar) throws SQLException {
    preparedDelegate.setDate(parameterIndex, x, calendar);
    capture.binds.bind(parameterIndex, "setDate", null, x);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    preparedDelegate.setBigDecimal(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setBigDecimal", null, x);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    preparedDelegate.setString(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setString", null, x);
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    preparedDelegate.setBytes(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setBytes", null, x);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar calendar) throws SQLException {
    preparedDelegate.setTimestamp(parameterIndex, x, calendar);
    capture.binds.bind(parameterIndex, "setTimestamp", null, x);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    preparedDelegate.setTimestamp(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setTimestamp", null, x);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    InputStream teed = capture.binds.tee(parameterIndex, "setAsciiStream", x, -1L);
    preparedDelegate.setAsciiStream(parameterIndex, teed);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    InputStream teed = capture.binds.tee(parameterIndex, "setAsciiStream", x, length);
    preparedDelegate.setAsciiStream(parameterIndex, teed, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int n) throws SQLException {
    InputStream teed = capture.binds.tee(parameterIndex, "setAsciiStream", x, n);
    preparedDelegate.setAsciiStream(parameterIndex, teed, n);
  }

  @Override
  @Deprecated
  @SuppressWarnings("deprecation")
  public void setUnicodeStream(int parameterIndex, InputStream x, int n) throws SQLException {
    InputStream teed = capture.binds.tee(parameterIndex, "setUnicodeStream", x, n);
    preparedDelegate.setUnicodeStream(parameterIndex, teed, n);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    InputStream teed = capture.binds.tee(parameterIndex, "setBinaryStream", x, -1L);
    preparedDelegate.setBinaryStream(parameterIndex, teed);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int n) throws SQLException {
    InputStream teed = capture.binds.tee(parameterIndex, "setBinaryStream", x, n);
    preparedDelegate.setBinaryStream(parameterIndex, teed, n);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    InputStream teed = capture.binds.tee(parameterIndex, "setBinaryStream", x, length);
    preparedDelegate.setBinaryStream(parameterIndex, teed, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
    Reader teed = capture.binds.tee(parameterIndex, "setCharacterStream", x, length);
    preparedDelegate.setCharacterStream(parameterIndex, teed, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x) throws SQLException {
    Reader teed = capture.binds.tee(parameterIndex, "setCharacterStream", x, -1L);
    preparedDelegate.setCharacterStream(parameterIndex, teed);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x, int n) throws SQLException {
    Reader teed = capture.binds.tee(parameterIndex, "setCharacterStream", x, n);
    preparedDelegate.setCharacterStream(parameterIndex, teed, n);
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    preparedDelegate.setRef(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setRef", null, x);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream x, long length) throws SQLException {
    InputStream teed = capture.binds.tee(parameterIndex, "setBlob", x, length);
    preparedDelegate.setBlob(parameterIndex, teed, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream x) throws SQLException {
    InputStream teed = capture.binds.tee(parameterIndex, "setBlob", x, -1L);
    preparedDelegate.setBlob(parameterIndex, teed);
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    preparedDelegate.setBlob(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setBlob", null, x);
  }

  @Override
  public void setClob(int parameterIndex, Reader x, long length) throws SQLException {
    Reader teed = capture.binds.tee(parameterIndex, "setClob", x, length);
    preparedDelegate.setClob(parameterIndex, teed, length);
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    preparedDelegate.setClob(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setClob", null, x);
  }

  @Override
  public void setClob(int parameterIndex, Reader x) throws SQLException {
    Reader teed = capture.binds.tee(parameterIndex, "setClob", x, -1L);
    preparedDelegate.setClob(parameterIndex, teed);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return preparedDelegate.getMetaData();
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    return preparedDelegate.getParameterMetaData();
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    preparedDelegate.setRowId(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setRowId", null, x);
  }

  @Override
  public void setNString(int parameterIndex, String x) throws SQLException {
    preparedDelegate.setNString(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setNString", null, x);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader x) throws SQLException {
    Reader teed = capture.binds.tee(parameterIndex, "setNCharacterStream", x, -1L);
    preparedDelegate.setNCharacterStream(parameterIndex, teed);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
    Reader teed = capture.binds.tee(parameterIndex, "setNCharacterStream", x, length);
    preparedDelegate.setNCharacterStream(parameterIndex, teed, length);
  }

  @Override
  public void setNClob(int parameterIndex, NClob x) throws SQLException {
    preparedDelegate.setNClob(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setNClob", null, x);
  }

  @Override
  public void setNClob(int parameterIndex, Reader x) throws SQLException {
    Reader teed = capture.binds.tee(parameterIndex, "setNClob", x, -1L);
    preparedDelegate.setNClob(parameterIndex, teed);
  }

  @Override
  public void setNClob(int parameterIndex, Reader x, long length) throws SQLException {
    Reader teed = capture.binds.tee(parameterIndex, "setNClob", x, length);
    preparedDelegate.setNClob(parameterIndex, teed, length);
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
    preparedDelegate.setSQLXML(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setSQLXML", null, x);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String string) throws SQLException {
    preparedDelegate.setNull(parameterIndex, sqlType, string);
    capture.binds.bind(parameterIndex, "setNull", sqlType, null);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    preparedDelegate.setNull(parameterIndex, sqlType);
    capture.binds.bind(parameterIndex, "setNull", sqlType, null);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int n, int n2) throws SQLException {
    preparedDelegate.setObject(parameterIndex, x, n, n2);
    capture.binds.bind(parameterIndex, "setObject", n, x);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType sQLType) throws SQLException {
    preparedDelegate.setObject(parameterIndex, x, sQLType);
    capture.binds.bind(parameterIndex, "setObject", Values.sqlType(sQLType), x);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType sQLType, int n) throws SQLException {
    preparedDelegate.setObject(parameterIndex, x, sQLType, n);
    capture.binds.bind(parameterIndex, "setObject", Values.sqlType(sQLType), x);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    preparedDelegate.setObject(parameterIndex, x);
    capture.binds.bind(parameterIndex, "setObject", null, x);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int n) throws SQLException {
    preparedDelegate.setObject(parameterIndex, x, n);
    capture.binds.bind(parameterIndex, "setObject", n, x);
  }
}
