package dev.reprokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.event.Event;
import dev.reprokit.jdbc.JdbcRerun.Outcome;
import dev.reprokit.jdbc.JdbcRerun.Report;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RerunTest {

  private static void reset(DataSource raw, String table) throws SQLException {
    try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
      s.execute("drop table if exists " + table);
      s.execute("create table " + table + " (id int primary key, name varchar(20), qty int)");
      s.executeUpdate("insert into " + table + " values (1, 'apple', 5), (2, 'pear', 7), (3, 'plum', 9)");
    }
  }

  private static int qty(DataSource raw, String table, int id) throws SQLException {
    try (Connection c = raw.getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("select qty from " + table + " where id = " + id)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void aRerunIsSameOnTheSameDataRolledBackAndReportsTheFirstDifferenceOnChangedData(Databases db)
      throws SQLException {
    db.assumeReachable();
    String url = db.url();
    String table = Databases.table("items");
    DataSource raw = db.dataSource(url);
    reset(raw, table);
    TestRecorder rec = new TestRecorder();
    try {
      try (Connection c = ReproJdbc.wrap(raw, rec.recorder).getConnection()) {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, name, qty from " + table + " order by id")) {
          while (rs.next()) {
            rs.getInt(1);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(
            "update " + table + " set qty = qty + 1 where id = ?")) {
          ps.setInt(1, 2);
          assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select name from " + table)) {
          while (rs.next()) {
            rs.getString(1);
          }
        }
        try (Statement s = c.createStatement()) {
          s.executeQuery("select * from " + table + "_missing");
        } catch (SQLException expected) {
          // recorded
        }
      }
      List<Event> events = rec.events();
      reset(raw, table);
      String[] login = {db.user, db.password};

      Report same = JdbcRerun.against(url, login[0], login[1]).run(events);
      assertThat(same.statements()).hasSize(4);
      assertThat(same.verdict()).as(same.summary()).isEqualTo(Outcome.SAME);
      assertThat(same.committed()).isFalse();
      assertThat(qty(raw, table, 2)).as("rolled back").isEqualTo(7);

      try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("update " + table + " set name = 'quince' where id = 2");
        s.executeUpdate("delete from " + table + " where id = 3");
      }
      Report changed = JdbcRerun.against(url, login[0], login[1]).run(events);
      assertThat(changed.verdict()).isEqualTo(Outcome.DIFFERENT);
      JdbcRerun.StatementResult first = changed.statements().get(0);
      assertThat(first.outcome()).isEqualTo(Outcome.DIFFERENT);
      assertThat(first.row()).isEqualTo(2);
      assertThat(first.column()).isEqualToIgnoringCase("name");
      assertThat(first.detail()).contains("'pear'").contains("'quince'");
      assertThat(changed.statements().get(1).outcome()).isEqualTo(Outcome.SAME);
      assertThat(changed.statements().get(2).outcome()).isEqualTo(Outcome.DIFFERENT);
      assertThat(changed.statements().get(3).outcome()).isEqualTo(Outcome.SAME);
      assertThat(changed.summary()).contains("DIFFERENT").contains("rolled back");

      Report perStatement = JdbcRerun.against(url, login[0], login[1])
          .rowOrder(sql -> sql.contains("order by") ? JdbcRerun.RowOrder.MULTISET : null)
          .run(events);
      assertThat(perStatement.statements().get(0).detail())
          .as("as a multiset the first recorded row that is missing is reported")
          .contains("recorded row 2").contains("'pear'");

      Report committed = JdbcRerun.against(url, login[0], login[1]).commit(true).run(events);
      assertThat(committed.committed()).isTrue();
      assertThat(qty(raw, table, 2)).isEqualTo(8);
    } finally {
      rec.recorder.close();
      try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
        s.execute("drop table if exists " + table);
      }
    }
  }
}
