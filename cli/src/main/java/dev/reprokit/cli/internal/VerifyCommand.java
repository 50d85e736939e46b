package dev.reprokit.cli.internal;

import dev.reprokit.cli.ReproCli;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repro verify}: integrity of a bundle. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check a bundle's integrity: the manifest, every entry's SHA-256 and size,"
        + " the format version, the entry names and sizes, and every JSON document against"
        + " the bundle format's JSON Schemas.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the bundle is intact", "2:usage error",
        "3:the bundle is invalid, damaged or unreadable (the message says why)"})
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE", description = "The bundle (*.repro.zip).")
  Path bundlePath;

  @Override
  public Integer call() {
    dev.reprokit.bundle.Bundle read = Bundles.read(bundlePath);
    int documents = SchemaCheck.check(read);
    LoadedBundle bundle = Bundles.of(read);
    int entries = bundle.manifest().path("entries").size();
    spec.commandLine().getOut().println("OK " + bundle.name() + ": manifest, "
        + entries + " entr" + (entries == 1 ? "y" : "ies") + " (SHA-256 and size), "
        + bundle.events().size() + " events; " + documents
        + " JSON documents match the format's schemas");
    spec.commandLine().getOut().flush();
    return ReproCli.OK;
  }
}
