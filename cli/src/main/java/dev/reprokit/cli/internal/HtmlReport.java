package dev.reprokit.cli.internal;

import static dev.reprokit.cli.internal.Format.html;

import java.util.Locale;

/**
 * The report as one self-contained HTML file: no scripts, fonts, images or style sheets
 * from the network; the timeline waterfall is inline SVG.
 */
final class HtmlReport {
  private static final int LABEL_WIDTH = 360;
  private static final int BAR_WIDTH = 560;
  private static final int ROW = 20;

  private HtmlReport() {}

  static String render(ReportModel m) {
    StringBuilder sb = new StringBuilder(16_384);
    String reason = m.reason();
    String title = "Reproduction report: " + (reason == null ? m.bundle.name() : reason);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(html(title)).append("</title><style>")
        .append(CSS).append("</style></head><body>\n");
    sb.append("<h1>").append(html(title)).append("</h1>\n<p class=\"meta\">")
        .append(html(MarkdownReport.header(m).replace("`", ""))).append("</p>\n");

    sb.append("<section class=\"answers\"><h2>The five answers</h2><dl>\n");
    for (ReportModel.Answer a : m.answers) {
      boolean bad = a.question().equals("Which error") && !a.details().isEmpty()
          || a.question().equals("Which error") && m.failureSummary() != null;
      sb.append("<dt>").append(html(a.question())).append("</dt><dd")
          .append(bad ? " class=\"bad\"" : "").append('>').append(html(a.summary()));
      if (!a.details().isEmpty()) {
        sb.append("<ul>");
        for (String d : a.details()) {
          sb.append("<li>").append(html(d)).append("</li>");
        }
        sb.append("</ul>");
      }
      sb.append("</dd>\n");
    }
    sb.append("</dl></section>\n");

    sb.append("<h2>Environment</h2><table class=\"kv\">");
    for (ReportModel.Row r : m.environment) {
      sb.append("<tr><th>").append(html(r.key())).append("</th><td>").append(html(r.value()))
          .append("</td></tr>");
    }
    for (ReportModel.Row r : m.versions) {
      sb.append("<tr><th>").append(html(r.key())).append("</th><td>").append(html(r.value()))
          .append("</td></tr>");
    }
    sb.append("</table>\n");

    sb.append("<h2>Timeline</h2>\n").append(waterfall(m));
    sb.append("<table class=\"timeline\"><tr><th>#</th><th>at</th><th>duration</th>")
        .append("<th>kind</th><th>call</th><th>outcome</th></tr>\n");
    for (ReportModel.Entry e : m.timeline) {
      sb.append("<tr").append(e.failed() ? " class=\"failed\"" : "").append("><td>")
          .append(e.seq()).append("</td><td class=\"num\">")
          .append(Format.millis(e.startNanos() - m.originNanos)).append("</td><td class=\"num\">")
          .append(Format.millis(e.durationNanos())).append("</td><td>").append(html(e.kind()))
          .append("</td><td class=\"call\">").append(html(e.label())).append("</td><td>")
          .append(html(e.outcome())).append("</td></tr>\n");
    }
    sb.append("</table>\n");

    if (m.bundle.failure() != null) {
      sb.append("<h2>The failure</h2><pre class=\"failure\">")
          .append(html(m.bundle.failure().summary()));
      m.bundle.failure().stack().stream().limit(12)
          .forEach(f -> sb.append("\n    at ").append(html(f)));
      sb.append("</pre>\n");
    }

    sb.append("<h2>Reproduction steps</h2>\n");
    if (!m.curl.isEmpty()) {
      sb.append("<h3>Send the recorded HTTP requests with curl</h3><pre>")
          .append(html(String.join("\n\n", m.curl))).append("</pre>\n");
    }
    if (!m.sql.isEmpty()) {
      sb.append("<h3>Run the recorded SQL, with its binds</h3><pre>")
          .append(html(String.join("\n\n", m.sql))).append("</pre>\n");
    }
    sb.append("<h3>Replay the bundle with repro</h3><pre>")
        .append(html(String.join("\n", m.replay))).append("</pre>\n");
    sb.append("<h2>Redaction</h2><pre>").append(html(MarkdownReport.redaction(m)))
        .append("</pre>\n");
    sb.append("</body></html>\n");
    return sb.toString();
  }

  /** The timeline as an SVG waterfall: one row per event, bars scaled to the bundle's span. */
  static String waterfall(ReportModel m) {
    int rows = m.timeline.size();
    int height = ROW * rows + 30;
    int width = LABEL_WIDTH + BAR_WIDTH + 20;
    long span = Math.max(1, m.endNanos - m.originNanos);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"waterfall\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
        .append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
        .append("timeline waterfall\">\n");
    for (int tick = 0; tick <= 4; tick++) {
      double x = LABEL_WIDTH + BAR_WIDTH * tick / 4.0;
      sb.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>"
              + "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"%s\">%s</text>\n",
          x, x, height - 18, x, height - 4, tick == 0 ? "start" : tick == 4 ? "end" : "middle",
          html(Format.millis(span * tick / 4))));
    }
    int y = 0;
    for (ReportModel.Entry e : m.timeline) {
      double x = LABEL_WIDTH + BAR_WIDTH * (double) (e.startNanos() - m.originNanos) / span;
      double w = Math.max(2, BAR_WIDTH * (double) e.durationNanos() / span);
      String cls = e.failed() ? "bar failed" : "bar " + e.kind();
      String tip = e.seq() + " " + e.kind() + " " + e.label() + " → " + e.outcome() + " ("
          + Format.millis(e.durationNanos()) + ")";
      sb.append("<g><title>").append(html(tip)).append("</title>");
      if (e.failed()) {
        sb.append(String.format(Locale.ROOT,
            "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"failrow\"/>",
            y, width, ROW));
      }
      sb.append(String.format(Locale.ROOT,
          "<text x=\"4\" y=\"%d\" class=\"label%s\">%s</text>"
              + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\" class=\"%s\"/>",
          y + 14, e.failed() ? " failed" : "",
          html(Format.abbreviate(e.kind() + " " + e.label(), 52)), x, y + 4, w, ROW - 8, cls));
      sb.append("</g>\n");
      y += ROW;
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;\
      color:#1d2330;max-width:1100px}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;\
      border-bottom:1px solid #dde2ea;padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
      .meta{color:#5b6577;margin:0 0 16px}
      .answers dl{display:grid;grid-template-columns:190px 1fr;gap:6px 16px;margin:0}
      .answers dt{font-weight:600}.answers dd{margin:0}.answers ul{margin:4px 0 0;\
      padding-left:18px;color:#3c4557}
      .answers dd.bad{color:#a3140f;font-weight:600}.answers dd.bad ul{font-weight:400}
      table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #dde2ea;\
      padding:3px 8px;text-align:left;vertical-align:top}
      table.kv th{background:#f4f6f9;width:180px}
      table.timeline td.call{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
      td.num{white-space:nowrap;text-align:right}
      tr.failed td{background:#fde8e7;color:#8a1410;font-weight:600}
      pre{background:#f6f8fa;border:1px solid #dde2ea;padding:10px;overflow:auto;\
      font-size:12px}
      pre.failure{background:#fde8e7;border-color:#f3b8b5}
      svg.waterfall{border:1px solid #dde2ea;background:#fff;display:block;margin:8px 0}
      svg .label{font:11px ui-monospace,Menlo,Consolas,monospace;fill:#1d2330}
      svg .label.failed{fill:#a3140f;font-weight:700}
      svg .tick{font:10px system-ui,sans-serif;fill:#5b6577}
      svg .grid{stroke:#eef1f5}
      svg .failrow{fill:#fde8e7}
      svg .bar{fill:#8c96a8}svg .bar.http{fill:#2f6fd6}svg .bar.sql{fill:#1f9d6b}\
      svg .bar.tx{fill:#7a57c9}svg .bar.connection{fill:#b38b12}svg .bar.mark{fill:#8c96a8}\
      svg .bar.failed{fill:#d3261f}
      """;
}
