package dev.reprokit.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reprokit.AppInfo;
import dev.reprokit.RecorderConfig;
import dev.reprokit.env.EnvironmentChanges.Change;
import dev.reprokit.env.EnvironmentChanges.Kind;
import dev.reprokit.env.EnvironmentChanges.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void collectedEnvironmentSurvivesAJsonRoundTrip() throws Exception {
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir)
        .application("json-test", "1.0").configuration(Map.of("mode", "batch")).build();
    Environment env = new EnvironmentCollector(config, (k, t) -> { })
        .collect(List.of(new DatabaseInfo("H2", "2.5.252", "H2 JDBC Driver", "2.5.252",
            "jdbc:h2:mem:test")));

    String json = JSON.writeValueAsString(env);
    Environment back = JSON.readValue(json, Environment.class);

    assertThat(back).isEqualTo(env);
    assertThat(JSON.writeValueAsString(back)).isEqualTo(json);
  }

  @Test
  void everySectionIncludingChangesAndContainerSurvivesAJsonRoundTrip() throws Exception {
    Environment env = new Environment(
        "2026-11-27T09:00:00Z",
        new AppInfo("shop", "2.5.0", "2026-11-26T20:00:00Z", "c0ffee1"),
        new RuntimeInfo("17.0.15+6", "Eclipse Adoptium", "Temurin-17.0.15+6",
            "OpenJDK 64-Bit Server VM", "17.0.15+6", "Eclipse Adoptium", "/opt/java",
            List.of("-Xmx1g", "-Dfile.encoding=UTF-8"), List.of("G1 Young Generation"),
            1L << 30, 256L << 20),
        new OsInfo("Linux", "6.1.0", "amd64", 4, 16L << 30, 0.42),
        new LocaleInfo("en-US", "de-DE", "en-US", "Europe/Berlin", "+01:00", "UTF-8", "UTF-8",
            "UTF-8", "UTF-8", "\\n"),
        new HostInfo("shop-7d9f", 4242, "2026-11-27T08:00:00Z", 3_600_000, "/srv/shop"),
        new ContainerInfo("v2", 536_870_912L, 150_000L, 100_000L, 1.5),
        List.of(new Library("com.acme:util", "com.acme", "util", "1.2", "pom.properties",
            "util-1.2.jar"), new Library("legacy", null, null, null, "none", "legacy.jar")),
        Map.of("java.version", "17.0.15"),
        List.of("user.home"),
        Map.of("LANG", "en_US.UTF-8"),
        List.of("PATH"),
        List.of(new DatabaseInfo("PostgreSQL", "16.4", "PostgreSQL JDBC Driver", "42.7.14",
            "jdbc:postgresql://db/shop")),
        Map.of("pool.size", "8"),
        new EnvironmentChanges(Status.COMPARED, "2 changes since the previous run",
            "2026-11-26T08:00:00Z", new AppInfo("shop", "2.4.0", null, "bada55e"),
            List.of(new Change("application", "version", Kind.CHANGED, "2.4.0", "2.5.0", false),
                new Change("configuration", "pool.size", Kind.ADDED, null, "0123456789abcdef",
                    true))));

    String json = JSON.writeValueAsString(env);
    Environment back = JSON.readValue(json, Environment.class);

    assertThat(back).isEqualTo(env);
    JsonNode tree = JSON.readTree(json);
    assertThat(tree.path("changes").path("changes").get(1).path("hashed").asBoolean()).isTrue();
    assertThat(tree.path("container").path("cpuLimit").asDouble()).isEqualTo(1.5);
    assertThat(tree.path("locale").path("lineSeparator").asText()).isEqualTo("\\n");
  }

  @Test
  void placeholderShapedEnvironmentStillReadsAndWrites() throws Exception {
    Environment env = new Environment(List.of(), Map.of("a", "b"));

    String json = JSON.writeValueAsString(env);

    assertThat(JSON.readValue(json, Environment.class)).isEqualTo(env);
    assertThat(json).doesNotContain("null");
  }
}
