package dev.reprokit.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code repro replay}: the parent of {@code replay http} and {@code replay jdbc}. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a bundle against staging and say whether the recorded behaviour"
        + " reproduces.",
    subcommands = {ReplayHttpCommand.class, ReplayJdbcCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:reproduced: everything behaved as recorded",
        "1:not reproduced: something behaved differently", "2:usage error",
        "3:invalid or unreadable bundle", "4:the target could not be reached"})
final class ReplayCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "say what to replay: 'replay http' or 'replay jdbc'");
  }
}
