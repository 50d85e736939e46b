package dev.reprokit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecorderConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    RecorderConfig c = RecorderConfig.DEFAULT;
    assertThat(c.maxEvents()).isEqualTo(10_000);
    assertThat(c.maxBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(c.maxPayloadBytes()).isEqualTo(256 * 1024);
    assertThat(c.maxBundleBytes()).isEqualTo(50L * 1024 * 1024);
    assertThat(c.maxAutomaticBundlesPerMinute()).isEqualTo(3);
    assertThat(c.duplicateWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.maxBundlesKept()).isEqualTo(20);
    assertThat(c.bundleDirectory()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "reprokit"));
    assertThat(c.triggers(TriggerKind.EXPLICIT)).isTrue();
    assertThat(c.triggers(TriggerKind.SQL_ERROR)).isTrue();
    assertThat(c.triggers(TriggerKind.UNCAUGHT_EXCEPTION)).isFalse();
    assertThat(c.trackChanges()).isTrue();
  }

  @Test
  void invalidValuesAreRejectedWithTheSettingsName() {
    assertThatThrownBy(() -> RecorderConfig.builder().maxEvents(3))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("maxEvents");
    assertThatThrownBy(() -> RecorderConfig.builder().maxBytes(10))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("maxBytes");
    assertThatThrownBy(() -> RecorderConfig.builder().maxPayloadBytes(-1))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("maxPayloadBytes");
    assertThatThrownBy(() -> RecorderConfig.builder().maxAutomaticBundlesPerMinute(-1))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("maxAutomaticBundlesPerMinute");
    assertThatThrownBy(() -> RecorderConfig.builder().duplicateWindow(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("duplicateWindow");
    assertThatThrownBy(() -> RecorderConfig.builder().trigger(TriggerKind.EXPLICIT, false))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("EXPLICIT");
    assertThatThrownBy(() -> RecorderConfig.builder().configuration(java.util.Collections.singletonMap("k", null)))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("configuration");
  }

  @Test
  void toBuilderKeepsEverySetting() {
    RecorderConfig c = RecorderConfig.builder()
        .maxEvents(100).maxBytes(1 << 20).maxPayloadBytes(10).maxBundleBytes(4096)
        .bundleDirectory(Path.of("x")).application("app", "1.0")
        .trigger(TriggerKind.UNCAUGHT_EXCEPTION, true).trigger(TriggerKind.SQL_ERROR, false)
        .maxAutomaticBundlesPerMinute(7).duplicateWindow(Duration.ofSeconds(5))
        .maxBundlesKept(3).maxDirectoryBytes(5000).configuration(Map.of("a", "b"))
        .trackChanges(false).build();
    RecorderConfig copy = c.toBuilder().build();
    assertThat(copy).usingRecursiveComparison().isEqualTo(c);
  }

  @Test
  void captureRequestNeedsAReason() {
    assertThatThrownBy(() -> CaptureRequest.of(" "))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("reason");
  }
}
