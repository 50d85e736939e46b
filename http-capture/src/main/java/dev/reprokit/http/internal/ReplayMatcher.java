package dev.reprokit.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reprokit.event.Event;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.http.ReplayOptions;
import dev.reprokit.http.UnmatchedRequestException;
import dev.reprokit.http.UnmatchedRequestException.NearMiss;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Finds the recorded exchange that answers a request: same method, path, canonicalised query
 * and body (JSON-aware), recorded order for repeated identical requests. Values redacted in
 * the recording match anything. Thread-safe.
 */
public final class ReplayMatcher {
  private final List<Candidate> candidates = new ArrayList<>();
  private final ReplayOptions options;

  public ReplayMatcher(List<? extends Event> events, ReplayOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    for (Event e : events) {
      if (e instanceof HttpExchangeEvent h && (h.status() > 0 || h.error() != null)) {
        try {
          candidates.add(new Candidate(h, URI.create(h.uri())));
        } catch (IllegalArgumentException unparsable) {
          // a URI that does not parse cannot be matched; leave it out
        }
      }
    }
  }

  public int size() {
    return candidates.size();
  }

  /** The recorded exchange answering this request; throws {@link UnmatchedRequestException}. */
  public synchronized HttpExchangeEvent match(String method, URI uri, byte[] body,
      String contentType) {
    Candidate lastMatch = null;
    for (Candidate c : candidates) {
      if (differences(c, method, uri, body, contentType, true).isEmpty()) {
        if (!c.used) {
          c.used = true;
          return c.event;
        }
        lastMatch = c;
      }
    }
    if (lastMatch != null && options.repeatLast()) {
      return lastMatch.event;
    }
    throw unmatched(method, uri, body, contentType, lastMatch != null);
  }

  private UnmatchedRequestException unmatched(String method, URI uri, byte[] body,
      String contentType, boolean exhausted) {
    List<Scored> scored = new ArrayList<>();
    for (Candidate c : candidates) {
      List<String> diffs = differences(c, method, uri, body, contentType, false);
      int score = 0;
      for (String d : diffs) {
        score += d.startsWith("path") ? 5 : d.startsWith("method") ? 3 : 1;
      }
      scored.add(new Scored(c, diffs, score));
    }
    scored.sort(Comparator.comparingInt(Scored::score));
    List<NearMiss> near = new ArrayList<>();
    StringBuilder msg = new StringBuilder();
    msg.append("No recorded exchange matches ").append(method).append(' ').append(uri)
        .append(" (").append(candidates.size()).append(" recorded exchanges");
    if (exhausted) {
      msg.append("; every recorded answer to this request was already served and repeatLast is off");
    }
    msg.append(").");
    if (!scored.isEmpty()) {
      msg.append("\nNearest recorded requests:");
    }
    for (int i = 0; i < scored.size() && i < 3; i++) {
      Scored s = scored.get(i);
      List<String> diffs = s.diffs.isEmpty() ? List.of("already served (repeatLast is off)") : s.diffs;
      near.add(new NearMiss(s.c.event.seq(), s.c.event.method(), s.c.event.uri(), diffs));
      msg.append("\n  #").append(s.c.event.seq()).append(' ').append(s.c.event.method())
          .append(' ').append(s.c.event.uri()).append(" — ").append(String.join("; ", diffs));
    }
    msg.append("\nTo ignore volatile body fields, use ReplayOptions.builder()"
        + ".ignoredBodyFields(\"/field\").");
    return new UnmatchedRequestException(msg.toString(), method, uri.toString(), near);
  }

  private record Scored(Candidate c, List<String> diffs, int score) {}

  private List<String> differences(Candidate c, String method, URI uri, byte[] body,
      String contentType, boolean stopAtFirst) {
    List<String> out = new ArrayList<>();
    HttpExchangeEvent e = c.event;
    if (!e.method().equalsIgnoreCase(method)) {
      out.add("method: recorded " + e.method() + ", got " + method);
      if (stopAtFirst) {
        return out;
      }
    }
    if (options.matchHost()) {
      String recorded = origin(c.uri);
      String got = origin(uri);
      if (!recorded.equals(got)) {
        out.add("host: recorded " + recorded + ", got " + got);
        if (stopAtFirst) {
          return out;
        }
      }
    }
    String recordedPath = c.uri.getPath() == null || c.uri.getPath().isEmpty() ? "/" : c.uri.getPath();
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    if (!recordedPath.equals(path)) {
      out.add("path: recorded " + recordedPath + ", got " + path);
      if (stopAtFirst) {
        return out;
      }
    }
    queryDifferences(c.query, query(uri.getRawQuery()), out);
    if (stopAtFirst && !out.isEmpty()) {
      return out;
    }
    if (options.matchBody()) {
      bodyDifferences(e.requestBody(), body, contentType, out);
    }
    return out;
  }

  private static String origin(URI uri) {
    return (uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT)) + "://"
        + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT))
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> params = new TreeMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    params.values().forEach(v -> v.sort(null));
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static void queryDifferences(Map<String, List<String>> recorded,
      Map<String, List<String>> got, List<String> out) {
    TreeMap<String, Boolean> names = new TreeMap<>();
    recorded.keySet().forEach(n -> names.put(n, true));
    got.keySet().forEach(n -> names.put(n, true));
    for (String name : names.keySet()) {
      List<String> r = recorded.get(name);
      List<String> g = got.get(name);
      if (r == null) {
        out.add("query parameter " + name + ": not recorded, got \"" + String.join(",", g) + "\"");
      } else if (g == null) {
        out.add("query parameter " + name + ": recorded \"" + String.join(",", r) + "\", missing");
      } else if (!sameValues(r, g)) {
        out.add("query parameter " + name + ": recorded \"" + String.join(",", r) + "\", got \""
            + String.join(",", g) + "\"");
      }
    }
  }

  private static boolean sameValues(List<String> recorded, List<String> got) {
    if (recorded.size() != got.size()) {
      return false;
    }
    for (int i = 0; i < recorded.size(); i++) {
      if (!Bodies.isRedacted(recorded.get(i)) && !recorded.get(i).equals(got.get(i))) {
        return false;
      }
    }
    return true;
  }

  private void bodyDifferences(Payload recorded, byte[] body, String contentType,
      List<String> out) {
    byte[] r = recorded == null || recorded.data() == null ? new byte[0] : recorded.data();
    byte[] g = body == null ? new byte[0] : body;
    String recordedType = recorded == null ? null : recorded.contentType();
    if (r.length == 0 && g.length == 0) {
      return;
    }
    if (Bodies.isJson(recordedType) || Bodies.isJson(contentType)) {
      JsonNode a = Bodies.json(r);
      JsonNode b = Bodies.json(g);
      if (a != null && b != null) {
        List<JsonDiff.Change> changes = new ArrayList<>();
        for (JsonDiff.Change ch : JsonDiff.diff(a, b, options.ignoredBodyFields())) {
          if (ch.expected() == null || !Bodies.isRedacted(ch.expected())) {
            changes.add(ch);
          }
        }
        for (int i = 0; i < changes.size() && i < 5; i++) {
          JsonDiff.Change ch = changes.get(i);
          out.add("body " + (ch.pointer().isEmpty() ? "(whole)" : ch.pointer()) + ": recorded "
              + (ch.expected() == null ? "absent" : ch.expected()) + ", got "
              + (ch.actual() == null ? "absent" : ch.actual()));
        }
        if (changes.size() > 5) {
          out.add("body: " + (changes.size() - 5) + " more JSON differences");
        }
        return;
      }
    }
    if (Bodies.isForm(recordedType) && Bodies.isForm(contentType)) {
      List<String> diffs = new ArrayList<>();
      queryDifferences(query(new String(r, StandardCharsets.UTF_8)),
          query(new String(g, StandardCharsets.UTF_8)), diffs);
      diffs.forEach(d -> out.add("form field" + d.substring("query parameter".length())));
      return;
    }
    boolean truncated = recorded != null && recorded.truncated();
    boolean same = truncated
        ? g.length >= r.length && Arrays.equals(r, 0, r.length, g, 0, r.length)
        : Arrays.equals(r, g);
    if (!same) {
      out.add("body: recorded " + describe(r, recordedType) + ", got " + describe(g, contentType));
    }
  }

  private static String describe(byte[] b, String contentType) {
    if (Bodies.isText(contentType) && b.length <= 80) {
      return "\"" + new String(b, Bodies.charset(contentType)) + "\"";
    }
    return b.length + " bytes (sha256 " + Bodies.sha256(b).substring(0, 12) + ")";
  }

  private static final class Candidate {
    final HttpExchangeEvent event;
    final URI uri;
    final Map<String, List<String>> query;
    boolean used;

    Candidate(HttpExchangeEvent event, URI uri) {
      this.event = event;
      this.uri = uri;
      this.query = query(uri.getRawQuery());
    }
  }
}
