package dev.reprokit.cli.internal;

import dev.reprokit.event.BindValue;
import dev.reprokit.event.Event;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What differs between two bundles: first the environment (versions, JVM, OS, locale,
 * charset, time zone, configuration), then the exchanges and statements whose outcomes
 * differ. Exchanges are paired by method and path (hosts differ between a customer and
 * staging), statements by SQL text and binds, repeated ones in recorded order.
 */
final class BundleDiff {

  /** One environment setting that differs. */
  record Setting(String key, String a, String b) {}

  /** One call that differs, or appears on one side only. */
  record Call(String kind, String call, String a, String b) {}

  /** Keys that differ between any two runs and say nothing about the bug. */
  private static final List<String> VOLATILE = List.of("uptime", "pid", "starttime",
      "start.time", "startedat", "collectedat", "capturedat", "timestamp", "freememory",
      "totalheap", "usedheap", "totalmemory", "heap.used", "heap.committed", "fingerprint",
      "loadaverage", "changes", "previous", "bundleid", "createdat", "inputarguments.", "processid");

  /** Settings shown first, in this order, when they differ. */
  private static final List<String> IMPORTANT = List.of("locale", "charset", "encoding",
      "timezone", "zone", "java", "vm", "os", "librar", "configuration", "database", "driver");

  final List<Setting> settings = new ArrayList<>();
  final List<Call> calls = new ArrayList<>();
  int httpA;
  int httpB;
  int sqlA;
  int sqlB;

  static BundleDiff of(LoadedBundle a, LoadedBundle b) {
    BundleDiff d = new BundleDiff();
    d.compareSettings(a, b);
    d.compareHttp(a.events(), b.events());
    d.compareSql(a.events(), b.events());
    return d;
  }

  boolean same() {
    return settings.isEmpty() && calls.isEmpty();
  }

  private void compareSettings(LoadedBundle a, LoadedBundle b) {
    Map<String, String> ma = new LinkedHashMap<>();
    Map<String, String> mb = new LinkedHashMap<>();
    Json.flatten(a.manifest().path("application"))
        .forEach((k, v) -> ma.put("application." + k, v));
    Json.flatten(b.manifest().path("application"))
        .forEach((k, v) -> mb.put("application." + k, v));
    Json.flatten(a.manifest().path("producer")).forEach((k, v) -> ma.put("producer." + k, v));
    Json.flatten(b.manifest().path("producer")).forEach((k, v) -> mb.put("producer." + k, v));
    ma.putAll(Json.flatten(a.environment()));
    mb.putAll(Json.flatten(b.environment()));
    Set<String> keys = new LinkedHashSet<>(ma.keySet());
    keys.addAll(mb.keySet());
    List<Setting> found = new ArrayList<>();
    for (String key : keys) {
      if (isVolatile(key)) {
        continue;
      }
      String va = ma.get(key);
      String vb = mb.get(key);
      if (Format.isRedacted(va) && Format.isRedacted(vb)) {
        continue; // pseudonyms are keyed per bundle: two redacted values cannot be compared
      }
      if (!Objects.equals(va, vb)) {
        found.add(new Setting(key, va, vb));
      }
    }
    found.sort((x, y) -> Integer.compare(rank(x.key()), rank(y.key())));
    settings.addAll(found);
  }

  private static boolean isVolatile(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    for (String v : VOLATILE) {
      if (k.contains(v)) {
        return true;
      }
    }
    return false;
  }

  private static int rank(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.startsWith("application.") || k.startsWith("producer.")) {
      return -1;
    }
    for (int i = 0; i < IMPORTANT.size(); i++) {
      if (k.contains(IMPORTANT.get(i))) {
        return i;
      }
    }
    return IMPORTANT.size();
  }

  private void compareHttp(List<Event> a, List<Event> b) {
    List<HttpExchangeEvent> ea = only(a, HttpExchangeEvent.class);
    List<HttpExchangeEvent> eb = only(b, HttpExchangeEvent.class);
    httpA = ea.size();
    httpB = eb.size();
    pair(ea, eb, h -> h.method() + " " + pathAndQuery(h.uri()), BundleDiff::httpOutcome,
        "http");
  }

  private void compareSql(List<Event> a, List<Event> b) {
    List<JdbcStatementEvent> sa = only(a, JdbcStatementEvent.class);
    List<JdbcStatementEvent> sb = only(b, JdbcStatementEvent.class);
    sqlA = sa.size();
    sqlB = sb.size();
    Map<Long, JdbcResultSetEvent> rsA = resultSets(a);
    Map<Long, JdbcResultSetEvent> rsB = resultSets(b);
    Function<JdbcStatementEvent, String> key = s -> Format.abbreviate(s.sql(), 200)
        + bindsText(s.binds());
    Map<JdbcStatementEvent, String> outcomes = new HashMap<>();
    sa.forEach(s -> outcomes.put(s, sqlOutcome(s, rsA.get(s.seq()))));
    sb.forEach(s -> outcomes.put(s, sqlOutcome(s, rsB.get(s.seq()))));
    pair(sa, sb, key, outcomes::get, "sql");
  }

  private <T> void pair(List<T> a, List<T> b, Function<T, String> key,
      Function<T, String> outcome, String kind) {
    Map<String, Deque<T>> byKey = new LinkedHashMap<>();
    for (T t : b) {
      byKey.computeIfAbsent(key.apply(t), k -> new ArrayDeque<>()).add(t);
    }
    for (T t : a) {
      String k = key.apply(t);
      Deque<T> candidates = byKey.get(k);
      T other = candidates == null ? null : candidates.pollFirst();
      if (other == null) {
        calls.add(new Call(kind, k, outcome.apply(t), null));
      } else if (!outcome.apply(t).equals(outcome.apply(other))) {
        calls.add(new Call(kind, k, outcome.apply(t), outcome.apply(other)));
      }
    }
    byKey.forEach((k, rest) -> rest.forEach(t -> calls.add(new Call(kind, k, null,
        outcome.apply(t)))));
  }

  private static String httpOutcome(HttpExchangeEvent h) {
    if (h.error() != null) {
      return "error " + h.error().type() + (h.error().message() == null ? ""
          : ": " + h.error().message());
    }
    String body = h.responseBody() == null || h.responseBody().data() == null ? "no body"
        : Format.bytes(h.responseBody().keptSize()) + " body sha256:"
            + sha256(h.responseBody().data()).substring(0, 12);
    return h.status() + ", " + body;
  }

  private static String sqlOutcome(JdbcStatementEvent s, JdbcResultSetEvent rs) {
    if (s.error() != null) {
      return "error " + (s.error().sqlState() == null ? "" : "SQLState " + s.error().sqlState()
          + " ") + s.error().type();
    }
    if (rs != null) {
      return rs.rowsSeen() + " row(s) " + rowsText(rs.rows());
    }
    if (s.updateCount() >= 0) {
      return s.updateCount() + " updated";
    }
    if (!s.batchUpdateCounts().isEmpty()) {
      return "batch " + s.batchUpdateCounts();
    }
    return "ok";
  }

  private static String rowsText(List<List<Object>> rows) {
    StringBuilder sb = new StringBuilder();
    for (List<Object> row : rows) {
      sb.append(row.stream().map(v -> v instanceof byte[] bytes ? sha256(bytes)
          : String.valueOf(v)).toList());
    }
    return Format.abbreviate(sb.toString(), 160);
  }

  private static String bindsText(List<BindValue> binds) {
    if (binds.isEmpty()) {
      return "";
    }
    List<String> values = new ArrayList<>();
    int[] counter = {0};
    for (BindValue b : binds) {
      values.add(Format.sqlLiteral(b, counter));
    }
    return " " + values;
  }

  private static Map<Long, JdbcResultSetEvent> resultSets(List<Event> events) {
    Map<Long, JdbcResultSetEvent> map = new HashMap<>();
    for (Event e : events) {
      if (e instanceof JdbcResultSetEvent rs) {
        map.put(rs.statementSeq(), rs);
      }
    }
    return map;
  }

  private static <T> List<T> only(List<Event> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static String pathAndQuery(String uri) {
    try {
      URI u = URI.create(uri);
      return (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
          + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    } catch (RuntimeException e) {
      return String.valueOf(uri);
    }
  }

  static String sha256(byte[] data) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(data);
      StringBuilder sb = new StringBuilder();
      for (byte x : d) {
        sb.append(String.format(Locale.ROOT, "%02x", x));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The diff as text for a terminal or a ticket. */
  List<String> render(String nameA, String nameB) {
    List<String> out = new ArrayList<>();
    out.add("A: " + nameA);
    out.add("B: " + nameB);
    out.add("");
    out.add("Environment and versions: " + (settings.isEmpty() ? "the same"
        : settings.size() + " difference(s)"));
    for (Setting s : settings) {
      out.add("  " + s.key() + ": " + show(s.a()) + "  →  " + show(s.b()));
    }
    out.add("");
    long httpDiff = calls.stream().filter(c -> c.kind().equals("http")).count();
    long sqlDiff = calls.stream().filter(c -> c.kind().equals("sql")).count();
    out.add("HTTP exchanges: " + httpA + " in A, " + httpB + " in B; "
        + (httpDiff == 0 ? "same outcomes" : httpDiff + " differ"));
    out.add("SQL statements: " + sqlA + " in A, " + sqlB + " in B; "
        + (sqlDiff == 0 ? "same outcomes" : sqlDiff + " differ"));
    for (Call c : calls) {
      out.add("  " + c.kind() + " " + Format.abbreviate(c.call(), 160));
      out.add("      A: " + (c.a() == null ? "(not in A)" : c.a()));
      out.add("      B: " + (c.b() == null ? "(not in B)" : c.b()));
    }
    out.add("");
    out.add(same() ? "Verdict: SAME" : "Verdict: DIFFERENT");
    return out;
  }

  private static String show(String v) {
    return v == null ? "(absent)" : v;
  }
}
