package dev.reprokit.cli.internal;

import dev.reprokit.cli.ReproCli;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repro report}: the bug report. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the bug report: the five escalation answers (which integration,"
        + " environment, version, change, error), the environment, the timeline with the"
        + " failing call highlighted, and reproduction steps (curl, SQL, repro replay).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the report was written", "2:usage error",
        "3:invalid or unreadable bundle", "4:the output file could not be written"})
final class ReportCommand implements Callable<Integer> {
  enum Kind { md, html }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE", description = "The bundle (*.repro.zip).")
  Path bundlePath;

  @Option(names = "--format", paramLabel = "md|html", defaultValue = "md",
      description = "md (Markdown, for tickets) or html (one self-contained file with a"
          + " timeline waterfall). Default: ${DEFAULT-VALUE}.")
  Kind format;

  @Option(names = "--summary",
      description = "Print only the five escalation answers, one line each, as text.")
  boolean summary;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    ReportModel model = ReportModel.of(Bundles.load(bundlePath));
    String text = summary ? summary(model)
        : format == Kind.html ? HtmlReport.render(model) : MarkdownReport.render(model);
    if (output == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      Output.write(output, text);
      spec.commandLine().getOut().println("wrote " + output);
      spec.commandLine().getOut().flush();
    }
    return ReproCli.OK;
  }

  static String summary(ReportModel model) {
    StringBuilder sb = new StringBuilder();
    for (ReportModel.Answer a : model.answers) {
      sb.append(String.format("%-19s %s%n", a.question() + ":", a.summary()));
    }
    return sb.toString();
  }
}
