package dev.reprokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.CaptureResult;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.TriggerKind;
import dev.reprokit.bundle.Bundle;
import dev.reprokit.bundle.BundleReader;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.JdbcTransactionEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.testing.BundleSchemas;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every JDBC event field survives a real bundle round trip and matches the JSON Schema. */
class BundleFormatTest {

  @Test
  void jdbcEventsRoundTripThroughABundleAndMatchTheSchema(@TempDir Path dir) throws Exception {
    Recorder recorder = Recorder.create(RecorderConfig.builder().bundleDirectory(dir)
        .automaticTriggers(EnumSet.noneOf(TriggerKind.class)).build());
    byte[] blob = new byte[6000];
    try {
      DataSource ds = ReproJdbc.wrap(Databases.H2.dataSource(Databases.H2.url()), recorder);
      try (Connection c = ds.getConnection()) {
        try (Statement s = c.createStatement()) {
          s.execute("create table doc (id int auto_increment primary key, title varchar(20) unique,"
              + " body blob, at timestamp, price decimal(8,2))");
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
            "insert into doc (title, body, at, price) values (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
          ps.setString(1, "a");
          ps.setBinaryStream(2, new ByteArrayInputStream(blob));
          ps.setTimestamp(3, java.sql.Timestamp.valueOf("2024-01-02 03:04:05.123"));
          ps.setBigDecimal(4, new java.math.BigDecimal("9.99"));
          ps.executeUpdate();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
          }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into doc (title) values (?)")) {
          ps.setString(1, "a");
          ps.addBatch();
          ps.executeBatch();
        } catch (BatchUpdateException expected) {
          // recorded
        }
        c.rollback();
        c.setAutoCommit(true);
      }
      CaptureResult written = recorder.capture("format test");
      assertThat(written.written()).as(written.message()).isTrue();
      BundleSchemas.assertValid(written.path());
      Bundle bundle = BundleReader.create().read(written.path());
      List<JdbcStatementEvent> statements = bundle.events().stream()
          .filter(e -> e instanceof JdbcStatementEvent).map(e -> (JdbcStatementEvent) e).toList();
      JdbcStatementEvent insert = statements.get(1);
      assertThat(((Payload) insert.binds().get(1).value()).originalSize()).isEqualTo(6000);
      assertThat(insert.binds().get(2).value()).isEqualTo("2024-01-02T03:04:05.123");
      assertThat(statements.get(2).error().sqlState()).isEqualTo("23505");
      assertThat(statements.get(2).batch()).hasSize(1);
      JdbcResultSetEvent keys = bundle.events().stream()
          .filter(e -> e instanceof JdbcResultSetEvent).map(e -> (JdbcResultSetEvent) e)
          .findFirst().orElseThrow();
      assertThat(keys.generatedKeys()).isTrue();
      assertThat(bundle.events()).filteredOn(e -> e instanceof JdbcTransactionEvent).hasSize(3);
      assertThat(bundle.environment().databases()).extracting(d -> d.product()).containsExactly("H2");
    } finally {
      recorder.close();
    }
  }

  @Test
  void passwordBindsColumnsAndUrlSecretsNeverReachTheBundle(@TempDir Path dir) throws Exception {
    Recorder recorder = Recorder.create(RecorderConfig.builder().bundleDirectory(dir)
        .automaticTriggers(EnumSet.noneOf(TriggerKind.class)).build());
    ReproJdbc.register("secrets", recorder);
    try {
      java.util.Properties p = new java.util.Properties();
      p.setProperty("user", "sa");
      p.setProperty("password", "");
      p.setProperty(ReproJdbc.RECORDER_PROPERTY, "secrets");
      String url = Databases.repro(Databases.H2.url()) + ";PASSWORD=urlsecret42";
      try (Connection c = java.sql.DriverManager.getConnection(
          url.replace(";PASSWORD=urlsecret42", ""), p)) {
        try (Statement s = c.createStatement()) {
          s.execute("create table account (login varchar(20), password varchar(40))");
        }
        try (PreparedStatement ps = c.prepareStatement(
            "insert into account (login, password) values (?, ?)")) {
          ps.setString(1, "alice");
          ps.setString(2, "hunter2hunter2");
          ps.executeUpdate();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from account")) {
          rs.next();
          assertThat(rs.getString("password")).isEqualTo("hunter2hunter2");
        }
      }
      recorder.noteDatabase(new dev.reprokit.env.DatabaseInfo("H2", "2", "H2 JDBC", "2", url));
      CaptureResult written = recorder.capture("secrets");
      BundleSchemas.assertValid(written.path());
      String all = new String(java.nio.file.Files.readAllBytes(written.path()),
          java.nio.charset.StandardCharsets.ISO_8859_1);
      Bundle bundle = BundleReader.create().read(written.path());
      String events = bundle.events().toString() + bundle.environment();
      assertThat(events).contains("alice").doesNotContain("hunter2hunter2").doesNotContain("urlsecret42");
      assertThat(all).doesNotContain("hunter2hunter2");
    } finally {
      ReproJdbc.unregister("secrets");
      recorder.close();
    }
  }

  @Test
  void postgresWarningsMatchTheSchema(@TempDir Path dir) throws SQLException {
    Databases.POSTGRES.assumeReachable();
    Recorder recorder = Recorder.create(RecorderConfig.builder().bundleDirectory(dir).build());
    try {
      DataSource ds = ReproJdbc.wrap(Databases.POSTGRES.dataSource(Databases.POSTGRES.url()), recorder);
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("do $$ begin raise warning 'watch out'; end $$");
      }
      CaptureResult written = recorder.capture("warnings");
      BundleSchemas.assertValid(written.path());
      JdbcStatementEvent st = (JdbcStatementEvent) BundleReader.create().read(written.path()).events()
          .stream().filter(e -> e instanceof JdbcStatementEvent).findFirst().orElseThrow();
      assertThat(st.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("watch out"));
    } finally {
      recorder.close();
    }
  }
}
