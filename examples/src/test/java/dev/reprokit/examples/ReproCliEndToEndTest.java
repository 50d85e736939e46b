package dev.reprokit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.reprokit.bundle.Bundle;
import dev.reprokit.bundle.BundleReader;
import dev.reprokit.cli.ReproCli;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.testing.BundleSchemas;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every verb of {@code repro}, end to end, on the bundles the demo writes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReproCliEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path dir;

  private CustomerSyncDemo.Outcome demo;
  private Path failing;
  private Path baseline;

  @BeforeAll
  void runTheDemo(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    demo = new CustomerSyncDemo(dir.resolve("bundles"), new PrintWriter(new StringWriter()))
        .run();
    failing = demo.failingBundle();
    baseline = demo.baselineBundle();
    assertThat(failing).isNotNull();
    assertThat(baseline).isNotNull();
  }

  private record Run(int exit, String out, String err) {}

  private static Run repro(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = ReproCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void demoBundlesMatchTheBundleSchemas() {
    BundleSchemas.assertValid(failing);
    BundleSchemas.assertValid(baseline);
  }

  @Test
  void apiKeyAndDatabasePasswordAreInNoBundleNorInAnyFileNextToThem() throws Exception {
    List<Path> files;
    try (var listing = Files.list(failing.getParent())) {
      files = listing.toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(2);
    for (Path f : files) {
      List<String> found = f.toString().endsWith(".repro.zip")
          ? BundleSecrets.find(f, CustomerSyncDemo.PRODUCTION_API_KEY,
              CustomerSyncDemo.PRODUCTION_DB_PASSWORD)
          : Files.readString(f).contains(CustomerSyncDemo.PRODUCTION_API_KEY)
              || Files.readString(f).contains(CustomerSyncDemo.PRODUCTION_DB_PASSWORD)
              ? List.of(f.toString()) : List.of();
      assertThat(found).as(f.toString()).isEmpty();
    }
    Bundle bundle = BundleReader.create().read(failing);
    assertThat(bundle.events()).filteredOn(HttpExchangeEvent.class::isInstance)
        .map(e -> ((HttpExchangeEvent) e).requestHeaders().stream()
            .filter(h -> h.name().equalsIgnoreCase("X-Api-Key")).findFirst().orElseThrow()
            .value())
        .allMatch(v -> v.startsWith("‹redacted"));
  }

  @Test
  void inspectShowsTriggerFailureVersionLocaleAndCounts() {
    Run run = repro("inspect", failing.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("customer sync dropped partner records")
        .contains("SyncMismatchException").contains("customer-sync 2.4.1").contains("tr-TR")
        .contains("http").contains("jdbc.statement").contains("Redaction");
  }

  @Test
  void verifyAcceptsAnIntactBundle() {
    Run run = repro("verify", failing.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("OK ");
  }

  @Test
  void verifyRejectsOneFlippedByteWithExitCode3() throws Exception {
    byte[] bytes = Files.readAllBytes(failing);
    Path flipped = dir.resolve("flipped.repro.zip");
    int at = bytes.length / 2;
    bytes[at] ^= 0x01;
    Files.write(flipped, bytes);

    Run run = repro("verify", flipped.toString());

    assertThat(run.exit()).isEqualTo(ReproCli.INVALID_BUNDLE);
    assertThat(run.err()).startsWith("repro: invalid bundle").doesNotContain("\tat ");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void verifyRejectsATruncatedBundleWithExitCode3() throws Exception {
    byte[] bytes = Files.readAllBytes(failing);
    Path truncated = dir.resolve("truncated.repro.zip");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));

    Run run = repro("verify", truncated.toString());

    assertThat(run.exit()).isEqualTo(ReproCli.INVALID_BUNDLE);
    assertThat(run.err()).startsWith("repro: invalid bundle");
  }

  @Test
  void reportAnswersAllFiveQuestionsFromTheBundle() {
    Run run = repro("report", failing.toString());

    assertThat(run.exit()).isZero();
    String md = run.out();
    assertThat(line(md, "| **Which integration** |")).contains("H2").contains("failed");
    assertThat(line(md, "| **Which environment** |")).contains("tr-TR");
    assertThat(line(md, "| **Which version** |")).contains("customer-sync 2.4.1")
        .contains("ReproKit");
    assertThat(line(md, "| **After which change** |")).contains("defaultLocale")
        .contains("en-US").contains("tr-TR");
    assertThat(line(md, "| **Which error** |")).contains("SyncMismatchException")
        .contains("23505");
    assertThat(md).contains("## Timeline").contains("❌ sql")
        .contains("INSERT INTO customer (name, email, tier) VALUES (")
        .contains("curl -sS \"http://").contains("${X_API_KEY}")
        .contains("repro replay http ").contains("repro replay jdbc ");
  }

  @Test
  void htmlReportIsOneSelfContainedFile() throws Exception {
    Path html = dir.resolve("report.html");

    Run run = repro("report", failing.toString(), "--format", "html", "-o", html.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    String text = Files.readString(html);
    assertThat(text).contains("<svg class=\"waterfall\"").contains("After which change")
        .doesNotContain("<script", "<link", " src=", "@import", "url(");
  }

  @Test
  void diffOfBundlesTakenUnderDifferentDefaultLocalesNamesTheLocale() {
    Run run = repro("diff", baseline.toString(), failing.toString());

    assertThat(run.exit()).isEqualTo(ReproCli.DIFFERENT);
    assertThat(run.out()).containsPattern("locale\\.defaultLocale: en-US +→ +tr-TR")
        .contains("Verdict: DIFFERENT");
  }

  @Test
  void diffOfABundleWithItselfIsTheSame() {
    Run run = repro("diff", failing.toString(), failing.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Verdict: SAME");
  }

  @Test
  void serveAnswersARealHttpClientWithTheRecordedResponses() throws Exception {
    Bundle bundle = BundleReader.create().read(failing);
    HttpExchangeEvent recorded = bundle.events().stream()
        .filter(HttpExchangeEvent.class::isInstance).map(HttpExchangeEvent.class::cast)
        .findFirst().orElseThrow();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] exit = {-1};
    Thread server = new Thread(() -> exit[0] = ReproCli.run(new PrintWriter(out, true),
        new PrintWriter(err, true), "serve", failing.toString(), "--port", "0"));
    server.start();
    try {
      String base = awaitUrl(out);
      String path = java.net.URI.create(recorded.uri()).getRawPath() + "?"
          + java.net.URI.create(recorded.uri()).getRawQuery();
      try (CloseableHttpClient http = HttpClients.createDefault()) {
        HttpGet get = new HttpGet(base + path);
        get.setHeader("X-Api-Key", "whatever-the-app-has");
        String[] got = http.execute(get, r -> new String[] {String.valueOf(r.getCode()),
            EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)});

        assertThat(got[0]).isEqualTo(String.valueOf(recorded.status()));
        assertThat(got[1]).isEqualTo(new String(recorded.responseBody().data(),
            StandardCharsets.UTF_8));
        assertThat(JSON.readTree(got[1]).path("customers").size()).isPositive();

        String[] miss = http.execute(new HttpGet(base + "/v1/customers?page=99&size=5"),
            r -> new String[] {String.valueOf(r.getCode()),
                EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)});
        assertThat(miss[0]).isEqualTo("404");
        assertThat(miss[1]).contains("Nearest recorded requests");
      }
    } finally {
      server.interrupt();
      server.join(10_000);
    }
    assertThat(exit[0]).isZero();
  }

  private static String awaitUrl(StringWriter out) throws InterruptedException {
    Pattern url = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)");
    for (int i = 0; i < 200; i++) {
      Matcher m = url.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("repro serve did not start: " + out);
  }

  @Test
  void redactedCopyVerifiesAndNoLongerContainsTheAddedPattern() throws Exception {
    String email = "martin.garcia@example.es";
    assertThat(contains(failing, email)).isTrue();
    Path scrubbed = dir.resolve("scrubbed.repro.zip");

    Run run = repro("redact", failing.toString(), "-o", scrubbed.toString(),
        "--rule", "regex:[a-z.]+@example\\.es");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(repro("verify", scrubbed.toString()).exit()).isZero();
    BundleSchemas.assertValid(scrubbed);
    assertThat(contains(scrubbed, email)).isFalse();
    assertThat(run.out()).contains("user.regex");
    Bundle copy = BundleReader.create().read(scrubbed);
    assertThat(copy.manifest().redaction().replaced("user.regex")).isPositive();
  }

  private static boolean contains(Path bundle, String text) throws Exception {
    return !BundleSecrets.find(bundle, text).isEmpty()
        || BundleReader.create().read(bundle).events().stream()
            .filter(HttpExchangeEvent.class::isInstance).map(HttpExchangeEvent.class::cast)
            .anyMatch(h -> h.responseBody() != null && new String(h.responseBody().data(),
                StandardCharsets.UTF_8).contains(text));
  }

  @Test
  void harExportValidatesAgainstTheHarSchema() throws Exception {
    Path har = dir.resolve("sync.har");

    Run run = repro("export", failing.toString(), "--format", "har", "-o", har.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode doc = JSON.readTree(har.toFile());
    Schema schema;
    try (InputStream in = getClass().getResourceAsStream("/har-1.2.schema.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(in);
    }
    List<String> problems = new ArrayList<>();
    for (Error e : schema.validate(doc)) {
      problems.add(e.toString());
    }
    assertThat(problems).isEmpty();
    assertThat(doc.path("log").path("entries").size()).isEqualTo(
        (int) BundleReader.create().read(failing).events().stream()
            .filter(HttpExchangeEvent.class::isInstance).count());
  }

  @Test
  void curlAndWireMockExportsAreWritten() throws Exception {
    Path curl = dir.resolve("sync.sh");
    Path wiremock = dir.resolve("wiremock.json");

    assertThat(repro("export", failing.toString(), "--format", "curl", "-o", curl.toString())
        .exit()).isZero();
    assertThat(repro("export", failing.toString(), "--format", "wiremock", "-o",
        wiremock.toString()).exit()).isZero();

    assertThat(Files.readString(curl)).contains("curl").contains("/v1/customers");
    assertThat(JSON.readTree(wiremock.toFile()).path("mappings").size()).isPositive();
  }

  @Test
  void replayVerbsReproduceAgainstStaging() {
    assertThat(demo.httpReplayExit()).isZero();
    assertThat(demo.jdbcReplayExit()).isZero();
  }

  @Test
  void everyVerbHasHelp() {
    for (String[] verb : new String[][] {{"inspect"}, {"verify"}, {"report"}, {"diff"},
        {"serve"}, {"export"}, {"redact"}, {"replay"}, {"replay", "http"}, {"replay", "jdbc"}}) {
      String[] args = java.util.Arrays.copyOf(verb, verb.length + 1);
      args[verb.length] = "--help";
      Run run = repro(args);
      assertThat(run.exit()).as(String.join(" ", verb)).isZero();
      assertThat(run.out()).contains("Usage: repro " + String.join(" ", verb));
    }
  }

  @Test
  void theRunnableJarWorksAsARealProcess() throws Exception {
    Path jar = Path.of("..", "cli", "target", "repro.jar").toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      fail("cli/target/repro.jar is missing: build it with the module, e.g."
          + " ./mvnw -pl examples -am verify");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    ProcessResult verify = exec(java, "-jar", jar.toString(), "verify", failing.toString());
    ProcessResult summary = exec(java, "-jar", jar.toString(), "report", failing.toString(),
        "--summary");
    byte[] bytes = Files.readAllBytes(failing);
    bytes[bytes.length / 3] ^= 0x40;
    Path flipped = dir.resolve("process-flipped.repro.zip");
    Files.write(flipped, bytes);
    ProcessResult bad = exec(java, "-jar", jar.toString(), "verify", flipped.toString());
    ProcessResult usage = exec(java, "-jar", jar.toString(), "report");

    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(summary.exit()).as(summary.err()).isZero();
    assertThat(summary.out()).contains("Which integration:", "Which environment:",
        "Which version:", "After which change:", "Which error:");
    assertThat(bad.exit()).isEqualTo(3);
    assertThat(bad.err()).startsWith("repro: invalid bundle").doesNotContain("\tat ");
    assertThat(usage.exit()).isEqualTo(2);
  }

  private record ProcessResult(int exit, String out, String err) {}

  private ProcessResult exec(String... command) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    return new ProcessResult(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static String line(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line starting with " + prefix + " in\n"
            + text));
  }
}
