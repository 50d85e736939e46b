package dev.reprokit.cli.internal;

import dev.reprokit.InvalidConfigurationException;
import dev.reprokit.cli.ReproCli;
import dev.reprokit.event.Event;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.http.HttpResender;
import dev.reprokit.http.ResendReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repro replay http}: re-send the recorded requests to a target and compare. */
@Command(name = "http", mixinStandardHelpOptions = true,
    description = "Re-send the recorded HTTP requests to the target you name (path and query"
        + " as recorded) and compare each answer with the recorded one: status, Content-Type"
        + " and body (JSON structurally, text by line, binary by hash). Recorded credentials"
        + " are redacted: give staging ones with --header. POST, PUT, PATCH and DELETE are"
        + " skipped unless --allow-unsafe.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:reproduced: every re-sent exchange answered as recorded",
        "1:not reproduced: an answer differed, a request failed, or nothing was sent",
        "2:usage error", "3:invalid or unreadable bundle"})
final class ReplayHttpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE", description = "The bundle (*.repro.zip).")
  Path bundlePath;

  @Option(names = "--target", paramLabel = "URL", required = true,
      description = "Base URL to send to: scheme, host, port and optional path prefix.")
  String target;

  @Option(names = "--header", paramLabel = "K=V",
      description = "A header set on every request, replacing the recorded one; repeatable.")
  Map<String, String> headers = new java.util.LinkedHashMap<>();

  @Option(names = "--allow-unsafe", description = "Also re-send POST, PUT, PATCH and DELETE.")
  boolean allowUnsafe;

  @Option(names = "--ignore", paramLabel = "POINTER",
      description = "A JSON pointer not compared (e.g. /requestId; * matches one segment);"
          + " repeatable.")
  List<String> ignored = new ArrayList<>();

  @Option(names = "--learn-volatile",
      description = "Send each request twice and ignore what differs between the two answers.")
  boolean learnVolatile;

  @Override
  public Integer call() {
    HttpResender.Builder builder = HttpResender.builder();
    try {
      builder.target(target).allowUnsafe(allowUnsafe).learnVolatile(learnVolatile)
          .ignoredBodyFields(ignored.toArray(String[]::new));
      headers.forEach(builder::header);
    } catch (InvalidConfigurationException | IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    LoadedBundle bundle = Bundles.load(bundlePath);
    List<HttpExchangeEvent> exchanges = new ArrayList<>();
    for (Event e : bundle.events()) {
      if (e instanceof HttpExchangeEvent h) {
        exchanges.add(h);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean terminal = System.console() != null;
    List<ResendReport.ExchangeResult> results = new ArrayList<>();
    int done = 0;
    for (HttpExchangeEvent h : exchanges) { // one at a time, for the progress bar
      long seq = h.seq();
      ResendReport one = builder.filter(x -> x.seq() == seq).build().resend(bundle.events());
      results.addAll(one.results());
      done++;
      if (terminal) {
        err.print("\r" + bar(done, exchanges.size()));
        err.flush();
      }
    }
    if (terminal && !exchanges.isEmpty()) {
      err.print("\r" + " ".repeat(60) + "\r");
      err.flush();
    }
    ResendReport report = new ResendReport(target, results);
    out.println("Re-sent " + (report.count(ResendReport.Outcome.SAME)
        + report.count(ResendReport.Outcome.DIFFERENT) + report.count(ResendReport.Outcome.FAILED))
        + " of " + exchanges.size() + " recorded exchange(s) from " + bundle.name() + " to "
        + target);
    out.println(String.format("  %-6s %-9s %-7s %-6s %s", "#", "outcome", "status", "method",
        "path"));
    for (ResendReport.ExchangeResult r : results) {
      String status = r.recordedStatus() + (r.actualStatus() == r.recordedStatus()
          ? "" : "→" + r.actualStatus());
      out.println(String.format("  %-6d %-9s %-7s %-6s %s", r.seq(), r.outcome(),
          r.outcome() == ResendReport.Outcome.SKIPPED ? "" : status, r.method(),
          BundleDiff.pathAndQuery(r.recordedUri())));
      for (ResendReport.Difference d : r.differences()) {
        out.println("           " + Format.abbreviate(d.toString(), 160));
      }
      for (String n : r.notes()) {
        out.println("           note: " + Format.abbreviate(n, 160));
      }
    }
    ResendReport.Outcome verdict = report.verdict();
    boolean reproduced = verdict == ResendReport.Outcome.SAME;
    out.println("Verdict: " + (reproduced
        ? "REPRODUCED — every re-sent exchange answered as recorded"
        : verdict == ResendReport.Outcome.SKIPPED
            ? "NOT REPRODUCED — nothing was re-sent (unsafe methods need --allow-unsafe)"
            : "NOT REPRODUCED — " + verdict));
    out.flush();
    return reproduced ? ReproCli.OK : ReproCli.DIFFERENT;
  }

  static String bar(int done, int total) {
    int width = 30;
    int filled = total == 0 ? width : done * width / total;
    return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total;
  }
}
