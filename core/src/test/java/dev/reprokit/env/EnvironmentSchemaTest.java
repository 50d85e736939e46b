package dev.reprokit.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.reprokit.RecorderConfig;
import dev.reprokit.internal.env.EnvironmentSources;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code environment.json} as written matches {@code docs/schema/environment.schema.json}. */
class EnvironmentSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCHEMA = Path.of("..", "docs", "schema", "environment.schema.json");

  @TempDir Path dir;

  private static List<Error> validate(Environment env) throws Exception {
    Schema schema;
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
    JsonNode node = JSON.readTree(JSON.writeValueAsString(env));
    return schema.validate(node);
  }

  @Test
  void collectedAndRedactedEnvironmentsMatchTheSchema() throws Exception {
    RecorderConfig.Builder config = RecorderConfig.builder().bundleDirectory(dir)
        .application("schema-test", "1.0");
    Path cgroup = dir.resolve("cgroup");
    Files.createDirectories(cgroup);
    Files.writeString(cgroup.resolve("cgroup.controllers"), "cpu memory\n");
    Files.writeString(cgroup.resolve("memory.max"), "1073741824\n");
    Files.writeString(cgroup.resolve("cpu.max"), "200000 100000\n");
    EnvironmentSources sources = EnvironmentSources.live().withCgroup(cgroup, null);
    DatabaseInfo db = new DatabaseInfo("H2", "2.5.252", "H2 JDBC Driver", "2.5.252",
        "jdbc:h2:mem:schema");

    Environment first = new EnvironmentCollector(
        config.configuration(Map.of("a", "1")).build(), (k, t) -> { }, sources)
        .collect(List.of(db));
    Environment second = new EnvironmentCollector(
        config.configuration(Map.of("a", "2", "b", "3")).build(), (k, t) -> { }, sources)
        .collect(List.of(db));

    assertThat(second.container()).isNotNull();
    assertThat(second.changes().changes()).isNotEmpty();
    assertThat(validate(first)).isEmpty();
    assertThat(validate(second)).isEmpty();
    assertThat(validate(second.redacted(dev.reprokit.redact.Redactor.forBundle(
        dev.reprokit.redact.RedactionConfig.DEFAULT)))).isEmpty();
    assertThat(validate(new Environment(List.of(), Map.of()))).isEmpty();
  }

  @Test
  void schemaRejectsAFieldTheRecordsDoNotHave() throws Exception {
    Environment env = new Environment(List.of(), Map.of());
    JsonNode node = JSON.readTree(JSON.writeValueAsString(env));
    ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("unexpected", true);
    Schema schema;
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }

    assertThat(schema.validate(node)).isNotEmpty();
  }
}
