package dev.reprokit.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A structural diff of two JSON trees: every place where they differ, named by its JSON
 * pointer (RFC 6901). Objects compare by key (order ignored), arrays by index.
 */
public final class JsonDiff {

  /**
   * One difference.
   *
   * @param pointer JSON pointer of the place ({@code ""} is the whole document)
   * @param expected the value on the left as JSON text, or {@code null} when absent
   * @param actual the value on the right as JSON text, or {@code null} when absent
   */
  public record Change(String pointer, String expected, String actual) {}

  private JsonDiff() {}

  /** The differences, skipping any pointer in {@code ignored} and everything below it. */
  public static List<Change> diff(JsonNode expected, JsonNode actual, Collection<String> ignored) {
    List<Change> changes = new ArrayList<>();
    walk("", expected, actual, ignored, changes);
    return changes;
  }

  private static void walk(String pointer, JsonNode a, JsonNode b, Collection<String> ignored,
      List<Change> out) {
    if (isIgnored(pointer, ignored)) {
      return;
    }
    if (a == null || b == null) {
      if (a != b) {
        out.add(new Change(pointer, a == null ? null : a.toString(), b == null ? null : b.toString()));
      }
      return;
    }
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        walk(pointer + "/" + escape(key), a.get(key), b.get(key), ignored, out);
      }
    } else if (a.isArray() && b.isArray()) {
      int n = Math.max(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        walk(pointer + "/" + i, a.get(i), b.get(i), ignored, out);
      }
    } else if (a.isNumber() && b.isNumber()) {
      if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
        out.add(new Change(pointer, a.toString(), b.toString()));
      }
    } else if (!a.equals(b)) {
      out.add(new Change(pointer, a.toString(), b.toString()));
    }
  }

  static boolean isIgnored(String pointer, Collection<String> ignored) {
    for (String p : ignored) {
      if (pointer.equals(p) || pointer.startsWith(p.endsWith("/") ? p : p + "/")
          || matchesWildcard(pointer, p)) {
        return true;
      }
    }
    return false;
  }

  /** {@code /items/*}{@code /id} matches {@code /items/3/id}: {@code *} stands for one segment. */
  private static boolean matchesWildcard(String pointer, String pattern) {
    if (!pattern.contains("*")) {
      return false;
    }
    String[] ps = pattern.split("/", -1);
    String[] xs = pointer.split("/", -1);
    if (xs.length < ps.length) {
      return false;
    }
    for (int i = 0; i < ps.length; i++) {
      if (!ps[i].equals("*") && !ps[i].equals(xs[i])) {
        return false;
      }
    }
    return true;
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** {@code true} when both trees are equal apart from the ignored places. */
  public static boolean equalIgnoring(JsonNode a, JsonNode b, Collection<String> ignored) {
    return diff(a, b, ignored).isEmpty();
  }
}
