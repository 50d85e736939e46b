package dev.reprokit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The peers in the benchmarks must really do their work, or the comparison flatters them:
 * p6spy formats a line with the bound values, OpenTelemetry ends a span per statement and
 * per HTTP exchange, datasource-proxy proxies the connection. And every variant returns what
 * the raw driver returns.
 */
class PeersRecordTest {
  private static final Blackhole BLACKHOLE = new Blackhole(
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  private static JdbcDataSource h2(String name) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:peers-" + name + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection()) {
      JdbcWorkload.createSchema(c);
    }
    return h2;
  }

  /** The values of a benchmark's {@code variant} parameter. */
  static List<String> variants(Class<?> benchmark) throws NoSuchFieldException {
    return List.of(benchmark.getField("variant").getAnnotation(Param.class).value());
  }

  @Test
  void p6spyFormatsEveryStatementWithItsBoundValues() throws Exception {
    try (JdbcVariant p6spy = JdbcVariant.open(JdbcVariant.P6SPY, h2("p6spy"));
        Connection c = p6spy.dataSource.getConnection()) {
      long before = DiscardingP6Logger.lines;
      JdbcWorkload.pointSelect(c, 7, BLACKHOLE);
      JdbcWorkload.insert(c, 1, "first");
      assertThat(DiscardingP6Logger.lines - before).isGreaterThanOrEqualTo(2);
      assertThat(DiscardingP6Logger.lastLine)
          .contains("INSERT INTO reprokit_bench_purchase")
          .contains("'first'")
          .contains("statement");
    }
  }

  @Test
  void openTelemetryEndsASpanPerStatement() throws Exception {
    try (JdbcVariant otel = JdbcVariant.open(JdbcVariant.OPENTELEMETRY, h2("otel"));
        Connection c = otel.dataSource.getConnection()) {
      long before = Peers.SPANS_ENDED.sum();
      for (int i = 1; i <= 5; i++) {
        JdbcWorkload.pointSelect(c, i, BLACKHOLE);
      }
      assertThat(Peers.SPANS_ENDED.sum() - before).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void datasourceProxyProxiesTheConnection() throws Exception {
    try (JdbcVariant proxy = JdbcVariant.open(JdbcVariant.DATASOURCE_PROXY, h2("dsproxy"));
        Connection c = proxy.dataSource.getConnection()) {
      assertThat(Proxy.isProxyClass(c.getClass())).isTrue();
      assertThat(JdbcWorkload.insert(c, 1, "x")).isEqualTo(1);
    }
  }

  @Test
  void everyJdbcVariantReadsTheSameRowAsTheRawDriver() throws Exception {
    List<List<Object>> seen = new ArrayList<>();
    for (String variant : variants(JdbcH2Benchmark.class)) {
      try (JdbcVariant jdbc = JdbcVariant.open(variant, h2("same-" + variant));
          Connection c = jdbc.dataSource.getConnection();
          var ps = c.prepareStatement(JdbcWorkload.SELECT)) {
        ps.setInt(1, 42);
        try (var rs = ps.executeQuery()) {
          assertThat(rs.next()).as(variant).isTrue();
          seen.add(List.of(rs.getInt(1), rs.getString(2), rs.getInt(3)));
        }
      }
    }
    assertThat(seen).hasSizeGreaterThan(3).allSatisfy(
        row -> assertThat(row).isEqualTo(List.of(42, "item-42", 42 % 97)));
  }

  @Test
  void reproKitVariantsRecordEveryStatementAndTheNoopVariantRecordsNothing() throws Exception {
    for (String variant : List.of(JdbcVariant.REPROKIT, JdbcVariant.REPROKIT_ROWS_OFF)) {
      try (JdbcVariant jdbc = JdbcVariant.open(variant, h2("records-" + variant));
          Connection c = jdbc.dataSource.getConnection()) {
        long before = jdbc.recorder.stats().eventsRecorded();
        JdbcWorkload.pointSelect(c, 3, BLACKHOLE);
        JdbcWorkload.insert(c, 1, "x");
        assertThat(jdbc.recorder.stats().eventsRecorded() - before).as(variant)
            .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.recorder.stats().internalFailures()).as(variant).isZero();
      }
    }
    try (JdbcVariant noop = JdbcVariant.open(JdbcVariant.REPROKIT_NOOP, h2("records-noop"))) {
      assertThat(noop.recorder).isNull();
    }
  }

  @Test
  void reproKitRecordsEveryHttpExchangeOfBothClients() throws Exception {
    try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
      try (HttpVariant http = HttpVariant.classic(HttpVariant.REPROKIT)) {
        http.classic.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(server.get1k),
            response -> org.apache.hc.core5.http.io.entity.EntityUtils.toByteArray(
                response.getEntity()));
        assertThat(http.recorder.stats().eventsRecorded()).isEqualTo(1);
      }
      try (HttpVariant http = HttpVariant.async(HttpVariant.REPROKIT)) {
        var response = http.async.execute(
            org.apache.hc.client5.http.async.methods.SimpleRequestBuilder.get(server.get1k)
                .build(), null).get();
        assertThat(response.getBodyBytes()).isEqualTo(LoopbackHttpServer.BODY_1K);
        assertThat(http.recorder.stats().eventsRecorded()).isEqualTo(1);
      }
    }
  }

  @Test
  void theVariantWithoutTheResponseBodyRecordsTheExchangeButNotItsBody() throws Exception {
    try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
      for (String variant : List.of(HttpVariant.REPROKIT, HttpVariant.REPROKIT_NO_RESPONSE_BODY)) {
        try (HttpVariant http = HttpVariant.classic(variant)) {
          byte[] body = http.classic.execute(
              new org.apache.hc.client5.http.classic.methods.HttpGet(server.get64k),
              response -> org.apache.hc.core5.http.io.entity.EntityUtils.toByteArray(
                  response.getEntity()));
          assertThat(body).as(variant).isEqualTo(LoopbackHttpServer.BODY_64K);
          var stats = http.recorder.stats();
          assertThat(stats.eventsRecorded()).as(variant).isEqualTo(1);
          assertThat(stats.internalFailures()).as(variant).isZero();
          if (variant.equals(HttpVariant.REPROKIT)) {
            assertThat(stats.retainedBytes()).as(variant).isGreaterThan(64 * 1024);
          } else {
            assertThat(stats.retainedBytes()).as(variant).isLessThan(8 * 1024);
          }
        }
      }
    }
  }

  @Test
  void openTelemetryEndsASpanPerHttpExchangeAndEveryClientGetsTheBody() throws Exception {
    try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
      for (String variant : variants(HttpClassicBenchmark.class)) {
        try (HttpVariant http = HttpVariant.classic(variant)) {
          long before = Peers.SPANS_ENDED.sum();
          byte[] body = http.classic.execute(
              new org.apache.hc.client5.http.classic.methods.HttpGet(server.get64k),
              response -> org.apache.hc.core5.http.io.entity.EntityUtils.toByteArray(
                  response.getEntity()));
          assertThat(body).as(variant).isEqualTo(LoopbackHttpServer.BODY_64K);
          if (variant.equals(HttpVariant.OPENTELEMETRY)) {
            assertThat(Peers.SPANS_ENDED.sum() - before).isEqualTo(1);
          }
        }
      }
    }
  }
}
