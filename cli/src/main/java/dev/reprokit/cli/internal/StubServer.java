package dev.reprokit.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stub HTTP server on loopback that answers with a bundle's recorded responses. Requests
 * match a recorded exchange by method, path, query parameters (in any order) and body (JSON
 * compared as JSON); identical requests get the recorded responses in recorded order, the
 * last one repeating. An unmatched request gets {@code 404} with a near-miss report naming
 * the nearest recorded requests and what differs. Thread-safe.
 */
final class StubServer implements AutoCloseable {
  /** Headers that describe the recorded connection, not the response. */
  private static final Set<String> HOP_BY_HOP = Set.of("transfer-encoding", "connection",
      "content-length", "content-encoding", "keep-alive", "date");

  private final Map<String, List<HttpExchangeEvent>> byKey = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> served = new HashMap<>();
  private final List<HttpExchangeEvent> all = new ArrayList<>();
  private final PrintWriter log;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger unmatched = new AtomicInteger();

  StubServer(List<Event> events, InetAddress address, int port, PrintWriter log)
      throws IOException {
    for (Event e : events) {
      if (e instanceof HttpExchangeEvent h) {
        all.add(h);
        byKey.computeIfAbsent(key(h.method(), h.uri()), k -> new ArrayList<>()).add(h);
      }
    }
    this.log = log;
    this.server = HttpServer.create(new InetSocketAddress(address, port), 0);
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "repro-serve");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  static StubServer start(List<Event> events, int port, PrintWriter log) throws IOException {
    StubServer s = new StubServer(events, InetAddress.getLoopbackAddress(), port, log);
    s.server.start();
    return s;
  }

  URI baseUri() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort());
  }

  int exchanges() {
    return all.size();
  }

  int unmatched() {
    return unmatched.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      HttpExchangeEvent match = match(method, uri, body);
      if (match == null) {
        unmatched.incrementAndGet();
        String report = nearMiss(method, uri, body);
        synchronized (log) {
          log.println("unmatched: " + method + " " + uri);
          log.println(report.indent(2).stripTrailing());
          log.flush();
        }
        send(exchange, 404, List.of(new Header("Content-Type", "text/plain; charset=utf-8")),
            ("repro serve: no recorded exchange matches " + method + " " + uri + "\n" + report)
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (match.status() == 0) {
        send(exchange, 502, List.of(new Header("Content-Type", "text/plain; charset=utf-8")),
            ("repro serve: the recorded exchange got no response: "
                + Format.error(match.error())).getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] responseBody = match.responseBody() == null || match.responseBody().data() == null
          ? new byte[0] : match.responseBody().data();
      send(exchange, match.status(), match.responseHeaders(), responseBody);
    }
  }

  private HttpExchangeEvent match(String method, URI uri, byte[] body) {
    String key = key(method, uri.toString());
    List<HttpExchangeEvent> candidates = byKey.get(key);
    if (candidates == null) {
      return null;
    }
    List<HttpExchangeEvent> bodyMatches = candidates.stream()
        .filter(h -> sameBody(h, body)).toList();
    if (bodyMatches.isEmpty()) {
      return null;
    }
    String counterKey = key + "#" + Arrays.hashCode(body);
    int n = served.computeIfAbsent(counterKey, k -> new AtomicInteger()).getAndIncrement();
    return bodyMatches.get(Math.min(n, bodyMatches.size() - 1));
  }

  private static boolean sameBody(HttpExchangeEvent h, byte[] body) {
    byte[] recorded = h.requestBody() == null || h.requestBody().data() == null
        ? new byte[0] : h.requestBody().data();
    if (Arrays.equals(recorded, body)) {
      return true;
    }
    JsonNode a = parseJson(recorded);
    JsonNode b = parseJson(body);
    return a != null && a.equals(b);
  }

  private static JsonNode parseJson(byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(bytes);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private String nearMiss(String method, URI uri, byte[] body) {
    record Scored(HttpExchangeEvent h, int score, List<String> differences) {}
    String path = uri.getRawPath();
    Map<String, String> query = query(uri.getRawQuery());
    List<Scored> scored = new ArrayList<>();
    for (HttpExchangeEvent h : all) {
      URI recorded = safeUri(h.uri());
      List<String> diffs = new ArrayList<>();
      int score = 0;
      if (h.method().equalsIgnoreCase(method)) {
        score += 1;
      } else {
        diffs.add("method " + h.method() + " recorded, " + method + " received");
      }
      String rPath = recorded == null ? h.uri() : recorded.getRawPath();
      if (rPath != null && rPath.equals(path)) {
        score += 4;
      } else {
        diffs.add("path " + rPath + " recorded, " + path + " received");
      }
      Map<String, String> rQuery = query(recorded == null ? null : recorded.getRawQuery());
      if (rQuery.equals(query)) {
        score += 2;
      } else {
        Map<String, String> missing = new TreeMap<>(rQuery);
        query.forEach((k, v) -> missing.remove(k, v));
        Map<String, String> extra = new TreeMap<>(query);
        rQuery.forEach((k, v) -> extra.remove(k, v));
        diffs.add("query: recorded " + missing + " vs received " + extra);
      }
      if (!sameBody(h, body)) {
        diffs.add("body differs (" + (h.requestBody() == null ? 0 : h.requestBody().keptSize())
            + " bytes recorded, " + body.length + " received)");
      } else {
        score += 1;
      }
      scored.add(new Scored(h, score, diffs));
    }
    scored.sort(Comparator.comparingInt(Scored::score).reversed());
    StringBuilder sb = new StringBuilder("nearest recorded requests:\n");
    if (scored.isEmpty()) {
      sb.append("  (the bundle holds no HTTP exchanges)\n");
    }
    for (Scored s : scored.subList(0, Math.min(3, scored.size()))) {
      sb.append("  #").append(s.h().seq()).append(' ').append(s.h().method()).append(' ')
          .append(BundleDiff.pathAndQuery(s.h().uri())).append(": ")
          .append(String.join("; ", s.differences())).append('\n');
    }
    return sb.toString();
  }

  private static void send(HttpExchange exchange, int status, List<Header> headers, byte[] body)
      throws IOException {
    for (Header h : headers) {
      if (!HOP_BY_HOP.contains(h.name().toLowerCase(Locale.ROOT))) {
        exchange.getResponseHeaders().add(h.name(), h.value());
      }
    }
    boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
    if (!noBody && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static String key(String method, String uri) {
    URI u = safeUri(uri);
    if (u == null) {
      return method.toUpperCase(Locale.ROOT) + " " + uri;
    }
    return method.toUpperCase(Locale.ROOT) + " " + u.getRawPath() + "?"
        + new TreeMap<>(query(u.getRawQuery()));
  }

  private static URI safeUri(String uri) {
    try {
      return URI.create(uri);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new TreeMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.merge(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1),
          (a, b) -> a + "," + b);
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
