package dev.reprokit.event;

import java.util.Map;

/**
 * A mark the application set on the timeline, e.g. {@code "checkout started"}, with
 * attributes. Scopes record a mark when they open and when they close.
 *
 * @param name what happened
 * @param attributes attributes (redacted when a bundle is written)
 */
public record MarkEvent(
    long seq,
    long wallTimeMillis,
    long startNanos,
    long durationNanos,
    String thread,
    String scopeId,
    String name,
    Map<String, String> attributes)
    implements Event {

  public MarkEvent {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  @Override
  public long estimatedBytes() {
    long n = HEADER_BYTES + Event.bytesOf(name);
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      n += 32 + Event.bytesOf(e.getKey()) + Event.bytesOf(e.getValue());
    }
    return n;
  }
}
