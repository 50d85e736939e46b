package dev.reprokit.bundle;

import dev.reprokit.event.BindValue;
import dev.reprokit.event.Event;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.Payload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Finds and replaces every {@link Payload} inside an event, wherever the event type keeps one. */
final class Payloads {
  private Payloads() {}

  /** Maps one payload; {@code field} names where it sits, e.g. {@code binds[2]}. */
  @FunctionalInterface
  interface Mapper {
    Payload map(long seq, String field, Payload payload) throws IOException;
  }

  /** The event with every payload replaced by {@code mapper}'s answer; the same event if none. */
  static Event map(Event event, Mapper mapper) throws IOException {
    if (event instanceof HttpExchangeEvent h) {
      if (h.requestBody() == null && h.responseBody() == null) {
        return h;
      }
      Payload request = h.requestBody() == null
          ? null : mapper.map(h.seq(), "requestBody", h.requestBody());
      Payload response = h.responseBody() == null
          ? null : mapper.map(h.seq(), "responseBody", h.responseBody());
      return new HttpExchangeEvent(h.seq(), h.wallTimeMillis(), h.startNanos(),
          h.durationNanos(), h.thread(), h.scopeId(), h.client(), h.method(), h.uri(),
          h.protocol(), h.requestHeaders(), request, h.status(), h.reason(),
          h.responseHeaders(), response, h.contentEncoding(), h.timeToFirstByteNanos(),
          h.attempts(), h.error());
    }
    if (event instanceof JdbcStatementEvent s) {
      long seq = s.seq();
      List<BindValue> binds = binds(seq, "binds", s.binds(), mapper);
      List<List<BindValue>> batch = s.batch();
      if (!batch.isEmpty()) {
        List<List<BindValue>> mapped = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
          mapped.add(binds(seq, "batch[" + i + "]", batch.get(i), mapper));
        }
        batch = mapped;
      }
      List<BindValue> out = binds(seq, "outParameters", s.outParameters(), mapper);
      JdbcResultSetEvent keys = s.generatedKeys() == null
          ? null : resultSet(s.generatedKeys(), seq, "generatedKeys.rows", mapper);
      return new JdbcStatementEvent(s.seq(), s.wallTimeMillis(), s.startNanos(),
          s.durationNanos(), s.thread(), s.scopeId(), s.connectionId(), s.statementId(),
          s.statementKind(), s.method(), s.sql(), binds, batch, s.updateCount(),
          s.batchUpdateCounts(), out, keys, s.warnings(), s.error());
    }
    if (event instanceof JdbcResultSetEvent r) {
      return resultSet(r, r.seq(), "rows", mapper);
    }
    return event;
  }

  private static List<BindValue> binds(long seq, String field, List<BindValue> values,
      Mapper mapper) throws IOException {
    if (values == null || values.isEmpty()) {
      return values;
    }
    List<BindValue> mapped = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      BindValue b = values.get(i);
      if (b != null && b.value() instanceof Payload p) {
        b = new BindValue(b.index(), b.name(), b.setter(), b.sqlType(),
            mapper.map(seq, field + "[" + i + "]", p));
      }
      mapped.add(b);
    }
    return mapped;
  }

  private static JdbcResultSetEvent resultSet(JdbcResultSetEvent r, long seq, String field,
      Mapper mapper) throws IOException {
    List<List<Object>> rows = r.rows();
    List<List<Object>> mapped = new ArrayList<>(rows.size());
    boolean changed = false;
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = rows.get(i);
      List<Object> copy = null;
      for (int c = 0; row != null && c < row.size(); c++) {
        if (row.get(c) instanceof Payload p) {
          if (copy == null) {
            copy = new ArrayList<>(row);
          }
          copy.set(c, mapper.map(seq, field + "[" + i + "][" + c + "]", p));
        }
      }
      if (copy != null) {
        changed = true;
        mapped.add(java.util.Collections.unmodifiableList(copy));
      } else {
        mapped.add(row);
      }
    }
    if (!changed) {
      return r;
    }
    return new JdbcResultSetEvent(r.seq(), r.wallTimeMillis(), r.startNanos(),
        r.durationNanos(), r.thread(), r.scopeId(), r.connectionId(), r.statementId(),
        r.statementSeq(), r.columns(), mapped, r.rowsSeen(), r.complete(), r.truncated(),
        r.source());
  }
}
