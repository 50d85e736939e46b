package dev.reprokit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.http.internal.Bodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exports recorded HTTP exchanges as WireMock stub mappings ({@code {"mappings": [...]}}), to
 * import into a WireMock server ({@code POST /__admin/mappings/import}) or drop into its
 * {@code mappings} directory.
 *
 * <p>Each exchange becomes one mapping matched by method, path, query parameters and body
 * ({@code equalToJson} for JSON, exact text or bytes otherwise). Repeated identical requests
 * become a WireMock scenario so the recorded answers come back in recorded order (the last one
 * keeps answering). Values that redaction replaced match anything. Responses are served
 * decoded, as the application saw them. Exchanges that got no response (I/O errors) are
 * exported as {@code CONNECTION_RESET_BY_PEER} faults. Stateless and thread-safe.
 *
 * <pre>{@code
 * String mappings = WireMockExporter.toMappings(events);
 * }</pre>
 */
public final class WireMockExporter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> WIRE_HEADERS =
      Set.of("content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive");
  private static final String ANY_STRING = "${json-unit.any-string}";

  private WireMockExporter() {}

  /** The mappings document for the HTTP exchanges among {@code events}. */
  public static String toMappings(List<? extends Event> events) {
    try {
      return JSON.writeValueAsString(toTree(events));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mappings document as a Jackson tree. */
  public static ObjectNode toTree(List<? extends Event> events) {
    Map<String, List<HttpExchangeEvent>> groups = new LinkedHashMap<>();
    Map<HttpExchangeEvent, ObjectNode> requests = new LinkedHashMap<>();
    for (Event e : events) {
      if (e instanceof HttpExchangeEvent h && (h.status() > 0 || h.error() != null)) {
        ObjectNode request = request(h);
        requests.put(h, request);
        groups.computeIfAbsent(request.toString(), k -> new ArrayList<>()).add(h);
      }
    }
    ObjectNode root = JSON.createObjectNode();
    ArrayNode mappings = root.putArray("mappings");
    int scenario = 0;
    for (List<HttpExchangeEvent> group : groups.values()) {
      String scenarioName = group.size() > 1 ? "reprokit-" + (++scenario) : null;
      for (int i = 0; i < group.size(); i++) {
        HttpExchangeEvent h = group.get(i);
        ObjectNode mapping = mappings.addObject();
        mapping.put("name", "#" + h.seq() + " " + h.method() + " " + h.uri());
        mapping.set("request", requests.get(h));
        mapping.set("response", response(h));
        if (scenarioName != null) {
          mapping.put("scenarioName", scenarioName);
          mapping.put("requiredScenarioState", i == 0 ? "Started" : "call-" + (i + 1));
          if (i < group.size() - 1) {
            mapping.put("newScenarioState", "call-" + (i + 2));
          }
        }
        ObjectNode meta = mapping.putObject("metadata");
        meta.put("reprokitSeq", h.seq());
      }
    }
    return root;
  }

  private static ObjectNode request(HttpExchangeEvent e) {
    ObjectNode request = JSON.createObjectNode();
    request.put("method", e.method().toUpperCase(Locale.ROOT));
    URI uri;
    try {
      uri = URI.create(e.uri());
    } catch (IllegalArgumentException bad) {
      request.put("url", e.uri());
      return request;
    }
    request.put("urlPath", uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    Map<String, List<String>> query = query(uri.getRawQuery());
    if (!query.isEmpty()) {
      ObjectNode params = request.putObject("queryParameters");
      for (Map.Entry<String, List<String>> q : query.entrySet()) {
        if (q.getValue().size() == 1) {
          params.set(q.getKey(), matcher(q.getValue().get(0)));
        } else {
          ArrayNode exactly = params.putObject(q.getKey()).putArray("hasExactly");
          q.getValue().forEach(v -> exactly.add(matcher(v)));
        }
      }
    }
    Payload body = e.requestBody();
    if (body != null && body.data() != null && body.data().length > 0 && !body.truncated()) {
      ArrayNode patterns = request.putArray("bodyPatterns");
      String type = body.contentType();
      JsonNode json = Bodies.isJson(type) ? Bodies.json(body.data()) : null;
      if (json != null) {
        ObjectNode p = patterns.addObject();
        p.put("equalToJson", placeholders(json.deepCopy()).toString());
        p.put("ignoreArrayOrder", false);
        p.put("ignoreExtraElements", false);
      } else if (Bodies.isText(type)) {
        String text = Bodies.text(body);
        ObjectNode p = patterns.addObject();
        if (Bodies.isRedacted(text)) {
          p.put("matches", anyForPseudonyms(text));
        } else {
          p.put("equalTo", text);
        }
      } else {
        patterns.addObject().put("binaryEqualTo", Base64.getEncoder().encodeToString(body.data()));
      }
    }
    return request;
  }

  /** A regular expression matching {@code text} with every pseudonym standing for anything. */
  private static String anyForPseudonyms(String text) {
    StringBuilder regex = new StringBuilder();
    java.util.regex.Matcher m = Bodies.PSEUDONYM.matcher(text);
    int last = 0;
    while (m.find()) {
      regex.append(java.util.regex.Pattern.quote(text.substring(last, m.start()))).append(".*");
      last = m.end();
    }
    return regex.append(java.util.regex.Pattern.quote(text.substring(last))).toString();
  }

  private static ObjectNode matcher(String value) {
    ObjectNode m = JSON.createObjectNode();
    if (Bodies.isRedacted(value)) {
      m.put("matches", ".*");
    } else {
      m.put("equalTo", value);
    }
    return m;
  }

  /** Redacted JSON string values become JsonUnit placeholders that match any string. */
  private static JsonNode placeholders(JsonNode node) {
    if (node.isObject()) {
      ObjectNode obj = (ObjectNode) node;
      Iterator<String> names = obj.fieldNames();
      List<String> keys = new ArrayList<>();
      names.forEachRemaining(keys::add);
      for (String k : keys) {
        obj.set(k, placeholders(obj.get(k)));
      }
      return obj;
    }
    if (node.isArray()) {
      ArrayNode arr = (ArrayNode) node;
      for (int i = 0; i < arr.size(); i++) {
        arr.set(i, placeholders(arr.get(i)));
      }
      return arr;
    }
    if (node.isTextual() && Bodies.isRedacted(node.asText())) {
      return TextNode.valueOf(ANY_STRING);
    }
    return node;
  }

  private static ObjectNode response(HttpExchangeEvent e) {
    ObjectNode response = JSON.createObjectNode();
    if (e.status() == 0) {
      response.put("fault", "CONNECTION_RESET_BY_PEER");
      return response;
    }
    response.put("status", e.status());
    if (e.reason() != null) {
      response.put("statusMessage", e.reason());
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header h : e.responseHeaders()) {
      if (!WIRE_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))) {
        headers.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h.value());
      }
    }
    if (!headers.isEmpty()) {
      ObjectNode hs = response.putObject("headers");
      headers.forEach((name, values) -> {
        if (values.size() == 1) {
          hs.put(name, values.get(0));
        } else {
          ArrayNode arr = hs.putArray(name);
          values.forEach(arr::add);
        }
      });
    }
    Payload body = e.responseBody();
    if (body != null && body.data() != null && body.data().length > 0) {
      String type = body.contentType() != null ? body.contentType()
          : Bodies.header(e.responseHeaders(), "Content-Type");
      if (Bodies.isText(type)) {
        response.put("body", Bodies.text(body));
      } else {
        response.put("base64Body", Base64.getEncoder().encodeToString(body.data()));
      }
    }
    return response;
  }

  private static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> params = new TreeMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      params.computeIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)), k -> new ArrayList<>())
          .add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
