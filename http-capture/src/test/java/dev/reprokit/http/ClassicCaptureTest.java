package dev.reprokit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import dev.reprokit.Scope;
import dev.reprokit.TriggerKind;
import dev.reprokit.event.HttpAttempt;
import dev.reprokit.event.HttpExchangeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClassicCaptureTest {
  static final String TEXT = "hello, \u00e9t\u00e9 \u2603 — plain text";
  static final byte[] BINARY = binary(10_000, 7);
  static final byte[] BIG = binary(1024 * 1024, 11);
  static final ConcurrentHashMap<String, AtomicInteger> FLAKY = new ConcurrentHashMap<>();

  static LoopbackServer server;

  CollectingRecorder recorder;
  CloseableHttpClient client;

  static byte[] binary(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    b[0] = (byte) 0x89;
    b[1] = 'P';
    b[2] = 'N';
    b[3] = 'G';
    return b;
  }

  @BeforeAll
  static void startServer() throws IOException {
    server = new LoopbackServer();
    byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
    server.handle("/text", ex -> LoopbackServer.send(ex, 200, "text/plain; charset=UTF-8", text));
    server.handle("/gzip", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      LoopbackServer.send(ex, 200, "text/plain; charset=UTF-8", LoopbackServer.gzip(text));
    });
    server.handle("/deflate", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "deflate");
      LoopbackServer.send(ex, 200, "text/plain; charset=UTF-8", LoopbackServer.deflate(text));
    });
    server.handle("/chunked", ex ->
        LoopbackServer.sendChunked(ex, 200, "text/plain; charset=UTF-8", text, 7));
    server.handle("/binary", ex -> LoopbackServer.send(ex, 200, "image/png", BINARY));
    server.handle("/big", ex -> LoopbackServer.send(ex, 200, "application/octet-stream", BIG));
    server.handle("/echo", ex -> {
      String ct = ex.getRequestHeaders().getFirst("Content-Type");
      LoopbackServer.send(ex, 200, ct == null ? "application/octet-stream" : ct,
          LoopbackServer.requestBody(ex));
    });
    server.handle("/redirect1", ex -> {
      ex.getResponseHeaders().set("Location", "/redirect2");
      LoopbackServer.send(ex, 302, null, new byte[0]);
    });
    server.handle("/redirect2", ex -> {
      ex.getResponseHeaders().set("Location", server.url("/text"));
      LoopbackServer.send(ex, 301, null, new byte[0]);
    });
    server.handle("/flaky", ex -> {
      String key = ex.getRequestURI().getQuery();
      int n = FLAKY.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      if (n == 1) {
        ex.getResponseHeaders().set("Retry-After", "1");
        LoopbackServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
      } else {
        LoopbackServer.send(ex, 200, "text/plain", LoopbackServer.requestBody(ex));
      }
    });
    server.handle("/slow", ex -> {
      try {
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LoopbackServer.send(ex, 200, "text/plain", text);
    });
    server.handle("/error", ex -> LoopbackServer.send(ex, 500, "application/json",
        "{\"error\":\"boom\"}".getBytes(StandardCharsets.UTF_8)));
    server.handle("/sse", ClassicCaptureTest::serverSentEvents);
  }

  static void serverSentEvents(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      for (int i = 1; i <= 40; i++) {
        out.write(("data: event " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void setUp() {
    recorder = new CollectingRecorder();
    client = ReproHttp.capture(HttpClients.custom(), recorder).build();
  }

  @AfterEach
  void tearDown() throws IOException {
    client.close();
    recorder.close();
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void plainExchangeRecordsRequestResponseAndTimings() throws Exception {
    String body = client.execute(new HttpGet(server.url("/text?b=2&a=1")),
        r -> EntityUtils.toString(r.getEntity()));

    assertThat(body).isEqualTo(TEXT);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.client()).isEqualTo("classic");
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.uri()).isEqualTo(server.url("/text?b=2&a=1"));
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.reason()).isEqualTo("OK");
    assertThat(e.protocol()).isEqualTo("HTTP/1.1");
    assertThat(e.requestHeaders()).extracting(h -> h.name().toLowerCase())
        .contains("host", "user-agent", "accept-encoding");
    assertThat(e.responseHeaders()).anySatisfy(h -> assertThat(h.name()).isEqualToIgnoringCase("content-type"));
    assertThat(utf8(e.responseBody().data())).isEqualTo(TEXT);
    assertThat(e.responseBody().originalSize()).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8).length);
    assertThat(e.responseBody().contentType()).startsWith("text/plain");
    assertThat(e.responseBody().truncated()).isFalse();
    assertThat(e.requestBody()).isNull();
    assertThat(e.contentEncoding()).isNull();
    assertThat(e.durationNanos()).isPositive();
    assertThat(e.timeToFirstByteNanos()).isBetween(0L, e.durationNanos());
    assertThat(e.attempts()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo("initial");
      assertThat(a.status()).isEqualTo(200);
    });
    assertThat(e.thread()).isEqualTo(Thread.currentThread().getName());
    assertThat(e.error()).isNull();
  }

  @Test
  void aClientCalledFromInsideAnotherClientsChainIsNeverPartOfItsExchange() throws Exception {
    dev.reprokit.Recorder closed = dev.reprokit.Recorder.create();
    closed.close(); // capture installed, recorder switched off: the inner exchange never starts
    for (dev.reprokit.Recorder innerRecorder : List.of(closed, new ThrowingRecorder(),
        new CollectingRecorder())) {
      try (CloseableHttpClient inner = ReproHttp.capture(HttpClients.custom(), innerRecorder)
          .build();
          CloseableHttpClient outer = ReproHttp.capture(HttpClients.custom()
              .addRequestInterceptorFirst((request, entity, context) ->
                  inner.execute(new HttpGet(server.url("/gzip")), // e.g. fetching a token
                      r -> EntityUtils.toString(r.getEntity()))), recorder).build()) {
        String body = outer.execute(new HttpGet(server.url("/text")),
            r -> EntityUtils.toString(r.getEntity()));

        assertThat(body).isEqualTo(TEXT);
        HttpExchangeEvent e = recorder.single();
        assertThat(e.uri()).isEqualTo(server.url("/text"));
        assertThat(e.attempts()).as("inner recorder %s", innerRecorder).singleElement()
            .satisfies(a -> assertThat(a.uri()).isEqualTo(server.url("/text")));
        assertThat(e.contentEncoding()).isNull(); // /gzip's headers are not this exchange's
        assertThat(utf8(e.responseBody().data())).isEqualTo(TEXT);
      }
      recorder.close();
      recorder = new CollectingRecorder();
    }
  }

  @Test
  void gzipResponseIsRecordedDecodedWithTheWireEncoding() throws Exception {
    String body = client.execute(new HttpGet(server.url("/gzip")),
        r -> EntityUtils.toString(r.getEntity()));

    assertThat(body).isEqualTo(TEXT);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.contentEncoding()).isEqualTo("gzip");
    assertThat(utf8(e.responseBody().data())).isEqualTo(TEXT);
    assertThat(e.responseBody().truncated()).isFalse();
    assertThat(e.responseHeaders()).anySatisfy(h -> {
      assertThat(h.name()).isEqualToIgnoringCase("Content-Encoding");
      assertThat(h.value()).isEqualTo("gzip");
    });
  }

  @Test
  void deflateResponseIsRecordedDecodedWithTheWireEncoding() throws Exception {
    String body = client.execute(new HttpGet(server.url("/deflate")),
        r -> EntityUtils.toString(r.getEntity()));

    assertThat(body).isEqualTo(TEXT);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.contentEncoding()).isEqualTo("deflate");
    assertThat(utf8(e.responseBody().data())).isEqualTo(TEXT);
  }

  @Test
  void chunkedResponseIsRecordedWhole() throws Exception {
    String body = client.execute(new HttpGet(server.url("/chunked")),
        r -> EntityUtils.toString(r.getEntity()));

    assertThat(body).isEqualTo(TEXT);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.responseHeaders()).anySatisfy(h ->
        assertThat(h.name()).isEqualToIgnoringCase("Transfer-Encoding"));
    assertThat(utf8(e.responseBody().data())).isEqualTo(TEXT);
    assertThat(e.responseBody().abandoned()).isFalse();
  }

  @Test
  void binaryBodyIsKeptAsBytes() throws Exception {
    byte[] body = client.execute(new HttpGet(server.url("/binary")),
        r -> EntityUtils.toByteArray(r.getEntity()));

    assertThat(body).isEqualTo(BINARY);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.responseBody().data()).isEqualTo(BINARY);
    assertThat(e.responseBody().contentType()).isEqualTo("image/png");
  }

  @Test
  void multipartUploadIsTeedWhileWritten() throws Exception {
    HttpPost post = new HttpPost(server.url("/echo"));
    HttpEntity multipart = MultipartEntityBuilder.create()
        .addTextBody("comment", "a picture")
        .addBinaryBody("file", BINARY, ContentType.IMAGE_PNG, "pic.png")
        .build();
    post.setEntity(multipart);

    byte[] echoed = client.execute(post, r -> EntityUtils.toByteArray(r.getEntity()));

    LoopbackServer.Received received = server.received.get(server.received.size() - 1);
    assertThat(echoed).isEqualTo(received.body());
    HttpExchangeEvent e = recorder.single();
    assertThat(e.requestBody().data()).isEqualTo(received.body());
    assertThat(e.requestBody().originalSize()).isEqualTo(received.body().length);
    assertThat(e.requestBody().contentType()).startsWith("multipart/form-data;").contains("boundary=");
    assertThat(post.getEntity()).as("the application's request keeps its entity")
        .isSameAs(multipart);
  }

  @Test
  void bodyBeyondTheCapKeepsTheCapAndTheOriginalSize() throws Exception {
    byte[] body = client.execute(new HttpGet(server.url("/big")),
        r -> EntityUtils.toByteArray(r.getEntity()));

    assertThat(body).isEqualTo(BIG);
    HttpExchangeEvent e = recorder.single();
    int cap = recorder.config().maxPayloadBytes();
    assertThat(e.responseBody().keptSize()).isEqualTo(cap);
    assertThat(e.responseBody().originalSize()).isEqualTo(BIG.length);
    assertThat(e.responseBody().truncated()).isTrue();
    assertThat(e.responseBody().data()).isEqualTo(java.util.Arrays.copyOf(BIG, cap));
  }

  @Test
  void requestBodyBeyondAConfiguredCapIsCounted() throws Exception {
    try (CloseableHttpClient small = ReproHttp.capture(HttpClients.custom(), recorder,
        HttpCaptureOptions.builder().maxBodyBytes(1000).build()).build()) {
      HttpPost post = new HttpPost(server.url("/echo"));
      post.setEntity(new ByteArrayEntity(BIG, ContentType.APPLICATION_OCTET_STREAM));
      byte[] echoed = small.execute(post, r -> EntityUtils.toByteArray(r.getEntity()));
      assertThat(echoed).isEqualTo(BIG);
    }
    HttpExchangeEvent e = recorder.single();
    assertThat(e.requestBody().keptSize()).isEqualTo(1000);
    assertThat(e.requestBody().originalSize()).isEqualTo(BIG.length);
    assertThat(e.responseBody().keptSize()).isEqualTo(1000);
    assertThat(e.responseBody().originalSize()).isEqualTo(BIG.length);
  }

  @Test
  void redirectsAreListedAsAttemptsOfOneExchange() throws Exception {
    String body = client.execute(new HttpGet(server.url("/redirect1")),
        r -> EntityUtils.toString(r.getEntity()));

    assertThat(body).isEqualTo(TEXT);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.uri()).isEqualTo(server.url("/redirect1"));
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.attempts()).extracting(HttpAttempt::kind)
        .containsExactly("initial", "redirect", "redirect");
    assertThat(e.attempts()).extracting(HttpAttempt::status).containsExactly(302, 301, 200);
    assertThat(e.attempts()).extracting(HttpAttempt::uri).containsExactly(
        server.url("/redirect1"), server.url("/redirect2"), server.url("/text"));
    assertThat(e.attempts()).extracting(HttpAttempt::number).containsExactly(1, 2, 3);
  }

  @Test
  void retryOn503WithRetryAfterStillWorksWithACapturedRequestEntity() throws Exception {
    HttpPut put = new HttpPut(server.url("/flaky?key=retry-" + System.nanoTime()));
    put.setEntity(new StringEntity("{\"order\":42}", ContentType.APPLICATION_JSON));
    int before = server.received.size();

    String body;
    int status;
    try (CloseableHttpResponse response = client.execute(put)) {
      status = response.getCode();
      body = EntityUtils.toString(response.getEntity());
    }

    assertThat(status).isEqualTo(200);
    assertThat(body).isEqualTo("{\"order\":42}");
    List<LoopbackServer.Received> sent = server.received.subList(before, server.received.size());
    assertThat(sent).hasSize(2).allSatisfy(r -> assertThat(utf8(r.body())).isEqualTo("{\"order\":42}"));
    HttpExchangeEvent e = recorder.single();
    assertThat(e.attempts()).extracting(HttpAttempt::kind).containsExactly("initial", "retry");
    assertThat(e.attempts()).extracting(HttpAttempt::status).containsExactly(503, 200);
    assertThat(utf8(e.requestBody().data())).isEqualTo("{\"order\":42}");
    assertThat(e.status()).isEqualTo(200);
    assertThat(recorder.triggers).isEmpty();
  }

  @Test
  void nonRepeatableRequestEntityIsNotRetriedJustAsWithoutCapture() throws Exception {
    for (boolean captured : new boolean[] {false, true}) {
      HttpClientBuilder builder = HttpClients.custom();
      if (captured) {
        ReproHttp.capture(builder, recorder);
      }
      try (CloseableHttpClient c = builder.build()) {
        HttpPut put = new HttpPut(server.url("/flaky?key=stream-" + captured + System.nanoTime()));
        put.setEntity(new InputStreamEntity(new java.io.ByteArrayInputStream(
            "once".getBytes(StandardCharsets.UTF_8)), 4, ContentType.TEXT_PLAIN));
        int status = c.execute(put, r -> {
          EntityUtils.consume(r.getEntity());
          return r.getCode();
        });
        assertThat(status).as("captured=" + captured).isEqualTo(503);
      }
    }
    HttpExchangeEvent e = recorder.single();
    assertThat(e.attempts()).hasSize(1);
    assertThat(utf8(e.requestBody().data())).isEqualTo("once");
  }

  @Test
  void connectionReuseIsUnchangedByCapture() throws Exception {
    PoolStats[] stats = new PoolStats[2];
    int[] connections = new int[2];
    for (int run = 0; run < 2; run++) {
      PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
      HttpClientBuilder builder = HttpClients.custom().setConnectionManager(pool);
      if (run == 1) {
        ReproHttp.capture(builder, recorder);
      }
      int before = server.received.size();
      try (CloseableHttpClient c = builder.build()) {
        for (int i = 0; i < 30; i++) {
          HttpGet get = new HttpGet(server.url(i % 2 == 0 ? "/text" : "/gzip"));
          String body = c.execute(get, r -> EntityUtils.toString(r.getEntity()));
          assertThat(body).isEqualTo(TEXT);
        }
        stats[run] = pool.getTotalStats();
      }
      Set<Integer> ports = new HashSet<>();
      server.received.subList(before, server.received.size()).forEach(r -> ports.add(r.remotePort()));
      connections[run] = ports.size();
    }
    assertThat(stats[1].getLeased()).isEqualTo(stats[0].getLeased()).isZero();
    assertThat(stats[1].getAvailable()).isEqualTo(stats[0].getAvailable());
    assertThat(connections[1]).isEqualTo(connections[0]).isEqualTo(1);
    assertThat(recorder.http()).hasSize(30);
  }

  @Test
  void responseTimeoutFailsTheSameWayAndIsRecorded() throws Exception {
    RequestConfig config = RequestConfig.custom()
        .setResponseTimeout(Timeout.ofMilliseconds(200)).build();
    Class<?>[] errors = new Class<?>[2];
    for (int run = 0; run < 2; run++) {
      HttpClientBuilder builder = HttpClients.custom().setDefaultRequestConfig(config)
          .disableAutomaticRetries();
      if (run == 1) {
        ReproHttp.capture(builder, recorder);
      }
      try (CloseableHttpClient c = builder.build()) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
            c.execute(new HttpGet(server.url("/slow")), r -> EntityUtils.toString(r.getEntity())));
        errors[run] = thrown.getClass();
      }
    }
    assertThat(errors[1]).isEqualTo(errors[0]).isEqualTo(SocketTimeoutException.class);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.status()).isZero();
    assertThat(e.error().type()).isEqualTo(SocketTimeoutException.class.getName());
    assertThat(e.attempts()).singleElement().satisfies(a ->
        assertThat(a.error().type()).isEqualTo(SocketTimeoutException.class.getName()));
    assertThat(recorder.triggers).singleElement().satisfies(t -> {
      assertThat(t.kind()).isEqualTo(TriggerKind.HTTP_IO_ERROR);
      assertThat(t.failure()).isInstanceOf(SocketTimeoutException.class);
    });
  }

  @Test
  void connectionRefusedIsRethrownUntouchedAndRecorded() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    HttpGet get = new HttpGet("http://127.0.0.1:" + closedPort + "/nothing?token=abc");
    assertThatThrownBy(() -> client.execute(get, r -> r.getCode()))
        .isInstanceOf(java.net.ConnectException.class);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.error().type()).endsWith("ConnectException");
    assertThat(recorder.triggers).singleElement().satisfies(t -> {
      assertThat(t.kind()).isEqualTo(TriggerKind.HTTP_IO_ERROR);
      assertThat(t.reason()).doesNotContain("token");
    });
  }

  @Test
  void serverErrorFiresTheTriggerAfterTheExchangeIsRecorded() throws Exception {
    int status = client.execute(new HttpGet(server.url("/error")), r -> {
      EntityUtils.consume(r.getEntity());
      return r.getCode();
    });
    assertThat(status).isEqualTo(500);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.failed()).isTrue();
    assertThat(recorder.triggers).singleElement().satisfies(t -> {
      assertThat(t.kind()).isEqualTo(TriggerKind.HTTP_SERVER_ERROR);
      assertThat(t.reason()).contains("500").contains("/error");
    });
  }

  @Test
  void serverErrorTriggerCanBeSwitchedOff() throws Exception {
    try (CloseableHttpClient quiet = ReproHttp.capture(HttpClients.custom(), recorder,
        HttpCaptureOptions.builder().triggerOnServerError(false).build()).build()) {
      quiet.execute(new HttpGet(server.url("/error")), r -> r.getCode());
    }
    assertThat(recorder.single().status()).isEqualTo(500);
    assertThat(recorder.triggers).isEmpty();
  }

  @Test
  void serverSentEventsReadPartiallyAreRecordedAsAbandoned() throws Exception {
    String first;
    try (CloseableHttpResponse response = client.execute(new HttpGet(server.url("/sse")))) {
      InputStream in = response.getEntity().getContent();
      java.io.BufferedReader reader = new java.io.BufferedReader(
          new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      first = reader.readLine();
      assertThat(reader.readLine()).isEmpty();
      assertThat(reader.readLine()).isEqualTo("data: event 2");
    }
    assertThat(first).isEqualTo("data: event 1");
    HttpExchangeEvent e = recorder.single();
    assertThat(e.responseBody().abandoned()).isTrue();
    assertThat(e.responseBody().originalSize()).isEqualTo(-1);
    assertThat(utf8(e.responseBody().data())).startsWith("data: event 1\n\n");
    assertThat(e.responseBody().contentType()).isEqualTo("text/event-stream");
  }

  @Test
  void responseWithoutBodyIsRecordedAtOnce() throws Exception {
    int status = client.execute(new HttpHead(server.url("/text")), r -> r.getCode());
    assertThat(status).isEqualTo(200);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.method()).isEqualTo("HEAD");
    assertThat(e.responseBody()).isNull();
  }

  @Test
  void scopeIdIsTakenFromTheCallingThread() throws Exception {
    String scopeId;
    try (Scope scope = recorder.scope("checkout")) {
      scopeId = scope.id();
      client.execute(new HttpGet(server.url("/text")), r -> EntityUtils.toString(r.getEntity()));
    }
    assertThat(scopeId).isNotNull();
    assertThat(recorder.single().scopeId()).isEqualTo(scopeId);
  }

  @Test
  void noopRecorderLeavesTheClientAsItWas() throws Exception {
    try (CloseableHttpClient off = ReproHttp.capture(HttpClients.custom(),
        dev.reprokit.Recorder.noop()).build()) {
      String body = off.execute(new HttpGet(server.url("/gzip")),
          r -> EntityUtils.toString(r.getEntity()));
      assertThat(body).isEqualTo(TEXT);
    }
  }

  @Test
  void bodyCaptureCanBeSwitchedOffOrCappedToNothing() throws Exception {
    HttpCaptureOptions off = HttpCaptureOptions.builder()
        .captureRequestBody(false).captureResponseBody(false).build();
    HttpCaptureOptions zero = HttpCaptureOptions.builder().maxBodyBytes(0).build();
    for (HttpCaptureOptions options : List.of(off, zero)) {
      try (CloseableHttpClient c = ReproHttp.capture(HttpClients.custom(), recorder, options).build()) {
        HttpPost post = new HttpPost(server.url("/echo"));
        post.setEntity(new StringEntity("payload", ContentType.TEXT_PLAIN));
        String body = c.execute(post, r -> EntityUtils.toString(r.getEntity()));
        assertThat(body).isEqualTo("payload");
      }
    }
    recorder.awaitHttp(2);
    List<HttpExchangeEvent> events = recorder.http();
    assertThat(events.get(0).requestBody()).isNull();
    assertThat(events.get(0).responseBody()).isNull();
    assertThat(events.get(0).status()).isEqualTo(200);
    assertThat(events.get(1).requestBody().keptSize()).isZero();
    assertThat(events.get(1).requestBody().originalSize()).isEqualTo(7);
    assertThat(events.get(1).responseBody().keptSize()).isZero();
    assertThat(events.get(1).responseBody().originalSize()).isEqualTo(7);
  }

  @Test
  void invalidOptionsNameTheSetting() {
    assertThatThrownBy(() -> HttpCaptureOptions.builder().maxBodyBytes(-2))
        .isInstanceOf(dev.reprokit.InvalidConfigurationException.class)
        .hasMessageContaining("maxBodyBytes");
    HttpCaptureOptions options = HttpCaptureOptions.builder().captureRequestBody(false).build();
    assertThat(options.toBuilder().build().captureRequestBody()).isFalse();
    assertThat(HttpCaptureOptions.DEFAULT.maxBodyBytes()).isEqualTo(HttpCaptureOptions.RECORDER_DEFAULT);
    assertThat(HttpCaptureOptions.DEFAULT.triggerOnServerError()).isTrue();
    assertThat(HttpCaptureOptions.DEFAULT.triggerOnIoError()).isTrue();
  }

  static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
