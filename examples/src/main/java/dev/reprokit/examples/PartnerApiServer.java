package dev.reprokit.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner REST API on loopback, for the demo and the tests: {@code GET /v1/customers}
 * pages through a fixed list of customers and demands the right {@code X-Api-Key}.
 * Names go out exactly as given (the demo gives them decomposed, NFD), as UTF-8 JSON.
 */
public final class PartnerApiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Customer> customers;
  private final String apiKey;
  private final AtomicInteger requests = new AtomicInteger();

  private PartnerApiServer(List<Customer> customers, String apiKey) throws IOException {
    this.customers = List.copyOf(customers);
    this.apiKey = apiKey;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/customers", this::customers);
    server.start();
  }

  /** Starts a server on a free loopback port. */
  public static PartnerApiServer start(List<Customer> customers, String apiKey)
      throws IOException {
    return new PartnerApiServer(customers, apiKey);
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI baseUri() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort());
  }

  /** Requests answered so far. */
  public int requests() {
    return requests.get();
  }

  private void customers(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, error("only GET is supported"));
        return;
      }
      if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
        send(exchange, 401, error("missing or wrong X-Api-Key"));
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI());
      int size = Math.max(1, parse(query.get("size"), 20));
      int page = Math.max(1, parse(query.get("page"), 1));
      int pages = Math.max(1, (customers.size() + size - 1) / size);
      ObjectNode body = JSON.createObjectNode();
      body.put("page", page).put("pages", pages).put("total", customers.size());
      ArrayNode list = body.putArray("customers");
      for (int i = (page - 1) * size; i < Math.min(customers.size(), page * size); i++) {
        Customer c = customers.get(i);
        list.addObject().put("name", c.name()).put("email", c.email()).put("tier", c.tier());
      }
      send(exchange, 200, JSON.writeValueAsBytes(body));
    }
  }

  private static byte[] error(String message) throws IOException {
    return JSON.writeValueAsBytes(Map.of("error", message));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> params = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return params;
  }

  private static int parse(String value, int otherwise) {
    try {
      return value == null ? otherwise : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
