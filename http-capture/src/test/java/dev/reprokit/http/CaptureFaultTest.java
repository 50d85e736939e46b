package dev.reprokit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.Recorder;
import dev.reprokit.testing.CapturedLogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A recorder that throws on every call must not change any exchange's outcome. */
class CaptureFaultTest {
  static LoopbackServer server;
  static int closedPort;

  @BeforeAll
  static void startServer() throws IOException {
    ClassicCaptureTest.startServer();
    server = ClassicCaptureTest.server;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void clearLogs() {
    CapturedLogs.clear();
  }

  /** What the application sees of one exchange: status and body, or the exception class. */
  record Outcome(int status, String body, String error) {}

  static List<HttpUriRequestBase> requests() {
    List<HttpUriRequestBase> list = new ArrayList<>();
    list.add(new HttpGet(server.url("/text")));
    list.add(new HttpGet(server.url("/gzip")));
    list.add(new HttpGet(server.url("/chunked")));
    list.add(new HttpGet(server.url("/redirect1")));
    list.add(new HttpGet(server.url("/error")));
    HttpPost post = new HttpPost(server.url("/echo"));
    post.setEntity(new StringEntity("{\"a\":1}", ContentType.APPLICATION_JSON));
    list.add(post);
    list.add(new HttpGet("http://127.0.0.1:" + closedPort + "/refused"));
    return list;
  }

  static List<Outcome> runClassic(Recorder recorder) throws IOException {
    HttpClientBuilder builder = HttpClients.custom();
    if (recorder != null) {
      ReproHttp.capture(builder, recorder);
    }
    List<Outcome> outcomes = new ArrayList<>();
    try (CloseableHttpClient client = builder.build()) {
      for (HttpUriRequestBase request : requests()) {
        try {
          outcomes.add(client.execute(request,
              r -> new Outcome(r.getCode(), EntityUtils.toString(r.getEntity()), null)));
        } catch (IOException e) {
          outcomes.add(new Outcome(0, null, e.getClass().getName()));
        }
      }
    }
    return outcomes;
  }

  static List<Outcome> runAsync(Recorder recorder) throws Exception {
    HttpAsyncClientBuilder builder = HttpAsyncClients.custom();
    if (recorder != null) {
      ReproHttp.capture(builder, recorder);
    }
    List<Outcome> outcomes = new ArrayList<>();
    try (CloseableHttpAsyncClient client = builder.build()) {
      client.start();
      for (String path : List.of("/text", "/gzip", "/redirect1", "/error")) {
        SimpleHttpResponse r = client.execute(SimpleRequestBuilder.get(server.url(path)).build(), null)
            .get(30, TimeUnit.SECONDS);
        outcomes.add(new Outcome(r.getCode(), r.getBodyText(), null));
      }
      SimpleHttpResponse r = client.execute(SimpleRequestBuilder.post(server.url("/echo"))
          .setBody("posted", ContentType.TEXT_PLAIN).build(), null).get(30, TimeUnit.SECONDS);
      outcomes.add(new Outcome(r.getCode(), new String(r.getBodyBytes(), StandardCharsets.UTF_8), null));
      try {
        client.execute(SimpleRequestBuilder.get("http://127.0.0.1:" + closedPort + "/x").build(), null)
            .get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        outcomes.add(new Outcome(0, null, e.getCause().getClass().getName()));
      }
    }
    return outcomes;
  }

  @Test
  void recorderThatThrowsEverywhereLeavesClassicOutcomesUnchangedAndLogsOneWarning()
      throws Exception {
    List<Outcome> expected = runClassic(null);
    ThrowingRecorder broken = new ThrowingRecorder();
    CapturedLogs.clear();

    List<Outcome> actual = runClassic(broken);

    assertThat(actual).isEqualTo(expected);
    assertThat(expected).extracting(Outcome::status).contains(200, 500, 0);
    assertThat(broken.calls.get()).as("the recorder was really called").isGreaterThan(expected.size());
    assertThat(CapturedLogs.warnings()).hasSize(1);
    assertThat(CapturedLogs.warnings().get(0).message()).contains("application is not affected");
  }

  @Test
  void recorderThatFailsWhenRecordingLeavesClassicOutcomesUnchangedAndLogsOneWarning()
      throws Exception {
    List<Outcome> expected = runClassic(null);
    ThrowingRecorder broken = ThrowingRecorder.failingLate();
    CapturedLogs.clear();

    List<Outcome> actual = runClassic(broken);

    assertThat(actual).isEqualTo(expected);
    assertThat(broken.calls.get()).isGreaterThanOrEqualTo(expected.size());
    assertThat(CapturedLogs.warnings()).hasSize(1);
  }

  @Test
  void recorderThatThrowsLeavesAsyncOutcomesUnchangedAndLogsOneWarning() throws Exception {
    for (ThrowingRecorder broken : List.of(new ThrowingRecorder(), ThrowingRecorder.failingLate())) {
      List<Outcome> expected = runAsync(null);
      CapturedLogs.clear();

      List<Outcome> actual = runAsync(broken);

      assertThat(actual).isEqualTo(expected);
      assertThat(broken.calls.get()).isPositive();
      assertThat(CapturedLogs.warnings()).hasSize(1);
    }
  }
}
