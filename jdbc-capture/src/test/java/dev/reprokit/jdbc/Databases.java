package dev.reprokit.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The databases the tests run on: H2 always, PostgreSQL and MariaDB when reachable. */
enum Databases {
  H2("jdbc:h2:mem:%s;DB_CLOSE_DELAY=-1", "sa", ""),
  POSTGRES("jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3", "postgres", ""),
  MARIADB("jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=3000", "root", "");

  private static final Map<Databases, Boolean> REACHABLE = new ConcurrentHashMap<>();

  final String urlPattern;
  final String user;
  final String password;

  Databases(String urlPattern, String user, String password) {
    this.urlPattern = urlPattern;
    this.user = user;
    this.password = password;
  }

  /** A JDBC URL; for H2 a private in-memory database named {@code name}. */
  String url(String name) {
    return this == H2 ? String.format(urlPattern, name) : urlPattern;
  }

  String url() {
    return url("db" + UUID.randomUUID().toString().replace("-", ""));
  }

  /** {@code url} with {@code jdbc:} replaced by {@code jdbc:repro:}. */
  static String repro(String url) {
    return "jdbc:repro:" + url.substring("jdbc:".length());
  }

  /** Skips the test (with a clear message) when the server is not reachable. */
  void assumeReachable() {
    if (this == H2) {
      return;
    }
    boolean up = REACHABLE.computeIfAbsent(this, db -> {
      try (Connection c = DriverManager.getConnection(db.url(), db.user, db.password)) {
        return c.isValid(3);
      } catch (SQLException e) {
        System.out.println("SKIPPED: " + db + " is not reachable at " + db.url() + ": " + e);
        return false;
      }
    });
    assumeTrue(up, this + " is not reachable at " + url() + "; tests on it are skipped");
  }

  /** A unique table name for one test run, so that runs do not collide. */
  static String table(String base) {
    return (base + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
  }

  /** A plain DriverManager data source. */
  static DataSource dataSource(String url, String user, String password) {
    return new DataSource() {
      private PrintWriter out;
      private int timeout;

      @Override
      public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
      }

      @Override
      public Connection getConnection(String u, String p) throws SQLException {
        return DriverManager.getConnection(url, u, p);
      }

      @Override
      public PrintWriter getLogWriter() {
        return out;
      }

      @Override
      public void setLogWriter(PrintWriter o) {
        out = o;
      }

      @Override
      public void setLoginTimeout(int seconds) {
        timeout = seconds;
      }

      @Override
      public int getLoginTimeout() {
        return timeout;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getLogger("test");
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }

  DataSource dataSource(String url) {
    return dataSource(url, user, password);
  }
}
