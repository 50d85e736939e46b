package dev.reprokit.jdbc.internal;

import dev.reprokit.event.Payload;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.time.temporal.Temporal;
import java.util.UUID;

/**
 * Turns values the application bound or the driver returned into immutable, JSON-friendly
 * copies: String, Number, Boolean, {@code byte[]} copies, {@code java.time} values, and
 * {@link Payload}s (size plus prefix) for LOBs. Never consumes the application's streams.
 */
final class Values {
  private Values() {}

  /** The {@link java.sql.Types} code of a {@link SQLType}, or {@code null}. */
  static Integer sqlType(SQLType type) {
    return type == null ? null : type.getVendorTypeNumber();
  }

  /** An immutable copy of {@code v}. May call the driver (LOB length and prefix). */
  static Object copy(Object v, int lobCap) throws Exception {
    if (v == null
        || v instanceof String
        || v instanceof Integer
        || v instanceof Long
        || v instanceof Boolean
        || v instanceof BigDecimal
        || v instanceof Double
        || v instanceof Short
        || v instanceof Byte
        || v instanceof Float
        || v instanceof BigInteger
        || v instanceof Character
        || v instanceof UUID
        || v instanceof Payload) {
      return v;
    }
    if (v instanceof byte[] b) {
      return b.clone();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant();
    }
    if (v instanceof Temporal) {
      return v; // java.time values are immutable
    }
    if (v instanceof Blob blob) {
      long size = blob.length();
      int n = (int) Math.min(size, lobCap);
      byte[] prefix = n == 0 ? new byte[0] : blob.getBytes(1, n);
      return Payload.of("application/octet-stream", size, prefix);
    }
    if (v instanceof Clob clob) {
      long size = clob.length();
      int n = (int) Math.min(size, lobCap);
      String prefix = n == 0 ? "" : clob.getSubString(1, n);
      return new Payload("text/plain; charset=UTF-8", size,
          prefix.getBytes(StandardCharsets.UTF_8), null, false);
    }
    if (v instanceof SQLXML) {
      return "‹SQLXML›"; // reading it would consume it
    }
    if (v instanceof ResultSet || v instanceof java.io.InputStream || v instanceof Reader) {
      return "‹" + v.getClass().getSimpleName() + "›";
    }
    if (v instanceof Array a) {
      Object inner = a.getArray();
      return inner instanceof Object[] arr ? java.util.Arrays.toString(arr) : String.valueOf(inner);
    }
    if (v instanceof Number n) {
      return n.toString();
    }
    return v.toString();
  }

  /**
   * A copied value that is too big to keep whole (a text or byte value larger than
   * {@code maxBytes}) as a payload of its first {@code lobCap} bytes and its full size;
   * others unchanged.
   */
  static Object bounded(Object v, long maxBytes, int lobCap) {
    if (v instanceof String s && 2L * s.length() > maxBytes) {
      byte[] utf8 = s.substring(0, Math.min(s.length(), lobCap)).getBytes(StandardCharsets.UTF_8);
      return Payload.of("text/plain; charset=UTF-8", s.length(),
          java.util.Arrays.copyOf(utf8, Math.min(utf8.length, lobCap)));
    }
    if (v instanceof byte[] b && b.length > maxBytes) {
      return Payload.of("application/octet-stream", b.length,
          java.util.Arrays.copyOf(b, Math.min(b.length, lobCap)));
    }
    return v;
  }

  /** Estimated heap retained by a copied value. */
  static long estimate(Object v) {
    if (v == null) {
      return 8;
    }
    if (v instanceof String s) {
      return 40 + 2L * s.length();
    }
    if (v instanceof byte[] b) {
      return 16 + b.length;
    }
    if (v instanceof Payload p) {
      return 48 + p.keptSize();
    }
    return 24;
  }
}
