package dev.reprokit.env;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The host and the process. Times are ISO-8601 UTC instants. Immutable and thread-safe.
 *
 * @param hostName the host name ({@code HOSTNAME}, the kernel's host name, else the local
 *     address' name), or {@code null} when it cannot be found quickly
 * @param processId the process id
 * @param startTime when the JVM started
 * @param uptimeMillis milliseconds since the JVM started, when collected
 * @param workingDirectory {@code user.dir}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostInfo(
    String hostName, long processId, String startTime, long uptimeMillis, String workingDirectory) {}
