package dev.reprokit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reprokit.InvalidConfigurationException;
import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.http.ResendReport.Difference;
import dev.reprokit.http.ResendReport.ExchangeResult;
import dev.reprokit.http.ResendReport.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Records against a "production" loopback server and re-sends to a "staging" one. */
class HttpResenderTest {
  static List<Event> recorded;
  static LoopbackServer staging;

  static void json(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
    LoopbackServer.send(ex, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void recordAndStartStaging() throws IOException {
    CollectingRecorder recorder = new CollectingRecorder();
    try (LoopbackServer production = new LoopbackServer()) {
      production.handle("/api/order/1", ex -> json(ex, 200,
          "{\"id\":1,\"status\":\"shipped\",\"requestId\":\"" + UUID.randomUUID() + "\",\"total\":10}"));
      production.handle("/api/text", ex -> LoopbackServer.send(ex, 200, "text/plain; charset=UTF-8",
          "line one\nline two\nline three\n".getBytes(StandardCharsets.UTF_8)));
      production.handle("/api/bin", ex -> LoopbackServer.send(ex, 200, "application/octet-stream",
          new byte[] {1, 2, 3, 4}));
      production.handle("/api/same", ex -> json(ex, 200, "{\"a\":1,\"b\":[1,2]}"));
      production.handle("/api/orders", ex -> json(ex, 201, "{\"created\":true}"));
      try (CloseableHttpClient client = ReproHttp.capture(HttpClients.custom(), recorder,
          HttpCaptureOptions.builder().triggerOnServerError(false).build()).build()) {
        for (String path : List.of("/api/order/1", "/api/text", "/api/bin", "/api/same?x=1")) {
          HttpGet get = new HttpGet(production.url(path));
          get.addHeader("Authorization", "Bearer production-secret");
          client.execute(get, r -> EntityUtils.toByteArray(r.getEntity()));
        }
        HttpPost post = new HttpPost(production.url("/api/orders"));
        post.setEntity(new StringEntity("{\"item\":\"book\"}", ContentType.APPLICATION_JSON));
        client.execute(post, r -> EntityUtils.toByteArray(r.getEntity()));
      }
    }
    // as a written bundle holds them: the Authorization value redacted
    recorded = new ArrayList<>();
    for (HttpExchangeEvent h : recorder.http()) {
      List<Header> headers = new ArrayList<>();
      for (Header header : h.requestHeaders()) {
        headers.add(header.name().equalsIgnoreCase("Authorization")
            ? new Header(header.name(), "\u2039redacted:1234abcd\u203a") : header);
      }
      recorded.add(new HttpExchangeEvent(h.seq(), h.wallTimeMillis(), h.startNanos(),
          h.durationNanos(), h.thread(), h.scopeId(), h.client(), h.method(), h.uri(),
          h.protocol(), headers, h.requestBody(), h.status(), h.reason(), h.responseHeaders(),
          h.responseBody(), h.contentEncoding(), h.timeToFirstByteNanos(), h.attempts(), h.error()));
    }

    staging = new LoopbackServer();
    staging.handle("/api", ex -> {
      if (!"Bearer staging-token".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        json(ex, 401, "{\"error\":\"unauthorized\"}");
        return;
      }
      switch (ex.getRequestURI().getPath()) {
        case "/api/order/1" -> json(ex, 200, "{\"total\":10,\"id\":1,\"status\":\"pending\","
            + "\"requestId\":\"" + UUID.randomUUID() + "\"}");
        case "/api/text" -> LoopbackServer.send(ex, 200, "text/plain; charset=UTF-8",
            "line one\nline 2\nline three\n".getBytes(StandardCharsets.UTF_8));
        case "/api/bin" -> LoopbackServer.send(ex, 200, "application/octet-stream",
            new byte[] {1, 2, 3, 5, 6});
        case "/api/same" -> json(ex, 200, "{\"b\":[1,2],\"a\":1.0}");
        case "/api/orders" -> json(ex, 201, "{\"created\":true}");
        default -> json(ex, 404, "{}");
      }
    });
  }

  @AfterAll
  static void stop() {
    staging.close();
  }

  static ExchangeResult result(ResendReport report, String pathEnd) {
    return report.results().stream().filter(r -> r.recordedUri().endsWith(pathEnd)).findFirst()
        .orElseThrow();
  }

  @Test
  void reportsWhatDiffersWithLearnedVolatileFieldsIgnored() {
    int before = staging.received.size();
    ResendReport report = HttpResender.builder()
        .target(staging.url(""))
        .header("Authorization", "Bearer staging-token")
        .learnVolatile(true)
        .build()
        .resend(recorded);

    assertThat(report.verdict()).isEqualTo(Outcome.DIFFERENT);
    ExchangeResult order = result(report, "/api/order/1");
    assertThat(order.outcome()).isEqualTo(Outcome.DIFFERENT);
    assertThat(order.differences()).containsExactly(
        new Difference("json", "/status", "\"shipped\"", "\"pending\""));
    assertThat(order.ignored()).contains("/requestId");

    ExchangeResult text = result(report, "/api/text");
    assertThat(text.differences()).containsExactly(
        new Difference("text", "line 2", "line two", null),
        new Difference("text", "line 2", null, "line 2"));

    ExchangeResult bin = result(report, "/api/bin");
    assertThat(bin.differences()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo("binary");
      assertThat(d.recorded()).startsWith("4 bytes, sha256 ");
      assertThat(d.actual()).startsWith("5 bytes, sha256 ");
    });

    assertThat(result(report, "/api/same?x=1").outcome()).isEqualTo(Outcome.SAME);
    ExchangeResult post = result(report, "/api/orders");
    assertThat(post.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(post.notes()).singleElement().asString().contains("allowUnsafe");
    assertThat(staging.received.subList(before, staging.received.size()))
        .extracting(LoopbackServer.Received::method).doesNotContain("POST")
        .hasSize(8); // four GETs, each sent twice to learn what varies
    assertThat(report.toText()).contains("DIFFERENT").contains("json /status");
  }

  @Test
  void configuredPointersAreIgnoredWithoutLearning() {
    ResendReport report = HttpResender.builder()
        .target(staging.url(""))
        .header("Authorization", "Bearer staging-token")
        .ignoredBodyFields("/requestId", "/status")
        .filter(e -> e.uri().contains("/api/order/") || e.uri().contains("/api/same"))
        .build()
        .resend(recorded);
    assertThat(report.results()).hasSize(2).allSatisfy(r ->
        assertThat(r.outcome()).isEqualTo(Outcome.SAME));
    assertThat(report.verdict()).isEqualTo(Outcome.SAME);
  }

  @Test
  void redactedCredentialsAreNotSentAndTheNoteSaysSo() {
    ResendReport report = HttpResender.builder()
        .target(staging.url(""))
        .filter(e -> e.uri().contains("/api/same"))
        .build()
        .resend(recorded);
    ExchangeResult same = report.results().get(0);
    assertThat(same.outcome()).isEqualTo(Outcome.DIFFERENT);
    assertThat(same.differences()).contains(new Difference("status", "", "200", "401"));
    assertThat(same.notes()).anySatisfy(n ->
        assertThat(n).contains("Authorization was redacted").contains("header(\"Authorization\""));
    assertThat(staging.received.get(staging.received.size() - 1).header("Authorization")).isNull();
  }

  @Test
  void unsafeMethodsAreSentOnlyWhenAllowed() {
    int before = staging.received.size();
    ResendReport report = HttpResender.builder()
        .target(staging.url(""))
        .header("Authorization", "Bearer staging-token")
        .allowUnsafe(true)
        .filter(e -> e.method().equals("POST"))
        .build()
        .resend(recorded);
    assertThat(report.results()).singleElement().satisfies(r ->
        assertThat(r.outcome()).isEqualTo(Outcome.SAME));
    LoopbackServer.Received post = staging.received.get(before);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(new String(post.body(), StandardCharsets.UTF_8)).isEqualTo("{\"item\":\"book\"}");
  }

  @Test
  void unreachableTargetIsFailed() throws IOException {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ResendReport report = HttpResender.builder()
        .target("http://127.0.0.1:" + port)
        .filter(e -> e.method().equals("GET"))
        .timeout(java.time.Duration.ofSeconds(5))
        .build()
        .resend(recorded);
    assertThat(report.results()).hasSize(4).allSatisfy(r ->
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED));
    assertThat(report.verdict()).isEqualTo(Outcome.FAILED);
  }

  @Test
  void settingsAreCheckedAndNamed() {
    assertThatThrownBy(() -> HttpResender.builder().build())
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("target");
    assertThatThrownBy(() -> HttpResender.builder().target("ftp://x"))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("target");
    assertThatThrownBy(() -> HttpResender.builder().ignoredBodyFields("status"))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("ignoredBodyFields");
    assertThatThrownBy(() -> HttpResender.builder().timeout(java.time.Duration.ZERO))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("timeout");
  }
}
