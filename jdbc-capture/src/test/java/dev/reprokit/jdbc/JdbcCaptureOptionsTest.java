package dev.reprokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reprokit.InvalidConfigurationException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JdbcCaptureOptionsTest {

  @Test
  void defaultsAreDocumented() {
    JdbcCaptureOptions d = JdbcCaptureOptions.DEFAULT;
    assertThat(d.maxRowsPerResultSet()).isEqualTo(100);
    assertThat(d.maxBytesPerResultSet()).isEqualTo(64 * 1024);
    assertThat(d.maxLobPrefixBytes()).isEqualTo(4 * 1024);
    assertThat(d.captureRows()).isTrue();
    assertThat(d.triggerOnSqlError()).isTrue();
    assertThat(d.secretColumns()).isEmpty();
  }

  @Test
  void settersNameTheSettingInTheirError() {
    assertThatThrownBy(() -> JdbcCaptureOptions.builder().maxRowsPerResultSet(-1))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("maxRowsPerResultSet");
    assertThatThrownBy(() -> JdbcCaptureOptions.builder().maxBytesPerResultSet(-5))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("maxBytesPerResultSet");
    assertThatThrownBy(() -> JdbcCaptureOptions.builder().maxLobPrefixBytes(-1))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("maxLobPrefixBytes");
    assertThatThrownBy(() -> JdbcCaptureOptions.builder().secretColumns(Set.of(" ")))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("secretColumns");
  }

  @Test
  void toBuilderKeepsEverySettingAndSecretColumnsIgnoreCase() {
    JdbcCaptureOptions o = JdbcCaptureOptions.builder().maxRowsPerResultSet(3).captureRows(false)
        .secretColumns(Set.of("IBAN")).build();
    JdbcCaptureOptions copy = o.toBuilder().build();
    assertThat(copy).isEqualTo(o).hasSameHashCodeAs(o);
    assertThat(copy.isSecretColumn("iban")).isTrue();
    assertThat(copy.isSecretColumn("name")).isFalse();
    assertThat(o.toBuilder().maxRowsPerResultSet(4).build()).isNotEqualTo(o);
  }

  @Test
  void systemPropertiesOverrideTheDefaults() {
    System.setProperty("reprokit.jdbc.maxRows", "7");
    System.setProperty("reprokit.jdbc.secretColumns", "iban, ssn");
    try {
      JdbcCaptureOptions o = JdbcCaptureOptions.fromSystemProperties();
      assertThat(o.maxRowsPerResultSet()).isEqualTo(7);
      assertThat(o.secretColumns()).containsExactlyInAnyOrder("iban", "ssn");
      System.setProperty("reprokit.jdbc.maxRows", "many");
      assertThatThrownBy(JdbcCaptureOptions::fromSystemProperties)
          .hasMessageContaining("reprokit.jdbc.maxRows");
    } finally {
      System.clearProperty("reprokit.jdbc.maxRows");
      System.clearProperty("reprokit.jdbc.secretColumns");
    }
  }
}
