package dev.reprokit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.cli.ReproCli;
import dev.reprokit.testing.BundleSchemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The bundle-reading verbs on bundles written by the real recorder and bundle writer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsOnRealBundleTest {
  private Path dir;

  private Path turkish;
  private Path english;

  @BeforeAll
  void writeBundles(@TempDir Path tempDir) {
    dir = tempDir;
    turkish = RealBundles.write(dir.resolve("tr"), "tr-TR");
    english = RealBundles.write(dir.resolve("en"), "en-US");
    BundleSchemas.assertValid(turkish);
  }

  private record Run(int exit, String out, String err) {}

  private static Run repro(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = ReproCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void verifyAcceptsAWrittenBundle() {
    Run run = repro("verify", turkish.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("OK ");
  }

  @Test
  void verifyRejectsAFlippedByteAndATruncatedFile() throws Exception {
    byte[] bytes = Files.readAllBytes(turkish);
    byte[] flipped = bytes.clone();
    flipped[flipped.length / 2] ^= 0x01;
    Path f = dir.resolve("flipped.repro.zip");
    Files.write(f, flipped);
    Path t = dir.resolve("truncated.repro.zip");
    Files.write(t, Arrays.copyOf(bytes, bytes.length - 40));

    Run a = repro("verify", f.toString());
    Run b = repro("verify", t.toString());

    assertThat(a.exit()).isEqualTo(ReproCli.INVALID_BUNDLE);
    assertThat(b.exit()).isEqualTo(ReproCli.INVALID_BUNDLE);
    assertThat(a.err()).startsWith("repro: invalid bundle").doesNotContain("\tat ");
    assertThat(a.err().strip().lines()).hasSize(1);
    assertThat(b.err()).startsWith("repro: invalid bundle");
  }

  @Test
  void inspectShowsOneScreen() {
    Run run = repro("inspect", turkish.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("customer sync dropped partner records")
        .contains("customer-sync 2.4.1").contains("tr-TR").contains("jdbc.statement");
  }

  @Test
  void reportAnswersTheFiveQuestions() {
    Run run = repro("report", turkish.toString(), "--summary");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Which integration:", "Which environment:",
        "Which version:", "After which change:", "Which error:");
    assertThat(run.out()).contains("tr-TR").contains("customer-sync 2.4.1")
        .contains("IllegalStateException");
  }

  @Test
  void diffNamesTheLocale() {
    Run run = repro("diff", english.toString(), turkish.toString());
    assertThat(run.exit()).isEqualTo(ReproCli.DIFFERENT);
    assertThat(run.out()).contains("locale.defaultLocale: en-US  →  tr-TR");
  }

  @Test
  void secretsConfiguredByTheApplicationAreNotInTheReport() {
    Run run = repro("report", turkish.toString());
    assertThat(run.out()).doesNotContain("pk_live_never_in_a_bundle");
  }

  @Test
  void replayHttpAgainstAServerAnsweringAsRecordedReproduces() throws Exception {
    LoadedBundle bundle = Bundles.load(turkish);
    try (StubServer staging = StubServer.start(bundle.events(), 0,
        new PrintWriter(new StringWriter()))) {
      Run run = repro("replay", "http", turkish.toString(), "--target",
          staging.baseUri().toString(), "--header", "X-Api-Key=staging-key");

      assertThat(run.exit()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains("SAME").contains("/v1/customers?page=1&size=5")
          .contains("Verdict: REPRODUCED");
    }
  }

  @Test
  void replayHttpAgainstAServerAnsweringDifferentlyDoesNotReproduce() throws Exception {
    try (StubServer empty = StubServer.start(java.util.List.of(), 0,
        new PrintWriter(new StringWriter()))) {
      Run run = repro("replay", "http", turkish.toString(), "--target",
          empty.baseUri().toString());

      assertThat(run.exit()).isEqualTo(ReproCli.DIFFERENT);
      assertThat(run.out()).contains("DIFFERENT").contains("Verdict: NOT REPRODUCED");
    }
  }

  @Test
  void replayJdbcAgainstADifferentDatabaseDoesNotReproduce() throws Exception {
    String url = "jdbc:h2:mem:rerun-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
        java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customer (id BIGINT PRIMARY KEY, name VARCHAR(200),"
          + " email VARCHAR(200) UNIQUE, tier VARCHAR(20))");
      s.execute("INSERT INTO customer VALUES (1, 'Ana', 'ana@example.com', 'GOLD')");

      Run run = repro("replay", "jdbc", turkish.toString(), "--url", url, "--user", "sa");

      assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ReproCli.DIFFERENT);
      assertThat(run.out()).contains("Verdict: NOT REPRODUCED");
      try (java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM customer")) {
        rs.next();
        assertThat(rs.getInt(1)).as("rolled back").isEqualTo(1);
      }
    }
  }

  @Test
  void replayJdbcWithAnUnsetPasswordVariableIsAUsageError() {
    Run run = repro("replay", "jdbc", turkish.toString(), "--url", "jdbc:h2:mem:x",
        "--password-env", "REPROKIT_TEST_SURELY_UNSET_VARIABLE");

    assertThat(run.exit()).isEqualTo(ReproCli.USAGE);
    assertThat(run.err()).contains("REPROKIT_TEST_SURELY_UNSET_VARIABLE");
  }

  @Test
  void redactWithAnUnknownRuleKindIsAUsageError() {
    Run run = repro("redact", turkish.toString(), "-o", dir.resolve("x.repro.zip").toString(),
        "--rule", "color:blue");

    assertThat(run.exit()).isEqualTo(ReproCli.USAGE);
    assertThat(run.err()).contains("--rule kind 'color' is unknown");
    assertThat(dir.resolve("x.repro.zip")).doesNotExist();
  }

  @Test
  void redactedCopyVerifiesAndNoLongerHoldsTheAddedField() throws Exception {
    Path out = dir.resolve("scrubbed.repro.zip");

    Run run = repro("redact", turkish.toString(), "-o", out.toString(),
        "--rule", "regex:Garc[ií]a");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(repro("verify", out.toString()).exit()).isZero();
    BundleSchemas.assertValid(out);
    assertThat(repro("report", out.toString()).out()).doesNotContain("García")
        .contains("user.regex");
    assertThat(repro("report", turkish.toString()).out()).contains("García");
  }

  @Test
  void exportsAreWritten() throws Exception {
    for (String format : new String[] {"har", "curl", "wiremock"}) {
      Path out = dir.resolve("export." + format);
      Run run = repro("export", turkish.toString(), "--format", format, "-o", out.toString());
      assertThat(run.exit()).as(format + run.err()).isZero();
      assertThat(Files.readString(out)).as(format).contains("/v1/customers");
    }
  }
}
