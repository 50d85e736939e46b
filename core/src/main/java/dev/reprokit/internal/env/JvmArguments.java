package dev.reprokit.internal.env;

import java.util.ArrayList;
import java.util.List;

/**
 * Redaction of JVM arguments. A JVM argument can carry a secret in a system property
 * ({@code -Ddb.password=...}), in agent options ({@code -javaagent:apm.jar=api_key=...}),
 * in an {@code -XX:Name=value} or {@code --name=value} option, or anywhere in its text (a URL
 * with credentials). Each form is split so that the name decides, as for any named value.
 */
public final class JvmArguments {
  private static final String[] AGENT_PREFIXES = {"-javaagent:", "-agentlib:", "-agentpath:"};

  private JvmArguments() {}

  /** Each argument with secrets replaced. */
  public static List<String> redact(List<String> arguments, EnvironmentRedaction.Rules rules) {
    List<String> out = new ArrayList<>(arguments.size());
    for (String argument : arguments) {
      out.add(argument == null ? null : redactOne(argument, rules));
    }
    return out;
  }

  static String redactOne(String arg, EnvironmentRedaction.Rules rules) {
    if (arg.startsWith("-D")) {
      int eq = arg.indexOf('=');
      if (eq > 2) {
        String name = arg.substring(2, eq);
        return "-D" + name + "=" + rules.namedValue(name, arg.substring(eq + 1));
      }
      return rules.text(arg);
    }
    for (String prefix : AGENT_PREFIXES) {
      if (arg.startsWith(prefix)) {
        int eq = arg.indexOf('=', prefix.length());
        if (eq < 0) {
          return rules.text(arg);
        }
        return rules.text(arg.substring(0, eq)) + "=" + redactOptions(arg.substring(eq + 1), rules);
      }
    }
    if (arg.startsWith("-XX:") || arg.startsWith("--")) {
      int start = arg.startsWith("-XX:") ? 4 : 2;
      int eq = arg.indexOf('=', start);
      if (eq > start) {
        String name = arg.substring(start, eq);
        return arg.substring(0, eq + 1) + rules.namedValue(name, arg.substring(eq + 1));
      }
    }
    return rules.text(arg);
  }

  /**
   * Agent options, e.g. {@code service=checkout,api_key=abc;token=x&debug}: each
   * {@code name=value} item is redacted by name, other items by text rules. Separators
   * ({@code ,}, {@code ;}, {@code &}) are kept.
   */
  static String redactOptions(String options, EnvironmentRedaction.Rules rules) {
    StringBuilder out = new StringBuilder(options.length() + 16);
    int start = 0;
    for (int i = 0; i <= options.length(); i++) {
      char c = i < options.length() ? options.charAt(i) : ',';
      if (c == ',' || c == ';' || c == '&') {
        String item = options.substring(start, i);
        int eq = item.indexOf('=');
        if (eq > 0) {
          String name = item.substring(0, eq);
          out.append(name).append('=').append(rules.namedValue(name, item.substring(eq + 1)));
        } else if (!item.isEmpty()) {
          out.append(rules.text(item));
        }
        if (i < options.length()) {
          out.append(c);
        }
        start = i + 1;
      }
    }
    return out.toString();
  }

  /**
   * Splits a {@code JAVA_TOOL_OPTIONS}-style value into arguments at white space, keeping
   * single- and double-quoted parts together.
   */
  public static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean inToken = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quote != 0) {
        current.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (Character.isWhitespace(c)) {
        if (inToken) {
          out.add(current.toString());
          current.setLength(0);
          inToken = false;
        }
      } else {
        if (c == '"' || c == '\'') {
          quote = c;
        }
        current.append(c);
        inToken = true;
      }
    }
    if (inToken) {
      out.add(current.toString());
    }
    return out;
  }
}
