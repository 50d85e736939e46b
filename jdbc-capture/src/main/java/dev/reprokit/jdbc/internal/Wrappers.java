package dev.reprokit.jdbc.internal;

import java.sql.SQLException;
import java.sql.Wrapper;

/** {@code unwrap}/{@code isWrapperFor} shared by every wrapper: own type first, then the driver's. */
final class Wrappers {
  private Wrappers() {}

  static <T> T unwrap(Object wrapper, Wrapper delegate, Class<T> iface) throws SQLException {
    if (iface == null) {
      throw new SQLException("unwrap: interface must not be null");
    }
    if (iface.isInstance(wrapper)) {
      return iface.cast(wrapper);
    }
    if (iface.isInstance(delegate)) {
      return iface.cast(delegate);
    }
    return delegate.unwrap(iface);
  }

  static boolean isWrapperFor(Object wrapper, Wrapper delegate, Class<?> iface)
      throws SQLException {
    if (iface == null) {
      return false;
    }
    return iface.isInstance(wrapper) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
  }

  /** The driver object behind a wrapper, for {@code equals}. */
  static Object unwrapped(Object o) {
    if (o instanceof ReproConnection c) {
      return c.delegate;
    }
    if (o instanceof ReproStatement s) { // also every prepared and callable wrapper
      return s.delegate;
    }
    if (o instanceof ReproResultSet r) {
      return r.delegate;
    }
    if (o instanceof ReproDatabaseMetaData m) {
      return m.delegate;
    }
    if (o instanceof ReproDataSource d) {
      return d.delegate;
    }
    return o;
  }
}
