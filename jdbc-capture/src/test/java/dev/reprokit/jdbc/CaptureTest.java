package dev.reprokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reprokit.RecorderConfig;
import dev.reprokit.TriggerKind;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.JdbcTransactionEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.jdbc.internal.ReproConnection;
import dev.reprokit.jdbc.internal.ReproResultSet;
import dev.reprokit.jdbc.internal.ReproStatement;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaptureTest {
  private TestRecorder rec;
  private String url;
  private DataSource ds;

  @BeforeEach
  void setUp() throws SQLException {
    rec = new TestRecorder();
    url = Databases.H2.url();
    ds = ReproJdbc.wrap(Databases.H2.dataSource(url), rec.recorder);
    try (Connection c = Databases.H2.dataSource(url).getConnection(); Statement s = c.createStatement()) {
      s.execute("create table person (id int auto_increment primary key, name varchar(50) not null,"
          + " password varchar(50), salary decimal(10,2), photo blob, cv clob)");
    }
  }

  @AfterEach
  void tearDown() {
    assertThat(rec.recorder.stats().internalFailures()).as("capture faults").isZero();
    rec.recorder.close();
  }

  private void insertPeople(Connection c, int n) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "insert into person (name, password, salary) values (?, ?, ?)")) {
      for (int i = 1; i <= n; i++) {
        ps.setString(1, "p" + i);
        ps.setString(2, "secret" + i);
        ps.setBigDecimal(3, new BigDecimal(i + ".50"));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Test
  void preparedQueryRecordsSqlBindsAndEveryColumnOfEachRowReached() throws SQLException {
    try (Connection c = ds.getConnection()) {
      insertPeople(c, 3);
      try (PreparedStatement ps = c.prepareStatement(
          "select id, name, salary from person where id >= ? order by id")) {
        ps.setInt(1, 2);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getString("name"); // reads only one column
          }
        }
      }
    }
    JdbcStatementEvent query = rec.statements().stream()
        .filter(s -> s.method().equals("executeQuery")).findFirst().orElseThrow();
    assertThat(query.sql()).isEqualTo("select id, name, salary from person where id >= ? order by id");
    assertThat(query.statementKind()).isEqualTo("prepared");
    assertThat(query.binds()).containsExactly(new BindValue(1, null, "setInt", null, 2));
    assertThat(query.durationNanos()).isPositive();
    JdbcResultSetEvent rows = rec.resultSets().get(0);
    assertThat(rows.statementSeq()).isEqualTo(query.seq());
    assertThat(rows.columns()).extracting(col -> col.label()).containsExactly("ID", "NAME", "SALARY");
    assertThat(rows.columns().get(2).jdbcType()).isEqualTo(Types.DECIMAL);
    assertThat(rows.rows()).containsExactly(
        List.of(2, "p2", new BigDecimal("2.50")), List.of(3, "p3", new BigDecimal("3.50")));
    assertThat(rows.rowsSeen()).isEqualTo(2);
    assertThat(rows.complete()).isTrue();
    assertThat(rows.truncated()).isFalse();
    assertThat(rows.connectionId()).isEqualTo(query.connectionId());
  }

  @Test
  void columnsOfARepeatedQueryFollowSchemaChangesMadeThroughTheCapture() throws SQLException {
    String sql = "select * from person where id = ?";
    try (Connection c = ds.getConnection()) {
      insertPeople(c, 1);
      readOneRow(c, sql); // described by the driver, then remembered for this SQL
      readOneRow(c, sql); // a new statement, same SQL: the remembered description
      try (Statement s = c.createStatement()) {
        s.execute("alter table person alter column name rename to full_name");
        s.execute("alter table person alter column salary set data type bigint");
      }
      readOneRow(c, sql); // same column count, so only the schema change can tell
      try (Statement s = c.createStatement()) {
        s.executeUpdate("alter table person add column nickname varchar(20)");
      }
      readOneRow(c, sql);
    }
    List<JdbcResultSetEvent> results = rec.resultSets();
    assertThat(results).hasSize(4);
    List<String> before = List.of("ID", "NAME", "PASSWORD", "SALARY", "PHOTO", "CV");
    assertThat(results.get(0).columns()).extracting(col -> col.label())
        .containsExactlyElementsOf(before);
    assertThat(results.get(1).columns()).isEqualTo(results.get(0).columns());
    assertThat(results.get(2).columns()).extracting(col -> col.label())
        .containsExactly("ID", "FULL_NAME", "PASSWORD", "SALARY", "PHOTO", "CV");
    assertThat(results.get(2).columns().get(3).jdbcType()).isEqualTo(Types.BIGINT);
    assertThat(results.get(2).rows().get(0).get(3)).isEqualTo(2L); // 1.50 rounded, now a Long
    assertThat(results.get(3).columns()).extracting(col -> col.label())
        .containsExactly("ID", "FULL_NAME", "PASSWORD", "SALARY", "PHOTO", "CV", "NICKNAME");
    assertThat(results.get(3).rows().get(0)).hasSize(7);
  }

  @Test
  void theSameSqlReadingAnotherSchemasTableIsDescribedAndRedactedByThatTable()
      throws SQLException {
    try (Connection raw = Databases.H2.dataSource(url).getConnection();
        Statement s = raw.createStatement()) {
      s.execute("create schema ta");
      s.execute("create table ta.acct (id int, note varchar(20))");
      s.execute("insert into ta.acct values (1, 'hello')");
      s.execute("create schema tb");
      s.execute("create table tb.acct (id int, password varchar(20))");
      s.execute("insert into tb.acct values (1, 'hunter2')");
    }
    DataSource tenants = ReproJdbc.wrap(Databases.H2.dataSource(url), rec.recorder,
        JdbcCaptureOptions.builder().secretColumns(Set.of("password")).build());
    for (String schema : List.of("TA", "TB")) {
      try (Connection c = tenants.getConnection()) {
        c.setSchema(schema); // one tenant per schema: the same SQL text, another table
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from acct")) {
          assertThat(rs.next()).isTrue();
        }
      }
    }
    List<JdbcResultSetEvent> results = rec.resultSets();
    assertThat(results.get(0).columns()).extracting(col -> col.label()).containsExactly("ID", "NOTE");
    assertThat(results.get(0).rows()).containsExactly(List.of(1, "hello"));
    assertThat(results.get(1).columns()).extracting(col -> col.label())
        .containsExactly("ID", "PASSWORD");
    assertThat(results.get(1).rows().get(0)).containsExactly(1, "‹redacted›");
  }

  @Test
  void oneStatementRunningDifferentQueriesDescribesEachByItsOwnColumns() throws SQLException {
    DataSource secretive = ReproJdbc.wrap(Databases.H2.dataSource(url), rec.recorder,
        JdbcCaptureOptions.builder().secretColumns(Set.of("password")).build());
    try (Connection c = secretive.getConnection(); Statement s = c.createStatement()) {
      insertPeople(c, 1);
      try (ResultSet rs = s.executeQuery("select id, name from person")) {
        rs.next();
      }
      try (ResultSet rs = s.executeQuery("select id, password from person")) {
        rs.next();
      }
    }
    JdbcResultSetEvent second = rec.resultSets().get(1);
    assertThat(second.columns()).extracting(col -> col.label()).containsExactly("ID", "PASSWORD");
    assertThat(second.rows().get(0)).containsExactly(1, "‹redacted›");
  }

  @Test
  void aSchemaChangeInABatchIsNotedWhenTheBatchRunsNotWhenItIsAdded() throws SQLException {
    String sql = "select id, salary from person";
    try (Connection c = ds.getConnection(); Statement batch = c.createStatement()) {
      insertPeople(c, 1);
      readAll(c, sql); // DECIMAL, remembered
      batch.addBatch("alter table person alter column salary set data type bigint");
      readAll(c, sql); // still DECIMAL: the batch has not run
      batch.executeBatch();
      readAll(c, sql); // same labels, new type: only the batch's DDL can tell
    }
    List<JdbcResultSetEvent> results = rec.resultSets();
    assertThat(results).hasSize(3);
    assertThat(results.get(1).columns().get(1).jdbcType()).isEqualTo(Types.DECIMAL);
    assertThat(results.get(2).columns().get(1).jdbcType()).isEqualTo(Types.BIGINT);
  }

  private static void readAll(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  private static void readOneRow(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, 1);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void aColumnAddedBehindTheCapturesBackIsStillDescribed() throws SQLException {
    String sql = "select * from person";
    try (Connection c = ds.getConnection()) {
      insertPeople(c, 1);
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
      }
      try (Connection raw = Databases.H2.dataSource(url).getConnection();
          Statement s = raw.createStatement()) {
        s.execute("alter table person add column country varchar(2) default 'NL'");
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
      }
    }
    JdbcResultSetEvent after = rec.resultSets().get(1);
    assertThat(after.columns()).extracting(col -> col.label()).endsWith("COUNTRY");
    assertThat(after.rows().get(0)).hasSize(after.columns().size()).endsWith("NL");
  }

  @Test
  void rowsBeyondTheCapAreCountedNotKept() throws SQLException {
    DataSource capped = ReproJdbc.wrap(Databases.H2.dataSource(url), rec.recorder,
        JdbcCaptureOptions.builder().maxRowsPerResultSet(5).build());
    try (Connection c = capped.getConnection()) {
      insertPeople(c, 12);
      int seen = 0;
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from person")) {
        while (rs.next()) {
          seen++;
        }
      }
      assertThat(seen).isEqualTo(12);
    }
    JdbcResultSetEvent rows = rec.resultSets().get(0);
    assertThat(rows.rows()).hasSize(5);
    assertThat(rows.rowsSeen()).isEqualTo(12);
    assertThat(rows.complete()).isTrue();
    assertThat(rows.truncated()).isTrue();
  }

  @Test
  void aResultSetLeftOpenIsPublishedWhenItsConnectionCloses() throws SQLException {
    try (Connection c = ds.getConnection()) {
      insertPeople(c, 3);
      Statement s = c.createStatement();
      ResultSet rs = s.executeQuery("select id from person order by id");
      rs.next();
      rs.next(); // on row 2; neither the result set nor the statement is closed
    }
    JdbcResultSetEvent rows = rec.resultSets().get(0);
    assertThat(rows.rows()).containsExactly(List.of(1), List.of(2));
    assertThat(rows.rowsSeen()).isEqualTo(2);
    assertThat(rows.complete()).isFalse();
  }

  @Test
  void everyResultSetLeftOpenIsPublishedOnceWhenItsConnectionCloses() throws SQLException {
    // the first open result set is tracked on its own, the next ones in a list; one of them
    // is closed by the application in between and must not be published twice
    try (Connection c = ds.getConnection()) {
      insertPeople(c, 3);
      for (int id = 1; id <= 3; id++) {
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select id from person where id = " + id);
        rs.next();
        if (id == 2) {
          rs.close();
        }
      }
      Statement s = c.createStatement();
      ResultSet later = s.executeQuery("select id from person where id = 3");
      later.next(); // opened after the sole slot was taken and the list was used
    }
    assertThat(rec.resultSets()).extracting(JdbcResultSetEvent::rows).containsExactlyInAnyOrder(
        List.of(List.of(1)), List.of(List.of(2)), List.of(List.of(3)), List.of(List.of(3)));
  }

  @Test
  void aResultSetClosedByTheApplicationIsPublishedOnceAndTheNextOneStillAtConnectionClose()
      throws SQLException {
    // the first result set takes the connection's single tracking slot and is closed by the
    // application; the next one reuses the slot and is left open
    try (Connection c = ds.getConnection()) {
      insertPeople(c, 2);
      Statement s = c.createStatement();
      try (ResultSet first = s.executeQuery("select id from person where id = 1")) {
        first.next();
      }
      assertThat(rec.resultSets()).hasSize(1);
      Statement t = c.createStatement();
      ResultSet second = t.executeQuery("select id from person where id = 2");
      second.next();
      assertThat(rec.resultSets()).as("still open").hasSize(1);
    }
    assertThat(rec.resultSets()).extracting(JdbcResultSetEvent::rows)
        .containsExactly(List.of(List.of(1)), List.of(List.of(2)));
  }

  @Test
  void resultSetsLeftOpenArePublishedInTheOrderTheyWereOpened() throws SQLException {
    // 1 takes the single tracking slot, 2 goes to the list; 1 is closed, so 3 takes the slot:
    // at connection close the slot holds a newer result set than the list
    try (Connection c = ds.getConnection()) {
      insertPeople(c, 3);
      ResultSet one = c.createStatement().executeQuery("select id from person where id = 1");
      ResultSet two = c.createStatement().executeQuery("select id from person where id = 2");
      two.next();
      one.next();
      one.close();
      ResultSet three = c.createStatement().executeQuery("select id from person where id = 3");
      three.next();
    }
    assertThat(rec.resultSets()).extracting(JdbcResultSetEvent::rows).containsExactly(
        List.of(List.of(1)), List.of(List.of(2)), List.of(List.of(3)));
  }

  @Test
  void scrollingSeesTheSameValuesAsTheRawDriver() throws SQLException {
    try (Connection c = ds.getConnection()) {
      insertPeople(c, 5);
      try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
           ResultSet rs = s.executeQuery("select id, name from person order by id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.last()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(5);
        assertThat(rs.previous()).isTrue();
        assertThat(rs.getString(2)).isEqualTo("p4");
        assertThat(rs.absolute(2)).isTrue();
        assertThat(rs.getInt("id")).isEqualTo(2);
        assertThat(rs.getRow()).isEqualTo(2);
        assertThat(rs.relative(10)).isFalse();
        assertThat(rs.isAfterLast()).isTrue();
        rs.beforeFirst();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
    JdbcResultSetEvent rows = rec.resultSets().get(0);
    assertThat(rows.rows()).extracting(r -> r.get(0)).containsExactly(1, 5, 4, 2, 1);
  }

  @Test
  void noDriverObjectLeaks() throws SQLException {
    try (Connection c = ds.getConnection()) {
      assertThat(c).isInstanceOf(ReproConnection.class);
      assertThat(c.unwrap(Connection.class)).isSameAs(c);
      assertThat(c.unwrap(org.h2.jdbc.JdbcConnection.class)).isInstanceOf(org.h2.jdbc.JdbcConnection.class);
      assertThat(c.isWrapperFor(org.h2.jdbc.JdbcConnection.class)).isTrue();
      try (Statement s = c.createStatement()) {
        assertThat(s.getConnection()).isSameAs(c);
        try (ResultSet rs = s.executeQuery("select 1")) {
          assertThat(rs).isInstanceOf(ReproResultSet.class);
          assertThat(rs.getStatement()).isSameAs(s);
        }
        assertThat(s.execute("select 2")).isTrue();
        ResultSet rs = s.getResultSet();
        assertThat(rs).isInstanceOf(ReproResultSet.class).isSameAs(s.getResultSet());
        assertThat(rs.getStatement()).isSameAs(s);
        s.executeUpdate("insert into person (name) values ('x')", Statement.RETURN_GENERATED_KEYS);
        try (ResultSet keys = s.getGeneratedKeys()) {
          assertThat(keys).isInstanceOf(ReproResultSet.class);
          assertThat(keys.getStatement()).isSameAs(s);
        }
      }
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getConnection()).isSameAs(c);
      try (ResultSet tables = md.getTables(null, null, "PERSON", null)) {
        assertThat(tables).isInstanceOf(ReproResultSet.class);
        assertThat(tables.next()).isTrue();
      }
      assertThat(md.getURL()).isEqualTo(md.unwrap(org.h2.jdbc.JdbcDatabaseMetaData.class).getURL());
      assertThat(md.getDatabaseProductName()).isEqualTo("H2");
    }
  }

  @Test
  void eachStatementLevelRecordsItsOwnKindAndWrapsOnlyWhatItIs() throws SQLException {
    try (Connection c = ds.getConnection();
         Statement s = c.createStatement();
         PreparedStatement ps = c.prepareStatement("select ?");
         CallableStatement cs = c.prepareCall("call abs(?)")) {
      try (ResultSet rs = s.executeQuery("select 1")) {
        assertThat(rs.getStatement()).isSameAs(s);
      }
      ps.setInt(1, 2);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.getStatement()).isSameAs(ps);
      }
      cs.setInt(1, -3);
      try (ResultSet rs = cs.executeQuery()) {
        assertThat(rs.getStatement()).isSameAs(cs);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(3);
      }
      for (Statement each : List.of(s, ps, cs)) {
        assertThat(each.getConnection()).isSameAs(c);
        assertThat(each.unwrap(Statement.class)).isSameAs(each);
        Statement raw = each.unwrap(org.h2.jdbc.JdbcStatement.class);
        assertThat(raw).isNotInstanceOf(ReproStatement.class);
        assertThat(each.equals(raw)).isTrue();
        assertThat(each.hashCode()).isEqualTo(raw.hashCode());
        assertThat(each.toString()).isEqualTo(raw.toString());
      }
      assertThat(s.isWrapperFor(PreparedStatement.class)).isFalse();
      assertThat(ps.isWrapperFor(PreparedStatement.class)).isTrue();
      assertThat(ps.isWrapperFor(CallableStatement.class)).isFalse();
      assertThat(ps.unwrap(PreparedStatement.class)).isSameAs(ps);
      assertThat(cs.unwrap(PreparedStatement.class)).isSameAs(cs);
      assertThat(cs.unwrap(CallableStatement.class)).isSameAs(cs);
      assertThat(s).isNotEqualTo(ps);
      assertThat(ps).isNotEqualTo(cs);
    }
    assertThat(rec.statements()).extracting(JdbcStatementEvent::statementKind)
        .containsExactly("statement", "prepared", "callable");
    assertThat(rec.statements()).extracting(JdbcStatementEvent::statementId)
        .doesNotHaveDuplicates();
    assertThat(rec.statements().get(2).binds())
        .containsExactly(new BindValue(1, null, "setInt", null, -3));
  }

  @Test
  void equalsAndHashCodeDelegate() throws SQLException {
    try (Connection c = ds.getConnection()) {
      Connection raw = c.unwrap(org.h2.jdbc.JdbcConnection.class);
      assertThat(c.hashCode()).isEqualTo(raw.hashCode());
      assertThat(c).isEqualTo(c);
      assertThat(c.equals(raw)).isTrue();
    }
  }

  @Test
  void aFailingBatchRecordsItsCountsAndEntriesAndClearsTheBatch() throws SQLException {
    int[] rawCounts = null;
    try (Connection c = ds.getConnection();
         PreparedStatement ps = c.prepareStatement("insert into person (id, name) values (?, ?)")) {
      ps.setInt(1, 1);
      ps.setString(2, "a");
      ps.addBatch();
      ps.setInt(1, 1); // duplicate key
      ps.setString(2, "b");
      ps.addBatch();
      ps.setInt(1, 3);
      ps.setString(2, "c");
      ps.addBatch();
      try {
        ps.executeBatch();
      } catch (BatchUpdateException e) {
        rawCounts = e.getUpdateCounts();
      }
      assertThat(rawCounts).isNotNull();
      ps.setInt(1, 4);
      ps.setString(2, "d");
      ps.addBatch();
      assertThat(ps.executeBatch()).containsExactly(1);
    }
    List<JdbcStatementEvent> batches = rec.statements().stream()
        .filter(s -> s.method().equals("executeBatch")).toList();
    assertThat(batches).hasSize(2);
    JdbcStatementEvent failed = batches.get(0);
    assertThat(failed.error()).isNotNull();
    assertThat(failed.error().type()).endsWith("BatchUpdateException");
    assertThat(failed.error().sqlState()).isEqualTo("23505");
    assertThat(failed.batch()).hasSize(3);
    assertThat(failed.batch().get(1)).containsExactly(
        new BindValue(1, null, "setInt", null, 1), new BindValue(2, null, "setString", null, "b"));
    assertThat(failed.batchUpdateCounts()).hasSize(rawCounts.length);
    assertThat(batches.get(1).batch()).hasSize(1); // cleared after the failed batch
    assertThat(batches.get(1).batchUpdateCounts()).containsExactly(1L);
  }

  @Test
  void plainStatementBatchesRecordTheirSql() throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.addBatch("insert into person (name) values ('a')");
      s.addBatch("insert into person (name) values ('b')");
      assertThat(s.executeLargeBatch()).containsExactly(1L, 1L);
    }
    JdbcStatementEvent batch = rec.statements().get(0);
    assertThat(batch.method()).isEqualTo("executeLargeBatch");
    assertThat(batch.batch()).extracting(e -> e.get(0).value())
        .containsExactly("insert into person (name) values ('a')", "insert into person (name) values ('b')");
  }

  @Test
  void generatedKeysAreRecordedAsTheirOwnResultSet() throws SQLException {
    try (Connection c = ds.getConnection();
         PreparedStatement ps = c.prepareStatement("insert into person (name) values (?)",
             Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, "k");
      assertThat(ps.executeUpdate()).isEqualTo(1);
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getInt(1)).isEqualTo(1);
      }
    }
    JdbcStatementEvent insert = rec.statements().get(0);
    assertThat(insert.updateCount()).isEqualTo(1);
    JdbcResultSetEvent keys = rec.resultSets().get(0);
    assertThat(keys.generatedKeys()).isTrue();
    assertThat(keys.statementSeq()).isEqualTo(insert.seq());
    assertThat(keys.rows()).containsExactly(List.of(1));
  }

  @Test
  void savepointsAndTransactionStepsAreRecorded() throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      insertPeople(c, 1);
      Savepoint sp = c.setSavepoint("before_two");
      insertPeople(c, 1);
      c.rollback(sp);
      Savepoint unnamed = c.setSavepoint();
      c.releaseSavepoint(unnamed);
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from person")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
    assertThat(rec.transactions()).extracting(JdbcTransactionEvent::action).containsExactly(
        "autocommit", "isolation", "savepoint", "rollback-to-savepoint", "savepoint",
        "release-savepoint", "commit", "autocommit");
    assertThat(rec.transactions().get(1).value()).isEqualTo("SERIALIZABLE");
    assertThat(rec.transactions().get(2).savepoint()).isEqualTo("before_two");
    assertThat(rec.transactions().get(3).savepoint()).isEqualTo("before_two");
    assertThat(rec.transactions().get(4).savepoint()).startsWith("#");
    assertThat(rec.connections()).extracting(e -> e.action()).containsExactly("open", "close");
  }

  @Test
  void lobStreamsReachTheDatabaseWholeAndTheirPrefixIsRecorded() throws Exception {
    byte[] photo = new byte[10_000];
    for (int i = 0; i < photo.length; i++) {
      photo[i] = (byte) i;
    }
    String cv = "x".repeat(9_000);
    DataSource small = ReproJdbc.wrap(Databases.H2.dataSource(url), rec.recorder,
        JdbcCaptureOptions.builder().maxLobPrefixBytes(16).build());
    try (Connection c = small.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "insert into person (name, photo, cv) values (?, ?, ?)")) {
        ps.setString(1, "lob");
        InputStream in = new ByteArrayInputStream(photo);
        ps.setBinaryStream(2, in, photo.length);
        ps.setCharacterStream(3, new StringReader(cv));
        ps.executeUpdate();
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select photo, cv from person")) {
        assertThat(rs.next()).isTrue();
        Blob blob = rs.getBlob(1);
        assertThat(blob.getBytes(1, (int) blob.length())).isEqualTo(photo);
        Clob clob = rs.getClob(2);
        assertThat(clob.getSubString(1, (int) clob.length())).isEqualTo(cv);
        assertThat(rs.next()).isFalse();
      }
    }
    JdbcStatementEvent insert = rec.statements().get(0);
    Payload p = (Payload) insert.binds().get(1).value();
    assertThat(p.originalSize()).isEqualTo(10_000);
    assertThat(p.data()).isEqualTo(Arrays.copyOf(photo, 16));
    Payload text = (Payload) insert.binds().get(2).value();
    assertThat(text.originalSize()).isEqualTo(9_000);
    assertThat(new String(text.data())).isEqualTo("x".repeat(16));
    List<Object> row = rec.resultSets().get(0).rows().get(0);
    assertThat(((Payload) row.get(0)).originalSize()).isEqualTo(10_000);
    assertThat(((Payload) row.get(0)).data()).hasSize(16);
    assertThat(((Payload) row.get(1)).originalSize()).isEqualTo(9_000);
  }

  @Test
  void textTooBigForTheByteCapIsKeptAsAPrefixWithItsSize() throws SQLException {
    String big = "y".repeat(100_000);
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("insert into person (name, cv) values (?, ?)")) {
        ps.setString(1, "big");
        ps.setString(2, big);
        ps.executeUpdate();
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select cast(cv as varchar) from person")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(big);
      }
    }
    Payload bound = (Payload) rec.statements().get(0).binds().get(1).value();
    assertThat(bound.originalSize()).isEqualTo(100_000);
    assertThat(bound.data()).hasSize(4096);
    Payload read = (Payload) rec.resultSets().get(0).rows().get(0).get(0);
    assertThat(read.originalSize()).isEqualTo(100_000);
    assertThat(rec.statements().get(0).binds().get(0).value()).isEqualTo("big");
  }

  @Test
  void closeOnCompletionStillClosesTheStatement() throws SQLException {
    try (Connection c = ds.getConnection()) {
      Statement s = c.createStatement();
      s.closeOnCompletion();
      assertThat(s.isCloseOnCompletion()).isTrue();
      ResultSet rs = s.executeQuery("select 1");
      rs.next();
      rs.close();
      assertThat(s.isClosed()).isTrue();
    }
    assertThat(rec.resultSets()).hasSize(1);
  }

  @Test
  void anSqlErrorIsRethrownUntouchedRecordedAndTriggersABundle() throws SQLException {
    SQLException raised = null;
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeQuery("select * from no_such_table");
    } catch (SQLException e) {
      raised = e;
    }
    assertThat((Object) raised).isInstanceOf(org.h2.jdbc.JdbcSQLSyntaxErrorException.class);
    assertThat(raised.getSQLState()).isEqualTo("42S02");
    rec.awaitTriggers();
    JdbcStatementEvent failed = rec.statements().get(0);
    assertThat(failed.error().sqlState()).isEqualTo("42S02");
    assertThat(failed.error().vendorCode()).isEqualTo(raised.getErrorCode());
    assertThat(rec.snapshots).anySatisfy(s -> assertThat(s.trigger().kind()).isEqualTo(TriggerKind.SQL_ERROR));
  }

  @Test
  void aStatementTheDriverRefusesToPrepareIsRecordedAndTriggersABundle() throws SQLException {
    SQLException raw = null;
    try (Connection c = Databases.H2.dataSource(url).getConnection()) {
      c.prepareStatement("select * from no_such_table where id = ?");
    } catch (SQLException e) {
      raw = e;
    }
    SQLException captured = null;
    try (Connection c = ds.getConnection()) {
      c.prepareCall("select * from no_such_table where id = ?");
    } catch (SQLException e) {
      captured = e;
    }
    assertThat((Object) raw).isNotNull();
    assertThat((Object) captured).as("the application gets the driver's own exception")
        .isInstanceOf(raw.getClass());
    assertThat(captured.getSQLState()).isEqualTo(raw.getSQLState());
    assertThat(captured.getErrorCode()).isEqualTo(raw.getErrorCode());
    rec.awaitTriggers();
    JdbcStatementEvent failed = rec.statements().get(0);
    assertThat(failed.method()).isEqualTo("prepareCall");
    assertThat(failed.statementKind()).isEqualTo("callable");
    assertThat(failed.sql()).isEqualTo("select * from no_such_table where id = ?");
    assertThat(failed.error().sqlState()).isEqualTo(raw.getSQLState());
    assertThat(rec.snapshots).anySatisfy(s -> assertThat(s.trigger().kind()).isEqualTo(TriggerKind.SQL_ERROR));
  }

  @Test
  void wrappingWithTheNoopRecorderReturnsTheDriversObjectsUnchanged() throws SQLException {
    DataSource raw = Databases.H2.dataSource(url);
    assertThat(ReproJdbc.wrap(raw, dev.reprokit.Recorder.noop())).isSameAs(raw);
    try (Connection c = raw.getConnection()) {
      assertThat(ReproJdbc.wrap(c, dev.reprokit.Recorder.noop())).isSameAs(c);
    }
  }

  @Test
  void theSqlErrorTriggerCanBeSwitchedOff() throws SQLException {
    DataSource quiet = ReproJdbc.wrap(Databases.H2.dataSource(url), rec.recorder,
        JdbcCaptureOptions.builder().triggerOnSqlError(false).build());
    try (Connection c = quiet.getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("select * from missing")).isInstanceOf(SQLException.class);
    }
    rec.awaitTriggers();
    assertThat(rec.snapshots).isEmpty();
  }

  @Test
  void configuredSecretColumnsNeverKeepTheirValues() throws SQLException {
    DataSource secret = ReproJdbc.wrap(Databases.H2.dataSource(url), rec.recorder,
        JdbcCaptureOptions.builder().secretColumns(Set.of("PASSWORD")).build());
    try (Connection c = secret.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "insert into person (name, password) values (?, ?)")) {
        ps.setString(1, "n");
        ps.setString(2, "hunter2");
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("update person set name = ? where password = ?")) {
        ps.setString(1, "m");
        ps.setString(2, "hunter2");
        ps.executeUpdate();
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select name, password from person")) {
        rs.next();
        assertThat(rs.getString(2)).isEqualTo("hunter2");
      }
    }
    String all = rec.events().toString();
    assertThat(all).doesNotContain("hunter2");
    assertThat(rec.statements().get(0).binds().get(0).value()).isEqualTo("n");
  }

  @Test
  void aSecretParameterRuleHidesAValueWhoseColumnCannotBeKnown() throws SQLException {
    DataSource secret = ReproJdbc.wrap(Databases.H2.dataSource(url), rec.recorder,
        JdbcCaptureOptions.builder().secretParameter("^select lower", 1).build());
    try (Connection c = secret.getConnection();
         PreparedStatement ps = c.prepareStatement("select lower(?), upper(?)")) {
      ps.setString(1, "Token-XYZ");
      ps.setString(2, "visible");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("token-xyz");
      }
    }
    assertThat(rec.statements().get(0).binds()).extracting(BindValue::value)
        .containsExactly("‹redacted›", "visible");
  }

  @Test
  void theDriverStripsOnlyThePrefixAndNotesTheDatabaseOnce() throws SQLException {
    ReproJdbc.setDefaultRecorder(rec.recorder);
    try {
      String reproUrl = Databases.repro(url);
      for (int i = 0; i < 2; i++) {
        try (Connection c = java.sql.DriverManager.getConnection(reproUrl, "sa", "")) {
          assertThat(c).isInstanceOf(ReproConnection.class);
          assertThat(c.getMetaData().getURL()).isEqualTo(reproUrl);
          try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from person")) {
            rs.next();
          }
        }
      }
      assertThat(rec.statements()).hasSize(2);
      List<dev.reprokit.env.DatabaseInfo> dbs = rec.snapshot().environment().databases();
      assertThat(dbs).hasSize(1);
      assertThat(dbs.get(0).product()).isEqualTo("H2");
      assertThat(dbs.get(0).url()).isEqualTo(reproUrl);
      ReproDriver driver = new ReproDriver();
      assertThat(driver.acceptsURL(reproUrl)).isTrue();
      assertThat(driver.acceptsURL(url)).isFalse();
      assertThat(driver.connect(url, new java.util.Properties())).isNull();
    } finally {
      ReproJdbc.setDefaultRecorder(null);
    }
  }

  @Test
  void aNamedRecorderIsChosenByConnectionProperty() throws SQLException {
    TestRecorder other = new TestRecorder();
    ReproJdbc.register("orders", other.recorder);
    try {
      java.util.Properties p = new java.util.Properties();
      p.setProperty("user", "sa");
      p.setProperty("password", "");
      p.setProperty(ReproJdbc.RECORDER_PROPERTY, "orders");
      try (Connection c = java.sql.DriverManager.getConnection(Databases.repro(url), p);
           Statement s = c.createStatement()) {
        s.execute("select 1");
      }
      assertThat(other.statements()).hasSize(1);
      assertThat(rec.statements()).isEmpty();
    } finally {
      ReproJdbc.unregister("orders");
      other.recorder.close();
    }
  }

  @Test
  void captureCanBeSwitchedOffByRecorderConfig() throws SQLException {
    TestRecorder noSql = new TestRecorder(RecorderConfig.DEFAULT.toBuilder()
        .automaticTriggers(EnumSet.noneOf(TriggerKind.class)).build());
    DataSource d = ReproJdbc.wrap(Databases.H2.dataSource(url), noSql.recorder);
    try (Connection c = d.getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("select * from missing")).isInstanceOf(SQLException.class);
    }
    noSql.awaitTriggers();
    assertThat(noSql.snapshots).isEmpty();
    noSql.recorder.close();
  }
}
