package dev.reprokit.cli;

import dev.reprokit.cli.internal.RootCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code repro} command: everything a support engineer does with a reproduction
 * bundle. Run it as {@code java -jar repro.jar <verb> ...}, or in-process with
 * {@link #run(PrintWriter, PrintWriter, String...)}.
 *
 * <pre>{@code
 * int exit = ReproCli.run(out, err, "report", "bug.repro.zip", "--format", "html", "-o", "bug.html");
 * }</pre>
 *
 * <p>Exit codes are stable:
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>{@value #OK}</td><td>success; replay reproduced; diff found the bundles the same</td></tr>
 *   <tr><td>{@value #DIFFERENT}</td><td>diff found differences; replay did not reproduce</td></tr>
 *   <tr><td>{@value #USAGE}</td><td>usage error: unknown verb or option, missing argument</td></tr>
 *   <tr><td>{@value #INVALID_BUNDLE}</td><td>a bundle is invalid, damaged or unreadable</td></tr>
 *   <tr><td>{@value #FAILED}</td><td>the operation failed for another reason (an output file,
 *       a replay target that cannot be reached)</td></tr>
 * </table>
 *
 * <p>Errors are one sentence on standard error; {@code --verbose} adds the stack trace.
 * {@link #run} is thread-safe as long as callers pass their own writers.
 */
public final class ReproCli {
  /** Success, reproduced, or the same. */
  public static final int OK = 0;
  /** Differences found, or not reproduced. */
  public static final int DIFFERENT = 1;
  /** Usage error. */
  public static final int USAGE = 2;
  /** Invalid or unreadable bundle. */
  public static final int INVALID_BUNDLE = 3;
  /** Any other failure. */
  public static final int FAILED = 4;

  private ReproCli() {}

  /** Runs {@code repro} and exits the JVM with its exit code. */
  public static void main(String... args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int exit = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(exit);
  }

  /** Runs {@code repro} with the given arguments and returns its exit code. Never throws. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return RootCommand.execute(out, err, args);
  }
}
