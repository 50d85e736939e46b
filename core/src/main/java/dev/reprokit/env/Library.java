package dev.reprokit.env;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A library found on the class path or module path. Immutable and thread-safe.
 *
 * <p>{@code source} says where the version came from: {@code pom.properties}
 * ({@code META-INF/maven/<group>/<artifact>/pom.properties}), {@code manifest}
 * ({@code Implementation-Version} or {@code Bundle-Version} in the jar manifest),
 * {@code file-name} (parsed from a name like {@code foo-1.2.3.jar}) or {@code none}.
 *
 * @param name {@code groupId:artifactId} when known, else the manifest title or the file name
 * @param groupId Maven group id, or {@code null}
 * @param artifactId Maven artifact id, or {@code null}
 * @param version the version, or {@code null} when unknown
 * @param source where the version came from
 * @param location the jar's file name or the directory the entry came from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Library(
    String name, String groupId, String artifactId, String version, String source,
    String location) {
  public Library {
    Objects.requireNonNull(name, "name");
  }
}
