package dev.reprokit.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.reprokit.CaptureResult;
import dev.reprokit.CaptureResult.Outcome;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.bundle.Bundle;
import dev.reprokit.bundle.BundleReader;
import dev.reprokit.env.EnvironmentChanges.Change;
import dev.reprokit.env.EnvironmentChanges.Status;
import dev.reprokit.testing.BundleSchemas;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment as it reaches a real bundle: written, read back, schema-checked. */
class EnvironmentBundleTest {

  @TempDir Path dir;

  private Bundle capture(Map<String, String> configuration, String version) {
    try (Recorder recorder = Recorder.create(RecorderConfig.builder()
        .bundleDirectory(dir)
        .application("inventory", version)
        .configuration(configuration)
        .build())) {
      CaptureResult result = recorder.capture("support asked for a bundle");
      assertThat(result.outcome()).isEqualTo(Outcome.WRITTEN);
      BundleSchemas.assertValid(result.path());
      return BundleReader.create().read(result.path());
    }
  }

  @Test
  void environmentJsonCarriesTheRunningJvmAndItsLibraries() {
    Bundle bundle = capture(Map.of("warehouse", "north"), "5.1.0");

    Environment env = bundle.environment();
    assertThat(env.runtime().javaVersion()).isEqualTo(Runtime.version().toString());
    assertThat(env.host().processId()).isEqualTo(ProcessHandle.current().pid());
    assertThat(env.libraries()).anySatisfy(l -> {
      assertThat(l.name()).isEqualTo("com.fasterxml.jackson.core:jackson-databind");
      assertThat(l.version()).isEqualTo(PackageVersion.VERSION.toString());
    });
    assertThat(env.configuration()).containsEntry("warehouse", "north");
    assertThat(env.changes().status()).isEqualTo(Status.FIRST_RUN);
    assertThat(bundle.manifest().application()).isEqualTo(env.application());
    assertThat(env.application().name()).isEqualTo("inventory");
  }

  @Test
  void secondRunsBundleSaysWhatChangedSinceTheFirst() {
    capture(Map.of("warehouse", "north", "batch.size", "size-100"), "5.1.0");

    Bundle second = capture(Map.of("warehouse", "north", "batch.size", "size-500"), "5.2.0");

    EnvironmentChanges changes = second.environment().changes();
    assertThat(changes.status()).isEqualTo(Status.COMPARED);
    assertThat(changes.changes()).extracting(Change::describe)
        .first().isEqualTo("application version: 5.1.0 -> 5.2.0");
    assertThat(changes.changes()).extracting(Change::category, Change::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("application", "version"),
            org.assertj.core.groups.Tuple.tuple("configuration", "batch.size"));
    // the changes show that the value changed, never the values
    assertThat(changes.toString()).doesNotContain("size-");
    assertThat(second.environment().configuration()).containsEntry("batch.size", "size-500");
  }
}
