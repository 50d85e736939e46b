package dev.reprokit.examples;

import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.TriggerKind;
import dev.reprokit.cli.ReproCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The demo, start to end: the customer's production (a partner API on loopback and an H2
 * database) runs the nightly customer sync on Monday under an English default locale and on
 * Tuesday, after an OS image update, under a Turkish one; Tuesday's reconciliation finds
 * dropped records and ReproKit writes a bundle. The support engineer reads the report's
 * five answers and replays the bundle against a staging partner API and a fresh staging
 * database: the verdict is printed.
 *
 * <p>{@code ./mvnw -B -ntp -q -Pdemo -pl examples -am package -DskipTests}
 */
public final class CustomerSyncDemo {
  /** Production secrets: they must never appear in a bundle. */
  static final String PRODUCTION_API_KEY = "pk_live_4f7Qm2ZtR9xWc81LbN3s";
  static final String PRODUCTION_DB_PASSWORD = "Pr0d-Sync-9!kX2v";
  static final String STAGING_API_KEY = "pk_test_staging_0000";

  /** What a demo run produced. */
  public record Outcome(Path baselineBundle, Path failingBundle, SyncResult monday,
      SyncResult tuesday, int httpReplayExit, int jdbcReplayExit, List<String> leakedSecrets,
      String answers) {
    /** {@code true} when the staging replay reproduced what production recorded. */
    public boolean reproduced() {
      return failingBundle != null && httpReplayExit == ReproCli.OK
          && jdbcReplayExit == ReproCli.OK;
    }
  }

  private final Path bundleDirectory;
  private final PrintWriter out;

  public CustomerSyncDemo(Path bundleDirectory, PrintWriter out) {
    this.bundleDirectory = bundleDirectory;
    this.out = out;
  }

  public static void main(String... args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/target/bundles");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    Outcome outcome = new CustomerSyncDemo(dir, out).run();
    out.flush();
    System.exit(outcome.reproduced() && outcome.leakedSecrets().isEmpty() ? 0 : 1);
  }

  /** Runs the whole story and returns what happened. */
  public Outcome run() throws Exception {
    long started = System.nanoTime();
    Locale original = Locale.getDefault();
    String db = "production-" + System.nanoTime();
    try (PartnerApiServer partner =
            PartnerApiServer.start(CustomerData.partner(), PRODUCTION_API_KEY)) {
      JdbcDataSource production = h2(db, "sync", PRODUCTION_DB_PASSWORD);
      try (Connection c = production.getConnection()) {
        CustomerData.seed(c);
      }
      say("ReproKit demo — customer-sync: partner API %s, H2 database jdbc:h2:mem:%s",
          partner.baseUri(), db);
      say("");

      say("[1] Monday, 02:00 — the customer's server runs the nightly sync (default locale %s)",
          "en-US");
      Locale.setDefault(Locale.US);
      SyncResult monday;
      Path baseline;
      try (Recorder recorder = Recorder.create(config());
          CustomerSyncApp app =
              new CustomerSyncApp(partner.baseUri(), PRODUCTION_API_KEY, production, recorder)) {
        monday = app.runOnce().result();
        say("    %s -> %s", monday, monday.consistent() ? "OK" : "MISMATCH");
        baseline = recorder.capture("known-good baseline after Monday's sync").bundle()
            .orElse(null);
        say("    known-good baseline bundle for later comparison: %s", baseline);
      }

      List<CustomerRepository.Row> beforeTuesday;
      try (Connection c = production.getConnection()) {
        beforeTuesday = new CustomerRepository().findAll(c);
      }

      say("[2] Tuesday, 02:00 — after an OS image update the server's default locale is tr-TR");
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      SyncResult tuesday;
      Path failing;
      try (Recorder recorder = Recorder.create(config());
          CustomerSyncApp app =
              new CustomerSyncApp(partner.baseUri(), PRODUCTION_API_KEY, production, recorder)) {
        CustomerSyncApp.Run run = app.runOnce();
        tuesday = run.result();
        say("    %s -> %s", tuesday, tuesday.consistent() ? "OK" : "MISMATCH");
        failing = run.bundle() == null ? null : run.bundle().bundle().orElse(null);
        say("    ReproKit bundle: %s", failing != null ? failing
            : "none (" + (run.bundle() == null ? "no mismatch" : run.bundle().message()) + ")");
      } finally {
        Locale.setDefault(original);
      }
      if (failing == null) {
        say("The sync did not fail; nothing to reproduce.");
        return new Outcome(baseline, null, monday, tuesday, ReproCli.DIFFERENT,
            ReproCli.DIFFERENT, List.of(), "");
      }

      say("");
      say("[3] The support engineer reads the bundle: repro report %s --summary",
          failing.getFileName());
      String answers = cli("report", failing.toString(), "--summary").output;
      answers.lines().forEach(l -> say("    %s", l));

      say("");
      say("[4] Staging: a staging partner API, and a fresh staging database restored from"
          + " Tuesday's 01:00 production backup");
      Cli http;
      Cli jdbc;
      String stagingDb = "staging-" + System.nanoTime();
      try (PartnerApiServer staging =
              PartnerApiServer.start(CustomerData.partner(), STAGING_API_KEY)) {
        JdbcDataSource stagingDs = h2(stagingDb, "sa", "");
        try (Connection c = stagingDs.getConnection()) {
          CustomerData.restore(c, beforeTuesday);
        }
        say("    $ repro replay http %s --target %s --header X-Api-Key=…", failing.getFileName(),
            staging.baseUri());
        http = cli("replay", "http", failing.toString(), "--target",
            staging.baseUri().toString(), "--header", "X-Api-Key=" + STAGING_API_KEY);
        http.output.lines().forEach(l -> say("    %s", l));
        String url = "jdbc:h2:mem:" + stagingDb;
        say("    $ repro replay jdbc %s --url %s --user sa", failing.getFileName(), url);
        jdbc = cli("replay", "jdbc", failing.toString(), "--url", url, "--user", "sa");
        jdbc.output.lines().forEach(l -> say("    %s", l));
      }

      List<String> leaked = new ArrayList<>();
      for (Path bundle : new Path[] {baseline, failing}) {
        if (bundle != null) {
          leaked.addAll(BundleSecrets.find(bundle, PRODUCTION_API_KEY, PRODUCTION_DB_PASSWORD));
        }
      }
      Outcome outcome = new Outcome(baseline, failing, monday, tuesday, http.exit, jdbc.exit,
          leaked, answers);
      say("");
      say("[5] Secrets: the production API key and database password are %s",
          leaked.isEmpty() ? "in no bundle (checked every entry)" : "LEAKED: " + leaked);
      say("");
      say("VERDICT: %s", outcome.reproduced()
          ? "REPRODUCED in staging — the same partner answers and the same rejected inserts"
              + " (unique e-mail) as in production"
          : "NOT REPRODUCED (replay http exit " + http.exit + ", replay jdbc exit " + jdbc.exit
              + ")");
      say("");
      say("(demo finished in %.1f s)", (System.nanoTime() - started) / 1e9);
      say("");
      say("Next: java -jar cli/target/repro.jar report %s --format html -o report.html", failing);
      say("      java -jar cli/target/repro.jar diff %s %s", baseline, failing);
      return outcome;
    }
  }

  private RecorderConfig config() {
    return RecorderConfig.builder()
        .application("customer-sync", "2.4.1")
        .bundleDirectory(bundleDirectory)
        // a rejected duplicate is handled by the app; only the reconciliation writes bundles
        .trigger(TriggerKind.SQL_ERROR, false)
        .configuration(Map.of(
            "partner.url", "https://partner.example.com/v1",
            "partner.apiKey", PRODUCTION_API_KEY,
            "sync.schedule", "0 2 * * *"))
        .build();
  }

  private static JdbcDataSource h2(String name, String user, String password) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  private record Cli(int exit, String output) {}

  private static Cli cli(String... args) {
    StringWriter buffer = new StringWriter();
    PrintWriter w = new PrintWriter(buffer);
    int exit = ReproCli.run(w, w, args);
    w.flush();
    return new Cli(exit, buffer.toString());
  }

  private void say(String format, Object... args) {
    out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    out.flush();
  }

}
