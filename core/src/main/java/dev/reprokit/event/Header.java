package dev.reprokit.event;

/**
 * One HTTP header as sent or received, in wire order (names keep their case).
 *
 * @param name header name
 * @param value header value
 */
public record Header(String name, String value) {
  public Header {
    if (name == null) {
      throw new IllegalArgumentException("header name must not be null");
    }
    value = value == null ? "" : value;
  }

  long estimatedBytes() {
    return 24 + Event.bytesOf(name) + Event.bytesOf(value);
  }
}
