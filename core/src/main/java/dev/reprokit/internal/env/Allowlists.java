package dev.reprokit.internal.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which system properties and environment variables are listed with their values. Every
 * other name is listed without its value. Names on the allow-list that look secret are still
 * redacted when a bundle is written.
 *
 * <p>System properties: {@code java.*} (except {@code java.class.path},
 * {@code java.library.path} and {@code jdk.module.path}, which are long and covered by the
 * library list), {@code os.*}, {@code user.language}, {@code user.country},
 * {@code user.variant}, {@code user.region}, {@code user.script}, {@code user.timezone},
 * {@code file.encoding}, {@code file.separator}, {@code path.separator},
 * {@code line.separator} (escaped), {@code native.encoding}, {@code sun.jnu.encoding},
 * {@code sun.stdout.encoding}, {@code sun.stderr.encoding}, {@code stdout.encoding},
 * {@code stderr.encoding}, {@code sun.arch.data.model}, {@code sun.cpu.endian},
 * {@code sun.io.unicode.encoding}, {@code sun.management.compiler}, {@code jdk.debug}.
 * Not listed with values: {@code user.name}, {@code user.home}, {@code user.dir}
 * (personal), {@code sun.java.command} (the application's arguments).
 *
 * <p>Environment variables: {@code LANG}, {@code LANGUAGE}, {@code LC_*}, {@code TZ},
 * {@code JAVA_HOME}, {@code JAVA_VERSION}, {@code JAVA_TOOL_OPTIONS},
 * {@code JDK_JAVA_OPTIONS}, {@code JAVA_OPTS}, {@code _JAVA_OPTIONS}, {@code HOSTNAME},
 * {@code COMPUTERNAME}, {@code container}, {@code KUBERNETES_SERVICE_HOST},
 * {@code KUBERNETES_SERVICE_PORT}, {@code OS}, {@code PROCESSOR_ARCHITECTURE},
 * {@code NUMBER_OF_PROCESSORS}.
 */
public final class Allowlists {
  private static final Set<String> PROPERTY_PREFIXES = Set.of("java.", "os.");
  private static final Set<String> PROPERTY_EXCLUDED = Set.of(
      "java.class.path", "java.library.path", "jdk.module.path");
  private static final Set<String> PROPERTIES = Set.of(
      "user.language", "user.country", "user.variant", "user.region", "user.script",
      "user.timezone", "file.encoding", "file.separator", "path.separator", "line.separator",
      "native.encoding", "sun.jnu.encoding", "sun.stdout.encoding", "sun.stderr.encoding",
      "stdout.encoding", "stderr.encoding", "sun.arch.data.model", "sun.cpu.endian",
      "sun.io.unicode.encoding", "sun.management.compiler", "jdk.debug");

  private static final Set<String> VARIABLES = Set.of(
      "LANG", "LANGUAGE", "TZ", "JAVA_HOME", "JAVA_VERSION", "JAVA_TOOL_OPTIONS",
      "JDK_JAVA_OPTIONS", "JAVA_OPTS", "_JAVA_OPTIONS", "HOSTNAME", "COMPUTERNAME", "container",
      "KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT", "OS", "PROCESSOR_ARCHITECTURE",
      "NUMBER_OF_PROCESSORS");
  private static final Set<String> JVM_OPTIONS_VARIABLES = Set.of(
      "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "_JAVA_OPTIONS");

  private Allowlists() {}

  /** The allow-listed names with values, and the other names, each sorted. */
  public record Split(Map<String, String> listed, List<String> otherNames) {}

  public static boolean isAllowedProperty(String name) {
    if (PROPERTIES.contains(name)) {
      return true;
    }
    if (PROPERTY_EXCLUDED.contains(name)) {
      return false;
    }
    for (String prefix : PROPERTY_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  public static boolean isAllowedVariable(String name) {
    return VARIABLES.contains(name) || name.startsWith("LC_");
  }

  /** Variables whose value is a list of JVM arguments, redacted argument by argument. */
  public static boolean isJvmOptionsVariable(String name) {
    return JVM_OPTIONS_VARIABLES.contains(name);
  }

  public static Split systemProperties(Map<String, String> properties) {
    Map<String, String> listed = new TreeMap<>();
    List<String> others = new ArrayList<>();
    properties.forEach((name, value) -> {
      if (isAllowedProperty(name)) {
        listed.put(name, "line.separator".equals(name) ? escape(value) : value);
      } else {
        others.add(name);
      }
    });
    others.sort(null);
    return new Split(listed, others);
  }

  public static Split environmentVariables(Map<String, String> variables) {
    Map<String, String> listed = new TreeMap<>();
    List<String> others = new ArrayList<>();
    variables.forEach((name, value) -> {
      if (isAllowedVariable(name)) {
        listed.put(name, value);
      } else {
        others.add(name);
      }
    });
    others.sort(null);
    return new Split(listed, others);
  }

  /** Control characters as escapes, e.g. a line separator as {@code \r\n}. */
  public static String escape(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(value.length() + 4);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
