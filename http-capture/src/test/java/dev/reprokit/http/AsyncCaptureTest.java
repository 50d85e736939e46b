package dev.reprokit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.Scope;
import dev.reprokit.event.HttpAttempt;
import dev.reprokit.event.HttpExchangeEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AbstractAsyncResponseConsumer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncCaptureTest {
  static LoopbackServer server;
  CollectingRecorder recorder;
  CloseableHttpAsyncClient client;

  @BeforeAll
  static void startServer() throws IOException {
    ClassicCaptureTest.startServer();
    server = ClassicCaptureTest.server;
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void setUp() {
    recorder = new CollectingRecorder();
    client = ReproHttp.capture(HttpAsyncClients.custom(), recorder).build();
    client.start();
  }

  @AfterEach
  void tearDown() {
    client.close(CloseMode.GRACEFUL);
    recorder.close();
  }

  static SimpleHttpResponse execute(CloseableHttpAsyncClient c, SimpleHttpRequest request)
      throws Exception {
    return c.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), null)
        .get(30, TimeUnit.SECONDS);
  }

  /** A streaming consumer: gets the body chunk by chunk and keeps the chunk sizes. */
  static class StreamingConsumer extends AbstractBinAsyncEntityConsumer<byte[]> {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Integer> chunks = new CopyOnWriteArrayList<>();

    @Override
    protected void streamStart(ContentType contentType) {}

    @Override
    protected int capacityIncrement() {
      return 4096;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) {
      chunks.add(src.remaining());
      byte[] b = new byte[src.remaining()];
      src.get(b);
      bytes.write(b, 0, b.length);
    }

    @Override
    protected byte[] generateContent() {
      return bytes.toByteArray();
    }

    @Override
    public void releaseResources() {}
  }

  static AbstractAsyncResponseConsumer<byte[], byte[]> streaming(StreamingConsumer entity) {
    return new AbstractAsyncResponseConsumer<>(entity) {
      @Override
      public void informationResponse(HttpResponse response,
          org.apache.hc.core5.http.protocol.HttpContext context) {}

      @Override
      protected byte[] buildResult(HttpResponse response, byte[] entity, ContentType contentType) {
        return entity;
      }
    };
  }

  @Test
  void streamingConsumerGetsEveryChunkAndTheBodyIsCapped() throws Exception {
    StreamingConsumer entity = new StreamingConsumer();
    AsyncRequestProducer request = AsyncRequestBuilder.get(server.url("/big")).build();
    byte[] body = client.execute(request, streaming(entity), null).get(30, TimeUnit.SECONDS);

    assertThat(body).isEqualTo(ClassicCaptureTest.BIG);
    assertThat(entity.chunks.size()).as("the body streamed in many chunks").isGreaterThan(1);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.client()).isEqualTo("async");
    assertThat(e.status()).isEqualTo(200);
    int cap = recorder.config().maxPayloadBytes();
    assertThat(e.responseBody().data()).isEqualTo(Arrays.copyOf(ClassicCaptureTest.BIG, cap));
    assertThat(e.responseBody().originalSize()).isEqualTo(ClassicCaptureTest.BIG.length);
    assertThat(e.responseBody().abandoned()).isFalse();
  }

  @Test
  void requestBodyIsTeedAsTheReactorWritesIt() throws Exception {
    byte[] payload = Arrays.copyOf(ClassicCaptureTest.BIG, 300_000); // beyond the 256 KiB cap
    AsyncRequestProducer request = AsyncRequestBuilder.post(server.url("/echo"))
        .setEntity(AsyncEntityProducers.create(payload, ContentType.APPLICATION_OCTET_STREAM))
        .build();
    StreamingConsumer entity = new StreamingConsumer();
    byte[] echoed = client.execute(request, streaming(entity), null).get(30, TimeUnit.SECONDS);

    assertThat(echoed).isEqualTo(payload);
    HttpExchangeEvent e = recorder.single();
    int cap = recorder.config().maxPayloadBytes();
    assertThat(e.requestBody().data()).isEqualTo(Arrays.copyOf(payload, cap));
    assertThat(e.requestBody().originalSize()).isEqualTo(payload.length);
    assertThat(e.requestBody().contentType()).isEqualTo("application/octet-stream");
    assertThat(e.requestHeaders()).extracting(h -> h.name().toLowerCase()).contains("host");
  }

  @Test
  void simpleExchangeWithRedirectsListsTheAttempts() throws Exception {
    SimpleHttpResponse response = execute(client, SimpleRequestBuilder.get(server.url("/redirect1")).build());

    assertThat(response.getCode()).isEqualTo(200);
    assertThat(response.getBodyText()).isEqualTo(ClassicCaptureTest.TEXT);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.attempts()).extracting(HttpAttempt::status).containsExactly(302, 301, 200);
    assertThat(e.attempts()).extracting(HttpAttempt::kind).containsExactly("initial", "redirect", "redirect");
    assertThat(new String(e.responseBody().data(), StandardCharsets.UTF_8))
        .isEqualTo(ClassicCaptureTest.TEXT);
  }

  @Test
  void gzipBodyIsRecordedAsTheApplicationSawItWithTheWireEncoding() throws Exception {
    SimpleHttpResponse captured = execute(client, SimpleRequestBuilder.get(server.url("/gzip")).build());
    SimpleHttpResponse raw;
    try (CloseableHttpAsyncClient plain = HttpAsyncClients.custom().build()) {
      plain.start();
      raw = execute(plain, SimpleRequestBuilder.get(server.url("/gzip")).build());
    }
    assertThat(captured.getBodyBytes()).isEqualTo(raw.getBodyBytes());
    HttpExchangeEvent e = recorder.single();
    assertThat(e.contentEncoding()).isEqualTo("gzip");
    assertThat(e.responseBody().data()).isEqualTo(captured.getBodyBytes());
  }

  @Test
  void scopeIdIsTakenOnTheCallingThreadAtExecuteTime() throws Exception {
    String scopeId;
    Future<SimpleHttpResponse> future;
    try (Scope scope = recorder.scope("async-order")) {
      scopeId = scope.id();
      future = client.execute(SimpleRequestBuilder.get(server.url("/text")).build(), null);
    }
    assertThat(future.get(30, TimeUnit.SECONDS).getCode()).isEqualTo(200);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.scopeId()).isEqualTo(scopeId);
    assertThat(e.thread()).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void failedExchangeIsRecordedAndTheCallbackGetsTheSameError() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Exception[] seen = new Exception[1];
    Future<SimpleHttpResponse> future = client.execute(
        SimpleRequestBuilder.get("http://127.0.0.1:" + closedPort + "/x").build(),
        new FutureCallback<>() {
          @Override
          public void completed(SimpleHttpResponse result) {}

          @Override
          public void failed(Exception ex) {
            seen[0] = ex;
          }

          @Override
          public void cancelled() {}
        });
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> future.get(30, TimeUnit.SECONDS));
    assertThat(thrown).hasCauseInstanceOf(java.net.ConnectException.class);
    HttpExchangeEvent e = recorder.single();
    assertThat(Class.forName(e.error().type())).isAssignableTo(java.net.ConnectException.class);
    assertThat(e.error().type()).isEqualTo(thrown.getCause().getClass().getName());
    assertThat(recorder.triggers).hasSize(1);
  }

  @Test
  void manyConcurrentExchangesAreEachRecordedOnce() throws Exception {
    List<Future<SimpleHttpResponse>> futures = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      futures.add(client.execute(SimpleRequestBuilder.post(server.url("/echo?i=" + i))
          .setBody("body " + i, ContentType.TEXT_PLAIN).build(), null));
    }
    for (int i = 0; i < 40; i++) {
      assertThat(futures.get(i).get(30, TimeUnit.SECONDS).getBodyText()).isEqualTo("body " + i);
    }
    recorder.awaitHttp(40);
    assertThat(recorder.http()).hasSize(40).allSatisfy(e -> {
      String i = e.uri().substring(e.uri().indexOf("i=") + 2);
      assertThat(new String(e.requestBody().data(), StandardCharsets.UTF_8)).isEqualTo("body " + i);
      assertThat(new String(e.responseBody().data(), StandardCharsets.UTF_8)).isEqualTo("body " + i);
    });
  }

  @Test
  void serverSentEventsAbandonedMidStreamAreRecordedAsAbandoned() throws Exception {
    // the application's consumer gives up after the first event (it throws), as a reader that
    // only wanted the first event would; HttpClient then aborts the exchange
    StreamingConsumer entity = new StreamingConsumer() {
      @Override
      protected void data(ByteBuffer src, boolean endOfStream) {
        super.data(src, endOfStream);
        throw new IllegalStateException("enough events");
      }
    };
    Future<byte[]> future = client.execute(AsyncRequestBuilder.get(server.url("/sse")).build(),
        streaming(entity), null);
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> future.get(30, TimeUnit.SECONDS));

    assertThat(thrown).hasRootCauseInstanceOf(IllegalStateException.class);
    HttpExchangeEvent e = recorder.single();
    assertThat(e.responseBody().abandoned()).isTrue();
    assertThat(e.responseBody().originalSize()).isEqualTo(-1);
    assertThat(new String(e.responseBody().data(), StandardCharsets.UTF_8)).startsWith("data: event 1");
    assertThat(e.error().type()).isEqualTo(IllegalStateException.class.getName());
  }

  static HttpAsyncClientBuilder builder() {
    return HttpAsyncClients.custom();
  }
}
