package dev.reprokit.env;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The operating system and machine. Immutable and thread-safe.
 *
 * @param name {@code os.name}
 * @param version {@code os.version}
 * @param arch {@code os.arch}
 * @param availableProcessors {@code Runtime.availableProcessors()} (container-aware)
 * @param physicalMemoryBytes total physical memory as the JVM sees it, or {@code null} when the
 *     platform does not tell
 * @param systemLoadAverage the last minute's load average, or {@code null} when unavailable
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OsInfo(
    String name,
    String version,
    String arch,
    int availableProcessors,
    Long physicalMemoryBytes,
    Double systemLoadAverage) {}
