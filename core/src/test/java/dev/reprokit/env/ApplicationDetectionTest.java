package dev.reprokit.env;

import static dev.reprokit.env.Fixtures.entries;
import static dev.reprokit.env.Fixtures.jar;
import static dev.reprokit.env.Fixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.AppInfo;
import dev.reprokit.RecorderConfig;
import dev.reprokit.internal.env.ApplicationDetector;
import dev.reprokit.internal.env.EnvironmentSources;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationDetectionTest {

  private static final String FIXTURE_COMMIT = "9f4c2a17e0b5d3c8a6f1e2d4b7c9a0e3f5d8b1c6";

  @TempDir Path dir;

  @Test
  void gitPropertiesOnTheClassPathGiveVersionBuildTimeAndCommit() {
    AppInfo app = ApplicationDetector.detect(
        Map.of("sun.java.command", "com.acme.shop.ShopMain --port 8080"),
        Fixtures.gitFixtureLoader());

    assertThat(app).isEqualTo(
        new AppInfo("ShopMain", "3.7.1", "2026-11-20T14:03:11+0000", FIXTURE_COMMIT));
  }

  @Test
  void mainJarManifestIsUsedWhenThereIsNoGitProperties() throws Exception {
    Path main = jar(dir.resolve("orders-service-2.4.1.jar"), manifest(
        "Implementation-Title", "orders-service",
        "Implementation-Version", "2.4.1",
        "Build-Time", "2026-11-01T10:00:00Z",
        "Build-Revision", "abc1234"), Map.of());

    AppInfo app = ApplicationDetector.detect(
        Map.of("sun.java.command", main + " --spring.profiles.active=prod"),
        new java.net.URLClassLoader(new java.net.URL[0], null));

    assertThat(app).isEqualTo(
        new AppInfo("orders-service", "2.4.1", "2026-11-01T10:00:00Z", "abc1234"));
  }

  @Test
  void gitPropertiesInsideTheMainJarWinOverTheManifestAndFillTheCommit() throws Exception {
    Path main = jar(dir.resolve("billing.jar"), manifest(
        "Implementation-Title", "billing", "Implementation-Version", "1.0.0"), entries(
        "BOOT-INF/classes/git.properties",
        "git.build.version=1.0.1\ngit.commit.id.abbrev=77aa01b\n"));

    AppInfo app = ApplicationDetector.detect(Map.of("java.class.path", main.toString()),
        Fixtures.gitFixtureLoader());

    assertThat(app).isEqualTo(new AppInfo("billing", "1.0.1", null, "77aa01b"));
  }

  @Test
  void nothingToDetectLeavesOnlyTheMainJarName() throws Exception {
    Path main = jar(dir.resolve("plain-tool-0.3.jar"), null, entries("x.txt", "x"));

    AppInfo app = ApplicationDetector.detect(Map.of("sun.java.command", main.toString()),
        new java.net.URLClassLoader(new java.net.URL[0], null));

    assertThat(app).isEqualTo(new AppInfo("plain-tool", null, null, null));
  }

  @Test
  void configuredFieldsWinAndDetectionFillsOnlyTheUnknownOnes() {
    RecorderConfig config = RecorderConfig.builder()
        .application(new AppInfo("shop", null, "build-77", null))
        .build();
    EnvironmentCollector collector = new EnvironmentCollector(config, (k, t) -> { },
        EnvironmentSources.live().withResourceLoader(Fixtures.gitFixtureLoader()));

    assertThat(collector.application())
        .isEqualTo(new AppInfo("shop", "3.7.1", "build-77", FIXTURE_COMMIT));
  }
}
