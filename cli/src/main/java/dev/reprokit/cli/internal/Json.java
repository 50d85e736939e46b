package dev.reprokit.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** JSON helpers for reading manifests and environments whatever their exact shape. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  /** Any value as a JSON tree; {@code null} stays a missing node. */
  static JsonNode tree(Object value) {
    if (value == null) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    return MAPPER.valueToTree(value);
  }

  /**
   * The leaves of a tree as {@code a.b[0].c -> text}, in document order. Arrays of scalars
   * become one comma-separated value.
   */
  static Map<String, String> flatten(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      boolean scalars = true;
      for (JsonNode item : node) {
        scalars &= item.isValueNode();
      }
      if (scalars) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode item : node) {
          sb.append(sb.length() == 0 ? "" : ", ").append(item.asText());
        }
        out.put(prefix, sb.toString());
      } else {
        int i = 0;
        for (JsonNode item : node) {
          String name = itemName(item);
          flatten(prefix + "[" + (name != null ? name : String.valueOf(i)) + "]", item, out);
          i++;
        }
      }
    } else {
      out.put(prefix, node.asText());
    }
  }

  /** A stable name for an array item (a library, a database), so lists compare by name. */
  private static String itemName(JsonNode item) {
    if (!item.isObject()) {
      return null;
    }
    for (String field : new String[] {"artifactId", "name", "key", "url", "product", "rule"}) {
      JsonNode v = item.get(field);
      if (v != null && v.isValueNode() && !v.asText().isEmpty()) {
        JsonNode group = item.get("groupId");
        return group != null && group.isValueNode() ? group.asText() + ":" + v.asText()
            : v.asText();
      }
    }
    return null;
  }

  /**
   * The first value whose flattened key ends with one of {@code names} (compared without
   * case, on whole key segments), or {@code null}.
   */
  static String find(Map<String, String> flat, String... names) {
    for (String name : names) {
      String wanted = name.toLowerCase(Locale.ROOT);
      for (Map.Entry<String, String> e : flat.entrySet()) {
        String key = e.getKey().toLowerCase(Locale.ROOT);
        if ((key.equals(wanted) || key.endsWith("." + wanted)) && !e.getValue().isBlank()) {
          return e.getValue();
        }
      }
    }
    return null;
  }

  /** The text at a dotted path of object fields, or {@code null}. */
  static String text(JsonNode node, String dottedPath) {
    JsonNode n = node;
    for (String part : dottedPath.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    return n == null || n.isNull() || n.isMissingNode() || n.isContainerNode() ? null : n.asText();
  }
}
