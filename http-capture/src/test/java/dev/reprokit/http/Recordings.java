package dev.reprokit.http;

import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/** Real exchanges captured from a loopback server, shared by the export tests. */
final class Recordings {
  static final String JSON_BODY = "{\"item\":\"book\",\"qty\":2,\"password\":\"hunter2\"}";
  static final byte[] BINARY = ClassicCaptureTest.binary(3000, 5);

  private Recordings() {}

  /** Serves the paths the recordings use: an echo server with a few fixed answers. */
  static LoopbackServer server() throws IOException {
    LoopbackServer server = new LoopbackServer();
    byte[] text = ClassicCaptureTest.TEXT.getBytes(StandardCharsets.UTF_8);
    java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
    server.handle("/text", ex -> LoopbackServer.send(ex, 200, "text/plain; charset=UTF-8", text));
    server.handle("/gzip", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
      LoopbackServer.send(ex, 200, "application/json", LoopbackServer.gzip(
          "{\"ok\":true,\"items\":[1,2,3]}".getBytes(StandardCharsets.UTF_8)));
    });
    server.handle("/binary", ex -> LoopbackServer.send(ex, 200, "image/png", BINARY));
    server.handle("/echo", ex -> {
      String ct = ex.getRequestHeaders().getFirst("Content-Type");
      LoopbackServer.send(ex, 201, ct == null ? "application/octet-stream" : ct,
          LoopbackServer.requestBody(ex));
    });
    server.handle("/counter", ex -> LoopbackServer.send(ex, 200, "text/plain",
        ("call " + counter.incrementAndGet()).getBytes(StandardCharsets.UTF_8)));
    server.handle("/redirect", ex -> {
      ex.getResponseHeaders().set("Location", "/text");
      LoopbackServer.send(ex, 302, null, new byte[0]);
    });
    server.handle("/error", ex -> LoopbackServer.send(ex, 500, "application/json",
        "{\"error\":\"boom\"}".getBytes(StandardCharsets.UTF_8)));
    return server;
  }

  /** Captures a varied set of exchanges against {@code server}. */
  static List<Event> record(LoopbackServer server) throws IOException {
    CollectingRecorder recorder = new CollectingRecorder();
    try (CloseableHttpClient client = ReproHttp.capture(HttpClients.custom(), recorder,
        HttpCaptureOptions.builder().triggerOnServerError(false).build()).build()) {
      HttpGet get = new HttpGet(server.url("/text?q=hello%20world&page=2&api_key=k-123"));
      get.addHeader("Authorization", "Bearer secret-token-1");
      get.addHeader("X-Api-Key", "key-456");
      get.addHeader("Accept", "text/plain");
      client.execute(get, r -> EntityUtils.toString(r.getEntity()));
      client.execute(new HttpGet(server.url("/gzip")), r -> EntityUtils.toString(r.getEntity()));
      client.execute(new HttpGet(server.url("/binary")), r -> EntityUtils.toByteArray(r.getEntity()));
      HttpPost post = new HttpPost(server.url("/echo?mode=json"));
      post.addHeader("Authorization", "Bearer secret-token-1");
      post.setEntity(new StringEntity(JSON_BODY, ContentType.APPLICATION_JSON));
      client.execute(post, r -> EntityUtils.toString(r.getEntity()));
      HttpPut put = new HttpPut(server.url("/echo?mode=binary"));
      put.setEntity(new ByteArrayEntity(BINARY, ContentType.APPLICATION_OCTET_STREAM));
      client.execute(put, r -> EntityUtils.toByteArray(r.getEntity()));
      HttpPost form = new HttpPost(server.url("/echo?mode=form"));
      form.setEntity(new StringEntity("user=ann&note=a+b%26c", ContentType.APPLICATION_FORM_URLENCODED));
      client.execute(form, r -> EntityUtils.toString(r.getEntity()));
      client.execute(new HttpGet(server.url("/counter")), r -> EntityUtils.toString(r.getEntity()));
      client.execute(new HttpGet(server.url("/counter")), r -> EntityUtils.toString(r.getEntity()));
      client.execute(new HttpGet(server.url("/redirect")), r -> EntityUtils.toString(r.getEntity()));
      client.execute(new HttpGet(server.url("/error")), r -> EntityUtils.toString(r.getEntity()));
    }
    return new ArrayList<>(recorder.events);
  }

  /**
   * The events as a written bundle would hold them after redaction: the Authorization header,
   * the X-Api-Key header, the api_key query value and the JSON password replaced by pseudonyms.
   * (Done here by hand so these tests do not depend on the redaction rules' details.)
   */
  static List<Event> redacted(List<Event> events) {
    List<Event> out = new ArrayList<>();
    for (Event e : events) {
      if (!(e instanceof HttpExchangeEvent h)) {
        out.add(e);
        continue;
      }
      List<Header> headers = new ArrayList<>();
      for (Header header : h.requestHeaders()) {
        if (header.name().equalsIgnoreCase("Authorization")) {
          headers.add(new Header(header.name(), "\u2039redacted:3f9a1c2e\u203a"));
        } else if (header.name().equalsIgnoreCase("X-Api-Key")) {
          headers.add(new Header(header.name(), "\u2039redacted:77aa01bc\u203a"));
        } else {
          headers.add(header);
        }
      }
      Payload body = redactPassword(h.requestBody());
      Payload responseBody = redactPassword(h.responseBody());
      out.add(new HttpExchangeEvent(h.seq(), h.wallTimeMillis(), h.startNanos(), h.durationNanos(),
          h.thread(), h.scopeId(), h.client(), h.method(),
          h.uri().replace("api_key=k-123", "api_key=\u2039redacted:5e5e5e5e\u203a"), h.protocol(),
          headers, body, h.status(), h.reason(), h.responseHeaders(), responseBody,
          h.contentEncoding(), h.timeToFirstByteNanos(), h.attempts(), h.error()));
    }
    return out;
  }

  private static Payload redactPassword(Payload body) {
    if (body != null && body.data() != null) {
      String text = new String(body.data(), StandardCharsets.UTF_8);
      if (text.contains("hunter2")) {
        return body.withData(text.replace("hunter2", "\u2039redacted:0badf00d\u203a")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    return body;
  }
}
