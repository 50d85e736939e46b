package dev.reprokit.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpAttempt;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.http.internal.Bodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Exports recorded HTTP exchanges as HAR 1.2, the format browser dev tools, proxies and HAR
 * viewers open. Every required HAR field is written; timings are consistent ({@code time} is
 * the sum of the known phases: {@code wait} is the time to the response head, {@code receive}
 * the rest). What HAR has no place for — sequence, thread, scope, attempts (redirect hops,
 * retries), the wire {@code Content-Encoding}, truncation, abandoned bodies, the error of a
 * failed exchange — is kept under {@code _reprokit} custom fields, as HAR allows.
 *
 * <pre>{@code
 * String har = HarExporter.toHar(events);
 * }</pre>
 *
 * <p>Bodies are exported as recorded: text by its charset, anything else base64 with
 * {@code "encoding": "base64"}. Export does not redact: give it events from a written (and
 * therefore redacted) bundle. Stateless and thread-safe.
 */
public final class HarExporter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private HarExporter() {}

  /** The HAR document for the HTTP exchanges among {@code events}, in recorded order. */
  public static String toHar(List<? extends Event> events) {
    try {
      return JSON.writeValueAsString(toTree(events));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The HAR document as a Jackson tree. */
  public static ObjectNode toTree(List<? extends Event> events) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode log = root.putObject("log");
    log.put("version", "1.2");
    ObjectNode creator = log.putObject("creator");
    creator.put("name", "ReproKit");
    String version = HarExporter.class.getPackage().getImplementationVersion();
    creator.put("version", version == null ? "dev" : version);
    ArrayNode entries = log.putArray("entries");
    for (Event e : events) {
      if (e instanceof HttpExchangeEvent h) {
        entries.add(entry(h));
      }
    }
    return root;
  }

  private static ObjectNode entry(HttpExchangeEvent e) {
    ObjectNode entry = JSON.createObjectNode();
    entry.put("startedDateTime", Instant.ofEpochMilli(e.wallTimeMillis()).toString());
    double total = millis(e.durationNanos());
    double wait = e.timeToFirstByteNanos() >= 0 ? millis(e.timeToFirstByteNanos()) : total;
    wait = Math.min(wait, total);
    double receive = round(total - wait);
    entry.put("time", round(wait + receive));
    entry.set("request", request(e));
    entry.set("response", response(e));
    entry.putObject("cache");
    ObjectNode timings = entry.putObject("timings");
    timings.put("blocked", -1);
    timings.put("dns", -1);
    timings.put("connect", -1);
    timings.put("send", 0);
    timings.put("wait", wait);
    timings.put("receive", receive);
    timings.put("ssl", -1);
    entry.set("_reprokit", extras(e));
    return entry;
  }

  private static ObjectNode request(HttpExchangeEvent e) {
    ObjectNode request = JSON.createObjectNode();
    request.put("method", e.method());
    request.put("url", e.uri());
    request.put("httpVersion", e.protocol() == null ? "HTTP/1.1" : e.protocol());
    request.set("cookies", cookies(e.requestHeaders(), "Cookie"));
    request.set("headers", headers(e.requestHeaders()));
    ArrayNode query = request.putArray("queryString");
    String rawQuery = rawQuery(e.uri());
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          ObjectNode p = query.addObject();
          p.put("name", decode(eq < 0 ? pair : pair.substring(0, eq)));
          p.put("value", eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
      }
    }
    Payload body = e.requestBody();
    if (body != null) {
      ObjectNode post = request.putObject("postData");
      String type = body.contentType() != null ? body.contentType()
          : Bodies.header(e.requestHeaders(), "Content-Type");
      post.put("mimeType", type == null ? "application/octet-stream" : type);
      ArrayNode params = post.putArray("params");
      if (Bodies.isText(type) || type == null && isUtf8(body.data())) {
        String text = Bodies.text(body);
        post.put("text", text == null ? "" : text);
        if (Bodies.isForm(type) && text != null) {
          for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
              int eq = pair.indexOf('=');
              ObjectNode p = params.addObject();
              p.put("name", decode(eq < 0 ? pair : pair.substring(0, eq)));
              p.put("value", eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
          }
        }
      } else {
        post.put("text", Base64.getEncoder().encodeToString(data(body)));
        post.put("_encoding", "base64");
      }
    }
    request.put("headersSize", -1);
    request.put("bodySize", body == null ? 0 : body.originalSize());
    return request;
  }

  private static ObjectNode response(HttpExchangeEvent e) {
    ObjectNode response = JSON.createObjectNode();
    response.put("status", e.status());
    response.put("statusText", e.reason() == null ? "" : e.reason());
    response.put("httpVersion", e.protocol() == null ? "HTTP/1.1" : e.protocol());
    response.set("cookies", cookies(e.responseHeaders(), "Set-Cookie"));
    response.set("headers", headers(e.responseHeaders()));
    ObjectNode content = response.putObject("content");
    Payload body = e.responseBody();
    String type = body != null && body.contentType() != null ? body.contentType()
        : Bodies.header(e.responseHeaders(), "Content-Type");
    content.put("size", body == null ? 0 : Math.max(body.originalSize(), body.keptSize()));
    content.put("mimeType", type == null ? "x-unknown" : type);
    if (body != null && body.data() != null) {
      if (Bodies.isText(type) || type == null && isUtf8(body.data())) {
        content.put("text", Bodies.text(body));
      } else {
        content.put("text", Base64.getEncoder().encodeToString(body.data()));
        content.put("encoding", "base64");
      }
    }
    String location = Bodies.header(e.responseHeaders(), "Location");
    response.put("redirectURL", location == null ? "" : location);
    response.put("headersSize", -1);
    response.put("bodySize", e.contentEncoding() == null && body != null ? body.originalSize() : -1);
    return response;
  }

  private static ObjectNode extras(HttpExchangeEvent e) {
    ObjectNode x = JSON.createObjectNode();
    x.put("seq", e.seq());
    x.put("client", e.client());
    x.put("thread", e.thread());
    if (e.scopeId() != null) {
      x.put("scopeId", e.scopeId());
    }
    if (e.contentEncoding() != null) {
      x.put("contentEncoding", e.contentEncoding());
    }
    x.put("durationNanos", e.durationNanos());
    x.put("timeToFirstByteNanos", e.timeToFirstByteNanos());
    sizes(x, "requestBody", e.requestBody());
    sizes(x, "responseBody", e.responseBody());
    ArrayNode attempts = x.putArray("attempts");
    for (HttpAttempt a : e.attempts()) {
      ObjectNode n = attempts.addObject();
      n.put("number", a.number());
      n.put("kind", a.kind());
      n.put("method", a.method());
      n.put("url", a.uri());
      n.put("status", a.status());
      n.put("time", millis(a.durationNanos()));
      if (a.error() != null) {
        n.put("error", a.error().summary());
      }
    }
    if (e.error() != null) {
      ObjectNode error = x.putObject("error");
      error.put("type", e.error().type());
      if (e.error().message() != null) {
        error.put("message", e.error().message());
      }
    }
    return x;
  }

  private static void sizes(ObjectNode x, String name, Payload body) {
    if (body == null) {
      return;
    }
    ObjectNode n = x.putObject(name);
    n.put("originalSize", body.originalSize());
    n.put("keptSize", body.keptSize());
    n.put("truncated", body.truncated());
    n.put("abandoned", body.abandoned());
  }

  private static ArrayNode headers(List<Header> headers) {
    ArrayNode list = JSON.createArrayNode();
    for (Header h : headers) {
      ObjectNode n = list.addObject();
      n.put("name", h.name());
      n.put("value", h.value());
    }
    return list;
  }

  private static ArrayNode cookies(List<Header> headers, String headerName) {
    ArrayNode list = JSON.createArrayNode();
    for (Header h : headers) {
      if (!h.name().equalsIgnoreCase(headerName)) {
        continue;
      }
      if (headerName.equalsIgnoreCase("Cookie")) {
        for (String part : h.value().split(";")) {
          addCookie(list, part);
        }
      } else {
        addCookie(list, h.value().split(";", 2)[0]);
      }
    }
    return list;
  }

  private static void addCookie(ArrayNode list, String pair) {
    String p = pair.trim();
    if (p.isEmpty()) {
      return;
    }
    int eq = p.indexOf('=');
    ObjectNode n = list.addObject();
    n.put("name", eq < 0 ? p : p.substring(0, eq));
    n.put("value", eq < 0 ? "" : p.substring(eq + 1));
  }

  private static byte[] data(Payload p) {
    return p.data() == null ? new byte[0] : p.data();
  }

  private static boolean isUtf8(byte[] data) {
    if (data == null) {
      return true;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(data));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  private static String rawQuery(String uri) {
    try {
      return URI.create(uri).getRawQuery();
    } catch (IllegalArgumentException e) {
      int q = uri.indexOf('?');
      return q < 0 ? null : uri.substring(q + 1);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static double millis(long nanos) {
    return round(nanos / 1_000_000.0);
  }

  private static double round(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }
}
