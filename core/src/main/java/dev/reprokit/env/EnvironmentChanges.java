package dev.reprokit.env;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reprokit.AppInfo;
import java.util.List;
import java.util.Objects;

/**
 * What changed since the previous run of the same application: the answer to "after which
 * change did it start failing?". ReproKit keeps a fingerprint of each run's environment in
 * the bundle directory (one small JSON file per application name) and compares the current
 * environment with it the first time a recorder collects its environment.
 *
 * <p>Configuration values, JVM arguments and allow-listed variables are compared by keyed
 * hash: a change says that a value changed, and shows two short hashes, never the values.
 * Immutable and thread-safe.
 *
 * @param status whether a previous run was known
 * @param message a sentence for people, e.g. {@code no previous run known}
 * @param previousRunAt when the previous run collected its environment (ISO-8601), or
 *     {@code null}
 * @param previousApplication the previous run's application, or {@code null}
 * @param changes the differences, empty when nothing changed or nothing is known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentChanges(
    Status status,
    String message,
    String previousRunAt,
    AppInfo previousApplication,
    List<Change> changes) {

  public EnvironmentChanges {
    Objects.requireNonNull(status, "status");
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  /** Whether the comparison could be made. */
  public enum Status {
    /** Compared with the previous run; {@code changes} lists the differences (maybe none). */
    COMPARED,
    /** No previous run of this application is known in the bundle directory. */
    FIRST_RUN,
    /** The previous run's fingerprint could not be read; treated as unknown. */
    UNKNOWN,
    /** Change tracking is switched off ({@code RecorderConfig.trackChanges(false)}). */
    DISABLED
  }

  /** What kind of difference. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * One difference.
   *
   * <p>Categories: {@code application}, {@code runtime}, {@code os}, {@code locale},
   * {@code resources}, {@code container}, {@code library} (name {@code group:artifact}, values
   * are versions), {@code jvmArgument}, {@code configuration} and {@code environmentVariable}
   * (values are hashes).
   *
   * @param category which part of the environment
   * @param name what changed within it, e.g. {@code javaVersion} or a library name
   * @param kind added, removed or changed
   * @param previous the previous value (or its hash), {@code null} when added
   * @param current the current value (or its hash), {@code null} when removed
   * @param hashed {@code true} when {@code previous} and {@code current} are keyed hashes
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(
      String category, String name, Kind kind, String previous, String current,
      boolean hashed) {
    public Change {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
    }

    /** E.g. {@code library com.fasterxml.jackson.core:jackson-databind: 2.17.2 -> 2.18.2}. */
    public String describe() {
      return switch (kind) {
        case ADDED -> category + " " + name + " added" + (hashed ? "" : ": " + current);
        case REMOVED -> category + " " + name + " removed" + (hashed ? "" : " (was " + previous + ")");
        case CHANGED -> category + " " + name + (hashed ? " changed (value hash " + previous
            + " -> " + current + ")" : ": " + previous + " -> " + current);
      };
    }
  }

  /** Change tracking was switched off. */
  public static EnvironmentChanges disabled() {
    return new EnvironmentChanges(Status.DISABLED, "change tracking is switched off", null, null,
        List.of());
  }

  /** The first run: nothing to compare with. */
  public static EnvironmentChanges firstRun() {
    return new EnvironmentChanges(Status.FIRST_RUN, "no previous run known", null, null,
        List.of());
  }

  /** The previous fingerprint could not be used. */
  public static EnvironmentChanges unknown(String why) {
    return new EnvironmentChanges(Status.UNKNOWN,
        "previous run unknown: " + why, null, null, List.of());
  }
}
