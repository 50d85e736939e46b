package dev.reprokit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.reprokit.event.HttpExchangeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * For generated requests and responses — methods, headers, bodies of generated sizes and
 * encodings — what the application sees (status, headers, body bytes) is identical with and
 * without capture, and what was recorded is what the application saw.
 */
class CaptureTransparencyProperties {
  static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH"};
  static final String[] ENCODINGS = {"identity", "gzip", "deflate", "chunked"};
  static final int[] STATUSES = {200, 201, 404, 500};
  static final int CAP = 16 * 1024;

  static LoopbackServer server;
  static CollectingRecorder recorder;
  static CloseableHttpClient raw;
  static CloseableHttpClient captured;
  static CloseableHttpAsyncClient rawAsync;
  static CloseableHttpAsyncClient capturedAsync;

  /** A fresh server and fresh clients for each property. */
  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer();
    server.handle("/gen", ex -> {
      int status = Integer.parseInt(ex.getRequestHeaders().getFirst("X-Status"));
      String encoding = ex.getRequestHeaders().getFirst("X-Encoding");
      int size = Integer.parseInt(ex.getRequestHeaders().getFirst("X-Response-Size"));
      long seed = Long.parseLong(ex.getRequestHeaders().getFirst("X-Seed"));
      byte[] body = bytes(size, seed);
      byte[] echo = LoopbackServer.requestBody(ex);
      ex.getResponseHeaders().set("X-Request-Length", Integer.toString(echo.length));
      ex.getResponseHeaders().set("X-Request-Method", ex.getRequestMethod());
      String custom = ex.getRequestHeaders().getFirst("X-Custom-0");
      if (custom != null) {
        ex.getResponseHeaders().add("X-Echo", custom);
      }
      switch (encoding) {
        case "gzip" -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          LoopbackServer.send(ex, status, "application/octet-stream", LoopbackServer.gzip(body));
        }
        case "deflate" -> {
          ex.getResponseHeaders().set("Content-Encoding", "deflate");
          LoopbackServer.send(ex, status, "application/octet-stream", LoopbackServer.deflate(body));
        }
        case "chunked" -> LoopbackServer.sendChunked(ex, status, "text/plain", body, 1000);
        default -> LoopbackServer.send(ex, status, "application/octet-stream", body);
      }
    });
    recorder = new CollectingRecorder();
    HttpCaptureOptions options = HttpCaptureOptions.builder().maxBodyBytes(CAP)
        .triggerOnServerError(false).build();
    // a stalled exchange fails within 30 s instead of the 3-minute default
    org.apache.hc.client5.http.config.RequestConfig timeouts =
        org.apache.hc.client5.http.config.RequestConfig.custom()
            .setResponseTimeout(org.apache.hc.core5.util.Timeout.ofSeconds(30)).build();
    raw = HttpClients.custom().disableAutomaticRetries().setDefaultRequestConfig(timeouts).build();
    captured = ReproHttp.capture(HttpClients.custom().disableAutomaticRetries()
        .setDefaultRequestConfig(timeouts), recorder, options).build();
    rawAsync = HttpAsyncClients.custom().disableAutomaticRetries().build();
    capturedAsync = ReproHttp.capture(HttpAsyncClients.custom().disableAutomaticRetries(), recorder,
        options).build();
    rawAsync.start();
    capturedAsync.start();
  }

  @AfterEach
  void stop() throws IOException {
    raw.close();
    captured.close();
    rawAsync.close();
    capturedAsync.close();
    server.close();
    recorder.close();
  }

  static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    Random random = new Random(seed);
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (seed % 2 == 0 ? random.nextInt(256) : 'a' + random.nextInt(26));
    }
    return b;
  }

  /** One generated case. */
  record Case(String method, int customHeaders, int requestSize, int responseSize,
      String encoding, int status, long seed) {
    boolean hasBody() {
      return !method.equals("GET") && !method.equals("DELETE");
    }
  }

  /** What the application saw. */
  record Seen(int status, List<String> headers, byte[] body) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Seen s && s.status == status && s.headers.equals(headers)
          && Arrays.equals(s.body, body);
    }

    @Override
    public int hashCode() {
      return status;
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body.length + " bytes";
    }
  }

  static Case decode(int methodAndHeaders, int requestSize, int responseSize, int mix) {
    return new Case(METHODS[methodAndHeaders % METHODS.length], methodAndHeaders / METHODS.length,
        requestSize, responseSize, ENCODINGS[mix % ENCODINGS.length],
        STATUSES[(mix / ENCODINGS.length) % STATUSES.length], mix * 31L + requestSize);
  }

  static HttpUriRequestBase classicRequest(Case c) {
    HttpUriRequestBase request = new HttpUriRequestBase(c.method(), java.net.URI.create(server.url("/gen?m=" + c.method())));
    headers(c).forEach(request::addHeader);
    if (c.hasBody()) {
      request.setEntity(new ByteArrayEntity(bytes(c.requestSize(), c.seed()),
          ContentType.APPLICATION_OCTET_STREAM));
    }
    return request;
  }

  static List<org.apache.hc.core5.http.message.BasicHeader> headers(Case c) {
    List<org.apache.hc.core5.http.message.BasicHeader> list = new ArrayList<>();
    list.add(new org.apache.hc.core5.http.message.BasicHeader("X-Status", Integer.toString(c.status())));
    list.add(new org.apache.hc.core5.http.message.BasicHeader("X-Encoding", c.encoding()));
    list.add(new org.apache.hc.core5.http.message.BasicHeader("X-Response-Size", Integer.toString(c.responseSize())));
    list.add(new org.apache.hc.core5.http.message.BasicHeader("X-Seed", Long.toString(c.seed())));
    for (int i = 0; i < c.customHeaders(); i++) {
      list.add(new org.apache.hc.core5.http.message.BasicHeader("X-Custom-" + i, "value-" + c.seed() + "-" + i));
    }
    return list;
  }

  static List<String> visibleHeaders(Header[] headers) {
    List<String> list = new ArrayList<>();
    for (Header h : headers) {
      if (!h.getName().equalsIgnoreCase("Date")) {
        list.add(h.getName().toLowerCase() + ": " + h.getValue());
      }
    }
    return list;
  }

  static Seen classic(CloseableHttpClient client, Case c) throws IOException {
    return client.execute(classicRequest(c), r -> new Seen(r.getCode(), visibleHeaders(r.getHeaders()),
        r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity())));
  }

  static Seen async(CloseableHttpAsyncClient client, Case c) throws Exception {
    SimpleRequestBuilder builder = SimpleRequestBuilder.create(c.method())
        .setUri(server.url("/gen?m=" + c.method()));
    headers(c).forEach(builder::addHeader);
    if (c.hasBody()) {
      builder.setBody(bytes(c.requestSize(), c.seed()), ContentType.APPLICATION_OCTET_STREAM);
    }
    SimpleHttpResponse r = client.execute(builder.build(), null).get(30, TimeUnit.SECONDS);
    byte[] body = r.getBodyBytes();
    return new Seen(r.getCode(), visibleHeaders(r.getHeaders()), body == null ? new byte[0] : body);
  }

  static void checkRecorded(Case c, Seen seen, String client) {
    recorder.awaitHttp(1);
    List<HttpExchangeEvent> events = recorder.http();
    assertThat(events).hasSize(1);
    recorder.events.clear();
    HttpExchangeEvent e = events.get(0);
    assertThat(e.client()).isEqualTo(client);
    assertThat(e.method()).isEqualTo(c.method());
    assertThat(e.status()).isEqualTo(seen.status());
    if (seen.body().length > 0) {
      assertThat(e.responseBody().data())
          .isEqualTo(Arrays.copyOf(seen.body(), Math.min(CAP, seen.body().length)));
      assertThat(e.responseBody().originalSize()).isEqualTo(seen.body().length);
    }
    if (c.hasBody() && c.requestSize() > 0) {
      byte[] sent = bytes(c.requestSize(), c.seed());
      assertThat(e.requestBody().data()).isEqualTo(Arrays.copyOf(sent, Math.min(CAP, sent.length)));
      assertThat(e.requestBody().originalSize()).isEqualTo(sent.length);
    }
    if (!c.encoding().equals("identity") && !c.encoding().equals("chunked")
        && c.responseSize() >= 0 && seen.status() != 204) {
      assertThat(e.contentEncoding()).isEqualTo(c.encoding());
    }
  }

  @Test
  void classicClientSeesTheSameWithAndWithoutCapture() {
    qt().withFixedSeed(20261127L).withExamples(100).withShrinkCycles(0)
        .forAll(integers().between(0, METHODS.length * 4 - 1), integers().between(0, 40_000),
            integers().between(0, 40_000), integers().between(0, ENCODINGS.length * STATUSES.length - 1))
        .check((mh, req, resp, mix) -> {
          Case c = decode(mh, req, resp, mix);
          dev.reprokit.testing.CapturedLogs.clear(); // HttpClient's wire log at DEBUG, see ForgetLogsExtension
          try {
            recorder.events.clear();
            Seen without = classic(raw, c);
            Seen with = classic(captured, c);
            assertThat(with).as(c.toString()).isEqualTo(without);
            checkRecorded(c, with, "classic");
            return true;
          } catch (IOException e) {
            throw new AssertionError(c + ": " + e, e);
          }
        });
  }

  @Test
  void asyncClientSeesTheSameWithAndWithoutCapture() {
    qt().withFixedSeed(977L).withExamples(50).withShrinkCycles(0)
        .forAll(integers().between(0, METHODS.length * 4 - 1), integers().between(0, 40_000),
            integers().between(0, 40_000), integers().between(0, ENCODINGS.length * STATUSES.length - 1))
        .check((mh, req, resp, mix) -> {
          Case c = decode(mh, req, resp, mix);
          dev.reprokit.testing.CapturedLogs.clear(); // HttpClient's wire log at DEBUG, see ForgetLogsExtension
          try {
            recorder.events.clear();
            Seen without = async(rawAsync, c);
            Seen with = async(capturedAsync, c);
            assertThat(with).as(c.toString()).isEqualTo(without);
            checkRecorded(c, with, "async");
            return true;
          } catch (Exception e) {
            throw new AssertionError(c + ": " + e, e);
          }
        });
  }
}
