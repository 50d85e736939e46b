package dev.reprokit.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.Objects;

/**
 * A captured body: the first bytes of an HTTP body or a LOB, capped, with the size of the
 * original.
 *
 * <p>In memory the captured bytes are held in {@link #data()}. When a bundle is written,
 * a payload larger than a small inline limit is moved to its own bundle entry and the event
 * refers to it by {@link #entry()}; a bundle reader puts the bytes back.
 *
 * @param contentType media type including parameters (charset), or {@code null} if unknown
 * @param originalSize size of the original body in bytes, or -1 if unknown (a stream the
 *     application abandoned before its end)
 * @param data the captured bytes (at most the configured cap); never mutated after
 *     construction — callers hand over a private copy
 * @param entry name of the bundle entry holding {@code data}, or {@code null}
 * @param abandoned the application stopped reading before the end of the body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Payload(
    String contentType, long originalSize, byte[] data, String entry, boolean abandoned) {

  /** An empty body. */
  public static final Payload EMPTY = new Payload(null, 0, new byte[0], null, false);

  public Payload {
    if (originalSize < -1) {
      throw new IllegalArgumentException("originalSize must be >= -1, was " + originalSize);
    }
  }

  /** A complete body of which {@code captured} bytes were kept. */
  public static Payload of(String contentType, long originalSize, byte[] captured) {
    return new Payload(contentType, originalSize, captured, null, false);
  }

  /** {@code true} when fewer bytes were kept than the body had. */
  @JsonIgnore
  public boolean truncated() {
    long kept = data == null ? 0 : data.length;
    return abandoned || (originalSize >= 0 && kept < originalSize);
  }

  /** Number of bytes kept. */
  @JsonIgnore
  public int keptSize() {
    return data == null ? 0 : data.length;
  }

  /** A copy of this payload with {@code data} stored under {@code entry} (data kept in memory). */
  public Payload withEntry(String entry) {
    return new Payload(contentType, originalSize, data, entry, abandoned);
  }

  /** A copy with other bytes (used by redaction), keeping the original size. */
  public Payload withData(byte[] newData) {
    return new Payload(contentType, originalSize, newData, entry, abandoned);
  }

  long estimatedBytes() {
    return 48 + (data == null ? 0 : 16 + data.length) + Event.bytesOf(contentType);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payload p
        && originalSize == p.originalSize
        && abandoned == p.abandoned
        && Objects.equals(contentType, p.contentType)
        && Arrays.equals(data, p.data)
        && Objects.equals(entry, p.entry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(contentType, originalSize, Arrays.hashCode(data), entry, abandoned);
  }

  @Override
  public String toString() {
    return "Payload[" + contentType + ", " + keptSize() + "/" + originalSize + " bytes"
        + (entry == null ? "" : ", entry=" + entry) + (abandoned ? ", abandoned" : "") + "]";
  }
}
