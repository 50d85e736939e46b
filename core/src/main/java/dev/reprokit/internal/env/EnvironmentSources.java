package dev.reprokit.internal.env;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where the environment is read from: the live JVM and machine in production, controlled
 * values in tests. Runtime, OS and locale facts always come from the running JVM.
 *
 * @param systemProperties system properties (a copy)
 * @param environmentVariables environment variables (a copy)
 * @param cgroupRoot normally {@code /sys/fs/cgroup}
 * @param selfCgroup normally {@code /proc/self/cgroup}
 * @param hostNameFile normally {@code /proc/sys/kernel/hostname}
 * @param resourceLoader where {@code git.properties} is looked up
 * @param clock for the collection time
 */
public record EnvironmentSources(
    Map<String, String> systemProperties,
    Map<String, String> environmentVariables,
    Path cgroupRoot,
    Path selfCgroup,
    Path hostNameFile,
    ClassLoader resourceLoader,
    Clock clock) {

  public EnvironmentSources {
    systemProperties = Map.copyOf(systemProperties);
    environmentVariables = Map.copyOf(environmentVariables);
    Objects.requireNonNull(clock, "clock");
  }

  /** The running JVM and machine, with the current thread's context class loader. */
  public static EnvironmentSources live() {
    return live(currentLoader());
  }

  /** The running JVM and machine as they are now, looking up resources with {@code loader}. */
  public static EnvironmentSources live(ClassLoader loader) {
    return new EnvironmentSources(systemProperties(System.getProperties()), System.getenv(),
        Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"),
        Path.of("/proc/sys/kernel/hostname"), loader, Clock.systemUTC());
  }

  /** The current thread's context class loader, else the system class loader. */
  public static ClassLoader currentLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  /** A copy of string-valued properties; never fails on a concurrent modification. */
  static Map<String, String> systemProperties(Properties properties) {
    Map<String, String> out = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      String value = properties.getProperty(name);
      if (value != null) {
        out.put(name, value);
      }
    }
    return out;
  }

  /** A copy with other system properties (tests). */
  public EnvironmentSources withSystemProperties(Map<String, String> properties) {
    return new EnvironmentSources(properties, environmentVariables, cgroupRoot, selfCgroup,
        hostNameFile, resourceLoader, clock);
  }

  /** A copy with other environment variables (tests). */
  public EnvironmentSources withEnvironmentVariables(Map<String, String> variables) {
    return new EnvironmentSources(systemProperties, variables, cgroupRoot, selfCgroup,
        hostNameFile, resourceLoader, clock);
  }

  /** A copy with another resource loader (tests). */
  public EnvironmentSources withResourceLoader(ClassLoader loader) {
    return new EnvironmentSources(systemProperties, environmentVariables, cgroupRoot,
        selfCgroup, hostNameFile, loader, clock);
  }

  /** A copy with other cgroup files (tests). */
  public EnvironmentSources withCgroup(Path root, Path self) {
    return new EnvironmentSources(systemProperties, environmentVariables, root, self,
        hostNameFile, resourceLoader, clock);
  }

  /** A copy with another clock (tests). */
  public EnvironmentSources withClock(Clock newClock) {
    return new EnvironmentSources(systemProperties, environmentVariables, cgroupRoot,
        selfCgroup, hostNameFile, resourceLoader, newClock);
  }
}
