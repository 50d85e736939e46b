package dev.reprokit.jdbc.internal;

import dev.reprokit.event.ColumnInfo;
import dev.reprokit.event.Payload;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns recorded values back into what a driver would return, both from events held in
 * memory and from events read back from a bundle's JSON (where {@code byte[]} is Base64,
 * temporal values are ISO text or arrays, payloads are maps). Also compares values for
 * replay matching and re-run diffs.
 */
public final class ReplayValues {
  private ReplayValues() {}

  /** The value as {@code getObject} of a column with this metadata would return it. */
  public static Object natural(Object v, ColumnInfo column) throws SQLException {
    if (v == null) {
      return null;
    }
    String cls = column == null ? null : column.className();
    if (cls != null) {
      switch (cls) {
        case "java.lang.String": return to(v, String.class);
        case "java.lang.Integer": return to(v, Integer.class);
        case "java.lang.Long": return to(v, Long.class);
        case "java.lang.Short": return to(v, Short.class);
        case "java.lang.Byte": return to(v, Byte.class);
        case "java.lang.Double": return to(v, Double.class);
        case "java.lang.Float": return to(v, Float.class);
        case "java.lang.Boolean": return to(v, Boolean.class);
        case "java.math.BigDecimal": return to(v, BigDecimal.class);
        case "java.math.BigInteger": return to(v, BigInteger.class);
        case "java.sql.Timestamp": return to(v, java.sql.Timestamp.class);
        case "java.sql.Date": return to(v, java.sql.Date.class);
        case "java.sql.Time": return to(v, java.sql.Time.class);
        case "java.time.LocalDate": return to(v, LocalDate.class);
        case "java.time.LocalDateTime": return to(v, LocalDateTime.class);
        case "java.time.LocalTime": return to(v, LocalTime.class);
        case "java.time.OffsetDateTime": return to(v, OffsetDateTime.class);
        case "java.time.OffsetTime": return to(v, OffsetTime.class);
        case "java.util.UUID": return to(v, UUID.class);
        case "[B": return to(v, byte[].class);
        case "java.sql.Blob": return to(v, java.sql.Blob.class);
        case "java.sql.Clob": case "java.sql.NClob": return to(v, java.sql.Clob.class);
        default: break;
      }
    }
    int type = column == null ? Types.OTHER : column.jdbcType();
    switch (type) {
      case Types.INTEGER: case Types.SMALLINT: case Types.TINYINT: return to(v, Integer.class);
      case Types.BIGINT: return to(v, Long.class);
      case Types.DECIMAL: case Types.NUMERIC: return to(v, BigDecimal.class);
      case Types.DOUBLE: case Types.FLOAT: return to(v, Double.class);
      case Types.REAL: return to(v, Float.class);
      case Types.BOOLEAN: case Types.BIT: return to(v, Boolean.class);
      case Types.VARCHAR: case Types.CHAR: case Types.LONGVARCHAR: case Types.NVARCHAR:
      case Types.NCHAR: return to(v, String.class);
      case Types.DATE: return to(v, java.sql.Date.class);
      case Types.TIMESTAMP: return to(v, java.sql.Timestamp.class);
      case Types.TIME: return to(v, java.sql.Time.class);
      case Types.TIMESTAMP_WITH_TIMEZONE: return to(v, OffsetDateTime.class);
      case Types.BINARY: case Types.VARBINARY: case Types.LONGVARBINARY:
        return to(v, byte[].class);
      case Types.BLOB: return to(v, java.sql.Blob.class);
      case Types.CLOB: case Types.NCLOB: return to(v, java.sql.Clob.class);
      default: return plain(v);
    }
  }

  /** A recorded value without JSON artefacts (payload maps become payload bytes). */
  static Object plain(Object v) {
    if (v instanceof Map<?, ?> m && m.containsKey("originalSize")) {
      return bytes(v);
    }
    return v;
  }

  /** Converts a recorded value to {@code target}, as the typed getters do. */
  @SuppressWarnings("unchecked")
  public static <T> T to(Object v, Class<T> target) throws SQLException {
    Object r = convert(v, target);
    return (T) r;
  }

  private static Object convert(Object v, Class<?> target) throws SQLException {
    if (v == null) {
      if (target.isPrimitive()) {
        if (target == boolean.class) {
          return false;
        }
        return convert(0, target);
      }
      return null;
    }
    if (target == Object.class) {
      return plain(v);
    }
    if (target.isInstance(v) && !(v instanceof byte[])) {
      return v;
    }
    try {
      if (target == String.class) {
        if (v instanceof byte[] b) {
          return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof Payload || v instanceof Map) {
          return new String(bytes(v), StandardCharsets.UTF_8);
        }
        return v.toString();
      }
      if (target == int.class || target == Integer.class) {
        return decimal(v).intValue();
      }
      if (target == long.class || target == Long.class) {
        return decimal(v).longValue();
      }
      if (target == short.class || target == Short.class) {
        return decimal(v).shortValue();
      }
      if (target == byte.class || target == Byte.class) {
        return decimal(v).byteValue();
      }
      if (target == double.class || target == Double.class) {
        return decimal(v).doubleValue();
      }
      if (target == float.class || target == Float.class) {
        return decimal(v).floatValue();
      }
      if (target == BigDecimal.class) {
        return decimal(v);
      }
      if (target == BigInteger.class) {
        return decimal(v).toBigInteger();
      }
      if (target == boolean.class || target == Boolean.class) {
        if (v instanceof Boolean b) {
          return b;
        }
        if (v instanceof Number n) {
          return n.intValue() != 0;
        }
        String s = v.toString().trim();
        return s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("t")
            || s.equalsIgnoreCase("yes") || s.equalsIgnoreCase("y");
      }
      if (target == byte[].class) {
        return bytes(v);
      }
      if (target == UUID.class) {
        return UUID.fromString(v.toString());
      }
      if (target == java.io.InputStream.class) {
        return new ByteArrayInputStream(bytes(v));
      }
      if (target == java.io.Reader.class) {
        return new StringReader((String) convert(v, String.class));
      }
      if (target == java.sql.Blob.class) {
        return new javax.sql.rowset.serial.SerialBlob(bytes(v));
      }
      if (target == java.sql.Clob.class || target == java.sql.NClob.class) {
        return new javax.sql.rowset.serial.SerialClob(
            ((String) convert(v, String.class)).toCharArray());
      }
      if (target == LocalDateTime.class) {
        return localDateTime(v);
      }
      if (target == java.sql.Timestamp.class) {
        return java.sql.Timestamp.valueOf(localDateTime(v));
      }
      if (target == LocalDate.class) {
        return localDateTime(v).toLocalDate();
      }
      if (target == java.sql.Date.class) {
        return java.sql.Date.valueOf(localDateTime(v).toLocalDate());
      }
      if (target == LocalTime.class) {
        return localTime(v);
      }
      if (target == java.sql.Time.class) {
        return java.sql.Time.valueOf(localTime(v));
      }
      if (target == OffsetDateTime.class) {
        if (v instanceof ZonedDateTime z) {
          return z.toOffsetDateTime();
        }
        if (v instanceof Instant i) {
          return i.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof Number n) {
          return Instant.ofEpochSecond(0, decimal(n).movePointRight(9).longValue())
              .atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(v.toString());
      }
      if (target == OffsetTime.class) {
        return OffsetTime.parse(v.toString());
      }
      if (target == Instant.class) {
        if (v instanceof OffsetDateTime o) {
          return o.toInstant();
        }
        return Instant.parse(v.toString());
      }
    } catch (SQLException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SQLException("replay: the recorded value '" + v + "' ("
          + v.getClass().getSimpleName() + ") cannot be read as " + target.getSimpleName(),
          "22018", e);
    }
    throw new SQLException("replay: cannot convert the recorded "
        + v.getClass().getSimpleName() + " to " + target.getName(), "0A000");
  }

  private static BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    return new BigDecimal(v.toString().trim());
  }

  static byte[] bytes(Object v) {
    if (v instanceof byte[] b) {
      return b.clone();
    }
    if (v instanceof Payload p) {
      return p.data() == null ? new byte[0] : p.data().clone();
    }
    if (v instanceof Map<?, ?> m) {
      Object data = m.get("data");
      return data == null ? new byte[0] : bytes(data);
    }
    if (v instanceof String s) {
      try {
        return Base64.getDecoder().decode(s);
      } catch (IllegalArgumentException notBase64) {
        return s.getBytes(StandardCharsets.UTF_8);
      }
    }
    return v.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static LocalDateTime localDateTime(Object v) {
    if (v instanceof LocalDateTime l) {
      return l;
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay();
    }
    if (v instanceof OffsetDateTime o) {
      return o.toLocalDateTime();
    }
    if (v instanceof Instant i) {
      return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
    if (v instanceof List<?> parts) { // Jackson's array form
      int[] p = new int[7];
      for (int i = 0; i < parts.size() && i < 7; i++) {
        p[i] = ((Number) parts.get(i)).intValue();
      }
      return LocalDateTime.of(p[0], p[1], Math.max(1, p[2]), p[3], p[4], p[5], p[6]);
    }
    String s = v.toString().trim();
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay();
    }
    return LocalDateTime.parse(s.replace(' ', 'T'));
  }

  private static LocalTime localTime(Object v) {
    if (v instanceof LocalTime t) {
      return t;
    }
    if (v instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    if (v instanceof LocalDateTime l) {
      return l.toLocalTime();
    }
    if (v instanceof List<?> parts) {
      int[] p = new int[4];
      for (int i = 0; i < parts.size() && i < 4; i++) {
        p[i] = ((Number) parts.get(i)).intValue();
      }
      return LocalTime.of(p[0], p[1], p[2], p[3]);
    }
    return LocalTime.parse(v.toString().trim());
  }

  /**
   * {@code true} when a recorded value and a value seen now are the same for a person:
   * numbers by value, bytes by content (Base64 text after a bundle round trip), temporal
   * values by their ISO text, payloads by their kept prefix.
   */
  public static boolean same(Object recorded, Object now) {
    if (recorded == null || now == null) {
      return recorded == null && now == null;
    }
    if (recorded.equals(now)) {
      return true;
    }
    try {
      if (recorded instanceof Number || now instanceof Number) {
        if (recorded instanceof Boolean || now instanceof Boolean) {
          return to(recorded, Boolean.class).equals(to(now, Boolean.class));
        }
        return decimal(recorded).compareTo(decimal(now)) == 0;
      }
      if (recorded instanceof byte[] || now instanceof byte[] || recorded instanceof Payload
          || now instanceof Payload || recorded instanceof Map || now instanceof Map) {
        byte[] a = bytes(recorded);
        byte[] b = bytes(now);
        if (recorded instanceof Payload || recorded instanceof Map) {
          b = Arrays.copyOf(b, Math.min(b.length, a.length));
        }
        return Arrays.equals(a, b);
      }
      if (recorded instanceof Boolean || now instanceof Boolean) {
        return to(recorded, Boolean.class).equals(to(now, Boolean.class));
      }
      if (now instanceof java.util.Date || now instanceof java.time.temporal.Temporal
          || recorded instanceof java.time.temporal.Temporal || recorded instanceof List) {
        return localDateTime(recorded).equals(localDateTime(now));
      }
    } catch (Exception notComparable) {
      return false;
    }
    return recorded.toString().equals(now.toString());
  }

  /**
   * {@code getString} of a recorded value as the recorded database's driver renders it
   * where that differs from {@code toString()}: booleans and binary values.
   *
   * @param product the database product name from the bundle's environment, or {@code null}
   */
  public static String text(Object v, ColumnInfo column, String product) throws SQLException {
    Object natural = natural(v, column);
    if (natural == null) {
      return null;
    }
    String p = product == null ? "" : product.toLowerCase(java.util.Locale.ROOT);
    if (natural instanceof Boolean b) {
      if (p.contains("postgres")) {
        return b ? "t" : "f";
      }
      if (p.contains("mariadb") || p.contains("mysql")) {
        return b ? "1" : "0";
      }
      if (p.equals("h2")) {
        return b ? "TRUE" : "FALSE";
      }
      return b.toString();
    }
    if (natural instanceof byte[] bytes && p.contains("postgres")) {
      StringBuilder hex = new StringBuilder("\\x");
      for (byte x : bytes) {
        hex.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return hex.toString();
    }
    return to(natural, String.class);
  }

  /** A short text of a value for reports. */
  public static String show(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof byte[] b) {
      return "bytes[" + b.length + "]";
    }
    if (v instanceof Payload p) {
      return p.toString();
    }
    String s = v instanceof String ? "'" + v + "'" : v.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
