package dev.reprokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.event.BindValue;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.Payload;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Vendor corners on the real PostgreSQL and MariaDB servers (skipped when unreachable). */
class VendorTest {
  private final TestRecorder rec = new TestRecorder();
  private final List<String> cleanup = new java.util.ArrayList<>();
  private Databases db;

  @AfterEach
  void tearDown() throws SQLException {
    long faults = rec.recorder.stats().internalFailures();
    rec.recorder.close();
    if (db != null && !cleanup.isEmpty()) {
      try (Connection c = db.dataSource(db.url()).getConnection(); Statement s = c.createStatement()) {
        for (String sql : cleanup) {
          s.execute(sql);
        }
      }
    }
    assertThat(faults).as("capture faults").isZero();
  }

  private DataSource wrapped(Databases which) {
    which.assumeReachable();
    db = which;
    return ReproJdbc.wrap(which.dataSource(which.url()), rec.recorder);
  }

  @Test
  void postgresFunctionOutParametersAreReturnedAndRecorded() throws SQLException {
    DataSource ds = wrapped(Databases.POSTGRES);
    String fn = Databases.table("rk_split");
    cleanup.add("drop function if exists " + fn + "(int)");
    try (Connection c = ds.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("create function " + fn + "(x int, out doubled int, out label text)"
            + " as $$ select x * 2, 'n' || x $$ language sql");
      }
      try (CallableStatement cs = c.prepareCall("{call " + fn + "(?, ?, ?)}")) {
        cs.setInt(1, 21);
        cs.registerOutParameter(2, Types.INTEGER);
        cs.registerOutParameter(3, Types.VARCHAR);
        cs.execute();
        assertThat(cs.getInt(2)).isEqualTo(42);
        assertThat(cs.getString(3)).isEqualTo("n21");
      }
    }
    JdbcStatementEvent call = rec.statements().stream()
        .filter(s -> s.statementKind().equals("callable")).findFirst().orElseThrow();
    assertThat(call.binds()).contains(new BindValue(1, null, "setInt", null, 21));
    assertThat(call.outParameters()).extracting(BindValue::value).containsExactly(42, "n21");

    try (Connection replay = JdbcReplay.connection(rec.events());
         CallableStatement cs = replay.prepareCall("{call " + fn + "(?, ?, ?)}")) {
      cs.setInt(1, 21);
      cs.registerOutParameter(2, Types.INTEGER);
      cs.registerOutParameter(3, Types.VARCHAR);
      cs.execute();
      assertThat(cs.getInt(2)).isEqualTo(42);
      assertThat(cs.getString(3)).isEqualTo("n21");
    }
  }

  @Test
  void mariaDbProcedureOutParametersAreReturnedAndRecorded() throws SQLException {
    DataSource ds = wrapped(Databases.MARIADB);
    String proc = Databases.table("rk_proc");
    cleanup.add("drop procedure if exists " + proc);
    try (Connection c = ds.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("create procedure " + proc + "(in x int, out doubled int, out label varchar(20))"
            + " begin set doubled = x * 2; set label = concat('n', x); end");
      }
      try (CallableStatement cs = c.prepareCall("{call " + proc + "(?, ?, ?)}")) {
        cs.setInt(1, 21);
        cs.registerOutParameter(2, Types.INTEGER);
        cs.registerOutParameter(3, Types.VARCHAR);
        cs.execute();
        assertThat(cs.getInt(2)).isEqualTo(42);
        assertThat(cs.getString(3)).isEqualTo("n21");
      }
    }
    JdbcStatementEvent call = rec.statements().stream()
        .filter(s -> s.statementKind().equals("callable")).findFirst().orElseThrow();
    assertThat(call.outParameters()).extracting(BindValue::value).containsExactly(42, "n21");
  }

  @Test
  void postgresNoticesAreRecordedAsStatementWarnings() throws SQLException {
    DataSource ds = wrapped(Databases.POSTGRES);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("do $$ begin raise warning 'careful: %', 42; end $$");
      assertThat((Object) s.getWarnings()).isNotNull();
      assertThat(s.getWarnings().getMessage()).contains("careful: 42");
    }
    JdbcStatementEvent event = rec.statements().get(0);
    assertThat(event.warnings()).hasSize(1);
    assertThat(event.warnings().get(0).message()).contains("careful: 42");
  }

  @Test
  void postgresCursorColumnsAreNotFetchedByCapture() throws SQLException {
    DataSource ds = wrapped(Databases.POSTGRES);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("declare rk_cur cursor for select generate_series(1, 3) as v");
      }
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("select 'rk_cur'::refcursor as cur")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.next()).isFalse(); // capture reads row 1 now, but not its cursor
      }
      try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("fetch all from rk_cur")) {
        int n = 0;
        while (rows.next()) {
          n++;
        }
        assertThat(n).as("the cursor still holds all its rows").isEqualTo(3);
      }
      c.rollback();
    }
    assertThat(rec.resultSets()).anySatisfy(r -> assertThat(r.rows()).containsExactly(List.of("‹cursor›")));
  }

  @Test
  void unwrappingReachesPostgresVendorTypes() throws SQLException {
    DataSource ds = wrapped(Databases.POSTGRES);
    try (Connection c = ds.getConnection()) {
      org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
      assertThat(pg.getBackendPID()).isPositive();
      assertThat(c.isWrapperFor(org.postgresql.PGConnection.class)).isTrue();
      try (Statement s = c.createStatement()) {
        assertThat(s.unwrap(org.postgresql.PGStatement.class)).isNotNull();
        try (ResultSet rs = s.executeQuery("select 1")) {
          assertThat(rs.unwrap(ResultSet.class)).isSameAs(rs);
          assertThat(rs.unwrap(org.postgresql.jdbc.PgResultSet.class)).isNotNull();
          assertThat(rs.getStatement()).isSameAs(s);
        }
      }
      assertThat(c.getMetaData().getConnection()).isSameAs(c);
    }
  }

  private void batchesKeysAndLobs(Databases which, String binary, String text) throws Exception {
    DataSource ds = wrapped(which);
    String table = Databases.table("rk_vendor");
    cleanup.add("drop table if exists " + table);
    String idType = which == Databases.POSTGRES ? "serial primary key" : "int auto_increment primary key";
    byte[] photo = new byte[20_000];
    new java.util.Random(7).nextBytes(photo);
    String cv = "é".repeat(6_000);
    try (Connection c = ds.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("create table " + table + " (id " + idType + ", name varchar(20) unique, photo "
            + binary + ", cv " + text + ")");
      }
      try (PreparedStatement ps = c.prepareStatement("insert into " + table
          + " (name, photo, cv) values (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, "a");
        ps.setBinaryStream(2, new ByteArrayInputStream(photo), photo.length);
        ps.setCharacterStream(3, new StringReader(cv), cv.length());
        assertThat(ps.executeUpdate()).isEqualTo(1);
        try (ResultSet keys = ps.getGeneratedKeys()) {
          assertThat(keys.next()).isTrue();
          assertThat(keys.getInt(1)).isEqualTo(1);
        }
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select photo, cv from " + table)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBytes(1)).isEqualTo(photo);
        assertThat(rs.getString(2)).isEqualTo(cv);
      }
      try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (name) values (?)")) {
        for (String n : new String[] {"b", "a", "c"}) {
          ps.setString(1, n);
          ps.addBatch();
        }
        try {
          ps.executeBatch();
        } catch (BatchUpdateException expected) {
          assertThat(expected.getSQLState()).startsWith("23");
        }
      }
    }
    JdbcStatementEvent insert = rec.statements().stream()
        .filter(s -> s.method().equals("executeUpdate")).findFirst().orElseThrow();
    Payload sent = (Payload) insert.binds().get(1).value();
    assertThat(sent.originalSize()).isEqualTo(photo.length);
    assertThat(sent.data()).isEqualTo(java.util.Arrays.copyOf(photo, 4096));
    JdbcResultSetEvent keys = rec.resultSets().stream().filter(JdbcResultSetEvent::generatedKeys)
        .findFirst().orElseThrow();
    assertThat(keys.statementSeq()).isEqualTo(insert.seq());
    JdbcStatementEvent batch = rec.statements().stream()
        .filter(s -> s.method().equals("executeBatch")).findFirst().orElseThrow();
    assertThat(batch.error()).isNotNull();
    assertThat(batch.batch()).hasSize(3);
  }

  @Test
  void postgresBatchesGeneratedKeysAndLobsAreTransparentAndRecorded() throws Exception {
    batchesKeysAndLobs(Databases.POSTGRES, "bytea", "text");
  }

  @Test
  void mariaDbBatchesGeneratedKeysAndLobsAreTransparentAndRecorded() throws Exception {
    batchesKeysAndLobs(Databases.MARIADB, "longblob", "longtext");
  }
}
