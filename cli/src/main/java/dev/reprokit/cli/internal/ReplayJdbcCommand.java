package dev.reprokit.cli.internal;

import dev.reprokit.cli.ReproCli;
import dev.reprokit.jdbc.JdbcRerun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repro replay jdbc}: re-run the recorded SQL against a database and compare. */
@Command(name = "jdbc", mixinStandardHelpOptions = true,
    description = "Re-run the recorded statements with their binds against the database you"
        + " name, in one transaction that is rolled back unless --commit, and compare rows,"
        + " update counts and errors with the recording. A statement that failed in the"
        + " bundle and fails the same way (same SQLState) counts as reproduced.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:reproduced: every statement behaved as recorded",
        "1:not reproduced: a statement behaved differently or failed", "2:usage error",
        "3:invalid or unreadable bundle", "4:the database could not be reached"})
final class ReplayJdbcCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE", description = "The bundle (*.repro.zip).")
  Path bundlePath;

  @Option(names = "--url", paramLabel = "JDBC_URL", required = true,
      description = "The database to re-run against, e.g. jdbc:postgresql://staging/app."
          + " H2, PostgreSQL and MariaDB drivers are included.")
  String url;

  @Option(names = "--user", paramLabel = "U", description = "Database user.")
  String user;

  @Option(names = "--password-env", paramLabel = "VAR",
      description = "Read the password from environment variable VAR (never from the"
          + " command line).")
  String passwordEnv;

  @Option(names = "--commit",
      description = "Commit the transaction instead of rolling it back (changes staging data).")
  boolean commit;

  @Override
  public Integer call() {
    String password = null;
    if (passwordEnv != null) {
      password = System.getenv(passwordEnv);
      if (password == null) {
        throw new ParameterException(spec.commandLine(),
            "--password-env names " + passwordEnv + ", which is not set");
      }
    }
    LoadedBundle bundle = Bundles.load(bundlePath);
    PrintWriter out = spec.commandLine().getOut();
    JdbcRerun.Report report;
    try {
      report = JdbcRerun.against(url, user, password).commit(commit).run(bundle.events());
    } catch (SQLException e) {
      throw new CliException(ReproCli.FAILED, "cannot re-run against " + url + ": "
          + e.getMessage(), e);
    }
    out.println("Re-ran " + report.statements().size() + " statement(s) from " + bundle.name()
        + " against " + url + " (" + (report.committed() ? "committed" : "rolled back") + ")");
    for (JdbcRerun.StatementResult r : report.statements()) {
      out.println(String.format("  #%-5d %-9s %s%s", r.seq(), r.outcome(),
          Format.abbreviate(r.sql(), 90),
          r.detail() == null || r.detail().isEmpty() ? "" : "  — " + r.detail()));
    }
    boolean reproduced = report.verdict() == JdbcRerun.Outcome.SAME;
    out.println("Verdict: " + (reproduced
        ? "REPRODUCED — every statement behaved as recorded"
        : "NOT REPRODUCED — " + report.verdict()));
    out.flush();
    return reproduced ? ReproCli.OK : ReproCli.DIFFERENT;
  }
}
