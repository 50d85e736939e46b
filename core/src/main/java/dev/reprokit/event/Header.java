package dev.reprokit.event;

import java.util.List;

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

  /**
   * An immutable list of the headers whose names and values alternate in {@code
   * namesAndValues} ({@code [name0, value0, name1, value1, ...]}), for capture modules on the
   * hot path: the list keeps the array itself instead of a {@code Header} per entry, and makes
   * the {@code Header} values when it is read. The list takes the array over: the caller must
   * not keep or change it. A {@code null} value is kept as {@code ""}, as {@link Header} does.
   *
   * @throws IllegalArgumentException if the array has an odd length or a name is {@code null}
   */
  public static List<Header> listOwning(String[] namesAndValues) {
    if ((namesAndValues.length & 1) != 0) {
      throw new IllegalArgumentException("header names and values must come in pairs, got "
          + namesAndValues.length + " strings");
    }
    if (namesAndValues.length == 0) {
      return List.of();
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i] == null) {
        throw new IllegalArgumentException("header name must not be null");
      }
      if (namesAndValues[i + 1] == null) {
        namesAndValues[i + 1] = "";
      }
    }
    return new HeaderList(namesAndValues);
  }

  long estimatedBytes() {
    return 24 + Event.bytesOf(name) + Event.bytesOf(value);
  }
}
