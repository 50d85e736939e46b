package dev.reprokit.internal.env;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reprokit.AppInfo;
import dev.reprokit.env.ContainerInfo;
import dev.reprokit.env.Environment;
import dev.reprokit.env.Library;
import dev.reprokit.env.LocaleInfo;
import dev.reprokit.env.OsInfo;
import dev.reprokit.env.RuntimeInfo;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The part of an environment that is compared between runs, as stored in the fingerprint
 * file: for each category, names and values. Values of {@link #HASHED} categories are keyed
 * hashes (HMAC-SHA256 under {@code salt}, 16 hex digits), never the values.
 *
 * @param format always {@link #FORMAT}
 * @param version the fingerprint format version, {@link #VERSION}
 * @param recordedAt when the run collected its environment (ISO-8601)
 * @param application the run's application
 * @param salt the hex key of the hashes; kept from run to run so that hashes compare
 * @param values category → name → value (or hash)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fingerprint(
    String format,
    int version,
    String recordedAt,
    AppInfo application,
    String salt,
    Map<String, Map<String, String>> values) {

  public static final String FORMAT = "reprokit.environment-fingerprint";
  public static final int VERSION = 1;

  /** Categories whose values are stored and compared as hashes. */
  public static final Set<String> HASHED = Set.of("configuration", "jvmArgument",
      "environmentVariable");

  /** Environment variables that differ on every start (pod names) and are not compared. */
  private static final Set<String> UNTRACKED_VARIABLES = Set.of("HOSTNAME", "COMPUTERNAME");

  public Fingerprint {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    if (values != null) {
      values.forEach((k, m) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(m))));
    }
    values = Collections.unmodifiableMap(copy);
  }

  /** The fingerprint of an environment, hashing with {@code salt}. */
  public static Fingerprint of(Environment env, String salt) {
    Map<String, Map<String, String>> v = new TreeMap<>();
    AppInfo app = env.application();
    if (app != null) {
      Map<String, String> m = category(v, "application");
      put(m, "version", app.version());
      put(m, "build", app.build());
      put(m, "commit", app.commit());
    }
    RuntimeInfo rt = env.runtime();
    if (rt != null) {
      Map<String, String> m = category(v, "runtime");
      put(m, "javaVersion", rt.javaVersion());
      put(m, "javaVendor", rt.javaVendor());
      put(m, "vmName", rt.vmName());
      put(m, "garbageCollectors", String.join(", ", rt.garbageCollectors()));
      Map<String, String> args = category(v, "jvmArgument");
      for (String arg : rt.inputArguments()) {
        String key = argumentKey(arg);
        String previous = args.get(key);
        args.put(key, previous == null ? arg : previous + "\u0000" + arg);
      }
      put(category(v, "resources"), "maxHeapBytes", Long.toString(rt.maxHeapBytes()));
    }
    OsInfo os = env.os();
    if (os != null) {
      Map<String, String> m = category(v, "os");
      put(m, "name", os.name());
      put(m, "version", os.version());
      put(m, "arch", os.arch());
      Map<String, String> r = category(v, "resources");
      put(r, "availableProcessors", Integer.toString(os.availableProcessors()));
      put(r, "physicalMemoryBytes", os.physicalMemoryBytes() == null ? null
          : Long.toString(os.physicalMemoryBytes()));
    }
    LocaleInfo l = env.locale();
    if (l != null) {
      Map<String, String> m = category(v, "locale");
      put(m, "defaultLocale", l.defaultLocale());
      put(m, "formatLocale", l.formatLocale());
      put(m, "displayLocale", l.displayLocale());
      put(m, "timeZone", l.timeZone());
      put(m, "defaultCharset", l.defaultCharset());
      put(m, "fileEncoding", l.fileEncoding());
      put(m, "sunJnuEncoding", l.sunJnuEncoding());
      put(m, "lineSeparator", l.lineSeparator());
    }
    ContainerInfo c = env.container();
    if (c != null) {
      Map<String, String> m = category(v, "container");
      put(m, "memoryLimitBytes", c.memoryLimitBytes() == null ? null
          : Long.toString(c.memoryLimitBytes()));
      put(m, "cpuLimit", c.cpuLimit() == null ? null : Double.toString(c.cpuLimit()));
    }
    Map<String, Set<String>> versions = new TreeMap<>();
    for (Library lib : env.libraries()) {
      versions.computeIfAbsent(lib.name(), k -> new TreeSet<>())
          .add(lib.version() == null ? "unknown" : lib.version());
    }
    if (!versions.isEmpty()) {
      Map<String, String> m = category(v, "library");
      versions.forEach((name, vs) -> m.put(name, String.join(", ", vs)));
    }
    if (!env.configuration().isEmpty()) {
      category(v, "configuration").putAll(env.configuration());
    }
    Map<String, String> vars = new TreeMap<>(env.environmentVariables());
    vars.keySet().removeAll(UNTRACKED_VARIABLES);
    if (!vars.isEmpty()) {
      category(v, "environmentVariable").putAll(vars);
    }
    // hash what must never be stored or shown in clear
    for (String hashed : HASHED) {
      Map<String, String> m = v.get(hashed);
      if (m != null) {
        m.replaceAll((name, value) -> hash(salt, hashed, name, value));
      }
    }
    v.values().removeIf(Map::isEmpty);
    return new Fingerprint(FORMAT, VERSION, env.collectedAt(), app, salt, v);
  }

  /**
   * The name a JVM argument is compared by: {@code -Dname}, {@code -XX:Name},
   * {@code -Xmx} (and the other sizing flags), {@code -javaagent:path}, {@code --name};
   * else the whole argument.
   */
  static String argumentKey(String arg) {
    if (arg.startsWith("-XX:")) {
      String rest = arg.substring(4);
      if (rest.startsWith("+") || rest.startsWith("-")) {
        rest = rest.substring(1);
      }
      int eq = rest.indexOf('=');
      return "-XX:" + (eq >= 0 ? rest.substring(0, eq) : rest);
    }
    for (String sizing : List.of("-Xmx", "-Xms", "-Xss", "-Xmn")) {
      if (arg.startsWith(sizing)) {
        return sizing;
      }
    }
    int eq = arg.indexOf('=');
    return eq > 0 ? arg.substring(0, eq) : arg;
  }

  static String hash(String saltHex, String category, String name, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HexFormat.of().parseHex(saltHex), "HmacSHA256"));
      mac.update((category + '\u0000' + name + '\u0000').getBytes(StandardCharsets.UTF_8));
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static Map<String, String> category(Map<String, Map<String, String>> v, String name) {
    return v.computeIfAbsent(name, k -> new TreeMap<>());
  }

  private static void put(Map<String, String> m, String name, String value) {
    if (value != null) {
      m.put(name, value);
    }
  }

  /** A mutable deep copy, for diffing. */
  Map<String, Map<String, String>> valuesCopy() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    values.forEach((k, m) -> out.put(k, new TreeMap<>(m)));
    return out;
  }
}
