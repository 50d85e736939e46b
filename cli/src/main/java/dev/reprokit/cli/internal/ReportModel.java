package dev.reprokit.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reprokit.event.BindValue;
import dev.reprokit.http.CurlExporter;
import dev.reprokit.event.Event;
import dev.reprokit.event.FailureEvent;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.JdbcConnectionEvent;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.JdbcTransactionEvent;
import dev.reprokit.event.LogEvent;
import dev.reprokit.event.MarkEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything a report shows, computed once from a bundle: the five escalation answers, the
 * environment table, the timeline and the reproduction steps. Renderers only lay it out.
 */
final class ReportModel {

  /** One escalation question and its answer: a headline and supporting lines. */
  record Answer(String question, String summary, List<String> details) {}

  /** One row of a two-column table. */
  record Row(String key, String value) {}

  /** One bar of the timeline. */
  record Entry(long seq, long startNanos, long durationNanos, String kind, String label,
      String outcome, boolean failed) {}

  /** A database involved, with its statements. */
  record Database(String label, int statements, int errors) {}

  /** An HTTP origin involved, with its exchanges. */
  record Origin(String origin, int exchanges, int failures, int clientErrors) {}

  static final List<String> KEY_LIBRARIES = List.of("reprokit-core", "httpclient5", "httpcore5",
      "h2", "postgresql", "mariadb-java-client", "HikariCP", "jackson-databind", "slf4j-api",
      "spring-core", "hibernate-core");

  final LoadedBundle bundle;
  final Map<String, String> env;
  final Map<String, String> manifest;
  final List<Origin> origins = new ArrayList<>();
  final List<Database> databases = new ArrayList<>();
  final List<Row> environment = new ArrayList<>();
  final List<Row> versions = new ArrayList<>();
  final List<String> changes = new ArrayList<>();
  final List<Entry> timeline = new ArrayList<>();
  final List<String> curl = new ArrayList<>();
  final List<String> sql = new ArrayList<>();
  final List<String> replay = new ArrayList<>();
  final List<Answer> answers = new ArrayList<>();
  final List<HttpExchangeEvent> failedExchanges = new ArrayList<>();
  final List<JdbcStatementEvent> failedStatements = new ArrayList<>();
  final Set<String> redactedHeaders = new LinkedHashSet<>();
  final long originNanos;
  private String changeStatus;
  private String changeMessage;
  final long endNanos;

  private final Map<Long, JdbcResultSetEvent> resultSets = new HashMap<>();
  private final Map<String, String> connectionUrls = new HashMap<>();

  private ReportModel(LoadedBundle bundle) {
    this.bundle = bundle;
    this.env = Json.flatten(bundle.environment());
    this.manifest = Json.flatten(bundle.manifest());
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Event e : bundle.events()) {
      first = Math.min(first, e.startNanos());
      last = Math.max(last, e.startNanos() + e.durationNanos());
      if (e instanceof JdbcResultSetEvent rs && rs.statementSeq() >= 0) {
        resultSets.put(rs.statementSeq(), rs);
      } else if (e instanceof JdbcConnectionEvent c && c.url() != null) {
        connectionUrls.put(c.connectionId(), c.url());
      }
    }
    this.originNanos = first == Long.MAX_VALUE ? 0 : first;
    this.endNanos = last == Long.MIN_VALUE ? 0 : last;
  }

  static ReportModel of(LoadedBundle bundle) {
    ReportModel m = new ReportModel(bundle);
    m.collectIntegrations();
    m.collectEnvironment();
    m.collectVersions();
    m.collectChanges();
    m.collectTimeline();
    m.collectReproduction();
    m.answer();
    return m;
  }

  // ---- the five answers ----------------------------------------------------------------------

  private void answer() {
    List<String> integrationLines = new ArrayList<>();
    for (Origin o : origins) {
      integrationLines.add("HTTP " + o.origin() + ": " + o.exchanges() + " exchange(s)"
          + (o.failures() > 0 ? ", " + o.failures() + " failed" : "")
          + (o.clientErrors() > 0 ? ", " + o.clientErrors() + " client error(s)" : ""));
    }
    for (Database d : databases) {
      integrationLines.add("Database " + d.label() + ": " + d.statements() + " statement(s)"
          + (d.errors() > 0 ? ", " + d.errors() + " failed" : ""));
    }
    String integrationSummary;
    if (integrationLines.isEmpty()) {
      integrationSummary = "no HTTP or JDBC calls were recorded";
    } else {
      List<String> parts = new ArrayList<>();
      for (Origin o : origins) {
        parts.add(o.failures() > 0
            ? "HTTP " + o.origin() + " (" + o.failures() + " of " + o.exchanges()
                + " exchanges failed)"
            : "HTTP " + o.origin() + " (" + o.exchanges() + " exchanges, none failed)");
      }
      for (Database d : databases) {
        parts.add(d.errors() > 0
            ? "database " + d.label() + " (" + d.errors() + " of " + d.statements()
                + " statements failed)"
            : "database " + d.label() + " (" + d.statements() + " statements, none failed)");
      }
      parts.sort((a, b) -> Boolean.compare(a.contains("none failed"), b.contains("none failed")));
      integrationSummary = String.join("; ", parts);
    }
    answers.add(new Answer("Which integration", integrationSummary, integrationLines));

    List<String> envLines = new ArrayList<>();
    for (Row r : environment) {
      envLines.add(r.key() + ": " + r.value());
    }
    String envSummary = String.join(", ", environment.stream()
        .filter(r -> r.key().equals("Java") || r.key().equals("OS") || r.key().equals("Locale")
            || r.key().equals("Time zone") || r.key().equals("Charset")
            || r.key().equals("Host"))
        .map(r -> r.key() + " " + r.value()).toList());
    answers.add(new Answer("Which environment",
        envSummary.isEmpty() ? "the bundle records no environment" : envSummary, envLines));

    List<String> versionLines = versions.stream().map(r -> r.key() + " " + r.value()).toList();
    String app = appLabel();
    StringBuilder versionSummary = new StringBuilder(app);
    if (producerVersion() != null) {
      versionSummary.append(", ReproKit ").append(producerVersion());
    }
    for (JsonNode d : bundle.environment().path("databases")) {
      String product = join(d.path("product").asText(null),
          d.path("productVersion").asText(null));
      if (product != null) {
        versionSummary.append(", ").append(product);
        break;
      }
    }
    Map<String, String> libs = libraries();
    for (String key : List.of("httpclient5", "postgresql", "mariadb-java-client")) {
      if (libs.containsKey(key)) {
        versionSummary.append(", ").append(key).append(' ').append(libs.get(key));
      }
    }
    answers.add(new Answer("Which version", versionSummary.toString(), versionLines));

    String changeSummary;
    if (changes.isEmpty()) {
      changeSummary = changesKnown()
          ? "nothing changed since the previous run of this application"
              + (previousRun() == null ? "" : " (" + previousRun() + ")")
          : "unknown: " + (changeMessage != null ? changeMessage
              : "no previous run of this application was recorded on this host");
    } else {
      changeSummary = changes.size() + " change(s) since the previous run"
          + (previousRun() == null ? "" : " at " + previousRun()) + ": "
          + String.join("; ", changes.subList(0, Math.min(3, changes.size())))
          + (changes.size() > 3 ? "; …" : "");
    }
    answers.add(new Answer("After which change", changeSummary, changes));

    List<String> errorLines = new ArrayList<>();
    List<String> shortLines = new ArrayList<>();
    for (HttpExchangeEvent h : failedExchanges) {
      errorLines.add("HTTP #" + h.seq() + " " + h.method() + " " + h.uri() + " → "
          + (h.error() != null ? Format.error(h.error()) : h.status() + " " + nz(h.reason())));
      shortLines.add("HTTP #" + h.seq() + " " + h.method() + " " + h.uri() + " → "
          + (h.error() != null ? simpleName(h.error().type()) : h.status() + " "
              + nz(h.reason())));
    }
    for (JdbcStatementEvent s : failedStatements) {
      errorLines.add("SQL #" + s.seq() + " " + Format.abbreviate(s.sql(), 100) + " → "
          + Format.error(s.error()));
      shortLines.add("SQL #" + s.seq() + " " + Format.abbreviate(s.sql(), 80) + " → "
          + (s.error().sqlState() == null ? "" : "SQLState " + s.error().sqlState() + " ")
          + "(" + simpleName(s.error().type()) + ")");
    }
    String failure = failureSummary();
    String errorSummary = failure != null ? Format.abbreviate(failure, 200)
        : !shortLines.isEmpty() ? shortLines.get(0) : "no error was recorded";
    if (failure != null && !shortLines.isEmpty()) {
      errorSummary += "; first failing call: " + shortLines.get(0)
          + (shortLines.size() > 1 ? " (and " + (shortLines.size() - 1) + " more)" : "");
    }
    answers.add(new Answer("Which error", errorSummary, errorLines));
  }

  private String previousRun() {
    return bundle.environment().path("changes").path("previousRunAt").asText(null);
  }

  String failureSummary() {
    if (bundle.failure() != null) {
      return bundle.failure().summary();
    }
    return Json.find(manifest, "trigger.failure");
  }

  String reason() {
    return Json.find(manifest, "trigger.reason");
  }

  String appLabel() {
    String name = Json.find(manifest, "application.name");
    String version = Json.find(manifest, "application.version");
    if (name == null && version == null) {
      return "application unknown";
    }
    return (name == null ? "application" : name) + (version == null ? "" : " " + version);
  }

  String producerVersion() {
    String v = Json.find(manifest, "producer.version", "producerVersion", "reprokitVersion",
        "producer");
    return v;
  }

  private boolean changesKnown() {
    return "COMPARED".equals(changeStatus);
  }

  // ---- integrations --------------------------------------------------------------------------

  private void collectIntegrations() {
    Map<String, int[]> byOrigin = new LinkedHashMap<>();
    Map<String, int[]> byDb = new LinkedHashMap<>();
    String defaultDb = defaultDatabaseLabel();
    for (Event e : bundle.events()) {
      if (e instanceof HttpExchangeEvent h) {
        int[] c = byOrigin.computeIfAbsent(origin(h.uri()), k -> new int[3]);
        c[0]++;
        if (h.failed()) {
          c[1]++;
          failedExchanges.add(h);
        } else if (h.status() >= 400) {
          c[2]++;
        }
        for (Header header : h.requestHeaders()) {
          if (Format.isRedacted(header.value())) {
            redactedHeaders.add(header.name());
          }
        }
      } else if (e instanceof JdbcStatementEvent s) {
        String url = connectionUrls.get(s.connectionId());
        int[] c = byDb.computeIfAbsent(url != null ? databaseLabel(url) : defaultDb,
            k -> new int[2]);
        c[0]++;
        if (s.error() != null) {
          c[1]++;
          failedStatements.add(s);
        }
      }
    }
    byOrigin.forEach((k, v) -> origins.add(new Origin(k, v[0], v[1], v[2])));
    byDb.forEach((k, v) -> databases.add(new Database(k, v[0], v[1])));
    origins.sort((a, b) -> Integer.compare(b.failures(), a.failures()));
    databases.sort((a, b) -> Integer.compare(b.errors(), a.errors()));
  }

  static String origin(String uri) {
    try {
      URI u = URI.create(uri);
      if (u.getHost() == null) {
        return uri;
      }
      return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    } catch (RuntimeException e) {
      return String.valueOf(uri);
    }
  }

  private String defaultDatabaseLabel() {
    JsonNode dbs = bundle.environment().path("databases");
    if (dbs.isArray() && dbs.size() > 0) {
      JsonNode d = dbs.get(0);
      return dbLabel(d);
    }
    return "JDBC database (not identified)";
  }

  private String databaseLabel(String url) {
    JsonNode dbs = bundle.environment().path("databases");
    for (JsonNode d : dbs) {
      if (url.equals(d.path("url").asText(null))) {
        return dbLabel(d);
      }
    }
    return url;
  }

  private static String dbLabel(JsonNode d) {
    String product = d.path("product").asText("");
    String url = d.path("url").asText("");
    return (product.isEmpty() ? "" : product + " ") + (url.isEmpty() ? "" : "at " + url);
  }

  // ---- environment and versions ----------------------------------------------------------------

  private void collectEnvironment() {
    addEnv("Java", join(Json.find(env, "java.version", "javaVersion", "runtime.version",
        "java.runtime.version"), Json.find(env, "javaVendor", "java.vendor", "vendor")));
    addEnv("JVM", Json.find(env, "vmName", "java.vm.name", "vm.name", "runtime.vmName"));
    addEnv("OS", join(join(Json.find(env, "os.name", "osName"),
        Json.find(env, "os.version", "osVersion")), Json.find(env, "os.arch", "arch")));
    addEnv("Locale", Json.find(env, "locale", "defaultLocale", "locale.default", "user.locale"));
    addEnv("Format locale", Json.find(env, "formatLocale", "locale.format"));
    addEnv("Time zone", Json.find(env, "timeZone", "timezone", "user.timezone", "zone"));
    addEnv("Charset", Json.find(env, "defaultCharset", "charset", "charset.default"));
    addEnv("file.encoding", Json.find(env, "file.encoding", "fileEncoding"));
    addEnv("sun.jnu.encoding", Json.find(env, "sunJnuEncoding", "sun.jnu.encoding"));
    addEnv("Host", Json.find(env, "hostName", "hostname", "host.name", "host"));
    addEnv("CPUs", Json.find(env, "availableProcessors", "processors", "cpus"));
    addEnv("Max heap", bytesIfNumber(Json.find(env, "maxHeapBytes", "maxHeap", "heap.max",
        "maxMemory")));
    addEnv("Container memory", bytesIfNumber(Json.find(env, "memoryLimitBytes")));
    String configuration = configurationSummary();
    if (configuration != null) {
      addEnv("Configuration", configuration);
    }
  }

  private String configurationSummary() {
    List<String> items = new ArrayList<>();
    env.forEach((k, v) -> {
      if (k.startsWith("configuration.")) {
        items.add(k.substring("configuration.".length()) + "=" + v);
      }
    });
    return items.isEmpty() ? null : String.join(", ", items);
  }

  private void collectVersions() {
    versions.add(new Row("Application", appLabel()
        + opt(" build ", Json.find(manifest, "application.build"))
        + opt(" commit ", Json.find(manifest, "application.commit"))));
    if (producerVersion() != null) {
      versions.add(new Row("ReproKit", producerVersion()));
    }
    for (Map.Entry<String, String> lib : libraries().entrySet()) {
      versions.add(new Row(lib.getKey(), lib.getValue()));
    }
    for (JsonNode d : bundle.environment().path("databases")) {
      String product = join(d.path("product").asText(null), d.path("productVersion").asText(null));
      String driver = join(d.path("driver").asText(null), d.path("driverVersion").asText(null));
      if (product != null) {
        versions.add(new Row("Database", product));
      }
      if (driver != null) {
        versions.add(new Row("JDBC driver", driver));
      }
    }
  }

  /** Key libraries found in the environment's class path listing, name to version. */
  Map<String, String> libraries() {
    Map<String, String> found = new LinkedHashMap<>();
    JsonNode libs = firstArray(bundle.environment(), "libraries", "classpath", "classPath",
        "jars");
    for (JsonNode lib : libs) {
      String name = firstText(lib, "artifactId", "artifact", "name", "file");
      String version = firstText(lib, "version");
      if (name == null || version == null) {
        continue;
      }
      for (String key : KEY_LIBRARIES) {
        if (name.equalsIgnoreCase(key) || name.startsWith(key + "-") && name.endsWith(".jar")) {
          found.putIfAbsent(key, version);
        }
      }
    }
    return found;
  }

  private void collectChanges() {
    JsonNode holder = bundle.environment().path("changes");
    JsonNode list = holder.isArray() ? holder : holder.path("changes");
    for (JsonNode c : list) {
      if (c.isValueNode()) {
        changes.add(c.asText());
        continue;
      }
      String what = firstText(c, "name", "key", "what", "path");
      String category = firstText(c, "category", "kind");
      String before = firstText(c, "previous", "before", "old");
      String after = firstText(c, "current", "after", "new");
      boolean hashed = c.path("hashed").asBoolean(false);
      String label = (category == null ? "" : category + " ") + nz(what);
      if (hashed) {
        changes.add(label + ": value changed (hashes " + nz(before, "none") + " → "
            + nz(after, "none") + ")");
      } else {
        changes.add(label + ": " + nz(before, "(none)") + " → " + nz(after, "(none)"));
      }
    }
    changeStatus = holder.path("status").asText(null);
    changeMessage = holder.path("message").asText(null);
  }

  // ---- timeline ------------------------------------------------------------------------------

  private void collectTimeline() {
    for (Event e : bundle.events()) {
      if (e instanceof HttpExchangeEvent h) {
        String outcome = h.error() != null ? Format.error(h.error())
            : h.status() + (h.reason() == null ? "" : " " + h.reason())
                + (h.responseBody() == null ? "" : ", " + Format.bytes(
                    h.responseBody().originalSize() >= 0 ? h.responseBody().originalSize()
                        : h.responseBody().keptSize()));
        timeline.add(new Entry(h.seq(), h.startNanos(), h.durationNanos(), "http",
            h.method() + " " + h.uri(), outcome, h.failed()));
      } else if (e instanceof JdbcStatementEvent s) {
        timeline.add(new Entry(s.seq(), s.startNanos(), s.durationNanos(), "sql",
            Format.abbreviate(s.sql(), 120), statementOutcome(s), s.error() != null));
      } else if (e instanceof JdbcTransactionEvent t) {
        timeline.add(new Entry(t.seq(), t.startNanos(), t.durationNanos(), "tx",
            t.action() + (t.value() == null ? "" : " " + t.value()),
            t.error() == null ? "ok" : Format.error(t.error()), t.error() != null));
      } else if (e instanceof JdbcConnectionEvent c) {
        timeline.add(new Entry(c.seq(), c.startNanos(), c.durationNanos(), "connection",
            c.action() + " " + nz(c.url()), c.error() == null ? "ok" : Format.error(c.error()),
            c.error() != null));
      } else if (e instanceof MarkEvent mk) {
        timeline.add(new Entry(mk.seq(), mk.startNanos(), mk.durationNanos(), "mark", mk.name(),
            mk.attributes().isEmpty() ? "" : mk.attributes().toString(), false));
      } else if (e instanceof LogEvent l) {
        timeline.add(new Entry(l.seq(), l.startNanos(), l.durationNanos(), "log",
            nz(l.level()) + " " + Format.abbreviate(l.message(), 120),
            l.error() == null ? "" : Format.error(l.error()),
            "ERROR".equalsIgnoreCase(l.level())));
      } else if (e instanceof FailureEvent f) {
        timeline.add(new Entry(f.seq(), f.startNanos(), f.durationNanos(), "failure",
            nz(f.reason()), f.error() == null ? "" : Format.error(f.error()), true));
      }
    }
  }

  String statementOutcome(JdbcStatementEvent s) {
    if (s.error() != null) {
      return Format.error(s.error());
    }
    JdbcResultSetEvent rs = resultSets.get(s.seq());
    if (rs != null) {
      return rs.rowsSeen() + (rs.complete() ? "" : "+") + " row(s)";
    }
    if (!s.batchUpdateCounts().isEmpty()) {
      return "batch " + s.batchUpdateCounts();
    }
    if (s.updateCount() >= 0) {
      return s.updateCount() + " updated";
    }
    return "ok";
  }

  // ---- reproduction ----------------------------------------------------------------------------

  private void collectReproduction() {
    Set<String> seenCurl = new LinkedHashSet<>();
    for (Event e : bundle.events()) {
      if (e instanceof HttpExchangeEvent h) {
        String cmd = curl(h);
        if (seenCurl.add(cmd)) {
          curl.add((h.failed() ? "# FAILED in the bundle: " + h.status() + "\n" : "") + cmd);
        }
      } else if (e instanceof JdbcStatementEvent s) {
        sql.add(sqlStep(s));
      }
    }
    String file = bundle.path() == null ? "BUNDLE" : bundle.path().getFileName().toString();
    if (!origins.isEmpty()) {
      StringBuilder http = new StringBuilder("repro replay http " + file
          + " --target https://staging.example.com");
      for (String h : redactedHeaders) {
        http.append(" --header ").append(h).append("=\"$STAGING_")
            .append(envName(h)).append('"');
      }
      replay.add(http.toString());
      replay.add("repro serve " + file + " --port 8089   # point the application at "
          + "http://127.0.0.1:8089");
    }
    if (!databases.isEmpty()) {
      replay.add("repro replay jdbc " + file + " --url 'jdbc:…staging…' --user sync"
          + " --password-env STAGING_DB_PASSWORD");
    }
    replay.add("repro report " + file + " --format html -o report.html");
  }

  /** The {@code curl} command, exactly as {@code repro export --format curl} writes it. */
  static String curl(HttpExchangeEvent h) {
    return CurlExporter.command(h);
  }

  static String envName(String headerName) {
    return headerName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
  }

  static String sqlStep(JdbcStatementEvent s) {
    int[] redacted = {0};
    StringBuilder sb = new StringBuilder();
    sb.append("-- #").append(s.seq()).append(' ').append(s.method());
    if (s.error() != null) {
      sb.append(" — FAILED in the bundle: ").append(Format.error(s.error()));
    }
    sb.append('\n');
    if (!s.batch().isEmpty()) {
      for (List<BindValue> entry : s.batch()) {
        sb.append(inline(s.sql(), entry, redacted)).append(";\n");
      }
    } else {
      sb.append(inline(s.sql(), s.binds(), redacted)).append(';');
    }
    if (!s.binds().isEmpty()) {
      sb.append("\n-- binds: ");
      List<String> parts = new ArrayList<>();
      int[] counter = {0};
      for (BindValue b : s.binds()) {
        parts.add((b.name() != null ? b.name() : String.valueOf(b.index())) + "="
            + Format.sqlLiteral(b, counter) + " (" + b.setter() + ")");
      }
      sb.append(String.join(", ", parts));
    }
    if (redacted[0] > 0) {
      sb.append("\n-- :redacted_N are values redacted in the bundle; supply real ones");
    }
    return sb.toString();
  }

  /** The SQL with each {@code ?} outside quotes replaced by its bound literal. */
  static String inline(String sql, List<BindValue> binds, int[] redacted) {
    if (binds.isEmpty() || sql == null) {
      return nz(sql);
    }
    Map<Integer, BindValue> byIndex = new HashMap<>();
    for (BindValue b : binds) {
      byIndex.put(b.index(), b);
    }
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    int param = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        inString = !inString;
      }
      if (c == '?' && !inString) {
        BindValue b = byIndex.get(++param);
        out.append(b == null ? "?" : Format.sqlLiteral(b, redacted));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void addEnv(String key, String value) {
    if (value != null && !value.isBlank()) {
      environment.add(new Row(key, value));
    }
  }

  private static String bytesIfNumber(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Format.bytes(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return s;
    }
  }

  private static JsonNode firstArray(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode found = node.findPath(n);
      if (found.isArray()) {
        return found;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static JsonNode firstObject(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode found = node.findPath(n);
      if (found.isObject()) {
        return found;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String firstText(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v != null && v.isValueNode() && !v.asText().isEmpty()) {
        return v.asText();
      }
    }
    return null;
  }

  static String simpleName(String type) {
    return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
  }

  static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " " + b;
  }

  private static String opt(String prefix, String value) {
    return value == null ? "" : prefix + value;
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String nz(String s, String otherwise) {
    return s == null ? otherwise : s;
  }
}
