package dev.reprokit.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reprokit.CaptureResult;
import dev.reprokit.CaptureResult.Outcome;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.redact.RedactionConfig;
import dev.reprokit.redact.Redactor;
import dev.reprokit.testing.BundleSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets in the environment never reach a bundle, with the real bundle redactor. */
class EnvironmentSecretsTest {

  @TempDir Path dir;

  @Test
  void bundleRedactorReplacesSecretArgumentsPropertiesVariablesConfigurationAndJdbcPasswords()
      throws Exception {
    RuntimeInfo rt = new RuntimeInfo("17.0.15", "Acme", null, "VM", "17", "Acme", "/jdk",
        List.of("-Xmx1g", "-Ddb.password=s3cret-A", "-Dapp.mode=batch",
            "-javaagent:/opt/apm.jar=service=checkout,api_key=s3cret-B;secret_token=s3cret-C",
            "--auth-token=s3cret-D"),
        List.of(), 1L << 30, 1L << 28);
    Environment env = new Environment("2026-11-27T09:00:00Z", null, rt, null, null, null, null,
        List.of(), Map.of("java.net.auth.secret", "s3cret-E", "java.vendor", "Acme"),
        List.of("db.password"),
        Map.of("LC_AUTH_TOKEN", "s3cret-F", "LANG", "C.UTF-8",
            "JAVA_TOOL_OPTIONS", "-Xss1m -Dkeystore.password=s3cret-G"),
        List.of("AWS_SECRET_ACCESS_KEY"),
        List.of(new DatabaseInfo("PostgreSQL", "16", "pgjdbc", "42.7.14",
            "jdbc:postgresql://db/shop?user=shop&password=s3cret-H")),
        Map.of("payment.clientSecret", "s3cret-I", "pool.size", "8"), null);

    Environment redacted = env.redacted(Redactor.forBundle(RedactionConfig.DEFAULT));
    String json = new ObjectMapper().writeValueAsString(redacted);

    assertThat(json).doesNotContain("s3cret-").contains("‹redacted:");
    assertThat(redacted.runtime().inputArguments())
        .contains("-Xmx1g", "-Dapp.mode=batch")
        .anySatisfy(a -> assertThat(a).startsWith("-javaagent:/opt/apm.jar=service=checkout,"));
    assertThat(redacted.systemProperties()).containsEntry("java.vendor", "Acme");
    assertThat(redacted.environmentVariables()).containsEntry("LANG", "C.UTF-8");
    assertThat(redacted.environmentVariables().get("JAVA_TOOL_OPTIONS")).startsWith("-Xss1m ");
    assertThat(redacted.configuration()).containsEntry("pool.size", "8");
  }

  @Test
  void configurationSecretsAndJdbcPasswordsNeverReachTheWrittenBundle() throws Exception {
    CaptureResult result;
    try (Recorder recorder = Recorder.create(RecorderConfig.builder()
        .bundleDirectory(dir)
        .application("billing", "3.0")
        .configuration(Map.of("stripe.apiKey", "sk_live_s3cret-J", "region", "eu-west-1"))
        .build())) {
      recorder.noteDatabase(new DatabaseInfo("PostgreSQL", "16", "pgjdbc", "42.7.14",
          "jdbc:postgresql://db/billing?user=billing&password=s3cret-K"));
      result = recorder.capture("support asked for a bundle");
    }

    assertThat(result.outcome()).isEqualTo(Outcome.WRITTEN);
    BundleSchemas.assertValid(result.path());
    byte[] zip = Files.readAllBytes(result.path());
    String raw = new String(zip, StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain("s3cret-");
    // the zip is deflated: read the entry too
    String environment = dev.reprokit.bundle.BundleReader.create().read(result.path())
        .entryText("environment.json").orElseThrow();
    assertThat(environment).doesNotContain("s3cret-").contains("eu-west-1");
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        assertThat(Files.readString(p, StandardCharsets.ISO_8859_1))
            .as("no file in the bundle directory holds a secret: %s", p.getFileName())
            .doesNotContain("s3cret-");
      }
    }
  }
}
