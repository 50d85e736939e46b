package dev.reprokit.bundle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.reprokit.AppInfo;
import dev.reprokit.redact.RedactionSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first entry of every bundle, {@code manifest.json}: what the bundle is, why it was
 * written, by whom, and the size and SHA-256 of every other entry.
 *
 * <p>{@link #format()} is always {@value #FORMAT}; {@link #version()} is
 * {@code major.minor}. A reader refuses a major version it does not know and reads newer minor
 * versions (which only add optional fields and entries). Immutable.
 *
 * @param format {@value #FORMAT}
 * @param version format version {@code major.minor}, {@value #VERSION} for this release
 * @param bundleId unique id of the bundle
 * @param createdAt when the trigger fired
 * @param trigger why the bundle was written (reason and failure summary redacted)
 * @param producer the library that wrote the bundle
 * @param application the application the bundle came from
 * @param redaction which redaction rules ran and how many values each replaced
 * @param eventCounts number of events per event type (the JSON {@code type} names)
 * @param eventsEvicted how many older events the recorder had already dropped
 * @param truncations every payload the bundle holds only in part
 * @param entries every other entry, in zip order
 * @param leakGate what the leak gate still found and replaced after redaction, per entry and
 *     rule; empty when it found nothing (absent in bundles written before the gate existed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "version", "bundleId", "createdAt", "trigger", "producer",
    "application", "redaction", "leakGate", "eventCounts", "eventsEvicted", "truncations",
    "entries"})
public record Manifest(
    String format,
    String version,
    String bundleId,
    Instant createdAt,
    Trigger trigger,
    Producer producer,
    AppInfo application,
    RedactionSummary redaction,
    Map<String, Long> eventCounts,
    long eventsEvicted,
    List<Truncation> truncations,
    List<BundleEntry> entries,
    List<LeakGateHit> leakGate) {

  /** The format id. */
  public static final String FORMAT = "reprokit.bundle";

  /** The format version this release writes. */
  public static final String VERSION = "1.0";

  /** The major format version this release reads. */
  public static final int MAJOR_VERSION = 1;

  /** The name of the manifest entry, always the first entry. */
  public static final String ENTRY = "manifest.json";

  public Manifest {
    eventCounts = eventCounts == null
        ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(eventCounts));
    truncations = truncations == null ? List.of() : List.copyOf(truncations);
    entries = entries == null ? List.of() : List.copyOf(entries);
    leakGate = leakGate == null ? List.of() : List.copyOf(leakGate);
  }

  /** A manifest without leak-gate hits. */
  public Manifest(String format, String version, String bundleId, Instant createdAt,
      Trigger trigger, Producer producer, AppInfo application, RedactionSummary redaction,
      Map<String, Long> eventCounts, long eventsEvicted, List<Truncation> truncations,
      List<BundleEntry> entries) {
    this(format, version, bundleId, createdAt, trigger, producer, application, redaction,
        eventCounts, eventsEvicted, truncations, entries, List.of());
  }

  /**
   * The library that wrote a bundle.
   *
   * @param name {@code reprokit}
   * @param version its version, from the core jar's {@code Implementation-Version}, else
   *     {@code dev}
   */
  public record Producer(String name, String version) {}

  /** The listed entry with this name. */
  public Optional<BundleEntry> entry(String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The major part of {@link #version()}, or -1 when it is not {@code major.minor}. */
  @JsonIgnore
  public int majorVersion() {
    return versionPart(0);
  }

  /** The minor part of {@link #version()}, or -1 when it is not {@code major.minor}. */
  @JsonIgnore
  public int minorVersion() {
    return versionPart(1);
  }

  private int versionPart(int index) {
    if (version == null || !version.matches("\\d{1,4}\\.\\d{1,4}")) {
      return -1;
    }
    return Integer.parseInt(version.split("\\.")[index]);
  }
}
