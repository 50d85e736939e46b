package dev.reprokit.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reprokit.event.Header;
import dev.reprokit.event.Payload;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Helpers to look at recorded bodies and headers: media types, charsets, JSON, text, hashes. */
public final class Bodies {
  static final ObjectMapper JSON = new ObjectMapper();

  private Bodies() {}

  /** The media type without parameters, lower case; {@code null} stays {@code null}. */
  public static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  public static boolean isJson(String contentType) {
    String type = mediaType(contentType);
    return type != null && (type.equals("application/json") || type.endsWith("+json"));
  }

  public static boolean isForm(String contentType) {
    return "application/x-www-form-urlencoded".equals(mediaType(contentType));
  }

  /** Text-like media types whose bytes are decoded by their charset. */
  public static boolean isText(String contentType) {
    String type = mediaType(contentType);
    if (type == null) {
      return false;
    }
    return type.startsWith("text/") || isJson(contentType) || isForm(contentType)
        || type.endsWith("+xml") || type.equals("application/xml")
        || type.equals("application/javascript") || type.equals("application/graphql");
  }

  /** The charset named in the content type, else UTF-8. */
  public static Charset charset(String contentType) {
    if (contentType != null) {
      for (String part : contentType.split(";")) {
        String p = part.trim();
        if (p.regionMatches(true, 0, "charset=", 0, 8)) {
          try {
            return Charset.forName(p.substring(8).replace("\"", "").trim());
          } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** The body as text by its charset, or {@code null} when there is none. */
  public static String text(Payload body) {
    if (body == null || body.data() == null) {
      return null;
    }
    return new String(body.data(), charset(body.contentType()));
  }

  /** The body parsed as JSON, or {@code null} when it is not JSON or does not parse. */
  public static JsonNode json(byte[] data) {
    if (data == null || data.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(data);
    } catch (Exception e) {
      return null;
    }
  }

  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first value of a header, ignoring case, or {@code null}. */
  public static String header(List<Header> headers, String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return null;
  }

  /**
   * A redaction pseudonym as written in text and URLs ({@code ‹redacted:3f9a1c2e›}) or
   * percent-encoded in form bodies ({@code %E2%80%B9redacted:3f9a1c2e%E2%80%BA}).
   */
  public static final java.util.regex.Pattern PSEUDONYM = java.util.regex.Pattern.compile(
      "(?:\u2039|%E2%80%B9)redacted(?::[0-9A-Za-z]*)?(?:\u203a|%E2%80%BA)",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  /** {@code true} when a value was replaced by redaction ({@code ‹redacted…›}). */
  public static boolean isRedacted(String value) {
    return value != null && PSEUDONYM.matcher(value).find();
  }
}
