package dev.reprokit.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A JDK {@link HttpServer} on an ephemeral loopback port that serves the benchmark bodies:
 * {@code GET /1k} and {@code GET /64k} answer JSON of that size, {@code POST /echo-size}
 * reads the request body and answers a small JSON with its length.
 *
 * <p>The JVM must run with {@code -Dsun.net.httpserver.nodelay=true}, or Nagle's algorithm
 * and delayed ACKs turn a 100 µs exchange into a 40 ms one; {@link #start()} sets the
 * property too, which works when no {@code HttpServer} was created before in this JVM.
 */
final class LoopbackHttpServer implements AutoCloseable {
  static final byte[] BODY_1K = Bodies.json(1024, 1);
  static final byte[] BODY_64K = Bodies.json(64 * 1024, 2);
  static final byte[] POST_4K = Bodies.json(4 * 1024, 3);

  private final HttpServer server;
  final URI get1k;
  final URI get64k;
  final URI post;

  private LoopbackHttpServer(HttpServer server) {
    this.server = server;
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    this.get1k = URI.create(base + "/1k");
    this.get64k = URI.create(base + "/64k");
    this.post = URI.create(base + "/echo-size");
  }

  static LoopbackHttpServer start() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/1k", exchange -> answer(exchange, 200, BODY_1K));
    server.createContext("/64k", exchange -> answer(exchange, 200, BODY_64K));
    server.createContext("/echo-size", exchange -> {
      long n = 0;
      byte[] buffer = new byte[8192];
      try (InputStream in = exchange.getRequestBody()) {
        for (int r; (r = in.read(buffer)) != -1; ) {
          n += r;
        }
      }
      answer(exchange, 201,
          ("{\"received\":" + n + "}").getBytes(StandardCharsets.US_ASCII));
    });
    server.setExecutor(null); // handlers run on the dispatcher thread: the cheapest server
    server.start();
    return new LoopbackHttpServer(server);
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
