package dev.reprokit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Validates a written bundle against the JSON Schemas of the bundle format (draft 2020-12),
 * loaded from the core jar ({@code dev/reprokit/schema/}, built from {@code docs/schema/}).
 * Every test that writes a bundle calls {@link #assertValid(Path)}.
 *
 * <p>Checks {@code manifest.json}, {@code environment.json}, every line of
 * {@code events.jsonl} and {@code failure.json} (when present). Thread-safe.
 */
public final class BundleSchemas {
  /** The {@code $id} prefix of every schema. */
  public static final String ID_PREFIX = "https://reprokit.dev/schema/";

  private static final String CLASSPATH_PREFIX = "classpath:dev/reprokit/schema/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, CLASSPATH_PREFIX)));
  private static final Map<String, Schema> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

  private BundleSchemas() {}

  /** The schema with this file name, e.g. {@code manifest.schema.json}. */
  public static Schema schema(String fileName) {
    return SCHEMAS.computeIfAbsent(fileName,
        f -> REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + f)));
  }

  /** Problems of one JSON document against one schema; empty when valid. */
  public static List<String> problems(String schemaFile, JsonNode document) {
    List<String> out = new ArrayList<>();
    for (Error e : schema(schemaFile).validate(document)) {
      out.add(e.toString());
    }
    return out;
  }

  /**
   * Throws an {@link AssertionError} listing every schema violation in the bundle.
   *
   * @param bundle a {@code *.repro.zip}
   */
  public static void assertValid(Path bundle) {
    Map<String, byte[]> entries = unzip(bundle);
    List<String> problems = new ArrayList<>();
    check(problems, "manifest.json", entries.get("manifest.json"), "manifest.schema.json");
    check(problems, "environment.json", entries.get("environment.json"),
        "environment.schema.json");
    byte[] events = entries.get("events.jsonl");
    if (events == null) {
      problems.add("events.jsonl: missing");
    } else {
      String[] lines = new String(events, StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isEmpty()) {
          check(problems, "events.jsonl line " + (i + 1),
              lines[i].getBytes(StandardCharsets.UTF_8), "event.schema.json");
        }
      }
    }
    if (entries.containsKey("failure.json")) {
      check(problems, "failure.json", entries.get("failure.json"), "failure.schema.json");
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("bundle " + bundle + " does not match the JSON Schemas in"
          + " docs/schema (update the schema when you add a field to a record):\n  "
          + String.join("\n  ", problems));
    }
  }

  private static void check(List<String> problems, String what, byte[] json, String schema) {
    if (json == null) {
      problems.add(what + ": missing");
      return;
    }
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (IOException e) {
      problems.add(what + ": not JSON: " + e.getMessage());
      return;
    }
    for (String p : problems(schema, node)) {
      problems.add(what + ": " + p);
    }
  }

  private static Map<String, byte[]> unzip(Path bundle) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(bundle);
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        zip.transferTo(out);
        entries.put(e.getName(), out.toByteArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundle " + bundle, e);
    }
    return entries;
  }
}
