package dev.reprokit.cli.internal;

import dev.reprokit.BundleFormatException;
import dev.reprokit.cli.ReproCli;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code repro}: the root command; dispatches to the verbs and maps failures to exit codes. */
@Command(
    name = "repro",
    mixinStandardHelpOptions = true,
    versionProvider = RootCommand.Version.class,
    description = "Inspect, report on, compare, replay and export ReproKit reproduction bundles"
        + " (*.repro.zip).",
    subcommands = {
      InspectCommand.class,
      VerifyCommand.class,
      ReportCommand.class,
      DiffCommand.class,
      ReplayCommand.class,
      ServeCommand.class,
      ExportCommand.class,
      RedactCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success; replay reproduced; bundles are the same",
      "  1  differences found; replay did not reproduce",
      "  2  usage error",
      "  3  invalid or unreadable bundle",
      "  4  other failure (output file, replay target)"
    })
public final class RootCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a verb is required");
  }

  /** Runs the command line and returns the exit code; never throws. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    try {
      CommandLine cl = new CommandLine(new RootCommand());
      cl.setOut(out);
      cl.setErr(err);
      cl.setParameterExceptionHandler((ex, a) -> {
        CommandLine failed = ex.getCommandLine();
        err.println("repro: " + sentence(ex.getMessage()) + " (see '"
            + failed.getCommandSpec().qualifiedName() + " --help')");
        if (verbose) {
          ex.printStackTrace(err);
        }
        err.flush();
        return ReproCli.USAGE;
      });
      cl.setExecutionExceptionHandler((ex, failed, parseResult) -> {
        int code = report(ex, err, verbose);
        err.flush();
        return code;
      });
      int code = cl.execute(args);
      out.flush();
      err.flush();
      return code;
    } catch (RuntimeException | Error e) { // picocli itself failed: still one sentence
      if (e instanceof OutOfMemoryError oom) {
        throw oom;
      }
      return report(e, err, verbose);
    }
  }

  private static int report(Throwable ex, PrintWriter err, boolean verbose) {
    int code;
    String message;
    if (ex instanceof CliException cli) {
      code = cli.exitCode();
      message = cli.getMessage();
    } else if (ex instanceof BundleFormatException bad) {
      code = ReproCli.INVALID_BUNDLE;
      message = "invalid bundle: " + bad.getMessage();
    } else {
      code = ReproCli.FAILED;
      message = "failed: " + ex;
    }
    err.println("repro: " + sentence(message));
    if (verbose) {
      ex.printStackTrace(err);
    }
    return code;
  }

  private static String sentence(String message) {
    if (message == null || message.isBlank()) {
      return "unexpected error";
    }
    String oneLine = message.strip().replaceAll("\\s*\\R\\s*", " ");
    return oneLine.endsWith(".") ? oneLine.substring(0, oneLine.length() - 1) : oneLine;
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = RootCommand.class.getPackage().getImplementationVersion();
      return new String[] {"repro (ReproKit) " + (v == null ? "development build" : v),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
              + ")"};
    }
  }
}
