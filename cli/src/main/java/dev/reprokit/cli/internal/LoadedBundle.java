package dev.reprokit.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import java.nio.file.Path;
import java.util.List;

/**
 * A bundle as the commands see it: the manifest and the environment as JSON trees (so the
 * commands keep working as those documents grow), the typed events and the failure.
 *
 * @param path where the bundle was read from
 * @param manifest {@code manifest.json}
 * @param environment {@code environment.json}
 * @param events the timeline
 * @param failure {@code failure.json}, or {@code null}
 */
record LoadedBundle(
    Path path, JsonNode manifest, JsonNode environment, List<Event> events, ErrorInfo failure) {
  LoadedBundle {
    manifest = manifest == null ? MissingNode.getInstance() : manifest;
    environment = environment == null ? MissingNode.getInstance() : environment;
    events = List.copyOf(events);
  }

  /** The file name, for headings. */
  String name() {
    return path == null ? "bundle" : path.getFileName().toString();
  }
}
