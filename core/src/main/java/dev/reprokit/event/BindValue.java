package dev.reprokit.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A value bound to a statement parameter.
 *
 * @param index 1-based parameter index, or 0 when bound by name
 * @param name parameter name for named {@code CallableStatement} parameters, else {@code null}
 * @param setter the setter the application called, e.g. {@code setString}, {@code setNull}
 * @param sqlType the {@link java.sql.Types} code given to the setter, or {@code null}
 * @param value the value: {@code null}, a String, Number, Boolean, a {@code byte[]} copy, a
 *     temporal value, or for LOBs and streams a {@link Payload} holding the first bytes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BindValue(int index, String name, String setter, Integer sqlType, Object value) {

  long estimatedBytes() {
    long n = 40;
    if (value instanceof String s) {
      n += Event.bytesOf(s);
    } else if (value instanceof byte[] b) {
      n += 16 + b.length;
    } else if (value instanceof Payload p) {
      n += p.estimatedBytes();
    } else if (value != null) {
      n += 24;
    }
    return n;
  }

  static long estimatedBytes(java.util.List<BindValue> values) {
    long n = 0;
    for (int i = 0, size = values.size(); i < size; i++) {
      n += values.get(i).estimatedBytes();
    }
    return n;
  }
}
