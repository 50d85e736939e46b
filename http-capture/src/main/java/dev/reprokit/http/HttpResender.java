package dev.reprokit.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reprokit.InvalidConfigurationException;
import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.http.ResendReport.Difference;
import dev.reprokit.http.ResendReport.ExchangeResult;
import dev.reprokit.http.ResendReport.Outcome;
import dev.reprokit.http.internal.Bodies;
import dev.reprokit.http.internal.JsonDiff;
import dev.reprokit.http.internal.LineDiff;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Re-sends recorded HTTP requests to a target the user names (a staging system) and compares
 * each answer with the recorded one: status, selected headers and body — a structural JSON diff
 * with JSON pointer paths, a line diff for text, length and SHA-256 for binary.
 *
 * <pre>{@code
 * ResendReport report = HttpResender.builder()
 *     .target("https://staging.example.com")
 *     .header("Authorization", "Bearer " + stagingToken)   // recorded credentials are redacted
 *     .ignoredBodyFields("/requestId")
 *     .learnVolatile(true)
 *     .build()
 *     .resend(events);
 * System.out.println(report.toText());
 * }</pre>
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>target</td><td>required</td><td>scheme, host and port (and optional path prefix)
 *       the requests go to; path and query stay as recorded</td></tr>
 *   <tr><td>header</td><td>none</td><td>headers set on every request, replacing recorded
 *       ones (staging credentials)</td></tr>
 *   <tr><td>allowUnsafe</td><td>{@code false}</td><td>also send POST, PUT, PATCH and
 *       DELETE</td></tr>
 *   <tr><td>ignoredBodyFields</td><td>none</td><td>JSON pointers ({@code *} matches one
 *       segment) not compared</td></tr>
 *   <tr><td>learnVolatile</td><td>{@code false}</td><td>send each request twice and ignore
 *       what differs between the two answers</td></tr>
 *   <tr><td>comparedHeaders</td><td>{@code Content-Type}</td><td>response headers
 *       compared</td></tr>
 *   <tr><td>filter</td><td>all exchanges</td><td>which recorded exchanges to re-send</td></tr>
 *   <tr><td>timeout</td><td>30 s</td><td>per request</td></tr>
 * </table>
 *
 * <p>Only the named target is ever contacted. Recorded values that redaction replaced are not
 * sent: a header with a redacted value is left out unless {@link Builder#header} supplies it,
 * and the result notes it. Immutable and thread-safe; {@link #resend} sends sequentially.
 */
public final class HttpResender {
  private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
  /** Headers the JDK client sets itself or refuses, and wire-level ones. */
  private static final Set<String> NOT_SENT = Set.of("host", "content-length", "connection",
      "expect", "upgrade", "transfer-encoding", "keep-alive", "te", "accept-encoding",
      "proxy-connection", "http2-settings");
  private static final int MAX_TEXT_DIFFERENCES = 50;

  private final URI target;
  private final Map<String, String> headers;
  private final boolean allowUnsafe;
  private final Set<String> ignoredBodyFields;
  private final boolean learnVolatile;
  private final List<String> comparedHeaders;
  private final Predicate<HttpExchangeEvent> filter;
  private final Duration timeout;

  private HttpResender(Builder b) {
    this.target = b.target;
    this.headers = Map.copyOf(b.headers);
    this.allowUnsafe = b.allowUnsafe;
    this.ignoredBodyFields = Set.copyOf(b.ignoredBodyFields);
    this.learnVolatile = b.learnVolatile;
    this.comparedHeaders = List.copyOf(b.comparedHeaders);
    this.filter = b.filter;
    this.timeout = b.timeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Re-sends the HTTP exchanges among {@code events} (recorded order) and compares. */
  public ResendReport resend(List<? extends Event> events) {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(timeout)
        .build();
    List<ExchangeResult> results = new ArrayList<>();
    for (Event e : events) {
      if (e instanceof HttpExchangeEvent h) {
        if (!filter.test(h)) {
          continue;
        }
        results.add(resendOne(client, h));
      }
    }
    return new ResendReport(target.toString(), results);
  }

  private record Answer(int status, Map<String, List<String>> headers, byte[] body, String error) {
    Optional<String> header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return Optional.of(e.getValue().get(0));
        }
      }
      return Optional.empty();
    }
  }

  private ExchangeResult resendOne(HttpClient client, HttpExchangeEvent e) {
    List<String> notes = new ArrayList<>();
    String method = e.method().toUpperCase(Locale.ROOT);
    if (UNSAFE.contains(method) && !allowUnsafe) {
      notes.add(method + " is not sent unless allowUnsafe(true) is set: it may change data");
      return result(e, null, Outcome.SKIPPED, 0, List.of(), List.of(), notes);
    }
    Payload body = e.requestBody();
    if (body != null && body.truncated()) {
      notes.add("the request body was truncated at capture (kept " + body.keptSize() + " of "
          + body.originalSize() + " bytes); it cannot be re-sent faithfully");
      return result(e, null, Outcome.FAILED, 0, List.of(), List.of(), notes);
    }
    URI uri;
    HttpRequest request;
    try {
      uri = targetUri(e.uri());
      request = request(e, uri, notes);
    } catch (RuntimeException bad) {
      notes.add("the request could not be built: " + bad.getMessage());
      return result(e, null, Outcome.FAILED, 0, List.of(), List.of(), notes);
    }
    Answer first = send(client, request);
    List<String> ignored = new ArrayList<>(ignoredBodyFields);
    Set<String> skippedHeaders = new LinkedHashSet<>();
    boolean bodyVolatile = false;
    if (learnVolatile && first.error() == null) {
      Answer second = send(client, request);
      if (second.error() == null) {
        for (String name : comparedHeaders) {
          if (!Objects.equals(first.header(name), second.header(name))) {
            skippedHeaders.add(name);
            ignored.add("header " + name + " (varies)");
          }
        }
        JsonNode a = Bodies.json(first.body());
        JsonNode b = Bodies.json(second.body());
        if (a != null && b != null) {
          for (JsonDiff.Change c : JsonDiff.diff(a, b, List.of())) {
            ignored.add(c.pointer());
          }
        } else if (!Arrays.equals(first.body(), second.body())) {
          bodyVolatile = true;
          ignored.add("body (varies between two identical requests)");
        }
      }
    }
    if (first.error() != null) {
      if (e.error() != null && first.error().startsWith(e.error().type())) {
        notes.add("failed as recorded: " + first.error());
        return result(e, uri, Outcome.SAME, 0, List.of(), ignored, notes);
      }
      notes.add("the target could not be asked: " + first.error());
      return result(e, uri, Outcome.FAILED, 0, List.of(), ignored, notes);
    }
    List<Difference> diffs = new ArrayList<>();
    if (e.status() == 0) {
      diffs.add(new Difference("error", "", e.error() == null ? "no response" : e.error().summary(),
          "HTTP " + first.status()));
    } else if (e.status() != first.status()) {
      diffs.add(new Difference("status", "", Integer.toString(e.status()),
          Integer.toString(first.status())));
    }
    for (String name : comparedHeaders) {
      if (skippedHeaders.contains(name)) {
        continue;
      }
      String recorded = Bodies.header(e.responseHeaders(), name);
      String actual = first.header(name).orElse(null);
      if (!normalized(recorded).equals(normalized(actual))) {
        diffs.add(new Difference("header", name, recorded, actual));
      }
    }
    if (!bodyVolatile && e.status() != 0) {
      compareBodies(e.responseBody(), first, ignored, diffs, notes);
    }
    return result(e, uri, diffs.isEmpty() ? Outcome.SAME : Outcome.DIFFERENT, first.status(),
        diffs, ignored, notes);
  }

  private static String normalized(String headerValue) {
    return headerValue == null ? "" : headerValue.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  private void compareBodies(Payload recorded, Answer answer, List<String> ignored,
      List<Difference> diffs, List<String> notes) {
    byte[] expected = recorded == null || recorded.data() == null ? new byte[0] : recorded.data();
    byte[] actual = answer.body();
    if (recorded != null && recorded.truncated()) {
      notes.add("the recorded body was truncated at " + expected.length
          + " bytes; only that prefix is compared");
      actual = Arrays.copyOf(actual, Math.min(actual.length, expected.length));
    }
    String type = recorded != null && recorded.contentType() != null ? recorded.contentType()
        : answer.header("Content-Type").orElse(null);
    JsonNode a = Bodies.json(expected);
    JsonNode b = Bodies.json(actual);
    if (a != null && b != null && (Bodies.isJson(type) || a.isContainerNode())) {
      for (JsonDiff.Change c : JsonDiff.diff(a, b, ignored)) {
        if (c.expected() != null && Bodies.isRedacted(c.expected())) {
          continue; // a redacted recorded value cannot be compared
        }
        diffs.add(new Difference("json", c.pointer(), c.expected(), c.actual()));
      }
      return;
    }
    if (Arrays.equals(expected, actual)) {
      return;
    }
    if (Bodies.isText(type)) {
      java.nio.charset.Charset cs = Bodies.charset(type);
      List<LineDiff.Line> lines = LineDiff.diff(new String(expected, cs), new String(actual, cs));
      for (int i = 0; i < lines.size() && i < MAX_TEXT_DIFFERENCES; i++) {
        LineDiff.Line l = lines.get(i);
        diffs.add(new Difference("text", "line " + l.line(), l.removed() ? l.text() : null,
            l.removed() ? null : l.text()));
      }
      if (lines.size() > MAX_TEXT_DIFFERENCES) {
        notes.add((lines.size() - MAX_TEXT_DIFFERENCES) + " more changed lines not listed");
      }
      return;
    }
    diffs.add(new Difference("binary", "",
        expected.length + " bytes, sha256 " + Bodies.sha256(expected),
        actual.length + " bytes, sha256 " + Bodies.sha256(actual)));
  }

  private URI targetUri(String recordedUri) {
    URI recorded = URI.create(recordedUri);
    String base = target.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String path = recorded.getRawPath() == null || recorded.getRawPath().isEmpty()
        ? "/" : recorded.getRawPath();
    return URI.create(base + path + (recorded.getRawQuery() == null ? "" : "?" + recorded.getRawQuery()));
  }

  private HttpRequest request(HttpExchangeEvent e, URI uri, List<String> notes) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
    Map<String, String> overrides = new LinkedHashMap<>();
    headers.forEach((k, v) -> overrides.put(k.toLowerCase(Locale.ROOT), v));
    for (Header h : e.requestHeaders()) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (NOT_SENT.contains(name) || overrides.containsKey(name)) {
        continue;
      }
      if (Bodies.isRedacted(h.value())) {
        notes.add("header " + h.name() + " was redacted in the recording and not sent;"
            + " supply it with header(\"" + h.name() + "\", value)");
        continue;
      }
      b.header(h.name(), h.value());
    }
    headers.forEach(b::header);
    Payload body = e.requestBody();
    HttpRequest.BodyPublisher publisher = body == null || body.data() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body.data());
    if (body != null && body.data() != null && Bodies.isRedacted(Bodies.text(body))) {
      notes.add("the request body holds redacted values; it was sent as recorded");
    }
    return b.method(e.method().toUpperCase(Locale.ROOT), publisher).build();
  }

  private static Answer send(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Map<String, List<String>> headers = response.headers().map();
      byte[] body = decode(response.body(), headers);
      return new Answer(response.statusCode(), headers, body, null);
    } catch (IOException e) {
      return new Answer(0, Map.of(), new byte[0], e.getClass().getName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, Map.of(), new byte[0], "interrupted");
    }
  }

  private static byte[] decode(byte[] body, Map<String, List<String>> headers) throws IOException {
    String encoding = null;
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("Content-Encoding") && !h.getValue().isEmpty()) {
        encoding = h.getValue().get(0).trim().toLowerCase(Locale.ROOT);
      }
    }
    if (encoding == null || body.length == 0) {
      return body;
    }
    InputStream in = switch (encoding) {
      case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
      case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
      default -> null;
    };
    if (in == null) {
      return body;
    }
    try (in) {
      return in.readAllBytes();
    }
  }

  private static ExchangeResult result(HttpExchangeEvent e, URI sent, Outcome outcome,
      int actualStatus, List<Difference> diffs, List<String> ignored, List<String> notes) {
    return new ExchangeResult(e.seq(), e.method(), e.uri(), sent == null ? null : sent.toString(),
        outcome, e.status(), actualStatus, diffs, ignored, notes);
  }

  /** Builds an {@link HttpResender}. Not thread-safe. */
  public static final class Builder {
    private URI target;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean allowUnsafe;
    private final Set<String> ignoredBodyFields = new LinkedHashSet<>();
    private boolean learnVolatile;
    private final List<String> comparedHeaders = new ArrayList<>(List.of("Content-Type"));
    private Predicate<HttpExchangeEvent> filter = e -> true;
    private Duration timeout = Duration.ofSeconds(30);

    private Builder() {}

    /** The base URL requests go to: {@code http} or {@code https} with a host. Required. */
    public Builder target(String baseUrl) {
      Objects.requireNonNull(baseUrl, "target");
      URI uri;
      try {
        uri = URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigurationException("target must be a URL such as"
            + " https://staging.example.com, was " + baseUrl);
      }
      if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
          || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
        throw new InvalidConfigurationException("target must be an http or https URL with a"
            + " host, such as https://staging.example.com, was " + baseUrl);
      }
      this.target = uri;
      return this;
    }

    /** A header set on every request, replacing the recorded one. */
    public Builder header(String name, String value) {
      if (name == null || name.isBlank() || value == null) {
        throw new InvalidConfigurationException("header needs a name and a value, was "
            + name + "=" + value);
      }
      headers.put(name, value);
      return this;
    }

    /** Also send POST, PUT, PATCH and DELETE (they may change data). Default {@code false}. */
    public Builder allowUnsafe(boolean allow) {
      this.allowUnsafe = allow;
      return this;
    }

    /** JSON pointers not compared; each must be empty or start with {@code /}. */
    public Builder ignoredBodyFields(String... pointers) {
      for (String p : pointers) {
        if (p == null || !(p.isEmpty() || p.startsWith("/"))) {
          throw new InvalidConfigurationException(
              "ignoredBodyFields must be JSON pointers starting with '/', was " + p);
        }
        ignoredBodyFields.add(p);
      }
      return this;
    }

    /** Send each request twice and ignore what differs between the answers. Default off. */
    public Builder learnVolatile(boolean learn) {
      this.learnVolatile = learn;
      return this;
    }

    /** The response headers to compare (replaces the default {@code Content-Type}). */
    public Builder comparedHeaders(String... names) {
      comparedHeaders.clear();
      for (String n : names) {
        if (n == null || n.isBlank()) {
          throw new InvalidConfigurationException("comparedHeaders must be header names");
        }
        comparedHeaders.add(n);
      }
      return this;
    }

    /** Which recorded exchanges to re-send. Default: all. */
    public Builder filter(Predicate<HttpExchangeEvent> filter) {
      this.filter = Objects.requireNonNull(filter, "filter");
      return this;
    }

    /** Timeout per request (and to connect), positive. Default 30 s. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new InvalidConfigurationException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public HttpResender build() {
      if (target == null) {
        throw new InvalidConfigurationException(
            "target is required: name the system to re-send to, e.g. target(\"https://staging.example.com\")");
      }
      return new HttpResender(this);
    }
  }
}
