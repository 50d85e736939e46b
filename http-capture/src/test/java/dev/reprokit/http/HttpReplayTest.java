package dev.reprokit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reprokit.event.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Records real exchanges against a loopback server, stops it, and replays them. */
class HttpReplayTest {
  static final String TEXT = ClassicCaptureTest.TEXT;
  static List<Event> events;
  static String base;
  static int refusedPort;

  static String post(CloseableHttpClient client, String url, String json) throws IOException {
    HttpPost post = new HttpPost(url);
    post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    return client.execute(post, r -> r.getCode() + " " + EntityUtils.toString(r.getEntity()));
  }

  static String get(CloseableHttpClient client, String url) throws IOException {
    return client.execute(new HttpGet(url), r -> r.getCode() + " " + EntityUtils.toString(r.getEntity()));
  }

  @BeforeAll
  static void record() throws IOException {
    AtomicInteger counter = new AtomicInteger();
    CollectingRecorder recorder = new CollectingRecorder();
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      refusedPort = s.getLocalPort();
    }
    try (LoopbackServer server = new LoopbackServer()) {
      byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
      server.handle("/gzip", ex -> {
        ex.getResponseHeaders().set("Content-Encoding", "gzip");
        LoopbackServer.send(ex, 200, "text/plain; charset=UTF-8", LoopbackServer.gzip(text));
      });
      server.handle("/counter", ex -> LoopbackServer.send(ex, 200, "text/plain",
          ("call " + counter.incrementAndGet()).getBytes(StandardCharsets.UTF_8)));
      server.handle("/orders", ex -> {
        String body = new String(LoopbackServer.requestBody(ex), StandardCharsets.UTF_8);
        LoopbackServer.send(ex, 201, "application/json",
            ("{\"created\":true,\"echo\":" + body + "}").getBytes(StandardCharsets.UTF_8));
      });
      server.handle("/fail", ex -> LoopbackServer.send(ex, 503, "text/plain",
          "down".getBytes(StandardCharsets.UTF_8)));
      base = server.url("");
      try (CloseableHttpClient client = ReproHttp.capture(HttpClients.custom(), recorder).build()) {
        assertThat(get(client, base + "/gzip")).isEqualTo("200 " + TEXT);
        assertThat(get(client, base + "/counter?a=1&b=2")).isEqualTo("200 call 1");
        assertThat(get(client, base + "/counter?a=1&b=2")).isEqualTo("200 call 2");
        post(client, base + "/orders", "{\"item\":\"book\",\"qty\":2,\"ts\":1000}");
        post(client, base + "/orders", "{\"item\":\"pen\",\"qty\":1,\"ts\":1001}");
        assertThat(get(client, base + "/fail")).isEqualTo("503 down");
        catchThrowable(() -> get(client, "http://127.0.0.1:" + refusedPort + "/refused"));
      }
    }
    events = new ArrayList<>(recorder.events);
    assertThat(recorder.http()).hasSize(7);
  }

  @Test
  void stubAnswersFromTheRecordingWithoutNetwork() throws Exception {
    try (CloseableHttpClient stub = HttpReplay.stubClient(events)) {
      assertThat(get(stub, base + "/gzip")).isEqualTo("200 " + TEXT);
      assertThat(get(stub, base + "/fail")).isEqualTo("503 down");
      String created = post(stub, base + "/orders", "{\"item\":\"pen\",\"qty\":1,\"ts\":1001}");
      assertThat(created).isEqualTo("201 {\"created\":true,\"echo\":{\"item\":\"pen\",\"qty\":1,\"ts\":1001}}");
    }
  }

  @Test
  void repeatedIdenticalRequestsGetTheRecordedResponsesInOrderWithQueryOrderIgnored()
      throws Exception {
    try (CloseableHttpClient stub = HttpReplay.stubClient(events)) {
      assertThat(get(stub, base + "/counter?b=2&a=1")).isEqualTo("200 call 1");
      assertThat(get(stub, base + "/counter?a=1&b=2")).isEqualTo("200 call 2");
      assertThat(get(stub, base + "/counter?a=1&b=2")).as("repeatLast").isEqualTo("200 call 2");
    }
    try (CloseableHttpClient strict = HttpReplay.stubClient(events,
        ReplayOptions.builder().repeatLast(false).build())) {
      get(strict, base + "/counter?a=1&b=2");
      get(strict, base + "/counter?a=1&b=2");
      assertThatThrownBy(() -> get(strict, base + "/counter?a=1&b=2"))
          .isInstanceOf(UnmatchedRequestException.class)
          .hasMessageContaining("already served");
    }
  }

  @Test
  void jsonBodiesMatchStructurallyAndIgnoredFieldsAreIgnored() throws Exception {
    try (CloseableHttpClient stub = HttpReplay.stubClient(events)) {
      assertThat(post(stub, base + "/orders", "{ \"ts\":1000, \"qty\":2.0, \"item\":\"book\" }"))
          .startsWith("201 ");
      assertThatThrownBy(() -> post(stub, base + "/orders", "{\"item\":\"book\",\"qty\":2,\"ts\":5}"))
          .isInstanceOf(UnmatchedRequestException.class);
    }
    try (CloseableHttpClient lenient = HttpReplay.stubClient(events,
        ReplayOptions.builder().ignoredBodyFields("/ts").build())) {
      assertThat(post(lenient, base + "/orders", "{\"item\":\"book\",\"qty\":2,\"ts\":5}"))
          .contains("\"item\":\"book\"");
    }
  }

  @Test
  void unmatchedRequestListsTheNearestRecordedRequestsAndWhatDiffers() throws Exception {
    try (CloseableHttpClient stub = HttpReplay.stubClient(events)) {
      UnmatchedRequestException e = (UnmatchedRequestException) catchThrowable(() ->
          post(stub, base + "/orders", "{\"item\":\"book\",\"qty\":3,\"ts\":1000}"));
      assertThat(e).isNotNull();
      assertThat(e).isInstanceOf(dev.reprokit.ReproException.class);
      assertThat(e.nearMisses()).isNotEmpty();
      UnmatchedRequestException.NearMiss nearest = e.nearMisses().get(0);
      assertThat(nearest.uri()).endsWith("/orders");
      assertThat(nearest.differences()).containsExactly("body /qty: recorded 2, got 3");
      assertThat(e.getMessage()).contains("No recorded exchange matches POST")
          .contains("Nearest recorded requests").contains("body /qty: recorded 2, got 3");

      UnmatchedRequestException q = (UnmatchedRequestException) catchThrowable(() ->
          get(stub, base + "/counter?a=1&b=3"));
      assertThat(q.nearMisses().get(0).differences())
          .containsExactly("query parameter b: recorded \"2\", got \"3\"");
    }
  }

  @Test
  void recordedIoErrorIsReplayedAsTheSameKindOfException() {
    try (CloseableHttpClient stub = HttpReplay.stubClient(events)) {
      Throwable t = catchThrowable(() -> get(stub, "http://127.0.0.1:" + refusedPort + "/refused"));
      assertThat(t).isInstanceOf(java.net.ConnectException.class)
          .hasMessageContaining("replayed from recording");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void asyncStubAnswersFromTheRecording() throws Exception {
    try (CloseableHttpAsyncClient stub = HttpReplay.stubAsyncClient(events)) {
      stub.start();
      SimpleHttpResponse gz = stub.execute(SimpleRequestBuilder.get(base + "/gzip").build(), null)
          .get(30, TimeUnit.SECONDS);
      assertThat(gz.getCode()).isEqualTo(200);
      assertThat(gz.getBodyText()).isEqualTo(TEXT);
      SimpleHttpResponse created = stub.execute(SimpleRequestBuilder.post(base + "/orders")
          .setBody("{\"item\":\"book\",\"qty\":2,\"ts\":1000}", ContentType.APPLICATION_JSON).build(), null)
          .get(30, TimeUnit.SECONDS);
      assertThat(created.getCode()).isEqualTo(201);
      assertThat(created.getBodyText()).contains("\"item\":\"book\"");
      Throwable t = catchThrowable(() -> stub.execute(
          SimpleRequestBuilder.get(base + "/nowhere").build(), null).get(30, TimeUnit.SECONDS));
      assertThat(t).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(UnmatchedRequestException.class);
    }
  }
}
