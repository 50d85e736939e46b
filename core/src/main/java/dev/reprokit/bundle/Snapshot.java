package dev.reprokit.bundle;

import dev.reprokit.AppInfo;
import dev.reprokit.env.Environment;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import java.time.Instant;
import java.util.List;

/**
 * Everything that goes into a bundle, before redaction: what a trigger cut out of the
 * recorder.
 *
 * @param bundleId unique id of the bundle
 * @param createdAt when the trigger fired
 * @param trigger why
 * @param application the application
 * @param environment the environment
 * @param events the events in sequence order
 * @param eventsEvicted how many older events the ring had already dropped
 * @param failure the failure, or {@code null}
 */
public record Snapshot(
    String bundleId,
    Instant createdAt,
    Trigger trigger,
    AppInfo application,
    Environment environment,
    List<Event> events,
    long eventsEvicted,
    ErrorInfo failure) {
  public Snapshot {
    events = List.copyOf(events);
  }
}
