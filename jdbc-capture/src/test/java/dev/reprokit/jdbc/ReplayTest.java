package dev.reprokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reprokit.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class ReplayTest {

  /** Records the workload and returns a replay data source of what was recorded. */
  private static DataSource record(Databases db, String table, String binaryType,
      List<String> appSaw) throws SQLException {
    TestRecorder rec = new TestRecorder();
    try {
      DataSource ds = ReproJdbc.wrap(db.dataSource(db.url()), rec.recorder);
      appSaw.addAll(Workload.run(ds, table, binaryType));
      dev.reprokit.bundle.Snapshot snapshot = rec.snapshot();
      return JdbcReplay.dataSource(snapshot.events(),
          snapshot.environment().databases().get(0));
    } finally {
      rec.recorder.close();
      if (db != Databases.H2) {
        try (Connection c = db.dataSource(db.url()).getConnection(); Statement s = c.createStatement()) {
          s.execute("drop table if exists " + table);
        }
      }
    }
  }

  @Test
  void aRecordingFromH2ReplaysWithTheSameAppVisibleResults() throws SQLException {
    String table = Databases.table("replay");
    List<String> recorded = new java.util.ArrayList<>();
    DataSource replay = record(Databases.H2, table, "varbinary(64)", recorded);
    List<String> replayed = Workload.run(replay, table, "varbinary(64)");
    assertThat(replayed).isEqualTo(recorded);
    assertThat(recorded).anyMatch(s -> s.startsWith("query: id:4 name:12 amount:3 data:-3 [2|2;"));
  }

  @Test
  void aRecordingFromPostgresReplaysWithTheSameAppVisibleResults() throws SQLException {
    Databases.POSTGRES.assumeReachable();
    String table = Databases.table("replay");
    List<String> recorded = new java.util.ArrayList<>();
    DataSource replay = record(Databases.POSTGRES, table, "bytea", recorded);
    List<String> replayed = Workload.run(replay, table, "bytea");
    assertThat(replayed).isEqualTo(recorded);
    assertThat(recorded).anyMatch(s -> s.startsWith("error: SQLException 42703"));
  }

  @Test
  void aRecordingFromMariaDbReplaysWithTheSameAppVisibleResults() throws SQLException {
    Databases.MARIADB.assumeReachable();
    String table = Databases.table("replay");
    List<String> recorded = new java.util.ArrayList<>();
    DataSource replay = record(Databases.MARIADB, table, "varbinary(64)", recorded);
    List<String> replayed = Workload.run(replay, table, "varbinary(64)");
    assertThat(replayed).isEqualTo(recorded);
  }

  @Test
  void repeatedStatementsAnswerInRecordedOrderWithRecordedMetadata() throws SQLException {
    TestRecorder rec = new TestRecorder();
    String url = Databases.H2.url();
    DataSource ds = ReproJdbc.wrap(Databases.H2.dataSource(url), rec.recorder);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table t (id bigint primary key, at timestamp, ok boolean)");
      try (PreparedStatement count = c.prepareStatement("select count(*) as n from t")) {
        for (int i = 1; i <= 2; i++) {
          try (ResultSet rs = count.executeQuery()) {
            rs.next();
          }
          s.executeUpdate("insert into t values (" + i + ", timestamp '2024-05-06 07:08:09', true)");
        }
      }
      try (ResultSet rs = s.executeQuery("select * from t order by id")) {
        while (rs.next()) {
          rs.getObject(1);
        }
      }
    }
    List<Event> events = rec.events();
    rec.recorder.close();
    try (Connection c = JdbcReplay.dataSource(events).getConnection();
         Statement s = c.createStatement()) {
      assertThat(s.execute("create table t (id bigint primary key, at timestamp, ok boolean)")).isFalse();
      try (PreparedStatement count = c.prepareStatement("select  count(*) as n\n from t")) {
        try (ResultSet rs = count.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt("N")).isZero();
          assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("N");
          assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.BIGINT);
          assertThat(rs.getObject(1)).isEqualTo(0L);
        }
        assertThat(s.executeUpdate("insert into t values (1, timestamp '2024-05-06 07:08:09', true)")).isEqualTo(1);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(1);
        }
      }
      try (ResultSet rs = s.executeQuery("select * from t order by id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject("AT")).isEqualTo(java.sql.Timestamp.valueOf("2024-05-06 07:08:09"));
        assertThat(rs.getBoolean(3)).isTrue();
        assertThat(rs.getObject(1, Long.class)).isEqualTo(1L);
        assertThat(rs.next()).isTrue();
        assertThat(rs.next()).isFalse();
        assertThat(rs.previous()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
  }

  @Test
  void anUnmatchedStatementFailsWithTheNearestRecordedStatementsAndWhatDiffers() throws SQLException {
    TestRecorder rec = new TestRecorder();
    DataSource ds = ReproJdbc.wrap(Databases.H2.dataSource(Databases.H2.url()), rec.recorder);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table account (id int, owner varchar(20))");
      try (PreparedStatement ps = c.prepareStatement("select owner from account where id = ?")) {
        ps.setInt(1, 7);
        ps.executeQuery().close();
      }
    }
    List<Event> events = rec.events();
    rec.recorder.close();
    try (Connection c = JdbcReplay.connection(events)) {
      PreparedStatement ps = c.prepareStatement("select owner from account where id = ?");
      ps.setInt(1, 8);
      assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
          .hasMessageContaining("no recorded statement matches")
          .hasMessageContaining("parameter 1: recorded 7 (setInt), now 8");
      PreparedStatement typo = c.prepareStatement("select ownr from account where id = ?");
      typo.setInt(1, 7);
      assertThatThrownBy(typo::executeQuery).hasMessageContaining("SQL differs from character 11: recorded 'er from account where id = ?', now 'r from account");
    }
  }

  @Test
  void recordedErrorsAreThrownAgainWithTheirSqlStateAndVendorCode() throws SQLException {
    TestRecorder rec = new TestRecorder();
    DataSource ds = ReproJdbc.wrap(Databases.H2.dataSource(Databases.H2.url()), rec.recorder);
    SQLException original = null;
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeQuery("select * from missing_table");
    } catch (SQLException e) {
      original = e;
    }
    List<Event> events = rec.events();
    rec.recorder.close();
    try (Connection c = JdbcReplay.connection(events); Statement s = c.createStatement()) {
      SQLException again = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> s.executeQuery("select * from missing_table"));
      assertThat((Object) again).isInstanceOf(SQLSyntaxErrorException.class);
      assertThat(again.getSQLState()).isEqualTo(original.getSQLState());
      assertThat(again.getErrorCode()).isEqualTo(original.getErrorCode());
      assertThat(again.getMessage()).isEqualTo(original.getMessage());
    }
  }

  private static java.nio.file.Path writeBundle(Databases db, String table, String binaryType,
      List<String> appSaw, java.nio.file.Path dir) throws SQLException {
    dev.reprokit.Recorder recorder = dev.reprokit.Recorder.create(dev.reprokit.RecorderConfig.builder()
        .bundleDirectory(dir).automaticTriggers(java.util.EnumSet.noneOf(dev.reprokit.TriggerKind.class))
        .build());
    try {
      DataSource ds = ReproJdbc.wrap(db.dataSource(db.url()), recorder);
      appSaw.addAll(Workload.run(ds, table, binaryType));
      dev.reprokit.CaptureResult result = recorder.capture("replay test");
      assertThat(result.written()).as(result.message()).isTrue();
      return result.path();
    } finally {
      recorder.close();
      if (db != Databases.H2) {
        try (Connection c = db.dataSource(db.url()).getConnection(); Statement s = c.createStatement()) {
          s.execute("drop table if exists " + table);
        }
      }
    }
  }

  @Test
  void aBundleRecordedAgainstPostgresReplaysThroughTheReplayDriver(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws SQLException {
    Databases.POSTGRES.assumeReachable();
    String table = Databases.table("bundle");
    List<String> recorded = new java.util.ArrayList<>();
    java.nio.file.Path bundle = writeBundle(Databases.POSTGRES, table, "bytea", recorded, dir);
    dev.reprokit.testing.BundleSchemas.assertValid(bundle);
    String url = ReproDriver.REPLAY_PREFIX + bundle;
    List<String> replayed = Workload.run(Databases.dataSource(url, null, null), table, "bytea");
    assertThat(replayed).isEqualTo(recorded);
    try (Connection c = java.sql.DriverManager.getConnection(url)) {
      assertThat(c.getMetaData().getURL()).isEqualTo(url);
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(Workload.run(JdbcReplay.dataSource(bundle), table, "bytea")).isEqualTo(recorded);
  }

  @Test
  void aBundleRecordedAgainstH2ReplaysThroughTheReplayDriver(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws SQLException {
    String table = Databases.table("bundle");
    List<String> recorded = new java.util.ArrayList<>();
    java.nio.file.Path bundle = writeBundle(Databases.H2, table, "varbinary(64)", recorded, dir);
    dev.reprokit.testing.BundleSchemas.assertValid(bundle);
    List<String> replayed = Workload.run(
        Databases.dataSource(ReproDriver.REPLAY_PREFIX + bundle, null, null), table, "varbinary(64)");
    assertThat(replayed).isEqualTo(recorded);
  }

  private static List<String> readTypes(DataSource ds, String table) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("select * from " + table + " order by id")) {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          out.add(md.getColumnLabel(i) + "=" + Workload.show(v)
              + (v == null ? "" : ":" + v.getClass().getName()) + "|" + rs.wasNull()
              + "|" + rs.getString(i));
        }
        out.add("typed " + rs.getInt("id") + " " + rs.getLong("big") + " " + rs.getDouble("ratio")
            + " " + rs.getBoolean("ok") + " " + rs.getDate("day") + " " + rs.getTimestamp("at")
            + " " + rs.getObject("day", java.time.LocalDate.class)
            + " " + rs.getObject("at", java.time.LocalDateTime.class)
            + " " + rs.getBigDecimal("price"));
      }
    }
    return out;
  }

  @Test
  void aPostgresBundleReplaysCommonTypesAsTheDriverReturnedThem(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws SQLException {
    Databases.POSTGRES.assumeReachable();
    String table = Databases.table("types");
    DataSource raw = Databases.POSTGRES.dataSource(Databases.POSTGRES.url());
    try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table " + table + " (id int primary key, big bigint, ratio double precision,"
          + " ok boolean, day date, at timestamp, price numeric(9,3), note text, tag uuid)");
      s.execute("insert into " + table + " values (1, 9007199254740993, 0.1, true, '2024-02-29',"
          + " '2024-02-29 23:59:58.123456', 12.5, 'héllo', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),"
          + " (2, null, null, null, null, null, null, null, null)");
    }
    dev.reprokit.Recorder recorder = dev.reprokit.Recorder.create(dev.reprokit.RecorderConfig.builder()
        .bundleDirectory(dir).build());
    try {
      List<String> live = readTypes(ReproJdbc.wrap(raw, recorder), table);
      java.nio.file.Path bundle = recorder.capture("types").path();
      List<String> replayed = readTypes(
          Databases.dataSource(ReproDriver.REPLAY_PREFIX + bundle, null, null), table);
      assertThat(replayed).isEqualTo(live);
    } finally {
      recorder.close();
      try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
        s.execute("drop table if exists " + table);
      }
    }
  }

  @Test
  void aMissingBundleFailsToConnectWithAClearMessage() {
    assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
        ReproDriver.REPLAY_PREFIX + "/nonexistent/x.repro.zip"))
        .isInstanceOf(SQLException.class).hasMessageContaining("no bundle file at");
  }
}
