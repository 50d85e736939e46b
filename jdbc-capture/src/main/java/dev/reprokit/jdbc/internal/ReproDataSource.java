package dev.reprokit.jdbc.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.sql.ShardingKeyBuilder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Delegating {@link DataSource}: every connection it hands out is a {@link ReproConnection}.
 * {@code unwrap} reaches the wrapped data source (e.g. Hikari's {@code HikariDataSource})
 * and the driver's types. Every method of the interface is overridden. Thread-safe.
 */
public final class ReproDataSource implements DataSource {
  final DataSource delegate;
  final CaptureContext ctx;

  public ReproDataSource(DataSource delegate, CaptureContext ctx) {
    this.delegate = delegate;
    this.ctx = ctx;
  }

  @Override
  public Connection getConnection() throws SQLException {
    long t0 = System.nanoTime();
    Connection raw;
    try {
      raw = delegate.getConnection();
    } catch (Throwable e) {
      ReproConnection.openFailed(ctx, null, t0, e);
      throw e;
    }
    return raw == null ? null : ReproConnection.opened(ctx, raw, null, t0);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    long t0 = System.nanoTime();
    Connection raw;
    try {
      raw = delegate.getConnection(username, password);
    } catch (Throwable e) {
      ReproConnection.openFailed(ctx, username, t0, e);
      throw e;
    }
    return raw == null ? null : ReproConnection.opened(ctx, raw, username, t0);
  }

  @Override
  public ConnectionBuilder createConnectionBuilder() throws SQLException {
    ConnectionBuilder raw = delegate.createConnectionBuilder();
    return new ConnectionBuilder() {
      private String user;

      @Override
      public ConnectionBuilder user(String username) {
        raw.user(username);
        user = username;
        return this;
      }

      @Override
      public ConnectionBuilder password(String password) {
        raw.password(password);
        return this;
      }

      @Override
      public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
        raw.shardingKey(shardingKey);
        return this;
      }

      @Override
      public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
        raw.superShardingKey(superShardingKey);
        return this;
      }

      @Override
      public Connection build() throws SQLException {
        long t0 = System.nanoTime();
        Connection c;
        try {
          c = raw.build();
        } catch (Throwable e) {
          ReproConnection.openFailed(ctx, user, t0, e);
          throw e;
        }
        return c == null ? null : ReproConnection.opened(ctx, c, user, t0);
      }
    };
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
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter printWriter) throws SQLException {
    delegate.setLogWriter(printWriter);
  }

  @Override
  public void setLoginTimeout(int n) throws SQLException {
    delegate.setLoginTimeout(n);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public ShardingKeyBuilder createShardingKeyBuilder() throws SQLException {
    return delegate.createShardingKeyBuilder();
  }
}
