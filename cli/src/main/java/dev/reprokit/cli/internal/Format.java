package dev.reprokit.cli.internal;

import dev.reprokit.event.BindValue;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Payload;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Small, locale-independent formatting helpers shared by the commands. */
final class Format {
  private Format() {}

  /** A redacted value, as the redactor writes it. */
  static boolean isRedacted(Object value) {
    return value instanceof String s && s.contains("‹redacted");
  }

  static String millis(long nanos) {
    double ms = nanos / 1_000_000.0;
    if (ms >= 100) {
      return String.format(Locale.ROOT, "%.0f ms", ms);
    }
    if (ms >= 1) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%.2f ms", ms);
  }

  static String bytes(long n) {
    if (n < 0) {
      return "unknown size";
    }
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
  }

  static String abbreviate(String s, int max) {
    if (s == null) {
      return "";
    }
    String oneLine = s.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }

  static String error(ErrorInfo e) {
    if (e == null) {
      return "";
    }
    String s = abbreviate(e.summary(), 240);
    if (e.sqlState() != null) {
      s += " [SQLState " + e.sqlState() + (e.vendorCode() == null ? "" : ", code " + e.vendorCode())
          + "]";
    }
    return s;
  }

  /** A body as text when it is text, else a size note. */
  static String bodyText(Payload p) {
    if (p == null || p.data() == null) {
      return null;
    }
    String ct = p.contentType() == null ? "" : p.contentType().toLowerCase(Locale.ROOT);
    if (ct.isEmpty() || ct.startsWith("text/") || ct.contains("json") || ct.contains("xml")
        || ct.contains("x-www-form-urlencoded") || ct.contains("javascript")) {
      return new String(p.data(), StandardCharsets.UTF_8);
    }
    return null;
  }

  /** An SQL literal for a bound value; redacted values become named placeholders. */
  static String sqlLiteral(BindValue b, int[] redactedCounter) {
    Object v = b.value();
    if (v == null) {
      return "NULL";
    }
    if (isRedacted(v)) {
      return ":redacted_" + (++redactedCounter[0]);
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof byte[] bytes) {
      StringBuilder sb = new StringBuilder("X'");
      for (byte x : bytes) {
        sb.append(String.format(Locale.ROOT, "%02X", x));
      }
      return sb.append("'").toString();
    }
    if (v instanceof Payload p) {
      return "/* " + bytes(p.originalSize()) + " LOB */ NULL";
    }
    return "'" + v.toString().replace("'", "''") + "'";
  }

  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Escapes text for a Markdown table cell. */
  static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replaceAll("\\R", " ");
  }
}
