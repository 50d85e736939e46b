package dev.reprokit.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.reprokit.BundleFormatException;
import dev.reprokit.bundle.Bundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a bundle's JSON entries against the bundle format's JSON Schemas (draft 2020-12),
 * loaded from the core jar ({@code dev/reprokit/schema/}), for {@code repro verify}.
 */
final class SchemaCheck {
  private static final String ID_PREFIX = "https://reprokit.dev/schema/";
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaIdResolvers(
          r -> r.mapPrefix(ID_PREFIX, "classpath:dev/reprokit/schema/")));
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private SchemaCheck() {}

  /** Throws a {@link BundleFormatException} naming the first entry that breaks its schema. */
  static int check(Bundle bundle) {
    int documents = 0;
    documents += check(bundle, "manifest.json", "manifest.schema.json");
    documents += check(bundle, "environment.json", "environment.schema.json");
    byte[] events = bundle.entry("events.jsonl").orElse(null);
    if (events != null) {
      String[] lines = new String(events, StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          validate("events.jsonl", "line " + (i + 1), parse("events.jsonl", lines[i]),
              "event.schema.json");
          documents++;
        }
      }
    }
    if (bundle.entry("failure.json").isPresent()) {
      documents += check(bundle, "failure.json", "failure.schema.json");
    }
    return documents;
  }

  private static int check(Bundle bundle, String entry, String schema) {
    byte[] bytes = bundle.entry(entry).orElse(null);
    if (bytes == null) {
      return 0;
    }
    validate(entry, null, parse(entry, new String(bytes, StandardCharsets.UTF_8)), schema);
    return 1;
  }

  private static JsonNode parse(String entry, String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new BundleFormatException(entry, "not valid JSON: " + e.getMessage(), e);
    }
  }

  private static void validate(String entry, String where, JsonNode doc, String schemaFile) {
    Schema schema = SCHEMAS.computeIfAbsent(schemaFile,
        f -> REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + f)));
    List<String> problems = new ArrayList<>();
    for (Error e : schema.validate(doc)) {
      problems.add(e.toString());
    }
    if (!problems.isEmpty()) {
      throw new BundleFormatException(entry, (where == null ? "" : where + ": ")
          + "does not match the bundle format schema " + schemaFile + ": "
          + String.join("; ", problems.subList(0, Math.min(3, problems.size())))
          + (problems.size() > 3 ? " (and " + (problems.size() - 3) + " more)" : ""));
    }
  }
}
