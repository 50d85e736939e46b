package dev.reprokit.cli.internal;

import dev.reprokit.cli.ReproCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repro serve}: answer an application under test with the recorded responses. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start a stub HTTP server on loopback that answers with the bundle's"
        + " recorded responses, matched by method, path, query and body; point the"
        + " application under test at it. Unmatched requests get 404 and a near-miss report"
        + " on standard error. Runs until interrupted (Ctrl-C).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "2:usage error", "3:invalid or unreadable bundle",
        "4:the port could not be opened"})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE", description = "The bundle (*.repro.zip).")
  Path bundlePath;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8089",
      description = "Port on 127.0.0.1 (0 picks a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Override
  public Integer call() {
    if (port < 0 || port > 65_535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--port must be between 0 and 65535, was " + port);
    }
    LoadedBundle bundle = Bundles.load(bundlePath);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch stopped = new CountDownLatch(1);
    StubServer server;
    try {
      server = StubServer.start(bundle.events(), port, err);
    } catch (IOException e) {
      throw new CliException(ReproCli.FAILED, "cannot listen on 127.0.0.1:" + port + ": "
          + e.getMessage(), e);
    }
    Thread hook = new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "repro-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("Serving " + server.exchanges() + " recorded exchange(s) from " + bundle.name()
        + " on " + server.baseUri() + " (Ctrl-C to stop)");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: nothing to remove
      }
    }
    out.println("Stopped; " + server.unmatched() + " request(s) did not match.");
    out.flush();
    return ReproCli.OK;
  }
}
