package dev.reprokit.bundle;

import dev.reprokit.AppInfo;
import dev.reprokit.TriggerKind;
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
import dev.reprokit.event.JdbcTransactionEvent;
import dev.reprokit.event.LogEvent;
import dev.reprokit.event.MarkEvent;
import dev.reprokit.event.Payload;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Snapshots with every event type, for the writer and reader tests. */
final class SampleSnapshots {
  private SampleSnapshots() {}

  static byte[] bytes(int size, char fill) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (fill + (i % 7));
    }
    return b;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static ErrorInfo sqlError() {
    SQLException next = new SQLException("deadlock detected", "40P01", 1213);
    SQLException e = new SQLException("could not serialize access", "40001", 40001,
        new IllegalStateException("inner cause"));
    e.setNextException(next);
    e.addSuppressed(new RuntimeException("suppressed one"));
    return ErrorInfo.of(e);
  }

  /** One event of every type; HTTP bodies small and large; JDBC with binds, batch and rows. */
  static List<Event> everyEventType(int largeBodyBytes) {
    List<Event> events = new ArrayList<>();
    long t = 1_714_550_000_000L;
    long seq = 1;
    events.add(new MarkEvent(seq++, t, 1000, 0, "main", "1-checkout", "scope opened: checkout",
        Map.of("order", "A-17", "customer", "c-9")));
    events.add(new JdbcConnectionEvent(seq++, t + 1, 2000, 150_000, "main", "1-checkout", "c1",
        "open", "jdbc:h2:mem:test", "sa", null));
    events.add(new JdbcTransactionEvent(seq++, t + 2, 3000, 10_000, "main", "1-checkout", "c1",
        "autocommit", null, "false", null));
    List<BindValue> binds = List.of(
        new BindValue(1, null, "setString", Types.VARCHAR, "alice"),
        new BindValue(2, null, "setLong", Types.BIGINT, 42L),
        new BindValue(3, null, "setBigDecimal", Types.DECIMAL, new BigDecimal("12345.678901234567890")),
        new BindValue(4, null, "setBoolean", Types.BOOLEAN, Boolean.TRUE),
        new BindValue(5, null, "setNull", Types.VARCHAR, null),
        new BindValue(6, null, "setBytes", Types.VARBINARY, new byte[] {1, 2, 3, (byte) 0xff}),
        new BindValue(7, null, "setBlob", Types.BLOB,
            Payload.of("application/octet-stream", 5000, bytes(2000, 'a'))),
        new BindValue(0, "p_note", "setString", Types.VARCHAR, "named"));
    events.add(new JdbcStatementEvent(seq++, t + 3, 4000, 2_000_000, "main", "1-checkout", "c1",
        "s1", "prepared", "executeUpdate", "insert into orders values (?, ?, ?, ?, ?, ?, ?)",
        binds, null, 1, null, null, null, null, null));
    List<List<BindValue>> batch = List.of(
        List.of(new BindValue(1, null, "setLong", Types.BIGINT, 1L)),
        List.of(new BindValue(1, null, "setLong", Types.BIGINT, 2L)));
    long statementSeq = seq;
    JdbcResultSetEvent keys = new JdbcResultSetEvent(seq + 100, t + 4, 5000, 0, "main",
        "1-checkout", "c1", "s2", statementSeq,
        List.of(new ColumnInfo("ID", "ID", Types.BIGINT, "BIGINT", 19, 0, 0, "java.lang.Long")),
        List.of(List.of(7L)), 1, true, false);
    events.add(new JdbcStatementEvent(seq++, t + 4, 5000, 3_000_000, "main", "1-checkout",
        "c1", "s2", "prepared", "executeBatch", "insert into lines(id) values (?)", null, batch,
        -1, List.of(1L, 1L), null, keys, List.of(ErrorInfo.of(new java.sql.SQLWarning("w"))),
        null));
    List<Object> row1 = Arrays.asList(1L, "widget", new BigDecimal("9.99"), null,
        new byte[] {9, 8}, Payload.of("text/plain", 3000, bytes(3000, 'k')));
    List<Object> row2 = Arrays.asList(2L, "gadget", new BigDecimal("0.10"), Boolean.FALSE,
        new byte[0], Payload.of("text/plain", 10, utf8("short clob")));
    events.add(new JdbcResultSetEvent(seq++, t + 5, 6000, 500_000, "main", "1-checkout", "c1",
        "s3", statementSeq,
        List.of(
            new ColumnInfo("ID", "ID", Types.BIGINT, "BIGINT", 19, 0, 0, "java.lang.Long"),
            new ColumnInfo("NAME", "NAME", Types.VARCHAR, "VARCHAR", 100, 0, 1, "java.lang.String"),
            new ColumnInfo("PRICE", "PRICE", Types.DECIMAL, "DECIMAL", 10, 2, 1, "java.math.BigDecimal"),
            new ColumnInfo("GIFT", "GIFT", Types.BOOLEAN, "BOOLEAN", 1, 0, 1, "java.lang.Boolean"),
            new ColumnInfo("THUMB", "THUMB", Types.VARBINARY, "VARBINARY", 100, 0, 1, "[B"),
            new ColumnInfo("NOTES", "NOTES", Types.CLOB, "CLOB", 0, 0, 1, "java.sql.Clob")),
        List.of(row1, row2), 2, true, false));
    events.add(new JdbcStatementEvent(seq++, t + 6, 7000, 1_000_000, "main", "1-checkout", "c1",
        "s4", "statement", "executeQuery", "select * from missing", null, null, -1, null, null,
        null, null, sqlError()));
    events.add(new HttpExchangeEvent(seq++, t + 7, 8000, 40_000_000, "worker-1", "1-checkout",
        "classic", "POST", "https://api.example.com/v1/orders?x=1", "HTTP/1.1",
        List.of(new Header("Content-Type", "application/json"), new Header("Accept", "*/*")),
        Payload.of("application/json", 16, utf8("{\"order\":\"A-17\"}")),
        201, "Created", List.of(new Header("Content-Type", "application/json")),
        Payload.of("application/json", largeBodyBytes, bytes(largeBodyBytes, 'A')),
        "gzip", 20_000_000,
        List.of(new HttpAttempt(1, "initial", "POST", "https://api.example.com/v1/orders?x=1",
            8000, 40_000_000, 201, null)),
        null));
    events.add(new HttpExchangeEvent(seq++, t + 8, 9000, 5_000_000, "worker-1", null, "async",
        "GET", "https://api.example.com/v1/stock", "HTTP/1.1", List.of(), null, 0, null,
        List.of(), null, null, -1,
        List.of(new HttpAttempt(1, "initial", "GET", "https://api.example.com/v1/stock", 9000,
                2_000_000, 0, ErrorInfo.of(new java.net.ConnectException("refused"))),
            new HttpAttempt(2, "retry", "GET", "https://api.example.com/v1/stock", 12000,
                2_000_000, 0, ErrorInfo.of(new java.net.ConnectException("refused")))),
        ErrorInfo.of(new java.net.ConnectException("refused"))));
    events.add(new LogEvent(seq++, t + 9, 10000, 0, "main", "1-checkout", "WARN",
        "com.example.Checkout", "stock service down, retrying", null));
    events.add(new FailureEvent(seq++, t + 10, 11000, 0, "main", "1-checkout",
        "checkout failed", ErrorInfo.of(new IllegalStateException("no stock"))));
    events.add(new MarkEvent(seq, t + 11, 12000, 0, "main", null, "global mark", null));
    return events;
  }

  static Environment environment() {
    return new Environment(
        List.of(new DatabaseInfo("H2", "2.5.252", "H2 JDBC Driver", "2.5.252", "jdbc:h2:mem:test")),
        Map.of("feature.x", "on", "pool.size", "8"));
  }

  static Snapshot snapshot(List<Event> events, ErrorInfo failure) {
    return new Snapshot(UUID.randomUUID().toString(), Instant.parse("2024-05-01T10:15:30.123Z"),
        new Trigger(TriggerKind.EXPLICIT, "checkout failed for order A-17", "SUP-1234",
            "1-checkout", failure == null ? null : failure.summary(), 0),
        new AppInfo("shop", "2.4.1", "117", "abc1234"), environment(), events, 3, failure);
  }

  static Snapshot everything() {
    ErrorInfo failure = ErrorInfo.of(new IllegalStateException("no stock",
        new java.io.IOException("stock service down")));
    return snapshot(everyEventType(300_000), failure);
  }
}
