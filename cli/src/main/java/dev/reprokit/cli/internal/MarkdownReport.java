package dev.reprokit.cli.internal;

import java.util.List;
import java.util.Map;

/** The report as Markdown, for tickets. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(ReportModel m) {
    StringBuilder sb = new StringBuilder();
    String reason = m.reason();
    sb.append("# Reproduction report: ").append(reason == null ? m.bundle.name() : reason)
        .append("\n\n");
    sb.append(header(m)).append("\n\n");

    sb.append("## The five answers\n\n| Question | Answer |\n| --- | --- |\n");
    for (ReportModel.Answer a : m.answers) {
      sb.append("| **").append(a.question()).append("** | ").append(Format.cell(a.summary()))
          .append(" |\n");
    }
    sb.append('\n');
    for (ReportModel.Answer a : m.answers) {
      if (a.details().isEmpty()) {
        continue;
      }
      sb.append("**").append(a.question()).append("**\n\n");
      for (String d : a.details()) {
        sb.append("- ").append(d).append('\n');
      }
      sb.append('\n');
    }

    sb.append("## Environment\n\n| Setting | Value |\n| --- | --- |\n");
    for (ReportModel.Row r : m.environment) {
      sb.append("| ").append(Format.cell(r.key())).append(" | ").append(Format.cell(r.value()))
          .append(" |\n");
    }
    for (ReportModel.Row r : m.versions) {
      sb.append("| ").append(Format.cell(r.key())).append(" | ").append(Format.cell(r.value()))
          .append(" |\n");
    }
    sb.append('\n');

    sb.append("## Timeline\n\n");
    sb.append("| # | at | duration | kind | call | outcome |\n| ---: | ---: | ---: | --- | --- | --- |\n");
    for (ReportModel.Entry e : m.timeline) {
      String mark = e.failed() ? "**" : "";
      sb.append("| ").append(e.seq()).append(" | ")
          .append(Format.millis(e.startNanos() - m.originNanos)).append(" | ")
          .append(Format.millis(e.durationNanos())).append(" | ")
          .append(e.failed() ? "❌ " : "").append(e.kind()).append(" | ")
          .append(mark).append(Format.cell(e.label())).append(mark).append(" | ")
          .append(mark).append(Format.cell(e.outcome())).append(mark).append(" |\n");
    }
    sb.append('\n');

    if (!m.failedExchanges.isEmpty() || !m.failedStatements.isEmpty()
        || m.bundle.failure() != null) {
      sb.append("## The failure\n\n");
      if (m.bundle.failure() != null) {
        sb.append("```\n").append(m.bundle.failure().summary()).append('\n');
        m.bundle.failure().stack().stream().limit(12)
            .forEach(f -> sb.append("    at ").append(f).append('\n'));
        sb.append("```\n\n");
      }
      if (!m.failedStatements.isEmpty()) {
        sb.append("First failing statement:\n\n```sql\n")
            .append(ReportModel.sqlStep(m.failedStatements.get(0))).append("\n```\n\n");
      }
      if (!m.failedExchanges.isEmpty()) {
        sb.append("First failing exchange:\n\n```sh\n")
            .append(ReportModel.curl(m.failedExchanges.get(0))).append("\n```\n\n");
      }
    }

    sb.append("## Reproduction steps\n\n");
    int step = 1;
    if (!m.curl.isEmpty()) {
      sb.append("### ").append(step++).append(". Send the recorded HTTP requests with curl\n\n");
      java.util.Set<String> variables = new java.util.TreeSet<>();
      java.util.regex.Matcher v = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9_]+)\\}")
          .matcher(String.join("\n", m.curl));
      while (v.find()) {
        variables.add(v.group(1));
      }
      if (!variables.isEmpty()) {
        sb.append("Values redacted in the bundle are shell variables; set them first: ")
            .append(String.join(", ", variables.stream().map(x -> "`" + x + "`").toList()))
            .append(".\n\n");
      }
      sb.append("```sh\n").append(String.join("\n\n", m.curl)).append("\n```\n\n");
    }
    if (!m.sql.isEmpty()) {
      sb.append("### ").append(step++).append(". Run the recorded SQL, with its binds\n\n")
          .append("```sql\n").append(String.join("\n\n", m.sql)).append("\n```\n\n");
    }
    sb.append("### ").append(step).append(". Replay the bundle with repro\n\n```sh\n")
        .append(String.join("\n", m.replay)).append("\n```\n\n");

    sb.append("## Redaction\n\n").append(redaction(m)).append('\n');
    return sb.toString();
  }

  static String header(ReportModel m) {
    StringBuilder sb = new StringBuilder();
    sb.append("Bundle `").append(m.bundle.name()).append('`');
    String id = Json.find(m.manifest, "bundleId", "id");
    if (id != null) {
      sb.append(" · id ").append(id);
    }
    String created = Json.find(m.manifest, "createdAt", "created");
    if (created != null) {
      sb.append(" · created ").append(created);
    }
    String kind = Json.find(m.manifest, "trigger.kind");
    if (kind != null) {
      sb.append(" · trigger ").append(kind);
    }
    String ticket = Json.find(m.manifest, "trigger.ticket");
    if (ticket != null) {
      sb.append(" · ticket ").append(ticket);
    }
    return sb.toString();
  }

  static String redaction(ReportModel m) {
    Map<String, String> flat = m.manifest;
    String enabled = Json.find(flat, "redaction.enabled");
    StringBuilder sb = new StringBuilder();
    if ("false".equals(enabled)) {
      sb.append("Redaction was switched OFF when this bundle was written.\n");
    }
    List<String> rules = redactionRules(m);
    if (rules.isEmpty()) {
      sb.append("No redaction rule replaced any value.\n");
    } else {
      for (String r : rules) {
        sb.append("- ").append(r).append('\n');
      }
    }
    return sb.toString();
  }

  static List<String> redactionRules(ReportModel m) {
    var rules = m.bundle.manifest().path("redaction").path("rules");
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (var r : rules) {
      long n = r.path("replaced").asLong(0);
      if (n > 0) {
        out.add(r.path("rule").asText("?") + ": " + n + " value(s) replaced");
      }
    }
    return out;
  }
}
