package dev.reprokit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** A real HTTP server on loopback (JDK {@code HttpServer}) that remembers what it received. */
final class LoopbackServer implements AutoCloseable {

  /** One request as the server received it. */
  record Received(String method, String path, String query, Map<String, List<String>> headers,
      byte[] body, int remotePort) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return String.join(",", e.getValue());
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "loopback-server");
    t.setDaemon(true);
    return t;
  });
  final List<Received> received = new CopyOnWriteArrayList<>();
  /**
   * The request body of each exchange in flight. Not {@code HttpExchange.setAttribute}: in
   * JDK 17 an exchange's attributes are its context's, shared by concurrent requests, which
   * made the echo handler answer one request with another's body.
   */
  private static final Map<HttpExchange, byte[]> BODIES = new ConcurrentHashMap<>();

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(executor);
    server.start();
  }

  LoopbackServer handle(String path, HttpHandler handler) {
    server.createContext(path, exchange -> {
      try {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getRawQuery(), headers, body,
            exchange.getRemoteAddress().getPort()));
        BODIES.put(exchange, body);
        handler.handle(exchange);
      } catch (IOException | RuntimeException e) {
        // the client went away (abandoned stream, timeout): nothing to do
      } finally {
        BODIES.remove(exchange);
        exchange.close();
      }
    });
    return this;
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  int port() {
    return server.getAddress().getPort();
  }

  static byte[] requestBody(HttpExchange exchange) {
    return BODIES.get(exchange);
  }

  /** Sends a complete body with a Content-Length. */
  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Sends a body with chunked transfer encoding, in pieces of {@code piece} bytes. */
  static void sendChunked(HttpExchange exchange, int status, String contentType, byte[] body,
      int piece) throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < body.length; i += piece) {
        out.write(body, i, Math.min(piece, body.length - i));
        out.flush();
      }
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  static byte[] deflate(byte[] data) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
