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

    EnvironmentCollector firstRun = new EnvironmentCollector(
        config.configuration(Map.of("a", "1")).build(), (k, t) -> { }, sources);
    Environment first = firstRun.collect(List.of(db));
    firstRun.storeFingerprint();
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
  void everyFieldTheRecordsWriteIsDeclaredInTheSchema() throws Exception {
    Environment env = new EnvironmentCollector(RecorderConfig.builder().bundleDirectory(dir)
        .application("schema-test", "1.0").configuration(Map.of("a", "1")).build(),
        (k, t) -> { }, EnvironmentSources.live()).collect(List.of(new DatabaseInfo(
            "H2", "2", "H2 JDBC Driver", "2", "jdbc:h2:mem:x")));
    Environment full = new Environment(env.collectedAt(), env.application(), env.runtime(),
        env.os(), env.locale(), env.host(), new ContainerInfo("v2", 1L, 2L, 3L, 0.5),
        env.libraries(), env.systemProperties(), env.otherSystemProperties(),
        env.environmentVariables(), env.otherEnvironmentVariables(), env.databases(),
        env.configuration(), new EnvironmentChanges(EnvironmentChanges.Status.COMPARED, "m",
            "2026-11-26T08:00:00Z", new dev.reprokit.AppInfo("a", "1", "b", "c"),
            List.of(new EnvironmentChanges.Change("library", "x", EnvironmentChanges.Kind.CHANGED,
                "1", "2", false))));
    JsonNode schema = JSON.readTree(SCHEMA.toFile());
    List<String> undeclared = new java.util.ArrayList<>();

    declared(JSON.readTree(JSON.writeValueAsString(full)), schema, schema, "", undeclared);

    assertThat(undeclared).as("fields missing from docs/schema/environment.schema.json").isEmpty();
  }

  @Test
  void undeclaredFieldWouldBeFound() throws Exception {
    JsonNode schema = JSON.readTree(SCHEMA.toFile());
    JsonNode doc = JSON.readTree("{\"runtime\": {\"javaVersion\": \"17\", \"newField\": 1},"
        + " \"configuration\": {\"any.key\": \"v\"}}");
    List<String> undeclared = new java.util.ArrayList<>();

    declared(doc, schema, schema, "", undeclared);

    assertThat(undeclared).containsExactly("/runtime/newField");
  }

  /** Collects the paths of object fields the schema declares neither by name nor by a map schema. */
  private static void declared(JsonNode value, JsonNode schema, JsonNode root, String path,
      List<String> undeclared) {
    while (schema.has("$ref")) {
      schema = root.at(schema.get("$ref").asText().substring(1));
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode map = schema.path("additionalProperties");
      for (var it = value.fields(); it.hasNext(); ) {
        var field = it.next();
        String at = path + "/" + field.getKey();
        if (properties.has(field.getKey())) {
          declared(field.getValue(), properties.get(field.getKey()), root, at, undeclared);
        } else if (map.isObject()) {
          declared(field.getValue(), map, root, at, undeclared);
        } else {
          undeclared.add(at);
        }
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        declared(value.get(i), schema.path("items"), root, path + "/" + i, undeclared);
      }
    }
  }
}
