package dev.reprokit.cli.internal;

import dev.reprokit.InvalidConfigurationException;
import dev.reprokit.RecorderConfig;
import dev.reprokit.bundle.Bundle;
import dev.reprokit.bundle.BundleReader;
import dev.reprokit.bundle.BundleWriter;
import dev.reprokit.bundle.Manifest;
import dev.reprokit.bundle.Snapshot;
import dev.reprokit.cli.ReproCli;
import dev.reprokit.event.Event;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.redact.RedactionConfig;
import dev.reprokit.redact.RedactionSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repro redact}: re-redact a bundle with extra rules. */
@Command(name = "redact", mixinStandardHelpOptions = true,
    description = "Write a copy of a bundle redacted again with extra rules, so a customer can"
        + " scrub more before sending it. Every default rule runs again; the copy verifies and"
        + " its manifest lists every rule that ran, with the added ones, and what each replaced.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the redacted copy was written and verifies", "2:usage error (a bad rule)",
        "3:invalid or unreadable bundle", "4:the output could not be written"})
final class RedactCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE", description = "The bundle (*.repro.zip).")
  Path bundlePath;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
      description = "Where to write the redacted copy (*.repro.zip).")
  Path output;

  @Option(names = "--rule", paramLabel = "KIND:VALUE",
      description = {"An extra rule; repeatable. KIND is one of:",
          "  header:NAME     a header whose value is replaced whole",
          "  param:NAME      a URL query parameter",
          "  field:NAME      a JSON or form field, named value or column",
          "  regex:PATTERN   a regular expression replaced anywhere in text",
          "  pointer:/a/b    a JSON pointer in JSON bodies"})
  List<String> rules = new ArrayList<>();

  @Override
  public Integer call() {
    RedactionConfig config = config();
    Bundle bundle = Bundles.read(bundlePath);
    Manifest m = bundle.manifest();
    Snapshot snapshot = new Snapshot(m.bundleId(), m.createdAt(), m.trigger(), m.application(),
        bundle.environment(), bundle.events(), m.eventsEvicted(), bundle.failure());
    Path target = output.toAbsolutePath();
    Path work;
    try {
      Files.createDirectories(target.getParent());
      work = Files.createTempDirectory(target.getParent(), ".repro-redact-");
    } catch (IOException e) {
      throw new CliException(ReproCli.FAILED, "cannot write " + output + ": " + e, e);
    }
    try {
      long largest = largestPayload(bundle.events());
      RecorderConfig writerConfig = RecorderConfig.builder()
          .bundleDirectory(work)
          .redaction(config)
          .maxPayloadBytes((int) Math.max(RecorderConfig.DEFAULT.maxPayloadBytes(), largest))
          .maxBundleBytes(Math.max(RecorderConfig.DEFAULT.maxBundleBytes(),
              Files.size(bundlePath) * 64))
          .build();
      Path written = new BundleWriter(writerConfig).write(snapshot);
      Files.move(written, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliException(ReproCli.FAILED, "cannot write " + output + ": " + e, e);
    } finally {
      deleteQuietly(work);
    }
    Bundle copy = BundleReader.create().read(target); // the copy must verify
    PrintWriter out = spec.commandLine().getOut();
    out.println("wrote " + output + " (verified)");
    RedactionSummary summary = copy.manifest().redaction();
    if (summary != null) {
      for (RedactionSummary.RuleCount r : summary.rules()) {
        if (r.rule().startsWith("user.") || r.replaced() > 0) {
          out.println(String.format(Locale.ROOT, "  %-28s %d value(s) replaced", r.rule(),
              r.replaced()));
        }
      }
    }
    out.flush();
    return ReproCli.OK;
  }

  private RedactionConfig config() {
    RedactionConfig.Builder b = RedactionConfig.builder();
    for (String rule : rules) {
      int colon = rule.indexOf(':');
      if (colon <= 0 || colon == rule.length() - 1) {
        throw new ParameterException(spec.commandLine(),
            "--rule must be KIND:VALUE (header, param, field, regex or pointer), was '" + rule
                + "'");
      }
      String kind = rule.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = rule.substring(colon + 1);
      try {
        switch (kind) {
          case "header" -> b.secretHeader(value);
          case "param" -> b.secretQueryParameter(value);
          case "field" -> b.secretField(value);
          case "regex" -> b.secretPattern(value);
          case "pointer" -> b.secretJsonPointer(value);
          default -> throw new ParameterException(spec.commandLine(), "--rule kind '" + kind
              + "' is unknown; use header, param, field, regex or pointer");
        }
      } catch (InvalidConfigurationException e) {
        throw new ParameterException(spec.commandLine(), "--rule " + rule + ": "
            + e.getMessage());
      }
    }
    return b.build();
  }

  private static long largestPayload(List<Event> events) {
    long max = 0;
    for (Event e : events) {
      if (e instanceof HttpExchangeEvent h) {
        max = Math.max(max, size(h.requestBody()));
        max = Math.max(max, size(h.responseBody()));
      }
    }
    return Math.min(max, Integer.MAX_VALUE / 2);
  }

  private static long size(Payload p) {
    return p == null ? 0 : p.keptSize();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) { // a temporary directory; best effort
          // nothing more to do
        }
      });
    } catch (IOException ignored) { // best effort
      // nothing more to do
    }
  }
}
