package dev.reprokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.jdbc.internal.ReproConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HikariTest {
  private final TestRecorder rec = new TestRecorder();
  private HikariDataSource hikari;

  @AfterEach
  void tearDown() {
    if (hikari != null) {
      hikari.close();
    }
    rec.recorder.close();
  }

  private HikariDataSource pool(String jdbcUrl, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(size);
    config.setPoolName("rk-test");
    return new HikariDataSource(config);
  }

  @Test
  void hikariOverTheReproDriverRecordsIntoTheNamedRecorder() throws SQLException {
    ReproJdbc.register("hikari-test", rec.recorder);
    try {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(Databases.repro(Databases.H2.url()));
      config.setUsername("sa");
      config.setPassword("");
      config.setMaximumPoolSize(2);
      config.addDataSourceProperty(ReproJdbc.RECORDER_PROPERTY, "hikari-test");
      hikari = new HikariDataSource(config);
      for (int i = 0; i < 3; i++) {
        try (Connection c = hikari.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select " + i)) {
          assertThat(c.isWrapperFor(ReproConnection.class)).isTrue();
          assertThat(c.unwrap(org.h2.jdbc.JdbcConnection.class)).isNotNull();
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(i);
        }
      }
      assertThat(rec.statements()).extracting(JdbcStatementEvent::sql)
          .contains("select 0", "select 1", "select 2");
      assertThat(hikari.getHikariPoolMXBean().getTotalConnections()).isPositive();
    } finally {
      ReproJdbc.unregister("hikari-test");
    }
  }

  @Test
  void aWrappedHikariDataSourceUnwrapsToHikariAndVendorTypesAndKeepsPoolMetrics() throws SQLException {
    hikari = pool(Databases.H2.url(), 4);
    DataSource ds = ReproJdbc.wrap(hikari, rec.recorder);
    assertThat(ds.unwrap(HikariDataSource.class)).isSameAs(hikari);
    assertThat(ds.isWrapperFor(HikariDataSource.class)).isTrue();
    String firstId;
    try (Connection c = ds.getConnection()) {
      assertThat(ds.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
      assertThat(c.unwrap(org.h2.jdbc.JdbcConnection.class)).isInstanceOf(org.h2.jdbc.JdbcConnection.class);
      assertThat(c.unwrap(Connection.class)).isSameAs(c);
      firstId = idOf(c);
    }
    assertThat(hikari.getHikariPoolMXBean().getActiveConnections()).isZero();
    try (Connection c = ds.getConnection()) {
      assertThat(idOf(c)).as("a new logical connection gets a new id").isNotEqualTo(firstId);
    }
    assertThat(rec.connections()).extracting(e -> e.action()).containsExactly("open", "close", "open", "close");
    assertThat(rec.connections().get(0).connectionId()).isEqualTo(rec.connections().get(1).connectionId());
  }

  @Test
  void postgresVendorTypesAreReachableThroughHikariBothWays() throws SQLException {
    Databases.POSTGRES.assumeReachable();
    ReproJdbc.setDefaultRecorder(rec.recorder);
    try {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(Databases.repro(Databases.POSTGRES.url()));
      config.setUsername(Databases.POSTGRES.user);
      config.setMaximumPoolSize(2);
      hikari = new HikariDataSource(config);
      try (Connection c = hikari.getConnection()) {
        assertThat(c.unwrap(org.postgresql.PGConnection.class).getBackendPID()).isPositive();
        assertThat(c.unwrap(ReproConnection.class)).isNotNull();
      }
      HikariConfig plain = new HikariConfig();
      plain.setJdbcUrl(Databases.POSTGRES.url());
      plain.setUsername(Databases.POSTGRES.user);
      plain.setMaximumPoolSize(2);
      try (HikariDataSource pool = new HikariDataSource(plain)) {
        DataSource ds = ReproJdbc.wrap(pool, rec.recorder);
        try (Connection c = ds.getConnection()) {
          assertThat(c.unwrap(org.postgresql.PGConnection.class).getBackendPID()).isPositive();
          assertThat(ds.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections())
              .isEqualTo(1);
        }
      }
      assertThat(rec.recorder.stats().internalFailures()).isZero();
    } finally {
      ReproJdbc.setDefaultRecorder(null);
    }
  }

  private String idOf(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("select 1");
    }
    List<JdbcStatementEvent> st = rec.statements();
    return st.get(st.size() - 1).connectionId();
  }

  @Test
  void sixteenThreadsSharingAPoolSeeTheirOwnResultsAndEverythingIsRecorded() throws Exception {
    String url = Databases.H2.url();
    hikari = pool(url, 8);
    DataSource ds = ReproJdbc.wrap(hikari, rec.recorder);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table counter (id int primary key, v int)");
      for (int i = 0; i < 16; i++) {
        s.executeUpdate("insert into counter values (" + i + ", 0)");
      }
    }
    int perThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    Set<String> connectionIds = ConcurrentHashMap.newKeySet();
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int me = t;
        futures.add(pool.submit(() -> {
          int last = -1;
          for (int i = 0; i < perThread; i++) {
            try (Connection c = ds.getConnection()) {
              try (PreparedStatement up = c.prepareStatement("update counter set v = v + 1 where id = ?")) {
                up.setInt(1, me);
                up.executeUpdate();
              }
              try (PreparedStatement q = c.prepareStatement("select v from counter where id = ?")) {
                q.setInt(1, me);
                try (ResultSet rs = q.executeQuery()) {
                  rs.next();
                  last = rs.getInt(1);
                }
              }
            }
          }
          return last;
        }));
      }
      for (Future<Integer> f : futures) {
        assertThat(f.get()).isEqualTo(perThread);
      }
    } finally {
      pool.shutdown();
    }
    List<JdbcStatementEvent> statements = rec.statements();
    assertThat(statements.stream().filter(s -> s.sql().startsWith("update counter")).count())
        .isEqualTo(16L * perThread);
    assertThat(statements.stream().filter(s -> s.sql().startsWith("update counter"))
        .map(JdbcStatementEvent::thread).collect(Collectors.toSet())).hasSize(16);
    statements.forEach(s -> connectionIds.add(s.connectionId()));
    assertThat(connectionIds.size()).isGreaterThanOrEqualTo(16 * perThread);
    assertThat(rec.resultSets()).hasSize(16 * perThread);
    assertThat(rec.recorder.stats().internalFailures()).isZero();
  }
}
