package dev.reprokit.cli.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.http.ReplayOptions;
import dev.reprokit.http.UnmatchedRequestException;
import dev.reprokit.http.internal.ReplayMatcher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stub HTTP server on loopback that answers with a bundle's recorded responses. Matching is
 * http-capture's replay matching ({@link ReplayMatcher}, as {@code HttpReplay} uses it):
 * method, path, query parameters in any order, body (JSON compared as JSON), redacted values
 * matching anything; identical requests get the recorded responses in recorded order, the
 * last one repeating. An unmatched request gets {@code 404} with the near-miss report naming
 * the nearest recorded requests and what differs. Thread-safe.
 */
final class StubServer implements AutoCloseable {
  /** Headers that describe the recorded connection, not the response. */
  private static final Set<String> HOP_BY_HOP = Set.of("transfer-encoding", "connection",
      "content-length", "content-encoding", "keep-alive", "date");

  private final ReplayMatcher matcher;
  private final PrintWriter log;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger unmatched = new AtomicInteger();

  StubServer(List<Event> events, InetAddress address, int port, PrintWriter log)
      throws IOException {
    this.matcher = new ReplayMatcher(events, ReplayOptions.builder().repeatLast(true).build());
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
    return matcher.size();
  }

  int unmatched() {
    return unmatched.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      HttpExchangeEvent match;
      try {
        match = matcher.match(method, uri, body,
            exchange.getRequestHeaders().getFirst("Content-Type"));
      } catch (UnmatchedRequestException miss) {
        unmatched.incrementAndGet();
        synchronized (log) {
          log.println("unmatched: " + method + " " + uri);
          log.println(miss.getMessage().indent(2).stripTrailing());
          log.flush();
        }
        send(exchange, 404, List.of(new Header("Content-Type", "text/plain; charset=utf-8")),
            ("repro serve: " + miss.getMessage()).getBytes(StandardCharsets.UTF_8));
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

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
