package dev.reprokit.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reprokit.internal.env.EnvironmentRedaction;
import dev.reprokit.internal.env.JvmArguments;
import dev.reprokit.redact.RedactionConfig;
import dev.reprokit.redact.Redactor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentRedactionTest {

  private static Environment environment(List<String> jvmArgs, Map<String, String> props,
      Map<String, String> vars, Map<String, String> configuration, List<DatabaseInfo> dbs) {
    RuntimeInfo rt = new RuntimeInfo("17.0.15", "Acme", null, "VM", "17", "Acme", "/jdk",
        jvmArgs, List.of("G1 Young Generation"), 1L << 30, 1L << 28);
    return new Environment("2026-11-27T09:00:00Z", null, rt, null, null, null, null, List.of(),
        props, List.of("user.home"), vars, List.of("PATH"), dbs, configuration, null);
  }

  @Test
  void secretSystemPropertyArgumentsAndAgentOptionsAreRedactedByName() {
    Environment env = environment(List.of(
        "-Xmx512m",
        "-Ddb.password=hunter2",
        "-Dapp.mode=batch",
        "-javaagent:/opt/apm/agent.jar=service=checkout,api_key=ak-778899;env=prod&secret_token=st-5566",
        "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
        "-XX:+UseG1GC",
        "-XX:FlightRecorderOptions=stackdepth=96",
        "--auth-token=tk-112233",
        "-Dproxy.url=http://proxyuser:proxy-pass@proxy:3128"),
        Map.of(), Map.of(), Map.of(), List.of());

    List<String> args = EnvironmentRedaction.apply(env, Fixtures.RULES).runtime().inputArguments();

    assertThat(args).containsExactly(
        "-Xmx512m",
        "-Ddb.password=‹redacted›",
        "-Dapp.mode=batch",
        "-javaagent:/opt/apm/agent.jar=service=checkout,api_key=‹redacted›;env=prod&secret_token=‹redacted›",
        "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
        "-XX:+UseG1GC",
        "-XX:FlightRecorderOptions=stackdepth=96",
        "--auth-token=‹redacted›",
        "-Dproxy.url=http://‹redacted›@proxy:3128");
  }

  @Test
  void secretLookingNamesOnTheAllowListAreRedactedAndOptionVariablesPerArgument() {
    Environment env = environment(List.of(),
        Map.of("java.vendor", "Acme", "java.net.auth.secret", "prop-secret-1"),
        Map.of("LANG", "en_US.UTF-8",
            "LC_AUTH_TOKEN", "lc-secret-2",
            "JAVA_TOOL_OPTIONS", "-Xss1m -Dkeystore.password=ks-secret-3 \"-Dgreeting=hello world\"",
            "JDK_JAVA_OPTIONS", "-javaagent:/a.jar=token=agent-secret-4"),
        Map.of("db.user", "shop", "db.password", "cfg-secret-5"),
        List.of(new DatabaseInfo("PostgreSQL", "16", "pgjdbc", "42.7.14",
            "jdbc:postgresql://db/shop?user=shop&password=url-secret-6")));

    Environment redacted = EnvironmentRedaction.apply(env, Fixtures.RULES);

    assertThat(redacted.systemProperties()).containsExactly(
        Map.entry("java.net.auth.secret", "‹redacted›"), Map.entry("java.vendor", "Acme"));
    assertThat(redacted.environmentVariables()).containsExactly(
        Map.entry("JAVA_TOOL_OPTIONS", "-Xss1m -Dkeystore.password=‹redacted› \"-Dgreeting=hello world\""),
        Map.entry("JDK_JAVA_OPTIONS", "-javaagent:/a.jar=token=‹redacted›"),
        Map.entry("LANG", "en_US.UTF-8"),
        Map.entry("LC_AUTH_TOKEN", "‹redacted›"));
    assertThat(redacted.configuration())
        .containsExactly(Map.entry("db.password", "‹redacted›"), Map.entry("db.user", "shop"));
    assertThat(redacted.databases().get(0).url())
        .isEqualTo("jdbc:postgresql://db/shop?user=shop&password=‹redacted›");
    assertThat(redacted.otherEnvironmentVariables()).containsExactly("PATH");
  }

  @Test
  void noPlantedSecretSurvivesAnywhereInTheRedactedJson() throws Exception {
    Environment env = environment(
        List.of("-Dstore.password=s3cret-A", "-javaagent:x.jar=apikey=s3cret-B"),
        Map.of("java.security.auth.login.config.password", "s3cret-C"),
        Map.of("LC_PRIVATE", "s3cret-D", "_JAVA_OPTIONS", "-Dcredential=s3cret-E"),
        Map.of("payment.clientSecret", "s3cret-F"),
        List.of(new DatabaseInfo("H2", "2", "h2", "2", "jdbc:h2:mem:x;PASSWORD=s3cret-G")));

    String json = new ObjectMapper().writeValueAsString(EnvironmentRedaction.apply(env, Fixtures.RULES));

    assertThat(json).doesNotContain("s3cret-");
  }

  @Test
  void javaOptionsAreSplitAtWhiteSpaceKeepingQuotedParts() {
    assertThat(JvmArguments.split("  -Xmx1g   -Dname='a b' \"-Dx=y z\"\t-ea "))
        .containsExactly("-Xmx1g", "-Dname='a b'", "\"-Dx=y z\"", "-ea");
  }

  @Test
  void redactedWithTheBundleRedactorKeepsEveryNonSecretSection() {
    Environment env = environment(List.of("-Xmx1g"), Map.of("java.vendor", "Acme"),
        Map.of("LANG", "C"), Map.of("pool.size", "4"), List.of());

    Environment redacted = env.redacted(Redactor.forBundle(RedactionConfig.DEFAULT));

    assertThat(redacted.runtime().inputArguments()).containsExactly("-Xmx1g");
    assertThat(redacted.systemProperties()).containsEntry("java.vendor", "Acme");
    assertThat(redacted.environmentVariables()).containsEntry("LANG", "C");
    assertThat(redacted.configuration()).containsEntry("pool.size", "4");
    assertThat(redacted.otherSystemProperties()).isEqualTo(env.otherSystemProperties());
    assertThat(redacted.collectedAt()).isEqualTo(env.collectedAt());
  }
}
