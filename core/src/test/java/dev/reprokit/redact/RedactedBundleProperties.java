package dev.reprokit.redact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.longRange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reprokit.AppInfo;
import dev.reprokit.RecorderConfig;
import dev.reprokit.TriggerKind;
import dev.reprokit.bundle.BundleWriter;
import dev.reprokit.bundle.Snapshot;
import dev.reprokit.bundle.Trigger;
import dev.reprokit.env.DatabaseInfo;
import dev.reprokit.env.Environment;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.ColumnInfo;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.FailureEvent;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpAttempt;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.JdbcConnectionEvent;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.LogEvent;
import dev.reprokit.event.MarkEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.testing.BundleSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Real bundles written by {@link BundleWriter} from snapshots with planted secrets in every
 * event type, the environment, the failure and the trigger: no planted secret's bytes appear
 * anywhere in the zip — in any entry once inflated, with base64 payloads decoded, nor in the
 * raw file. 200 bundles of 5 generated scenarios each: 1,000 cases.
 */
class RedactedBundleProperties {
  private static final int BUNDLES = 200;
  private static final int SCENARIOS_PER_BUNDLE = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");

  @TempDir
  Path dir;

  @Test
  void noPlantedSecretReachesAWrittenBundle() {
    AtomicInteger scenarios = new AtomicInteger();
    AtomicInteger bundles = new AtomicInteger();
    Gen<List<Long>> seeds = longRange(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2)
        .map(seed -> {
          List<Long> list = new ArrayList<>();
          java.util.Random r = new java.util.Random(seed);
          for (int i = 0; i < SCENARIOS_PER_BUNDLE; i++) {
            list.add(r.nextLong());
          }
          return list;
        });
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(dir).build();
    BundleWriter writer = new BundleWriter(config);
    long started = System.nanoTime();
    qt().withFixedSeed(20261127L).withExamples(BUNDLES).withShrinkCycles(0).forAll(seeds).checkAssert(list -> {
      List<Planted> planted = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      Map<String, String> configuration = new java.util.LinkedHashMap<>();
      Map<String, String> systemProperties = new java.util.LinkedHashMap<>();
      Map<String, String> environmentVariables = new java.util.LinkedHashMap<>();
      List<DatabaseInfo> databases = new ArrayList<>();
      long seq = 1;
      for (long seed : list) {
        Planted p = new Planted(seed);
        planted.add(p);
        scenarios.incrementAndGet();
        seq = plantEvents(p, seq, events);
        p.environment().forEach((k, v) -> configuration.put(k + "#" + configuration.size(), v));
        p.environment().forEach((k, v) -> systemProperties.put(k + "." + systemProperties.size(), v));
        p.environment().forEach((k, v) ->
            environmentVariables.put(k + "_" + environmentVariables.size(), v));
        databases.add(new DatabaseInfo("PostgreSQL", "16", "pgjdbc", "42.7", p.jdbcUrl()));
      }
      Planted last = planted.get(planted.size() - 1);
      Snapshot snapshot = new Snapshot(UUID.randomUUID().toString(), Instant.now(),
          new Trigger(TriggerKind.EXPLICIT, last.textWithSecret(), "TICKET-1", null,
              "java.lang.IllegalStateException: " + last.textWithSecret(), 0),
          new AppInfo("shop", "1.0", null, null),
          new Environment(null, null, null, null, null, null, null, null, systemProperties, null,
              environmentVariables, null, databases, configuration, null),
          events, 0, error(last));
      Path bundle;
      try {
        bundle = writer.write(snapshot);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (bundles.incrementAndGet() % 20 == 1) {
        BundleSchemas.assertValid(bundle); // a sample: schema validation is the slow part
      }
      String haystack = everything(bundle);
      Planted.assertNoneLeaks(planted, haystack);
      assertThat(haystack).contains("\"enabled\" : true", "header.authorization",
          "\"systemProperties\"", "\"environmentVariables\"", "\"configuration\"");
      try {
        Files.delete(bundle);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    assertThat(scenarios.get()).isGreaterThanOrEqualTo(1_000);
    System.out.printf("RedactedBundleProperties: %d bundles, %d scenarios, %d ms%n", bundles.get(),
        scenarios.get(), (System.nanoTime() - started) / 1_000_000);
  }

  /** Adds one event of every type carrying the scenario's secrets; returns the next sequence. */
  private static long plantEvents(Planted p, long seq, List<Event> events) {
    List<Header> requestHeaders = new ArrayList<>();
    p.headers().forEach((k, v) -> requestHeaders.add(new Header(k, v)));
    requestHeaders.add(new Header("Content-Type", "application/json"));
    String json;
    try {
      json = JSON.writeValueAsString(p.jsonTree());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (p.random().nextBoolean()) { // big enough to become its own entry
      json = "{\"padding\": \"" + "x".repeat(1500) + "\", \"doc\": " + json + "}";
    }
    byte[] request = json.getBytes(UTF_8);
    byte[] response = (p.random().nextBoolean() ? p.params(true) : p.textWithSecret()).getBytes(UTF_8);
    String responseType = p.random().nextBoolean()
        ? "application/x-www-form-urlencoded" : "text/plain; charset=utf-8";
    events.add(new HttpExchangeEvent(seq++, 0, 0, 1, "main", null, "classic", "POST", p.url(),
        "HTTP/1.1", requestHeaders, Payload.of(null, request.length, request), 500, "Server Error",
        List.of(new Header("Set-Cookie", "SID=" + p.token() + "; Path=/"),
            new Header("Content-Type", responseType)),
        Payload.of(responseType, response.length, response), null, 1,
        List.of(new HttpAttempt(1, "initial", "POST", p.url(), 0, 1, 500, null)), error(p)));
    events.add(new JdbcConnectionEvent(seq++, 0, 0, 1, "main", null, "c1", "open", p.jdbcUrl(),
        "app", null));
    String literal = p.token();
    events.add(new JdbcStatementEvent(seq++, 0, 0, 1, "main", null, "c1", "s1", "prepared",
        "executeUpdate", "INSERT INTO users (name, password, note) VALUES (?, ?, ?) -- api_key = '"
            + literal + "'",
        List.of(new BindValue(1, null, "setString", Types.VARCHAR, "bob"),
            new BindValue(2, null, "setString", Types.VARCHAR, p.anySecret()),
            new BindValue(3, null, "setString", Types.VARCHAR, p.textWithSecret())),
        List.of(List.of(new BindValue(1, null, "setString", Types.VARCHAR, "ann"),
            new BindValue(2, null, "setBytes", Types.VARBINARY, p.anySecret().getBytes(UTF_8)),
            new BindValue(3, null, "setString", Types.VARCHAR, "ok"))),
        1, List.of(1L), List.of(), null, List.of(), null));
    events.add(new JdbcStatementEvent(seq++, 0, 0, 1, "main", null, "c1", "s2", "statement",
        "executeUpdate", "UPDATE accounts SET api_key = '" + p.token() + "' WHERE id = 7",
        List.of(), List.of(), 1, List.of(), List.of(), null, List.of(), null));
    events.add(new JdbcResultSetEvent(seq++, 0, 0, 1, "main", null, "c1", "s3", seq - 2,
        List.of(column("id"), column("password_hash"), column("session_token"), column("bio")),
        List.of(List.of(1, p.anySecret(), p.anySecret(), p.textWithSecret())), 1, true, false));
    events.add(new LogEvent(seq++, 0, 0, 1, "main", null, "WARN", "app", p.textWithSecret(),
        error(p)));
    events.add(new MarkEvent(seq++, 0, 0, 0, "main", "s-1", "checkout " + p.textWithSecret(),
        p.environment()));
    events.add(new FailureEvent(seq++, 0, 0, 0, "main", "s-1", p.textWithSecret(), error(p)));
    return seq;
  }

  private static ColumnInfo column(String name) {
    return new ColumnInfo(name, name, Types.VARCHAR, "VARCHAR", 255, 0, 1, "java.lang.String");
  }

  private static ErrorInfo error(Planted p) {
    StackTraceElement[] stack = {new StackTraceElement("app.Repo", "save", "Repo.java", 42)};
    IllegalStateException cause = new IllegalStateException(p.textWithSecret());
    cause.setStackTrace(stack);
    SQLException next = new SQLException("next " + p.jdbcUrl());
    next.setStackTrace(stack);
    SQLException e = new SQLException("failed: " + p.textWithSecret(), "08001", 0, cause);
    e.setStackTrace(stack);
    e.setNextException(next);
    return ErrorInfo.of(e);
  }

  /**
   * The raw zip bytes (as ISO-8859-1), every inflated entry (as UTF-8), and every base64-looking
   * JSON string in an entry decoded.
   */
  private static String everything(Path bundle) {
    try {
      byte[] raw = Files.readAllBytes(bundle);
      StringBuilder all = new StringBuilder(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1));
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
          byte[] bytes = readAll(zip);
          String text = new String(bytes, UTF_8);
          all.append('\n').append(entry.getName()).append('\n').append(text);
          if (entry.getName().endsWith(".jsonl")) {
            for (String line : text.split("\n")) {
              if (!line.isBlank()) {
                decodeBase64Strings(JSON.readTree(line), all);
              }
            }
          } else if (entry.getName().endsWith(".json") && !entry.getName().startsWith("payloads/")) {
            decodeBase64Strings(JSON.readTree(text), all);
          }
        }
      }
      return all.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  private static void decodeBase64Strings(JsonNode node, StringBuilder all) {
    if (node.isTextual()) {
      String s = node.asText();
      if (BASE64.matcher(s).matches()) {
        for (Base64.Decoder d : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
          try {
            all.append('\n').append(new String(d.decode(s), UTF_8));
          } catch (IllegalArgumentException notBase64) {
            // not this alphabet
          }
        }
      }
      return;
    }
    Iterator<JsonNode> children = node.elements();
    while (children.hasNext()) {
      decodeBase64Strings(children.next(), all);
    }
  }
}
