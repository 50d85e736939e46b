package dev.reprokit.jdbc.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * Delegating {@link CallableStatement} that records every execution (SQL text, bind values, OUT parameters, update counts, errors) as a
 * {@code JdbcStatementEvent} and returns wrappers wherever a driver object could leak.
 *
 * <p>The {@link java.sql.Statement} and {@link java.sql.PreparedStatement} methods are
 * inherited from {@link ReproStatement} and {@link ReproPreparedStatement}; this class writes
 * every method {@link CallableStatement} adds. Not thread-safe, as the driver's statement.
 */
public final class ReproCallableStatement extends ReproPreparedStatement
    implements CallableStatement {
  /** The same driver object as {@link ReproStatement#delegate}, typed for this level. */
  final CallableStatement callableDelegate;

  ReproCallableStatement(ReproConnection connection, CallableStatement delegate, String sql) {
    super(connection, delegate, "callable", sql);
    this.callableDelegate = delegate;
  }

  @Override
  public boolean getBoolean(int parameterIndex) throws SQLException {
    return callableDelegate.getBoolean(parameterIndex);
  }

  @Override
  public boolean getBoolean(String parameterName) throws SQLException {
    return callableDelegate.getBoolean(parameterName);
  }

  @Override
  public byte getByte(String parameterName) throws SQLException {
    return callableDelegate.getByte(parameterName);
  }

  @Override
  public byte getByte(int parameterIndex) throws SQLException {
    return callableDelegate.getByte(parameterIndex);
  }

  @Override
  public short getShort(int parameterIndex) throws SQLException {
    return callableDelegate.getShort(parameterIndex);
  }

  @Override
  public short getShort(String parameterName) throws SQLException {
    return callableDelegate.getShort(parameterName);
  }

  @Override
  public int getInt(int parameterIndex) throws SQLException {
    return callableDelegate.getInt(parameterIndex);
  }

  @Override
  public int getInt(String parameterName) throws SQLException {
    return callableDelegate.getInt(parameterName);
  }

  @Override
  public long getLong(String parameterName) throws SQLException {
    return callableDelegate.getLong(parameterName);
  }

  @Override
  public long getLong(int parameterIndex) throws SQLException {
    return callableDelegate.getLong(parameterIndex);
  }

  @Override
  public float getFloat(String parameterName) throws SQLException {
    return callableDelegate.getFloat(parameterName);
  }

  @Override
  public float getFloat(int parameterIndex) throws SQLException {
    return callableDelegate.getFloat(parameterIndex);
  }

  @Override
  public double getDouble(int parameterIndex) throws SQLException {
    return callableDelegate.getDouble(parameterIndex);
  }

  @Override
  public double getDouble(String parameterName) throws SQLException {
    return callableDelegate.getDouble(parameterName);
  }

  @Override
  public byte[] getBytes(String parameterName) throws SQLException {
    return callableDelegate.getBytes(parameterName);
  }

  @Override
  public byte[] getBytes(int parameterIndex) throws SQLException {
    return callableDelegate.getBytes(parameterIndex);
  }

  @Override
  public void setBoolean(String parameterName, boolean x) throws SQLException {
    callableDelegate.setBoolean(parameterName, x);
    capture.binds.bindNamed(parameterName, "setBoolean", null, x);
  }

  @Override
  public void setByte(String parameterName, byte x) throws SQLException {
    callableDelegate.setByte(parameterName, x);
    capture.binds.bindNamed(parameterName, "setByte", null, x);
  }

  @Override
  public void setShort(String parameterName, short x) throws SQLException {
    callableDelegate.setShort(parameterName, x);
    capture.binds.bindNamed(parameterName, "setShort", null, x);
  }

  @Override
  public void setInt(String parameterName, int x) throws SQLException {
    callableDelegate.setInt(parameterName, x);
    capture.binds.bindNamed(parameterName, "setInt", null, x);
  }

  @Override
  public void setLong(String parameterName, long x) throws SQLException {
    callableDelegate.setLong(parameterName, x);
    capture.binds.bindNamed(parameterName, "setLong", null, x);
  }

  @Override
  public void setFloat(String parameterName, float x) throws SQLException {
    callableDelegate.setFloat(parameterName, x);
    capture.binds.bindNamed(parameterName, "setFloat", null, x);
  }

  @Override
  public void setDouble(String parameterName, double x) throws SQLException {
    callableDelegate.setDouble(parameterName, x);
    capture.binds.bindNamed(parameterName, "setDouble", null, x);
  }

  @Override
  public Object getObject(int parameterIndex, Map<String, Class<?>> map) throws SQLException {
    return callableDelegate.getObject(parameterIndex, map);
  }

  @Override
  public Object getObject(String parameterName) throws SQLException {
    return callableDelegate.getObject(parameterName);
  }

  @Override
  public Object getObject(String parameterName, Map<String, Class<?>> map) throws SQLException {
    return callableDelegate.getObject(parameterName, map);
  }

  @Override
  public Object getObject(int parameterIndex) throws SQLException {
    return callableDelegate.getObject(parameterIndex);
  }

  @Override
  public <T> T getObject(String parameterName, Class<T> type) throws SQLException {
    return callableDelegate.getObject(parameterName, type);
  }

  @Override
  public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
    return callableDelegate.getObject(parameterIndex, type);
  }

  @Override
  public Ref getRef(int parameterIndex) throws SQLException {
    return callableDelegate.getRef(parameterIndex);
  }

  @Override
  public Ref getRef(String parameterName) throws SQLException {
    return callableDelegate.getRef(parameterName);
  }

  @Override
  public Array getArray(int parameterIndex) throws SQLException {
    return callableDelegate.getArray(parameterIndex);
  }

  @Override
  public Array getArray(String parameterName) throws SQLException {
    return callableDelegate.getArray(parameterName);
  }

  @Override
  public void setURL(String parameterName, URL x) throws SQLException {
    callableDelegate.setURL(parameterName, x);
    capture.binds.bindNamed(parameterName, "setURL", null, x);
  }

  @Override
  public Timestamp getTimestamp(int parameterIndex) throws SQLException {
    return callableDelegate.getTimestamp(parameterIndex);
  }

  @Override
  public Timestamp getTimestamp(String parameterName) throws SQLException {
    return callableDelegate.getTimestamp(parameterName);
  }

  @Override
  public Timestamp getTimestamp(String parameterName, Calendar calendar) throws SQLException {
    return callableDelegate.getTimestamp(parameterName, calendar);
  }

  @Override
  public Timestamp getTimestamp(int parameterIndex, Calendar calendar) throws SQLException {
    return callableDelegate.getTimestamp(parameterIndex, calendar);
  }

  @Override
  public String getString(String parameterName) throws SQLException {
    return callableDelegate.getString(parameterName);
  }

  @Override
  public String getString(int parameterIndex) throws SQLException {
    return callableDelegate.getString(parameterIndex);
  }

  @Override
  public BigDecimal getBigDecimal(String parameterName) throws SQLException {
    return callableDelegate.getBigDecimal(parameterName);
  }

  @Override
  public BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
    return callableDelegate.getBigDecimal(parameterIndex);
  }

  @Override
  @Deprecated
  @SuppressWarnings("deprecation")
  public BigDecimal getBigDecimal(int parameterIndex, int n) throws SQLException {
    return callableDelegate.getBigDecimal(parameterIndex, n);
  }

  @Override
  public Time getTime(String parameterName) throws SQLException {
    return callableDelegate.getTime(parameterName);
  }

  @Override
  public Time getTime(int parameterIndex) throws SQLException {
    return callableDelegate.getTime(parameterIndex);
  }

  @Override
  public Time getTime(int parameterIndex, Calendar calendar) throws SQLException {
    return callableDelegate.getTime(parameterIndex, calendar);
  }

  @Override
  public Time getTime(String parameterName, Calendar calendar) throws SQLException {
    return callableDelegate.getTime(parameterName, calendar);
  }

  @Override
  public void setTime(String parameterName, Time x, Calendar calendar) throws SQLException {
    callableDelegate.setTime(parameterName, x, calendar);
    capture.binds.bindNamed(parameterName, "setTime", null, x);
  }

  @Override
  public void setTime(String parameterName, Time x) throws SQLException {
    callableDelegate.setTime(parameterName, x);
    capture.binds.bindNamed(parameterName, "setTime", null, x);
  }

  @Override
  public void setDate(String parameterName, Date x, Calendar calendar) throws SQLException {
    callableDelegate.setDate(parameterName, x, calendar);
    capture.binds.bindNamed(parameterName, "setDate", null, x);
  }

  @Override
  public void setDate(String parameterName, Date x) throws SQLException {
    callableDelegate.setDate(parameterName, x);
    capture.binds.bindNamed(parameterName, "setDate", null, x);
  }

  @Override
  public Date getDate(int parameterIndex) throws SQLException {
    return callableDelegate.getDate(parameterIndex);
  }

  @Override
  public Date getDate(String parameterName) throws SQLException {
    return callableDelegate.getDate(parameterName);
  }

  @Override
  public Date getDate(String parameterName, Calendar calendar) throws SQLException {
    return callableDelegate.getDate(parameterName, calendar);
  }

  @Override
  public Date getDate(int parameterIndex, Calendar calendar) throws SQLException {
    return callableDelegate.getDate(parameterIndex, calendar);
  }

  @Override
  public URL getURL(int parameterIndex) throws SQLException {
    return callableDelegate.getURL(parameterIndex);
  }

  @Override
  public URL getURL(String parameterName) throws SQLException {
    return callableDelegate.getURL(parameterName);
  }

  @Override
  public boolean wasNull() throws SQLException {
    return callableDelegate.wasNull();
  }

  @Override
  public Blob getBlob(int parameterIndex) throws SQLException {
    return callableDelegate.getBlob(parameterIndex);
  }

  @Override
  public Blob getBlob(String parameterName) throws SQLException {
    return callableDelegate.getBlob(parameterName);
  }

  @Override
  public Clob getClob(String parameterName) throws SQLException {
    return callableDelegate.getClob(parameterName);
  }

  @Override
  public Clob getClob(int parameterIndex) throws SQLException {
    return callableDelegate.getClob(parameterIndex);
  }

  @Override
  public void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
    callableDelegate.setBigDecimal(parameterName, x);
    capture.binds.bindNamed(parameterName, "setBigDecimal", null, x);
  }

  @Override
  public void setString(String parameterName, String x) throws SQLException {
    callableDelegate.setString(parameterName, x);
    capture.binds.bindNamed(parameterName, "setString", null, x);
  }

  @Override
  public void setBytes(String parameterName, byte[] x) throws SQLException {
    callableDelegate.setBytes(parameterName, x);
    capture.binds.bindNamed(parameterName, "setBytes", null, x);
  }

  @Override
  public void setTimestamp(String parameterName, Timestamp x) throws SQLException {
    callableDelegate.setTimestamp(parameterName, x);
    capture.binds.bindNamed(parameterName, "setTimestamp", null, x);
  }

  @Override
  public void setTimestamp(String parameterName, Timestamp x, Calendar calendar) throws SQLException {
    callableDelegate.setTimestamp(parameterName, x, calendar);
    capture.binds.bindNamed(parameterName, "setTimestamp", null, x);
  }

  @Override
  public void setAsciiStream(String parameterName, InputStream x, int n) throws SQLException {
    InputStream teed = capture.binds.teeNamed(parameterName, "setAsciiStream", x, n);
    callableDelegate.setAsciiStream(parameterName, teed, n);
  }

  @Override
  public void setAsciiStream(String parameterName, InputStream x) throws SQLException {
    InputStream teed = capture.binds.teeNamed(parameterName, "setAsciiStream", x, -1L);
    callableDelegate.setAsciiStream(parameterName, teed);
  }

  @Override
  public void setAsciiStream(String parameterName, InputStream x, long length) throws SQLException {
    InputStream teed = capture.binds.teeNamed(parameterName, "setAsciiStream", x, length);
    callableDelegate.setAsciiStream(parameterName, teed, length);
  }

  @Override
  public void setBinaryStream(String parameterName, InputStream x) throws SQLException {
    InputStream teed = capture.binds.teeNamed(parameterName, "setBinaryStream", x, -1L);
    callableDelegate.setBinaryStream(parameterName, teed);
  }

  @Override
  public void setBinaryStream(String parameterName, InputStream x, long length) throws SQLException {
    InputStream teed = capture.binds.teeNamed(parameterName, "setBinaryStream", x, length);
    callableDelegate.setBinaryStream(parameterName, teed, length);
  }

  @Override
  public void setBinaryStream(String parameterName, InputStream x, int n) throws SQLException {
    InputStream teed = capture.binds.teeNamed(parameterName, "setBinaryStream", x, n);
    callableDelegate.setBinaryStream(parameterName, teed, n);
  }

  @Override
  public void setCharacterStream(String parameterName, Reader x, long length) throws SQLException {
    Reader teed = capture.binds.teeNamed(parameterName, "setCharacterStream", x, length);
    callableDelegate.setCharacterStream(parameterName, teed, length);
  }

  @Override
  public void setCharacterStream(String parameterName, Reader x) throws SQLException {
    Reader teed = capture.binds.teeNamed(parameterName, "setCharacterStream", x, -1L);
    callableDelegate.setCharacterStream(parameterName, teed);
  }

  @Override
  public void setCharacterStream(String parameterName, Reader x, int n) throws SQLException {
    Reader teed = capture.binds.teeNamed(parameterName, "setCharacterStream", x, n);
    callableDelegate.setCharacterStream(parameterName, teed, n);
  }

  @Override
  public RowId getRowId(int parameterIndex) throws SQLException {
    return callableDelegate.getRowId(parameterIndex);
  }

  @Override
  public RowId getRowId(String parameterName) throws SQLException {
    return callableDelegate.getRowId(parameterName);
  }

  @Override
  public void setRowId(String parameterName, RowId x) throws SQLException {
    callableDelegate.setRowId(parameterName, x);
    capture.binds.bindNamed(parameterName, "setRowId", null, x);
  }

  @Override
  public void setNString(String parameterName, String x) throws SQLException {
    callableDelegate.setNString(parameterName, x);
    capture.binds.bindNamed(parameterName, "setNString", null, x);
  }

  @Override
  public void setNCharacterStream(String parameterName, Reader x, long length) throws SQLException {
    Reader teed = capture.binds.teeNamed(parameterName, "setNCharacterStream", x, length);
    callableDelegate.setNCharacterStream(parameterName, teed, length);
  }

  @Override
  public void setNCharacterStream(String parameterName, Reader x) throws SQLException {
    Reader teed = capture.binds.teeNamed(parameterName, "setNCharacterStream", x, -1L);
    callableDelegate.setNCharacterStream(parameterName, teed);
  }

  @Override
  public void setNClob(String parameterName, Reader x, long length) throws SQLException {
    Reader teed = capture.binds.teeNamed(parameterName, "setNClob", x, length);
    callableDelegate.setNClob(parameterName, teed, length);
  }

  @Override
  public void setNClob(String parameterName, Reader x) throws SQLException {
    Reader teed = capture.binds.teeNamed(parameterName, "setNClob", x, -1L);
    callableDelegate.setNClob(parameterName, teed);
  }

  @Override
  public void setNClob(String parameterName, NClob x) throws SQLException {
    callableDelegate.setNClob(parameterName, x);
    capture.binds.bindNamed(parameterName, "setNClob", null, x);
  }

  @Override
  public void setClob(String parameterName, Reader x) throws SQLException {
    Reader teed = capture.binds.teeNamed(parameterName, "setClob", x, -1L);
    callableDelegate.setClob(parameterName, teed);
  }

  @Override
  public void setClob(String parameterName, Clob x) throws SQLException {
    callableDelegate.setClob(parameterName, x);
    capture.binds.bindNamed(parameterName, "setClob", null, x);
  }

  @Override
  public void setClob(String parameterName, Reader x, long length) throws SQLException {
    Reader teed = capture.binds.teeNamed(parameterName, "setClob", x, length);
    callableDelegate.setClob(parameterName, teed, length);
  }

  @Override
  public void setBlob(String parameterName, InputStream x, long length) throws SQLException {
    InputStream teed = capture.binds.teeNamed(parameterName, "setBlob", x, length);
    callableDelegate.setBlob(parameterName, teed, length);
  }

  @Override
  public void setBlob(String parameterName, Blob x) throws SQLException {
    callableDelegate.setBlob(parameterName, x);
    capture.binds.bindNamed(parameterName, "setBlob", null, x);
  }

  @Override
  public void setBlob(String parameterName, InputStream x) throws SQLException {
    InputStream teed = capture.binds.teeNamed(parameterName, "setBlob", x, -1L);
    callableDelegate.setBlob(parameterName, teed);
  }

  @Override
  public NClob getNClob(String parameterName) throws SQLException {
    return callableDelegate.getNClob(parameterName);
  }

  @Override
  public NClob getNClob(int parameterIndex) throws SQLException {
    return callableDelegate.getNClob(parameterIndex);
  }

  @Override
  public void setSQLXML(String parameterName, SQLXML x) throws SQLException {
    callableDelegate.setSQLXML(parameterName, x);
    capture.binds.bindNamed(parameterName, "setSQLXML", null, x);
  }

  @Override
  public SQLXML getSQLXML(int parameterIndex) throws SQLException {
    return callableDelegate.getSQLXML(parameterIndex);
  }

  @Override
  public SQLXML getSQLXML(String parameterName) throws SQLException {
    return callableDelegate.getSQLXML(parameterName);
  }

  @Override
  public String getNString(String parameterName) throws SQLException {
    return callableDelegate.getNString(parameterName);
  }

  @Override
  public String getNString(int parameterIndex) throws SQLException {
    return callableDelegate.getNString(parameterIndex);
  }

  @Override
  public Reader getNCharacterStream(int parameterIndex) throws SQLException {
    return callableDelegate.getNCharacterStream(parameterIndex);
  }

  @Override
  public Reader getNCharacterStream(String parameterName) throws SQLException {
    return callableDelegate.getNCharacterStream(parameterName);
  }

  @Override
  public Reader getCharacterStream(int parameterIndex) throws SQLException {
    return callableDelegate.getCharacterStream(parameterIndex);
  }

  @Override
  public Reader getCharacterStream(String parameterName) throws SQLException {
    return callableDelegate.getCharacterStream(parameterName);
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sQLType, int n) throws SQLException {
    callableDelegate.registerOutParameter(parameterIndex, sQLType, n);
    capture.registerOut(parameterIndex);
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sQLType) throws SQLException {
    callableDelegate.registerOutParameter(parameterIndex, sQLType);
    capture.registerOut(parameterIndex);
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sQLType, int n) throws SQLException {
    callableDelegate.registerOutParameter(parameterName, sQLType, n);
    capture.registerOut(parameterName);
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sQLType, String string) throws SQLException {
    callableDelegate.registerOutParameter(parameterIndex, sQLType, string);
    capture.registerOut(parameterIndex);
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sQLType) throws SQLException {
    callableDelegate.registerOutParameter(parameterName, sQLType);
    capture.registerOut(parameterName);
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sQLType, String string) throws SQLException {
    callableDelegate.registerOutParameter(parameterName, sQLType, string);
    capture.registerOut(parameterName);
  }

  @Override
  public void registerOutParameter(int parameterIndex, int n, int n2) throws SQLException {
    callableDelegate.registerOutParameter(parameterIndex, n, n2);
    capture.registerOut(parameterIndex);
  }

  @Override
  public void registerOutParameter(String parameterName, int n, String string) throws SQLException {
    callableDelegate.registerOutParameter(parameterName, n, string);
    capture.registerOut(parameterName);
  }

  @Override
  public void registerOutParameter(String parameterName, int n, int n2) throws SQLException {
    callableDelegate.registerOutParameter(parameterName, n, n2);
    capture.registerOut(parameterName);
  }

  @Override
  public void registerOutParameter(String parameterName, int n) throws SQLException {
    callableDelegate.registerOutParameter(parameterName, n);
    capture.registerOut(parameterName);
  }

  @Override
  public void registerOutParameter(int parameterIndex, int n, String string) throws SQLException {
    callableDelegate.registerOutParameter(parameterIndex, n, string);
    capture.registerOut(parameterIndex);
  }

  @Override
  public void registerOutParameter(int parameterIndex, int n) throws SQLException {
    callableDelegate.registerOutParameter(parameterIndex, n);
    capture.registerOut(parameterIndex);
  }

  @Override
  public void setNull(String parameterName, int sqlType, String string) throws SQLException {
    callableDelegate.setNull(parameterName, sqlType, string);
    capture.binds.bindNamed(parameterName, "setNull", sqlType, null);
  }

  @Override
  public void setNull(String parameterName, int sqlType) throws SQLException {
    callableDelegate.setNull(parameterName, sqlType);
    capture.binds.bindNamed(parameterName, "setNull", sqlType, null);
  }

  @Override
  public void setObject(String parameterName, Object x) throws SQLException {
    callableDelegate.setObject(parameterName, x);
    capture.binds.bindNamed(parameterName, "setObject", null, x);
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType sQLType) throws SQLException {
    callableDelegate.setObject(parameterName, x, sQLType);
    capture.binds.bindNamed(parameterName, "setObject", Values.sqlType(sQLType), x);
  }

  @Override
  public void setObject(String parameterName, Object x, int n) throws SQLException {
    callableDelegate.setObject(parameterName, x, n);
    capture.binds.bindNamed(parameterName, "setObject", n, x);
  }

  @Override
  public void setObject(String parameterName, Object x, int n, int n2) throws SQLException {
    callableDelegate.setObject(parameterName, x, n, n2);
    capture.binds.bindNamed(parameterName, "setObject", n, x);
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType sQLType, int n) throws SQLException {
    callableDelegate.setObject(parameterName, x, sQLType, n);
    capture.binds.bindNamed(parameterName, "setObject", Values.sqlType(sQLType), x);
  }
}
