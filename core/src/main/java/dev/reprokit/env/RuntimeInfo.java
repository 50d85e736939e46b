package dev.reprokit.env;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The Java runtime a bundle was captured in.
 *
 * <p>{@code inputArguments} are the JVM's own arguments as the JVM reports them
 * ({@code RuntimeMXBean.getInputArguments()}); in a written bundle they are redacted:
 * {@code -Dfoo.password=...}, secret-looking {@code -javaagent}/{@code -agentlib} options
 * and credentials anywhere in the text are replaced by pseudonyms. Immutable and thread-safe.
 *
 * @param javaVersion {@code Runtime.version()}, e.g. {@code 17.0.15+6-Debian-1deb12u1}
 * @param javaVendor {@code java.vendor}
 * @param javaVendorVersion {@code java.vendor.version}, or {@code null}
 * @param vmName {@code java.vm.name}
 * @param vmVersion {@code java.vm.version}
 * @param vmVendor {@code java.vm.vendor}
 * @param javaHome {@code java.home}
 * @param inputArguments the JVM's input arguments (redacted in a bundle)
 * @param garbageCollectors names of the garbage collectors in use
 * @param maxHeapBytes {@code Runtime.maxMemory()}
 * @param totalHeapBytes {@code Runtime.totalMemory()} when collected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuntimeInfo(
    String javaVersion,
    String javaVendor,
    String javaVendorVersion,
    String vmName,
    String vmVersion,
    String vmVendor,
    String javaHome,
    List<String> inputArguments,
    List<String> garbageCollectors,
    long maxHeapBytes,
    long totalHeapBytes) {
  public RuntimeInfo {
    inputArguments = inputArguments == null ? List.of() : List.copyOf(inputArguments);
    garbageCollectors = garbageCollectors == null ? List.of() : List.copyOf(garbageCollectors);
  }

  /** A copy with other input arguments (used by redaction). */
  public RuntimeInfo withInputArguments(List<String> arguments) {
    return new RuntimeInfo(javaVersion, javaVendor, javaVendorVersion, vmName, vmVersion,
        vmVendor, javaHome, arguments, garbageCollectors, maxHeapBytes, totalHeapBytes);
  }
}
