package dev.reprokit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.reprokit.bundle.FaultInjection;
import dev.reprokit.bundle.FaultInjection.Fault;
import dev.reprokit.testing.CapturedLogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault matrix of HTTP capture: every fault inside ReproKit ({@link Fault}) against every HTTP
 * capture point, classic and async. In every cell the application sees exactly what it sees
 * without ReproKit (status, body, or the same exception), the fault is counted in
 * {@code stats()} and each fault kind is logged at most once. The matrix is written to
 * {@code target/fault-matrix-http.md} for {@code docs/reliability.md}.
 */
class HttpFaultMatrixTest {
  private static final int REPEATS = 2;

  static HttpServer server;
  static String base;
  static String refused;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/text", ex -> reply(ex, 200, "text/plain", false,
        "hello from the server"));
    server.createContext("/gzip", ex -> reply(ex, 200, "application/json", true,
        "{\"items\":[1,2,3],\"next\":null}"));
    server.createContext("/echo", ex -> {
      byte[] in;
      try (InputStream body = ex.getRequestBody()) {
        in = body.readAllBytes();
      }
      reply(ex, 201, "application/json", false,
          "{\"received\":" + in.length + ",\"body\":\"" + new String(in, StandardCharsets.UTF_8)
              .replace("\"", "'") + "\"}");
    });
    server.createContext("/fail", ex -> reply(ex, 500, "application/json", false,
        "{\"error\":\"maintenance\"}"));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refused = "http://127.0.0.1:" + s.getLocalPort() + "/nothing-listens";
    }
  }

  private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String type,
      boolean gzip, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(out)) {
        z.write(bytes);
      }
      bytes = out.toByteArray();
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
    }
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  /** What the application sees of one exchange. */
  record Outcome(int status, String body, String error) {
    static Outcome failed(Throwable t) {
      Throwable cause = t instanceof ExecutionException && t.getCause() != null
          ? t.getCause() : t;
      return new Outcome(-1, null, cause.getClass().getName() + ": " + cause.getMessage());
    }
  }

  /** One capture point: a kind of exchange, classic or async. */
  interface Point {
    Outcome run(CloseableHttpClient classic, CloseableHttpAsyncClient async) throws Exception;
  }

  private static Outcome classic(CloseableHttpClient client, HttpUriRequestBase request) {
    try {
      return client.execute(request, response -> new Outcome(response.getCode(),
          response.getEntity() == null ? null : EntityUtils.toString(response.getEntity()),
          null));
    } catch (IOException e) {
      return Outcome.failed(e);
    }
  }

  private static Outcome async(CloseableHttpAsyncClient client, SimpleHttpRequest request) {
    try {
      Future<SimpleHttpResponse> f = client.execute(request, null);
      SimpleHttpResponse r = f.get(20, TimeUnit.SECONDS);
      return new Outcome(r.getCode(), r.getBodyText(), null);
    } catch (Exception e) {
      return Outcome.failed(e);
    }
  }

  private static Map<String, Point> points() {
    Map<String, Point> p = new LinkedHashMap<>();
    p.put("classic GET 200", (c, a) -> classic(c, new HttpGet(base + "/text")));
    p.put("classic GET gzip", (c, a) -> classic(c, new HttpGet(base + "/gzip")));
    p.put("classic POST body", (c, a) -> {
      HttpPost post = new HttpPost(base + "/echo");
      post.setEntity(new StringEntity("{\"order\":17}", ContentType.APPLICATION_JSON));
      return classic(c, post);
    });
    p.put("classic 500", (c, a) -> classic(c, new HttpGet(base + "/fail")));
    p.put("classic refused", (c, a) -> classic(c, new HttpGet(refused)));
    p.put("async GET 200", (c, a) -> async(a, SimpleRequestBuilder.get(base + "/text").build()));
    p.put("async POST body", (c, a) -> async(a, SimpleRequestBuilder.post(base + "/echo")
        .setBody("{\"order\":17}", ContentType.APPLICATION_JSON).build()));
    p.put("async 500", (c, a) -> async(a, SimpleRequestBuilder.get(base + "/fail").build()));
    p.put("async refused", (c, a) -> async(a, SimpleRequestBuilder.get(refused).build()));
    return p;
  }

  private static Outcome run(Point point, dev.reprokit.Recorder recorder) throws Exception {
    HttpClientBuilder classic = HttpClients.custom();
    HttpAsyncClientBuilder async = HttpAsyncClients.custom();
    if (recorder != null) {
      ReproHttp.capture(classic, recorder);
      ReproHttp.capture(async, recorder);
    }
    try (CloseableHttpClient c = classic.build(); CloseableHttpAsyncClient a = async.build()) {
      a.start();
      return point.run(c, a);
    }
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void everyFaultAtEveryCapturePointLeavesTheApplicationUntouched() throws Exception {
    Map<String, Point> points = points();
    Map<String, Outcome> baseline = new LinkedHashMap<>();
    for (Map.Entry<String, Point> p : points.entrySet()) {
      baseline.put(p.getKey(), run(p.getValue(), null));
    }
    assertThat(baseline.get("classic GET 200").status()).isEqualTo(200);
    assertThat(baseline.get("classic refused").error()).isNotNull();

    List<String> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Fault fault : Fault.values()) {
      StringBuilder row = new StringBuilder("| " + fault + " |");
      CapturedLogs.clear();
      HttpClientBuilder classicBuilder = HttpClients.custom();
      HttpAsyncClientBuilder asyncBuilder = HttpAsyncClients.custom();
      try (FaultInjection recorder = FaultInjection.create(fault,
              Files.createDirectories(dir.resolve(fault.name())));
          CloseableHttpClient classic = ReproHttp.capture(classicBuilder, recorder).build();
          CloseableHttpAsyncClient async = ReproHttp.capture(asyncBuilder, recorder).build()) {
        async.start();
        for (Map.Entry<String, Point> p : points.entrySet()) {
          long before = recorder.stats().internalFailures();
          boolean same = true;
          for (int i = 0; i < REPEATS; i++) {
            Outcome captured = p.getValue().run(classic, async);
            if (!Objects.equals(captured, baseline.get(p.getKey()))) {
              same = false;
              problems.add(fault + " / " + p.getKey() + ": expected "
                  + baseline.get(p.getKey()) + " but the application saw " + captured);
            }
          }
          recorder.awaitWrites();
          long counted = recorder.stats().internalFailures() - before;
          boolean fails = p.getKey().contains("500") || p.getKey().contains("refused");
          boolean expectCount = fault.ordinal() <= Fault.SEQUENCE_THROWS.ordinal()
              || (fault == Fault.TRIGGER_THROWS && fails);
          if (expectCount && counted == 0) {
            problems.add(fault + " / " + p.getKey() + ": the fault was not counted in stats()");
          }
          row.append(same ? " same, " : " **DIFFERENT**, ").append(counted).append(" |");
        }
        long before = recorder.stats().internalFailures();
        recorder.capture("explicit capture after the exchanges"); // never throws
        long counted = recorder.stats().internalFailures() - before;
        if (fault.inWriter() && counted == 0) {
          problems.add(fault + " / explicit capture: the fault was not counted in stats()");
        }
        Map<String, Long> warnings = FaultInjection.warningsPerKind();
        if (warnings.values().stream().anyMatch(n -> n > 1)) {
          problems.add(fault + ": more than one warning per kind: " + warnings);
        }
        row.append(' ').append(counted).append(" | ").append(warnings.isEmpty() ? "none"
            : warnings.toString().replace("=", ": ")).append(" | ")
            .append(recorder.stats().internalFailures()).append(" |");
      }
      rows.add(row.toString());
    }
    writeMatrix(points.keySet(), rows);
    assertThat(problems).isEmpty();
  }

  private static void writeMatrix(Iterable<String> points, List<String> rows)
      throws IOException {
    StringBuilder md = new StringBuilder("| fault \\ capture point |");
    StringBuilder rule = new StringBuilder("| --- |");
    for (String p : points) {
      md.append(' ').append(p).append(" |");
      rule.append(" --- |");
    }
    md.append(" explicit capture | warnings per kind | stats().internalFailures |\n")
        .append(rule).append(" --- | --- | --- |\n");
    rows.forEach(r -> md.append(r).append('\n'));
    Path out = Path.of("target", "fault-matrix-http.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
    System.out.println(md);
  }
}
