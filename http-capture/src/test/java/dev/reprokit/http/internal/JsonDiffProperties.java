package dev.reprokit.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For generated JSON documents: a document never differs from itself; changing one leaf is
 * reported at exactly that JSON pointer (which resolves in both documents); ignoring that
 * pointer makes them equal again.
 */
class JsonDiffProperties {
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  static JsonNode tree(Random r, int depth) {
    int kind = depth > 3 ? 2 + r.nextInt(3) : r.nextInt(5);
    switch (kind) {
      case 0 -> {
        ObjectNode o = F.objectNode();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
          o.set(key(r), tree(r, depth + 1));
        }
        return o;
      }
      case 1 -> {
        ArrayNode a = F.arrayNode();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.add(tree(r, depth + 1));
        }
        return a;
      }
      case 2 -> {
        return F.numberNode(r.nextInt(1000));
      }
      case 3 -> {
        return F.textNode("v" + r.nextInt(1000));
      }
      default -> {
        return F.booleanNode(r.nextBoolean());
      }
    }
  }

  static String key(Random r) {
    String[] keys = {"id", "name", "a/b", "t~x", "items", "ts", "x"};
    return keys[r.nextInt(keys.length)];
  }

  static void leaves(JsonNode node, String pointer, List<String> out) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(k -> leaves(node.get(k), pointer + "/" + JsonDiff.escape(k), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), pointer + "/" + i, out);
      }
    } else {
      out.add(pointer);
    }
  }

  static JsonNode withLeafChanged(JsonNode root, String pointer) {
    JsonNode copy = root.deepCopy();
    if (pointer.isEmpty()) {
      return F.textNode("changed-root");
    }
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent.isObject()) {
      ((ObjectNode) parent).put(last, "changed-leaf");
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(last), F.textNode("changed-leaf"));
    }
    return copy;
  }

  @Test
  void oneChangedLeafIsReportedAtItsPointer() {
    qt().withFixedSeed(31L).withExamples(300).forAll(longs().all()).check(seed -> {
      Random r = new Random(seed);
      JsonNode a = tree(r, 0);
      assertThat(JsonDiff.diff(a, a.deepCopy(), List.of())).isEmpty();
      List<String> leaves = new ArrayList<>();
      leaves(a, "", leaves);
      String pointer = leaves.get(r.nextInt(leaves.size()));
      JsonNode b = withLeafChanged(a, pointer);
      List<JsonDiff.Change> changes = JsonDiff.diff(a, b, List.of());
      assertThat(changes).extracting(JsonDiff.Change::pointer).containsExactly(pointer);
      assertThat(b.at(pointer).asText()).startsWith("changed");
      assertThat(JsonDiff.diff(a, b, List.of(pointer))).isEmpty();
      return true;
    });
  }
}
