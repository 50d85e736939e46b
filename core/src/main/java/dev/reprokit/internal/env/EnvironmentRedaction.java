package dev.reprokit.internal.env;

import dev.reprokit.env.DatabaseInfo;
import dev.reprokit.env.Environment;
import dev.reprokit.env.RuntimeInfo;
import dev.reprokit.redact.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies redaction rules to every secret-bearing part of an {@link Environment}. */
public final class EnvironmentRedaction {
  private EnvironmentRedaction() {}

  /** The three redaction operations the environment needs; normally a {@link Redactor}. */
  public interface Rules {
    /** A named value, replaced whole when the name looks secret, else text rules apply. */
    String namedValue(String name, String value);

    /** Secrets anywhere in text. */
    String text(String text);

    /** A JDBC URL without passwords. */
    String jdbcUrl(String url);

    /** {@code true} when the name looks like it holds a secret. */
    boolean secretName(String name);

    static Rules of(Redactor redactor) {
      return new Rules() {
        @Override
        public String namedValue(String name, String value) {
          return redactor.redactNamedValue(name, value);
        }

        @Override
        public String text(String text) {
          return redactor.redactText(text);
        }

        @Override
        public String jdbcUrl(String url) {
          return redactor.redactJdbcUrl(url);
        }

        @Override
        public boolean secretName(String name) {
          return redactor.isSecretName(name);
        }
      };
    }
  }

  /** The environment with every secret replaced. */
  public static Environment apply(Environment env, Rules rules) {
    RuntimeInfo runtime = env.runtime() == null ? null
        : env.runtime().withInputArguments(JvmArguments.redact(env.runtime().inputArguments(), rules));
    return new Environment(
        env.collectedAt(),
        env.application(),
        runtime,
        env.os(),
        env.locale(),
        env.host(),
        env.container(),
        env.libraries(),
        redactMap(env.systemProperties(), rules),
        env.otherSystemProperties(),
        redactEnvironmentVariables(env.environmentVariables(), rules),
        env.otherEnvironmentVariables(),
        redactDatabases(env.databases(), rules),
        redactMap(env.configuration(), rules),
        env.changes());
  }

  private static Map<String, String> redactMap(Map<String, String> map, Rules rules) {
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, nullToEmpty(rules.namedValue(k, v))));
    return out;
  }

  private static Map<String, String> redactEnvironmentVariables(Map<String, String> map,
      Rules rules) {
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((name, value) -> {
      String redacted;
      if (Allowlists.isJvmOptionsVariable(name) && !rules.secretName(name)) {
        // JAVA_TOOL_OPTIONS & co. hold JVM arguments: redact each one like an input argument.
        redacted = String.join(" ", JvmArguments.redact(JvmArguments.split(value), rules));
      } else {
        redacted = rules.namedValue(name, value);
      }
      out.put(name, nullToEmpty(redacted));
    });
    return out;
  }

  private static List<DatabaseInfo> redactDatabases(List<DatabaseInfo> databases, Rules rules) {
    List<DatabaseInfo> out = new ArrayList<>(databases.size());
    for (DatabaseInfo d : databases) {
      out.add(new DatabaseInfo(d.product(), d.productVersion(), d.driver(), d.driverVersion(),
          d.url() == null ? null : rules.jdbcUrl(d.url())));
    }
    return out;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
