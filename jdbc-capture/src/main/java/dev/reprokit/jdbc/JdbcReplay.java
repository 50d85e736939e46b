package dev.reprokit.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

public final class JdbcReplay {
  private JdbcReplay() {}

  static Connection connection(Path bundle, String url) throws SQLException {
    throw new SQLException("not yet");
  }
}
