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

  /**
   * The event with every payload replaced by {@code mapper}'s answer; the same event when it
   * holds none or the mapper returned each one as it was (a bundle maps its events several
   * times, and most statements carry no payload).
   */
  static Event map(Event event, Mapper mapper) throws IOException {
    if (event instanceof HttpExchangeEvent h) {
      if (h.requestBody() == null && h.responseBody() == null) {
        return h;
      }
      Payload request = h.requestBody() == null
          ? null : mapper.map(h.seq(), "requestBody", h.requestBody());
      Payload response = h.responseBody() == null
          ? null : mapper.map(h.seq(), "responseBody", h.responseBody());
      if (request == h.requestBody() && response == h.responseBody()) {
        return h;
      }
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
        boolean changed = false;
        for (int i = 0; i < batch.size(); i++) {
          List<BindValue> row = binds(seq, "batch[" + i + "]", batch.get(i), mapper);
          changed |= row != batch.get(i);
          mapped.add(row);
        }
        batch = changed ? mapped : batch;
      }
      List<BindValue> out = binds(seq, "outParameters", s.outParameters(), mapper);
      JdbcResultSetEvent keys = s.generatedKeys() == null
          ? null : resultSet(s.generatedKeys(), seq, "generatedKeys.rows", mapper);
      if (binds == s.binds() && batch == s.batch() && out == s.outParameters()
          && keys == s.generatedKeys()) {
        return s;
      }
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
    List<BindValue> mapped = null; // copied from the first payload the mapper changes
    for (int i = 0; i < values.size(); i++) {
      BindValue b = values.get(i);
      if (b != null && b.value() instanceof Payload p) {
        Payload q = mapper.map(seq, field + "[" + i + "]", p);
        if (q != p) {
          if (mapped == null) {
            mapped = new ArrayList<>(values);
          }
          mapped.set(i, new BindValue(b.index(), b.name(), b.setter(), b.sqlType(), q));
        }
      }
    }
    return mapped == null ? values : mapped;
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
