package dev.reprokit.cli.internal;

import dev.reprokit.cli.ReproCli;
import dev.reprokit.event.Event;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.Payload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repro inspect}: one screen about a bundle. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show one screen about a bundle: trigger and failure, application and"
        + " version, environment highlights, event counts, redaction and truncations.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the bundle was read", "2:usage error", "3:invalid or unreadable bundle"})
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE", description = "The bundle (*.repro.zip).")
  Path bundlePath;

  @Override
  public Integer call() {
    LoadedBundle bundle = Bundles.load(bundlePath);
    ReportModel m = ReportModel.of(bundle);
    PrintWriter out = spec.commandLine().getOut();
    for (String line : lines(m)) {
      out.println(line);
    }
    out.flush();
    return ReproCli.OK;
  }

  static List<String> lines(ReportModel m) {
    List<String> lines = new ArrayList<>();
    LoadedBundle b = m.bundle;
    String size = "";
    try {
      size = b.path() == null ? "" : " (" + Format.bytes(Files.size(b.path())) + ")";
    } catch (IOException ignored) { // size is a nicety
      size = "";
    }
    lines.add(row("Bundle", b.name() + size));
    lines.add(row("", MarkdownReport.header(m).replaceFirst("^Bundle `[^`]*` · ?", "")
        .replace("`", "")));
    String format = ReportModel.join(Json.find(m.manifest, "format"),
        Json.find(m.manifest, "version", "formatVersion"));
    if (format != null) {
      lines.add(row("Format", format));
    }
    String reason = m.reason();
    lines.add(row("Trigger", (reason == null ? "(no reason recorded)" : reason)));
    String failure = m.failureSummary();
    lines.add(row("Failure", failure == null ? "none" : failure));
    lines.add(row("App", m.answers.get(2).summary()));
    lines.add(row("Environment", m.answers.get(1).summary()));
    lines.add(row("Integrations", m.answers.get(0).summary()));
    lines.add(row("Changes", m.answers.get(3).summary()));

    Map<String, Integer> counts = new TreeMap<>();
    for (Event e : b.events()) {
      counts.merge(kind(e), 1, Integer::sum);
    }
    StringBuilder c = new StringBuilder().append(b.events().size()).append(" (");
    counts.forEach((k, v) -> c.append(v).append(' ').append(k).append(", "));
    if (!counts.isEmpty()) {
      c.setLength(c.length() - 2);
    }
    c.append(')');
    String evicted = Json.find(m.manifest, "eventsEvicted", "evicted");
    if (evicted != null && !"0".equals(evicted)) {
      c.append("; ").append(evicted).append(" older events were evicted before the capture");
    }
    lines.add(row("Events", c.toString()));
    lines.add(row("Failed calls", m.failedExchanges.size() + " HTTP exchange(s), "
        + m.failedStatements.size() + " SQL statement(s)"));
    List<String> rules = MarkdownReport.redactionRules(m);
    String enabled = Json.find(m.manifest, "redaction.enabled");
    lines.add(row("Redaction", ("false".equals(enabled) ? "OFF; " : "")
        + (rules.isEmpty() ? "no value replaced" : String.join("; ", rules))));
    List<String> truncations = truncations(b);
    lines.add(row("Truncations", truncations.isEmpty() ? "none"
        : truncations.size() + ": " + String.join("; ",
            truncations.subList(0, Math.min(5, truncations.size())))
            + (truncations.size() > 5 ? "; …" : "")));
    return lines;
  }

  static List<String> truncations(LoadedBundle b) {
    List<String> out = new ArrayList<>();
    for (Event e : b.events()) {
      if (e instanceof HttpExchangeEvent h) {
        addIfTruncated(out, "#" + h.seq() + " request body", h.requestBody());
        addIfTruncated(out, "#" + h.seq() + " response body", h.responseBody());
      } else if (e instanceof JdbcResultSetEvent rs && rs.truncated()) {
        out.add("#" + rs.seq() + " result set: " + rs.rows().size() + " of " + rs.rowsSeen()
            + " rows kept");
      } else if (e instanceof JdbcStatementEvent ignored) {
        continue;
      }
    }
    return out;
  }

  private static void addIfTruncated(List<String> out, String what, Payload p) {
    if (p != null && p.truncated()) {
      out.add(what + ": " + Format.bytes(p.keptSize()) + " of "
          + (p.abandoned() ? "an abandoned stream" : Format.bytes(p.originalSize())) + " kept");
    }
  }

  static String kind(Event e) {
    com.fasterxml.jackson.annotation.JsonSubTypes types =
        Event.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
    for (com.fasterxml.jackson.annotation.JsonSubTypes.Type t : types.value()) {
      if (t.value() == e.getClass()) {
        return t.name();
      }
    }
    return e.getClass().getSimpleName();
  }

  private static String row(String key, String value) {
    return String.format("%-13s %s", key, value);
  }
}
