package dev.reprokit.redact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reprokit.InvalidConfigurationException;
import dev.reprokit.RecorderConfig;
import dev.reprokit.testing.CapturedLogs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building, validating and copying redaction settings. */
class RedactionConfigTest {

  @Test
  void defaultRunsEveryDefaultRuleWithARandomKey() {
    RedactionConfig c = RedactionConfig.DEFAULT;
    assertThat(c.enabled()).isTrue();
    assertThat(c.hasPseudonymKey()).isFalse();
    assertThat(c.disabledRules()).isEmpty();
    assertThat(RecorderConfig.DEFAULT.redaction()).isSameAs(RedactionConfig.DEFAULT);
    assertThat(RedactionConfig.ruleNames()).contains("header.authorization", "url.userinfo",
        "query.param", "body.json-field", "body.form-field", "jdbc.url-password", "named.secret",
        "text.pem", "text.jwt-signature", "text.bearer", "text.uri-credentials", "user.regex",
        "user.header").doesNotHaveDuplicates();
  }

  @Test
  void unknownRuleNameIsAClearInvalidConfigurationException() {
    assertThatThrownBy(() -> RedactionConfig.builder().disableRule("header.authorisation"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("disableRule")
        .hasMessageContaining("'header.authorisation'")
        .hasMessageContaining("header.authorization");
    assertThatThrownBy(() -> RedactionConfig.builder().disableRule(null))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void disabledRuleCanBeSwitchedBackOn() {
    RedactionConfig off = RedactionConfig.builder().disableRule("text.pem").build();
    assertThat(off.ruleEnabled("text.pem")).isFalse();
    assertThat(off.toBuilder().enableRule("text.pem").build().ruleEnabled("text.pem")).isTrue();
  }

  @Test
  void settersNameTheSettingInTheirErrors() {
    assertThatThrownBy(() -> RedactionConfig.builder().secretHeader("bad header"))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("secretHeader");
    assertThatThrownBy(() -> RedactionConfig.builder().secretQueryParameter(" "))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("secretQueryParameter");
    assertThatThrownBy(() -> RedactionConfig.builder().secretField(null))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("secretField");
    assertThatThrownBy(() -> RedactionConfig.builder().secretPattern("(unclosed"))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("secretPattern")
        .hasMessageContaining("(unclosed");
    assertThatThrownBy(() -> RedactionConfig.builder().secretPattern("a*"))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("empty string");
    assertThatThrownBy(() -> RedactionConfig.builder().secretJsonPointer("a/b"))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("secretJsonPointer");
    assertThatThrownBy(() -> RedactionConfig.builder().secretJsonPointer("/a~2b"))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("'~'");
    assertThatThrownBy(() -> RedactionConfig.builder().pseudonymKey(new byte[15]))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("pseudonymKey")
        .hasMessageContaining("16");
  }

  @Test
  void toBuilderCopiesEverySetting() {
    RedactionConfig c = RedactionConfig.builder().secretHeader("X-A").secretQueryParameter("q")
        .secretField("f").secretPattern("p+q").secretJsonPointer("/a/b")
        .pseudonymKey("0123456789abcdef".getBytes(UTF_8)).disableRule("header.cookie").build();
    assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
    assertThat(c.secretHeaders()).containsExactly("x-a");
    assertThat(c.secretJsonPointers()).isEqualTo(List.of("/a/b"));
  }

  @Test
  void keyIsCopiedAndNeverPrinted() {
    byte[] key = "0123456789abcdef-secret-key".getBytes(UTF_8);
    RedactionConfig c = RedactionConfig.builder().pseudonymKey(key).build();
    key[0] = 'X';
    assertThat(c.pseudonymKey()[0]).isEqualTo((byte) '0');
    assertThat(c.toString()).doesNotContain("secret-key").contains("supplied");
  }

  @Test
  void disabledIsExplicitAndShownInTheSummary() {
    RedactionConfig off = RedactionConfig.disabled();
    assertThat(off.enabled()).isFalse();
    assertThat(off.ruleEnabled("header.authorization")).isFalse();
    assertThat(off.toBuilder().build().enabled()).isFalse();
    assertThat(Redactor.forBundle(off).summary().enabled()).isFalse();
    assertThat(off.toString()).contains("disabled");
  }

  @Test
  void aFailingRuleIsLoggedOncePerBundle() {
    CapturedLogs.clear();
    Redactor r = Redactor.forBundle(RedactionConfig.builder().secretPattern("(?:a|b)*x").build());
    String poison = "ab".repeat(200_000);
    r.redactText(poison);
    r.redactText(poison);
    assertThat(r.faults()).isEqualTo(2);
    assertThat(CapturedLogs.warningsContaining("redaction rule failed")).hasSize(1);
  }
}
