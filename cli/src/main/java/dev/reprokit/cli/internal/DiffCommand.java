package dev.reprokit.cli.internal;

import dev.reprokit.cli.ReproCli;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repro diff A B}. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Show what differs between two bundles (e.g. the customer's and staging's):"
        + " application and library versions, JVM, OS, locale, charset, time zone,"
        + " configuration; then the exchanges and statements whose outcomes differ.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the bundles are the same", "1:differences found", "2:usage error",
        "3:a bundle is invalid or unreadable"})
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The first bundle.")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "The second bundle.")
  Path b;

  @Override
  public Integer call() {
    LoadedBundle ba = Bundles.load(a);
    LoadedBundle bb = Bundles.load(b);
    BundleDiff diff = BundleDiff.of(ba, bb);
    PrintWriter out = spec.commandLine().getOut();
    diff.render(ba.name(), bb.name()).forEach(out::println);
    out.flush();
    return diff.same() ? ReproCli.OK : ReproCli.DIFFERENT;
  }
}
