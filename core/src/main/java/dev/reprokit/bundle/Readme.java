package dev.reprokit.bundle;

import dev.reprokit.AppInfo;
import dev.reprokit.event.ErrorInfo;
import java.util.Map;

/** The short human summary written as {@code README.md} into every bundle. */
final class Readme {
  private Readme() {}

  static String text(Snapshot s, Trigger trigger, AppInfo app, ErrorInfo failure,
      Map<String, Long> counts, int events, BundleWriter.PayloadPlan plan) {
    StringBuilder b = new StringBuilder(1024);
    b.append("# ReproKit bundle ").append(line(s.bundleId())).append("\n\n");
    b.append("This zip is a reproduction bundle: what the application did right before it was")
        .append(" written.\nOpen it with `repro inspect <file>` or `repro report <file>`, or")
        .append(" read the entries listed in `manifest.json`.\n\n");
    b.append("| | |\n| --- | --- |\n");
    row(b, "Created", s.createdAt() == null ? null : s.createdAt().toString());
    if (trigger != null) {
      row(b, "Trigger", trigger.kind() == null ? null : trigger.kind().name());
      row(b, "Reason", trigger.reason());
      row(b, "Ticket", trigger.ticket());
      row(b, "Scope", trigger.scopeId());
      if (trigger.suppressedDuplicates() > 0) {
        row(b, "Identical failures folded", Long.toString(trigger.suppressedDuplicates()));
      }
    }
    row(b, "Failure", failure == null ? null : failure.summary());
    row(b, "Application", appText(app));
    StringBuilder c = new StringBuilder().append(events);
    if (!counts.isEmpty()) {
      c.append(" (");
      counts.forEach((type, n) -> c.append(type).append(": ").append(n).append(", "));
      c.setLength(c.length() - 2);
      c.append(')');
    }
    row(b, "Events", c.toString());
    row(b, "Older events evicted", Long.toString(s.eventsEvicted()));
    row(b, "Payloads truncated", Integer.toString(plan.truncations.size()));
    row(b, "Payload entries", Integer.toString(plan.externals.size()));
    b.append("\nSecrets were redacted before this bundle was written; `manifest.json` lists")
        .append(" the rules that ran.\n");
    return b.toString();
  }

  private static String appText(AppInfo app) {
    if (app == null || app.name() == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(app.name());
    if (app.version() != null) {
      b.append(' ').append(app.version());
    }
    if (app.build() != null) {
      b.append(", build ").append(app.build());
    }
    if (app.commit() != null) {
      b.append(", commit ").append(app.commit());
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String name, String value) {
    if (value != null) {
      b.append("| ").append(name).append(" | ").append(line(value)).append(" |\n");
    }
  }

  /** One table-safe line: no line breaks, no pipes that would split the cell. */
  private static String line(String text) {
    if (text == null) {
      return "";
    }
    String t = text.replaceAll("[\\r\\n\\t]+", " ").replace("|", "\\|");
    return t.length() > 500 ? t.substring(0, 500) + "…" : t;
  }
}
