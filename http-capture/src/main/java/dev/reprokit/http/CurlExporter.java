package dev.reprokit.http;

import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.http.internal.Bodies;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exports recorded HTTP exchanges as {@code curl} commands, one per exchange, so an engineer
 * can re-issue them from a shell. Values that redaction replaced ({@code ‹redacted:…›}) become
 * shell variables — {@code $AUTH_TOKEN} for {@code Authorization}, {@code $X_API_KEY} for
 * {@code X-Api-Key}, the parameter or field name for query and JSON values — which the script
 * checks up front, so the user supplies their own credentials.
 *
 * <pre>{@code
 * String script = CurlExporter.toScript(events);                          // as recorded
 * String staging = CurlExporter.toScript(events, "https://staging.example.com");
 * }</pre>
 *
 * <p>Request bodies are piped byte-exact through {@code printf} ({@code --data-binary @-}).
 * Headers curl derives itself ({@code Host}, {@code Content-Length}, {@code Transfer-Encoding},
 * {@code Connection}) are left out; a recorded {@code Accept-Encoding} becomes
 * {@code --compressed}, so the answer prints decoded. The output is POSIX {@code sh}.
 * Stateless and thread-safe.
 */
public final class CurlExporter {
  private static final Pattern REDACTED = Bodies.PSEUDONYM;
  private static final Set<String> SKIPPED_HEADERS =
      Set.of("host", "content-length", "transfer-encoding", "connection", "keep-alive",
          "accept-encoding", "expect", "te", "upgrade");

  private CurlExporter() {}

  /** A shell script with a command for each HTTP exchange among {@code events}. */
  public static String toScript(List<? extends Event> events) {
    return toScript(events, null);
  }

  /**
   * A shell script with a command for each HTTP exchange, sent to {@code baseUrl} (scheme,
   * host and port; path and query stay as recorded) instead of the recorded host when it is
   * not {@code null}.
   */
  public static String toScript(List<? extends Event> events, String baseUrl) {
    Variables vars = new Variables();
    List<String> commands = new ArrayList<>();
    int count = 0;
    for (Event e : events) {
      if (e instanceof HttpExchangeEvent h) {
        count++;
        commands.add("# #" + h.seq() + " " + h.method() + " " + h.uri() + " -> "
            + (h.status() > 0 ? h.status() + (h.reason() == null ? "" : " " + h.reason())
                : h.error() == null ? "no response" : h.error().type())
            + " (recorded)\n" + command(h, baseUrl, vars));
      }
    }
    StringBuilder script = new StringBuilder();
    script.append("#!/bin/sh\n");
    script.append("# ").append(count).append(" HTTP exchange(s) exported by ReproKit.\n");
    if (!vars.names.isEmpty()) {
      script.append("# Recorded secrets were redacted; set these variables before running:\n");
      for (Map.Entry<String, String> v : vars.described.entrySet()) {
        script.append(": \"${").append(v.getKey()).append(":?set ").append(v.getKey())
            .append(" to the value for ").append(v.getValue().replace("\"", "'")).append("}\"\n");
      }
    }
    for (String c : commands) {
      script.append('\n').append(c).append('\n');
    }
    return script.toString();
  }

  /** The command for one exchange, as recorded. */
  public static String command(HttpExchangeEvent exchange) {
    return command(exchange, null, new Variables());
  }

  private static String command(HttpExchangeEvent e, String baseUrl, Variables vars) {
    StringBuilder cmd = new StringBuilder();
    Payload body = e.requestBody();
    boolean hasBody = body != null && body.data() != null && body.data().length > 0;
    if (hasBody) {
      cmd.append(printf(body, vars)).append(" | \\\n  ");
    }
    cmd.append("curl -sS");
    String method = e.method().toUpperCase(Locale.ROOT);
    if (method.equals("HEAD")) {
      cmd.append(" --head");
    } else if (!(method.equals("GET") && !hasBody) && !(method.equals("POST") && hasBody)) {
      cmd.append(" -X ").append(method);
    }
    cmd.append(' ').append(quoteWithVariables(url(e.uri(), baseUrl), vars, "query"));
    boolean compressed = false;
    boolean accept = false;
    boolean userAgent = false;
    for (Header h : e.requestHeaders()) {
      accept |= h.name().equalsIgnoreCase("Accept");
      userAgent |= h.name().equalsIgnoreCase("User-Agent");
    }
    if (!accept) {
      cmd.append(" \\\n  -H \"Accept:\""); // else curl adds "Accept: */*"
    }
    if (!userAgent) {
      cmd.append(" \\\n  -H \"User-Agent:\"");
    }
    for (Header h : e.requestHeaders()) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (name.equals("accept-encoding")) {
        compressed = true;
      }
      if (SKIPPED_HEADERS.contains(name)) {
        continue;
      }
      String header = h.value().isEmpty() ? h.name() + ";" : h.name() + ": " + h.value();
      cmd.append(" \\\n  -H ").append(quoteWithVariables(header, vars, h.name()));
    }
    if (compressed) {
      cmd.append(" \\\n  --compressed");
    }
    if (hasBody) {
      cmd.append(" \\\n  --data-binary @-");
    }
    return cmd.toString();
  }

  private static String url(String uri, String baseUrl) {
    if (baseUrl == null) {
      return uri;
    }
    try {
      URI u = URI.create(uri);
      String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
      return base + (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
          + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    } catch (IllegalArgumentException e) {
      return uri;
    }
  }

  private static String printf(Payload body, Variables vars) {
    String type = body.contentType();
    if (Bodies.isText(type) || REDACTED.matcher(Bodies.text(body)).find()) {
      return "printf '%s' " + quoteWithVariables(Bodies.text(body), vars, "body");
    }
    StringBuilder octal = new StringBuilder("printf '");
    for (byte b : body.data()) {
      octal.append('\\').append(Integer.toOctalString((b & 0xff) | 0x200).substring(1));
    }
    return octal.append('\'').toString();
  }

  /**
   * A double-quoted shell word: literal text escaped, each redacted value replaced by a
   * variable reference named from {@code context} (a header name, "query" or "body").
   */
  private static String quoteWithVariables(String text, Variables vars, String context) {
    StringBuilder out = new StringBuilder("\"");
    Matcher m = REDACTED.matcher(text);
    int last = 0;
    while (m.find()) {
      out.append(escape(text.substring(last, m.start())));
      String name = vars.nameFor(m.group(), context, text.substring(0, m.start()));
      out.append("${").append(name).append('}');
      last = m.end();
    }
    out.append(escape(text.substring(last))).append('"');
    return out.toString();
  }

  private static String escape(String literal) {
    StringBuilder out = new StringBuilder(literal.length());
    for (char c : literal.toCharArray()) {
      if (c == '"' || c == '\\' || c == '$' || c == '`') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Shell variables for redacted values: one per distinct pseudonym, named by context. */
  private static final class Variables {
    final Map<String, String> names = new LinkedHashMap<>();
    final Map<String, String> described = new LinkedHashMap<>();

    String nameFor(String placeholder, String context, String before) {
      String existing = names.get(placeholder);
      if (existing != null) {
        return existing;
      }
      String base;
      String what;
      if (context.equals("query")) {
        Matcher p = Pattern.compile("([A-Za-z0-9_.-]+)=$").matcher(before);
        base = p.find() ? p.group(1) : "QUERY_SECRET";
        what = "query parameter " + base;
      } else if (context.equals("body")) {
        Matcher p = Pattern.compile("\"([A-Za-z0-9_.-]+)\"\\s*:\\s*\"?$").matcher(before);
        Matcher f = Pattern.compile("([A-Za-z0-9_.-]+)=$").matcher(before);
        base = p.find() ? p.group(1) : f.find() ? f.group(1) : "BODY_SECRET";
        what = "body field " + base;
      } else if (context.equalsIgnoreCase("Authorization")
          || context.equalsIgnoreCase("Proxy-Authorization")) {
        base = context.equalsIgnoreCase("Authorization") ? "AUTH_TOKEN" : "PROXY_AUTH_TOKEN";
        what = "the " + context + " header";
      } else {
        base = context;
        what = "the " + context + " header";
      }
      String name = base.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
      if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
        name = "V_" + name;
      }
      String unique = name;
      for (int i = 2; names.containsValue(unique); i++) {
        unique = name + "_" + i;
      }
      names.put(placeholder, unique);
      described.put(unique, what);
      return unique;
    }
  }
}
