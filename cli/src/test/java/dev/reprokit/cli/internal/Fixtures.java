package dev.reprokit.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.ColumnInfo;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.FailureEvent;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.Payload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;

/** Hand-built bundles shaped like the demo's, for testing the renderers in isolation. */
final class Fixtures {
  static final long T0 = 1_000_000_000L;

  private Fixtures() {}

  static LoadedBundle syncBundle(String locale) {
    List<Event> events = new ArrayList<>();
    long seq = 1;
    byte[] body = "{\"customers\":[{\"name\":\"Martín\"}]}".getBytes(StandardCharsets.UTF_8);
    events.add(new HttpExchangeEvent(seq++, 1_700_000_000_000L, T0, 4_000_000, "main", "1-sync",
        "classic", "GET", "http://127.0.0.1:8123/v1/customers?page=1&size=5", "HTTP/1.1",
        List.of(new Header("X-Api-Key", "‹redacted:3f9a1c2e›"), new Header("Accept",
            "application/json")),
        null, 200, "OK", List.of(new Header("Content-Type", "application/json; charset=utf-8")),
        Payload.of("application/json; charset=utf-8", body.length, body), null, 3_000_000,
        List.of(), null));
    events.add(new JdbcStatementEvent(seq++, 1_700_000_000_005L, T0 + 5_000_000, 1_000_000,
        "main", "1-sync", "c1", "s1", "prepared", "executeQuery",
        "SELECT id, name, email, tier FROM customer ORDER BY id", List.of(), List.of(), -1,
        List.of(), List.of(), null, List.of(), null));
    events.add(new JdbcResultSetEvent(seq++, 1_700_000_000_006L, T0 + 6_000_000, 500_000,
        "main", "1-sync", "c1", "s1", 2,
        List.of(new ColumnInfo("ID", "ID", -5, "BIGINT", 64, 0, 0, "java.lang.Long")),
        List.<List<Object>>of(List.of(1L), List.of(2L)), 2, true, false));
    events.add(new JdbcStatementEvent(seq++, 1_700_000_000_008L, T0 + 8_000_000, 2_000_000,
        "main", "1-sync", "c1", "s2", "prepared", "executeUpdate",
        "INSERT INTO customer (name, email, tier) VALUES (?, ?, ?)",
        List.of(new BindValue(1, null, "setString", null, "Martín García"),
            new BindValue(2, null, "setString", null, "martin.garcia@example.es"),
            new BindValue(3, null, "setString", null, "O'Brien ‹redacted:aa›")),
        List.of(), -1, List.of(), List.of(), null, List.of(),
        ErrorInfo.of(new SQLIntegrityConstraintViolationException(
            "Unique index or primary key violation: CUSTOMER_EMAIL_UK", "23505", 23505))));
    ErrorInfo failure = ErrorInfo.of(new IllegalStateException(
        "customer sync applied 9 of 12 partner records"));
    events.add(new FailureEvent(seq, 1_700_000_000_020L, T0 + 20_000_000, 0, "main", "1-sync",
        "reconciliation failed", failure));
    JsonNode manifest = Json.tree(Json.MAPPER.createObjectNode()
        .put("format", "reprokit.bundle").put("version", "1.0").put("bundleId", "b-1")
        .put("createdAt", "2026-11-27T09:00:00Z"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) manifest).putObject("trigger")
        .put("kind", "EXPLICIT").put("reason", "customer sync applied 9 of 12 partner records")
        .put("ticket", "SUP-4711");
    ((com.fasterxml.jackson.databind.node.ObjectNode) manifest).putObject("application")
        .put("name", "customer-sync").put("version", "2.4.1");
    ((com.fasterxml.jackson.databind.node.ObjectNode) manifest).putObject("producer")
        .put("name", "ReproKit").put("version", "0.1.0");
    var redaction = ((com.fasterxml.jackson.databind.node.ObjectNode) manifest)
        .putObject("redaction").put("enabled", true);
    redaction.putArray("rules").addObject().put("rule", "header.x-api-key").put("replaced", 3);
    var env = Json.MAPPER.createObjectNode();
    env.putObject("runtime").put("javaVersion", "17.0.15").put("vendor", "Debian");
    env.putObject("os").put("name", "Linux").put("version", "6.1").put("arch", "amd64");
    env.putObject("locale").put("defaultLocale", locale).put("timeZone", "Europe/Istanbul")
        .put("defaultCharset", "UTF-8");
    env.putArray("databases").addObject().put("product", "H2").put("productVersion", "2.5.252")
        .put("driver", "H2 JDBC Driver").put("driverVersion", "2.5.252")
        .put("url", "jdbc:h2:mem:prod");
    env.putArray("libraries").addObject().put("groupId", "com.h2database")
        .put("artifactId", "h2").put("version", "2.5.252");
    var changes = env.putObject("changes").put("status", "COMPARED")
        .put("previousRunAt", "2026-11-26T02:00:00Z");
    changes.putArray("changes").addObject().put("category", "locale")
        .put("name", "defaultLocale").put("kind", "CHANGED").put("previous", "en-US")
        .put("current", locale).put("hashed", false);
    return new LoadedBundle(Path.of("sync.repro.zip"), manifest, env, events, failure);
  }
}
