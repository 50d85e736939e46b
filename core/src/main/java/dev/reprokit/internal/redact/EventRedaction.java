package dev.reprokit.internal.redact;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Redaction of every event type, field by field. Each field is guarded on its own: a rule
 * that fails replaces that field's value whole, and the other fields are still redacted
 * normally. Never throws (except {@link OutOfMemoryError}). Thread-safe, like its engine.
 */
public final class EventRedaction {
  private final RedactionEngine engine;

  public EventRedaction(RedactionEngine engine) {
    this.engine = engine;
  }

  public Event redact(Event event) {
    if (!engine.enabled() || event == null) {
      return event;
    }
    try {
      if (event instanceof HttpExchangeEvent e) {
        return http(e);
      } else if (event instanceof JdbcStatementEvent e) {
        return statement(e);
      } else if (event instanceof JdbcResultSetEvent e) {
        return resultSet(e);
      } else if (event instanceof JdbcConnectionEvent e) {
        return new JdbcConnectionEvent(e.seq(), e.wallTimeMillis(), e.startNanos(),
            e.durationNanos(), e.thread(), e.scopeId(), e.connectionId(), e.action(),
            guard(e.url(), engine::jdbcUrl), e.user(), error(e.error()));
      } else if (event instanceof JdbcTransactionEvent e) {
        return new JdbcTransactionEvent(e.seq(), e.wallTimeMillis(), e.startNanos(),
            e.durationNanos(), e.thread(), e.scopeId(), e.connectionId(), e.action(),
            guard(e.savepoint(), engine::text), e.value(), error(e.error()));
      } else if (event instanceof LogEvent e) {
        return new LogEvent(e.seq(), e.wallTimeMillis(), e.startNanos(), e.durationNanos(),
            e.thread(), e.scopeId(), e.level(), e.logger(), guard(e.message(), engine::text),
            error(e.error()));
      } else if (event instanceof MarkEvent e) {
        Map<String, String> attributes = new LinkedHashMap<>();
        e.attributes().forEach((k, v) -> attributes.put(k, engine.namedValue(k, v)));
        return new MarkEvent(e.seq(), e.wallTimeMillis(), e.startNanos(), e.durationNanos(),
            e.thread(), e.scopeId(), guard(e.name(), engine::text), attributes);
      } else if (event instanceof FailureEvent e) {
        return new FailureEvent(e.seq(), e.wallTimeMillis(), e.startNanos(), e.durationNanos(),
            e.thread(), e.scopeId(), guard(e.reason(), engine::text), error(e.error()));
      }
      throw new IllegalStateException("no redaction for " + event.getClass().getName());
    } catch (Throwable t) {
      // never the original: a mark that says the event could not be redacted
      engine.fault(event.getClass().getName(), t);
      return new MarkEvent(event.seq(), event.wallTimeMillis(), event.startNanos(),
          event.durationNanos(), event.thread(), event.scopeId(),
          "reprokit: event dropped, redaction failed (" + event.getClass().getSimpleName() + ")",
          Map.of());
    }
  }

  // ---------------------------------------------------------------- HTTP

  private HttpExchangeEvent http(HttpExchangeEvent e) {
    List<HttpAttempt> attempts = new ArrayList<>(e.attempts().size());
    for (HttpAttempt a : e.attempts()) {
      attempts.add(a == null ? null : new HttpAttempt(a.number(), a.kind(), a.method(),
          guard(a.uri(), engine::url), a.startNanos(), a.durationNanos(), a.status(),
          error(a.error())));
    }
    return new HttpExchangeEvent(e.seq(), e.wallTimeMillis(), e.startNanos(), e.durationNanos(),
        e.thread(), e.scopeId(), e.client(), e.method(), guard(e.uri(), engine::url),
        e.protocol(), headers(e.requestHeaders()),
        payload(e.requestBody(), contentType(e.requestHeaders())), e.status(),
        guard(e.reason(), engine::text), headers(e.responseHeaders()),
        payload(e.responseBody(), contentType(e.responseHeaders())), e.contentEncoding(),
        e.timeToFirstByteNanos(), attempts, error(e.error()));
  }

  private List<Header> headers(List<Header> headers) {
    List<Header> out = new ArrayList<>(headers.size());
    for (Header h : headers) {
      out.add(h == null ? null : new Header(h.name(), engine.headerValue(h.name(), h.value())));
    }
    return out;
  }

  private static String contentType(List<Header> headers) {
    for (Header h : headers) {
      if (h != null && h.name().equalsIgnoreCase("content-type")) {
        return h.value();
      }
    }
    return null;
  }

  /** A payload with its bytes redacted by content type; {@code null} stays {@code null}. */
  public Payload payload(Payload p, String fallbackContentType) {
    if (p == null || p.data() == null || p.data().length == 0) {
      return p;
    }
    String ct = p.contentType() != null ? p.contentType() : fallbackContentType;
    byte[] data = engine.body(ct, p.data());
    return data == p.data() ? p : p.withData(data);
  }

  // ---------------------------------------------------------------- JDBC

  /**
   * An application runs the same statements again and again: the parameter columns of each SQL
   * string, and the SQL strings that redaction leaves as they are (nothing counted, nothing
   * replaced, so skipping them again changes no count), are kept for the engine's bundle.
   */
  private static final int SQL_CACHE_LIMIT = 4096;
  private final Map<String, Map<Integer, String>> paramColumns = new ConcurrentHashMap<>();
  private final Set<String> sqlWithoutSecrets = ConcurrentHashMap.newKeySet();

  private Map<Integer, String> paramColumns(String sql) {
    Map<Integer, String> columns = paramColumns.get(sql);
    if (columns == null) {
      columns = Collections.unmodifiableMap(SqlColumns.paramColumns(sql));
      if (paramColumns.size() < SQL_CACHE_LIMIT) {
        paramColumns.put(sql, columns);
      }
    }
    return columns;
  }

  private String sql(String sql) {
    if (sql == null || sql.isEmpty() || sqlWithoutSecrets.contains(sql)) {
      return sql;
    }
    String redacted = guard(sql, engine::sql);
    if (redacted.equals(sql) && sqlWithoutSecrets.size() < SQL_CACHE_LIMIT) {
      sqlWithoutSecrets.add(sql);
    }
    return redacted;
  }

  private JdbcStatementEvent statement(JdbcStatementEvent e) {
    Map<Integer, String> columns;
    try {
      columns = e.sql() == null ? Map.of() : paramColumns(e.sql());
    } catch (RuntimeException | StackOverflowError ex) {
      engine.fault("", ex);
      columns = Map.of();
    }
    boolean plain = "statement".equals(e.statementKind());
    List<List<BindValue>> batch = new ArrayList<>(e.batch().size());
    for (List<BindValue> entry : e.batch()) {
      if (entry == null) {
        batch.add(null);
      } else if (plain) {
        List<BindValue> sqls = new ArrayList<>(entry.size());
        for (BindValue b : entry) {
          sqls.add(b == null || !(b.value() instanceof String s) ? b
              : new BindValue(b.index(), b.name(), b.setter(), b.sqlType(), guard(s, engine::sql)));
        }
        batch.add(Collections.unmodifiableList(sqls));
      } else {
        batch.add(binds(entry, columns));
      }
    }
    List<ErrorInfo> warnings = new ArrayList<>(e.warnings().size());
    for (ErrorInfo w : e.warnings()) {
      warnings.add(error(w));
    }
    return new JdbcStatementEvent(e.seq(), e.wallTimeMillis(), e.startNanos(), e.durationNanos(),
        e.thread(), e.scopeId(), e.connectionId(), e.statementId(), e.statementKind(),
        e.method(), sql(e.sql()), binds(e.binds(), columns), batch,
        e.updateCount(), e.batchUpdateCounts(), binds(e.outParameters(), columns),
        e.generatedKeys() == null ? null : resultSet(e.generatedKeys()),
        Collections.unmodifiableList(warnings), error(e.error()));
  }

  private List<BindValue> binds(List<BindValue> binds, Map<Integer, String> columns) {
    List<BindValue> out = new ArrayList<>(binds.size());
    for (BindValue b : binds) {
      if (b == null || b.value() == null) {
        out.add(b);
        continue;
      }
      try {
        String rule = null;
        if (b.name() != null) {
          rule = engine.fieldRule(stripBindPrefix(b.name()), Rules.JDBC_COLUMN);
        }
        if (rule == null && b.index() > 0) {
          rule = engine.fieldRule(columns.get(b.index()), Rules.JDBC_COLUMN);
        }
        Object v = rule != null ? secretObject(rule, b.value()) : freeObject(b.value());
        out.add(v == b.value() ? b : new BindValue(b.index(), b.name(), b.setter(), b.sqlType(), v));
      } catch (Throwable t) {
        out.add(new BindValue(b.index(), b.name(), b.setter(), b.sqlType(),
            engine.fault(String.valueOf(b.value()), t)));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static String stripBindPrefix(String name) {
    return name.startsWith(":") || name.startsWith("@") ? name.substring(1) : name;
  }

  private JdbcResultSetEvent resultSet(JdbcResultSetEvent e) {
    List<ColumnInfo> columns = e.columns();
    String[] rules = new String[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      ColumnInfo ci = columns.get(c);
      if (ci != null) {
        rules[c] = engine.fieldRule(ci.label(), Rules.JDBC_COLUMN);
        if (rules[c] == null) {
          rules[c] = engine.fieldRule(ci.name(), Rules.JDBC_COLUMN);
        }
      }
    }
    List<List<Object>> rows = new ArrayList<>(e.rows().size());
    for (List<Object> row : e.rows()) {
      if (row == null) {
        rows.add(null);
        continue;
      }
      List<Object> out = new ArrayList<>(row.size());
      for (int c = 0; c < row.size(); c++) {
        Object v = row.get(c);
        try {
          String rule = c < rules.length ? rules[c] : null;
          out.add(v == null ? null : rule != null ? secretObject(rule, v) : freeObject(v));
        } catch (Throwable t) {
          out.add(engine.fault(String.valueOf(v), t));
        }
      }
      rows.add(Collections.unmodifiableList(out));
    }
    return new JdbcResultSetEvent(e.seq(), e.wallTimeMillis(), e.startNanos(), e.durationNanos(),
        e.thread(), e.scopeId(), e.connectionId(), e.statementId(), e.statementSeq(), columns,
        Collections.unmodifiableList(rows), e.rowsSeen(), e.complete(), e.truncated(),
        e.source());
  }

  /** A value of a secret column: replaced; {@code null} and booleans are kept. */
  private Object secretObject(String rule, Object v) {
    if (v == null || v instanceof Boolean) {
      return v;
    }
    if (v instanceof byte[] b) {
      engine.count(rule);
      return engine.pseudonym(b);
    }
    if (v instanceof Payload p) {
      if (p.data() == null) {
        return p;
      }
      engine.count(rule);
      return p.withData(engine.pseudonym(p.data()).getBytes(StandardCharsets.UTF_8));
    }
    String s = String.valueOf(v);
    return s.isEmpty() || Pseudonyms.isPseudonym(s) ? v : engine.secretValue(rule, s);
  }

  /** A value with no secret name: text rules on strings, body rules on payloads. */
  private Object freeObject(Object v) {
    if (v instanceof String s) {
      String r = engine.freeValueGuarded(s);
      return r.equals(s) ? v : r;
    }
    if (v instanceof Payload p) {
      return payload(p, null);
    }
    return v;
  }

  // ---------------------------------------------------------------- errors

  public ErrorInfo error(ErrorInfo e) {
    return error(e, 0);
  }

  private ErrorInfo error(ErrorInfo e, int depth) {
    if (e == null || !engine.enabled()) {
      return e;
    }
    if (depth > 64) { // records cannot be cyclic, but a hostile depth must not overflow the stack
      return new ErrorInfo(e.type(), null, e.sqlState(), e.vendorCode(), e.stack(), null, null, null);
    }
    List<ErrorInfo> suppressed = new ArrayList<>(e.suppressed().size());
    for (ErrorInfo s : e.suppressed()) {
      suppressed.add(error(s, depth + 1));
    }
    List<ErrorInfo> next = new ArrayList<>(e.next().size());
    for (ErrorInfo n : e.next()) {
      next.add(error(n, depth + 1));
    }
    return new ErrorInfo(e.type(), guard(e.message(), engine::text), e.sqlState(), e.vendorCode(),
        e.stack(), error(e.cause(), depth + 1), suppressed, next);
  }

  private String guard(String value, UnaryOperator<String> f) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    try {
      return f.apply(value);
    } catch (Throwable t) {
      return engine.fault(value, t);
    }
  }
}
