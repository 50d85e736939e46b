package dev.reprokit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reprokit.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

class ReaderLimitsTest {

  @Test
  void defaultsAreDocumented() {
    ReaderLimits d = ReaderLimits.DEFAULT;

    assertThat(d.maxEntries()).isEqualTo(100_000);
    assertThat(d.maxEntryBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(d.maxTotalBytes()).isEqualTo(128L * 1024 * 1024);
    assertThat(d.maxCompressionRatio()).isEqualTo(200);
    assertThat(d.maxJsonDepth()).isEqualTo(64);
    assertThat(d.maxJsonStringLength()).isEqualTo(16 * 1024 * 1024);
    assertThat(BundleReader.create().limits()).isSameAs(d);
  }

  @Test
  void toBuilderKeepsEverySetting() {
    ReaderLimits custom = ReaderLimits.builder().maxEntries(7).maxEntryBytes(4096)
        .maxTotalBytes(8192).maxCompressionRatio(9).maxJsonDepth(20)
        .maxJsonStringLength(2048).build();

    assertThat(custom.toBuilder().build()).hasToString(custom.toString());
    assertThat(custom.toString()).contains("maxEntries=7", "maxJsonStringLength=2048");
  }

  @Test
  void invalidSettingsAreRejectedByName() {
    assertThatThrownBy(() -> ReaderLimits.builder().maxEntries(0))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("maxEntries");
    assertThatThrownBy(() -> ReaderLimits.builder().maxEntryBytes(10))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("maxEntryBytes");
    assertThatThrownBy(() -> ReaderLimits.builder().maxTotalBytes(10))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("maxTotalBytes");
    assertThatThrownBy(() -> ReaderLimits.builder().maxCompressionRatio(1))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("maxCompressionRatio");
    assertThatThrownBy(() -> ReaderLimits.builder().maxJsonDepth(2))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("maxJsonDepth");
    assertThatThrownBy(() -> ReaderLimits.builder().maxJsonStringLength(5))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("maxJsonStringLength");
  }
}
