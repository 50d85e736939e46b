package dev.reprokit.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.reprokit.internal.env.EnvironmentRedaction;
import dev.reprokit.internal.env.JvmArguments;
import dev.reprokit.redact.RedactionConfig;
import dev.reprokit.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Generated JVM arguments and option variables with planted secrets: every secret goes,
 * every harmless option stays exactly as it was.
 */
class JvmArgumentRedactionProperties {

  private static final List<String> SECRET_NAMES = List.of("password", "db.passwd", "apiKey",
      "api_key", "client_secret", "auth.token", "credentials", "private.pem", "AUTH");
  private static final List<String> PLAIN_NAMES = List.of("mode", "service", "env", "port",
      "user.language", "region", "debug", "level");
  private static final List<String> SEPARATORS = List.of(",", ";", "&");

  private static Gen<String> pick(List<String> values) {
    return SourceDSL.integers().between(0, values.size() - 1).map(values::get);
  }

  /** A secret value: a marker no rule could invent, plus random letters and digits. */
  private static Gen<String> secret() {
    return SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(4, 12)
        .map(s -> "SECRET" + s);
  }

  private static Gen<String> plainValue() {
    return SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8);
  }

  /** One option: a name=value item, secret or plain. */
  private static Gen<String[]> option() {
    return pick(SECRET_NAMES).zip(secret(), pick(PLAIN_NAMES), plainValue(),
        SourceDSL.booleans().all(),
        (sn, sv, pn, pv, isSecret) -> isSecret
            ? new String[] {sn, sv, "secret"} : new String[] {pn, pv, "plain"});
  }

  @Test
  void plantedSecretsInSystemPropertiesAndAgentOptionsNeverSurvive() {
    plantedSecretsNeverSurvive(Fixtures.RULES);
  }

  @Test
  void plantedSecretsNeverSurviveTheBundleRedactor() {
    plantedSecretsNeverSurvive(
        EnvironmentRedaction.Rules.of(Redactor.forBundle(RedactionConfig.DEFAULT)));
  }

  private static void plantedSecretsNeverSurvive(EnvironmentRedaction.Rules rules) {
    Gen<List<String[]>> options = SourceDSL.lists().of(option()).ofSizeBetween(1, 6);
    qt().withFixedSeed(20261127L).withExamples(1_000)
        .forAll(options, options, pick(SEPARATORS))
        .check((properties, agentOptions, separator) -> {
          List<String> args = new ArrayList<>();
          List<String> secrets = new ArrayList<>();
          for (String[] p : properties) {
            args.add("-D" + p[0] + "=" + p[1]);
            if (p[2].equals("secret")) {
              secrets.add(p[1]);
            }
          }
          StringBuilder agent = new StringBuilder("-javaagent:/opt/agent.jar=");
          for (int i = 0; i < agentOptions.size(); i++) {
            String[] o = agentOptions.get(i);
            agent.append(i == 0 ? "" : separator).append(o[0]).append('=').append(o[1]);
            if (o[2].equals("secret")) {
              secrets.add(o[1]);
            }
          }
          args.add(agent.toString());

          List<String> redacted = JvmArguments.redact(args, rules);
          String joined = String.join(" ", redacted);
          String viaVariable = EnvironmentRedaction.apply(
              new Environment(null, null, null, null, null, null, null, null, null, null,
                  Map.of("JAVA_TOOL_OPTIONS", String.join(" ", args)), null, null, null, null),
              rules).environmentVariables().get("JAVA_TOOL_OPTIONS");

          boolean noSecret = secrets.stream()
              .noneMatch(s -> joined.contains(s) || viaVariable.contains(s));
          boolean plainKept = properties.stream().filter(p -> p[2].equals("plain"))
              .allMatch(p -> redacted.contains("-D" + p[0] + "=" + p[1]));
          // pseudonyms are stable within one redactor, so both routes give the same text
          boolean sameShape = redacted.size() == args.size() && viaVariable.equals(joined);
          return noSecret && plainKept && sameShape;
        });
  }

  @Test
  void argumentsWithoutSecretsAreLeftExactlyAsTheyWere() {
    Gen<List<String[]>> plain = SourceDSL.lists()
        .of(pick(PLAIN_NAMES).zip(plainValue(), (n, v) -> new String[] {n, v}))
        .ofSizeBetween(0, 8);
    qt().withFixedSeed(7L).withExamples(300).forAll(plain).check(items -> {
      List<String> args = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseG1GC", "-ea"));
      for (String[] item : items) {
        args.add("-D" + item[0] + "=" + item[1]);
      }
      return JvmArguments.redact(args, Fixtures.RULES).equals(args);
    });
  }
}
