package dev.reprokit.env;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reprokit.AppInfo;
import dev.reprokit.internal.env.EnvironmentRedaction;
import dev.reprokit.redact.Redactor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The environment a bundle was captured in: {@code environment.json}. Answers the first
 * questions of every escalation — which runtime, which OS and locale, which library versions,
 * which configuration, and what changed since the previous run.
 *
 * <p>Collected by {@link EnvironmentCollector} when a bundle is written (never on the
 * application's request path), and redacted with {@link #redacted(Redactor)} before it
 * leaves the process. Any section may be {@code null} when it could not be collected; a
 * failure in one section never loses the others.
 *
 * <p>System properties and environment variables: only names on a documented allow-list
 * (see {@code docs/environment.md}) are listed with values, in {@code systemProperties} and
 * {@code environmentVariables}; every other name is listed without its value in
 * {@code otherSystemProperties} and {@code otherEnvironmentVariables}.
 *
 * <p>Immutable and thread-safe. Maps keep their keys sorted so that the JSON is stable.
 *
 * @param collectedAt when the environment was collected (ISO-8601)
 * @param application the application's name, version, build and commit, as configured or
 *     detected
 * @param runtime the Java runtime
 * @param os the operating system
 * @param locale locale, time zone and encodings
 * @param host host and process
 * @param container container limits, or {@code null} when none are set
 * @param libraries libraries on the class path and module path, sorted by name
 * @param systemProperties allow-listed system properties with values
 * @param otherSystemProperties names of all other system properties
 * @param environmentVariables allow-listed environment variables with values
 * @param otherEnvironmentVariables names of all other environment variables
 * @param databases databases seen by capture modules
 * @param configuration application-supplied configuration (redacted in a bundle)
 * @param changes what changed since the previous run, or {@code null} when not collected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Environment(
    String collectedAt,
    AppInfo application,
    RuntimeInfo runtime,
    OsInfo os,
    LocaleInfo locale,
    HostInfo host,
    ContainerInfo container,
    List<Library> libraries,
    Map<String, String> systemProperties,
    List<String> otherSystemProperties,
    Map<String, String> environmentVariables,
    List<String> otherEnvironmentVariables,
    List<DatabaseInfo> databases,
    Map<String, String> configuration,
    EnvironmentChanges changes) {

  @JsonCreator
  public Environment {
    libraries = libraries == null ? List.of() : List.copyOf(libraries);
    systemProperties = sorted(systemProperties);
    otherSystemProperties = otherSystemProperties == null ? List.of()
        : List.copyOf(otherSystemProperties);
    environmentVariables = sorted(environmentVariables);
    otherEnvironmentVariables = otherEnvironmentVariables == null ? List.of()
        : List.copyOf(otherEnvironmentVariables);
    databases = databases == null ? List.of() : List.copyOf(databases);
    configuration = sorted(configuration);
  }

  /**
   * An environment that knows only databases and configuration; every other section is
   * {@code null}. For tools and tests that build bundles by hand.
   */
  public Environment(List<DatabaseInfo> databases, Map<String, String> configuration) {
    this(null, null, null, null, null, null, null, null, null, null, null, null, databases,
        configuration, null);
  }

  /**
   * This environment with every secret replaced by a pseudonym; the bundle writer calls it.
   * Redacts JVM arguments ({@code -D} values and agent options by name, credentials
   * anywhere in the text), allow-listed system properties and environment variables whose
   * names look secret, JDBC URLs and configuration values. Never throws for a working
   * redactor.
   */
  public Environment redacted(Redactor redactor) {
    return EnvironmentRedaction.apply(this, EnvironmentRedaction.Rules.of(redactor));
  }

  /** A copy with other changes (used by the collector). */
  public Environment withChanges(EnvironmentChanges newChanges) {
    return new Environment(collectedAt, application, runtime, os, locale, host, container,
        libraries, systemProperties, otherSystemProperties, environmentVariables,
        otherEnvironmentVariables, databases, configuration, newChanges);
  }

  private static Map<String, String> sorted(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    map.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> copy.put(
            Objects.requireNonNull(e.getKey(), "map key"),
            Objects.requireNonNull(e.getValue(), "map value")));
    return Collections.unmodifiableMap(copy);
  }
}
