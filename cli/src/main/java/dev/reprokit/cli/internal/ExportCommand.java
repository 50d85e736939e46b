package dev.reprokit.cli.internal;

import dev.reprokit.cli.ReproCli;
import dev.reprokit.http.CurlExporter;
import dev.reprokit.http.HarExporter;
import dev.reprokit.http.WireMockExporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repro export}: the recorded HTTP exchanges for the tools people already use. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export the recorded HTTP exchanges: har (HAR 1.2, for browser developer"
        + " tools), curl (a shell script, redacted values as shell variables) or wiremock"
        + " (WireMock stub mappings, {\"mappings\": [...]}).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "2:usage error", "3:invalid or unreadable bundle",
        "4:the output could not be written"})
final class ExportCommand implements Callable<Integer> {
  enum Kind { har, curl, wiremock }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE", description = "The bundle (*.repro.zip).")
  Path bundlePath;

  @Option(names = "--format", paramLabel = "har|curl|wiremock", required = true,
      description = "What to write: ${COMPLETION-CANDIDATES}.")
  Kind format;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
      description = "The file to write.")
  Path output;

  @Override
  public Integer call() {
    LoadedBundle bundle = Bundles.load(bundlePath);
    String text = switch (format) {
      case har -> HarExporter.toHar(bundle.events());
      case curl -> CurlExporter.toScript(bundle.events());
      case wiremock -> WireMockExporter.toMappings(bundle.events());
    };
    Output.write(output, text);
    long exchanges = bundle.events().stream()
        .filter(e -> e instanceof dev.reprokit.event.HttpExchangeEvent).count();
    spec.commandLine().getOut().println("wrote " + output + " (" + format + ", " + exchanges
        + " exchange(s))");
    spec.commandLine().getOut().flush();
    return ReproCli.OK;
  }
}
