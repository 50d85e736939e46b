package dev.reprokit.bundle;

import dev.reprokit.env.Environment;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bundle that a {@link BundleReader} read and verified: its manifest, environment, events
 * (with every payload's bytes put back from its entry), failure, README and raw entries.
 *
 * <pre>{@code
 * Bundle bundle = BundleReader.create().read(Path.of("20240501-101530-000-explicit-3f9a.repro.zip"));
 * for (Event e : bundle.events()) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #entry(String)} returns copies.
 */
public final class Bundle {
  private final Path source;
  private final Manifest manifest;
  private final Environment environment;
  private final List<Event> events;
  private final int skippedEvents;
  private final ErrorInfo failure;
  private final Map<String, byte[]> entries;

  Bundle(Path source, Manifest manifest, Environment environment, List<Event> events,
      int skippedEvents, ErrorInfo failure, Map<String, byte[]> entries) {
    this.source = source;
    this.manifest = manifest;
    this.environment = environment;
    this.events = List.copyOf(events);
    this.skippedEvents = skippedEvents;
    this.failure = failure;
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** The file it was read from. */
  public Path source() {
    return source;
  }

  /** The manifest. */
  public Manifest manifest() {
    return manifest;
  }

  /** The (redacted) environment. */
  public Environment environment() {
    return environment;
  }

  /**
   * The events in timeline order. Every {@code Payload} holds its bytes in {@code data()},
   * also those stored in their own entry; {@code entry()} still names that entry.
   */
  public List<Event> events() {
    return events;
  }

  /**
   * Events of a type this reader does not know, written by a newer minor version of the
   * format; they are not in {@link #events()}.
   */
  public int skippedEvents() {
    return skippedEvents;
  }

  /** The failure that triggered the bundle, or {@code null}. */
  public ErrorInfo failure() {
    return failure;
  }

  /** The human summary {@code README.md}, or an empty string when the bundle has none. */
  public String readme() {
    return entryText("README.md").orElse("");
  }

  /** The names of every entry, in zip order, {@code manifest.json} first. */
  public List<String> entryNames() {
    return List.copyOf(entries.keySet());
  }

  /** A copy of an entry's bytes (hash verified), or empty when there is no such entry. */
  public Optional<byte[]> entry(String name) {
    byte[] b = entries.get(name);
    return b == null ? Optional.empty() : Optional.of(b.clone());
  }

  /** An entry decoded as UTF-8 text. */
  public Optional<String> entryText(String name) {
    byte[] b = entries.get(name);
    return b == null ? Optional.empty() : Optional.of(new String(b, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Bundle[" + manifest.bundleId() + ", " + events.size() + " events, " + source + "]";
  }
}
