package dev.reprokit.jdbc.internal;

import dev.reprokit.Recorder;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.EventClock;
import dev.reprokit.event.JdbcStatementEvent;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The capture state of one statement wrapper: ids, the SQL, the bind values, the batch and
 * the result set it returned last. Publishes one {@link JdbcStatementEvent} per execution.
 * Every method is a guard: it never throws into the application. Used by one thread at a
 * time, as the statement.
 */
final class StatementCapture {
  static final List<Long> NO_COUNTS = List.of();

  final ReproConnection connection;
  final CaptureContext ctx;
  final Statement owner;
  private final Statement raw;
  /** Named after the sequence number of the statement's first event, when it has one. */
  private String id;
  final String kind;
  final String sql;
  BindRecorder binds;
  private ReproResultSet current;
  private long lastSeq = -1;
  private int[] outIndexes;
  private List<String> outNames;
  private Object lastWarning;
  /** The SQL text of the last execution: the key of its first result's shape. */
  private String lastSql;
  /** Whether the application moved past the first result of the last execution. */
  private boolean pastFirstResult;
  /** Whether a statement added to the batch may change the schema (noted once it ran). */
  private boolean batchMayChangeSchema;

  StatementCapture(ReproConnection connection, Statement owner, Statement raw, String kind,
      String sql) {
    this.raw = raw;
    this.connection = connection;
    this.ctx = connection.ctx;
    this.owner = owner;
    this.kind = kind;
    this.sql = sql;
    this.binds = sql == null ? null : new BindRecorder(ctx, sql);
  }

  /**
   * The statement's id: {@code "s"} and the sequence number of its first event, so it is
   * unique per recorder without a counter of its own, and never built for a statement that
   * records nothing.
   */
  String id(long seq) {
    String known = id;
    if (known == null) {
      known = "s" + seq;
      id = known;
    }
    return known;
  }

  BindRecorder batchBinds() {
    if (binds == null) {
      binds = new BindRecorder(ctx, "");
    }
    return binds;
  }

  // ---- before an execution ------------------------------------------------------------

  /** Publishes the result set still open from the last execution: the driver closes it now. */
  void beforeExecute() {
    ReproResultSet rs = current;
    if (rs != null) {
      current = null;
      rs.publishNow();
    }
  }

  // ---- outcomes -------------------------------------------------------------------------

  ResultSet query(String method, String sqlText, long t0, ResultSet raw) {
    long t1 = System.nanoTime();
    long seq = publish(method, sqlText, t0, t1, -1, NO_COUNTS, null);
    if (raw == null) {
      return null;
    }
    ReproResultSet rs = new ReproResultSet(raw, this, seq, sqlText, null, t1);
    current = rs;
    return rs;
  }

  void update(String method, String sqlText, long t0, long count) {
    long t1 = System.nanoTime();
    publish(method, sqlText, t0, t1, count, NO_COUNTS, null);
    ctx.noteSchemaChange(sqlText);
  }

  void execute(String method, String sqlText, long t0, boolean hasResultSet, Statement raw) {
    long t1 = System.nanoTime();
    long count = -1;
    if (!hasResultSet) {
      try {
        count = raw.getUpdateCount();
      } catch (Throwable t) {
        ctx.fault(t);
      }
    }
    publish(method, sqlText, t0, t1, count, NO_COUNTS, null);
    if (!hasResultSet) {
      ctx.noteSchemaChange(sqlText);
    }
  }

  void batch(String method, long t0, int[] counts) {
    long t1 = System.nanoTime();
    List<Long> list = NO_COUNTS;
    try {
      if (counts != null) {
        Long[] boxed = new Long[counts.length];
        for (int i = 0; i < counts.length; i++) {
          boxed[i] = (long) counts[i];
        }
        list = List.of(boxed);
      }
    } catch (Throwable t) {
      ctx.fault(t);
    }
    publish(method, sql, t0, t1, -1, list, null);
    afterBatch();
  }

  void batch(String method, long t0, long[] counts) {
    long t1 = System.nanoTime();
    List<Long> list = NO_COUNTS;
    try {
      if (counts != null) {
        Long[] boxed = new Long[counts.length];
        for (int i = 0; i < counts.length; i++) {
          boxed[i] = counts[i];
        }
        list = List.of(boxed);
      }
    } catch (Throwable t) {
      ctx.fault(t);
    }
    publish(method, sql, t0, t1, -1, list, null);
    afterBatch();
  }

  /** {@code addBatch(sql)} on a plain statement: remembers whether the batch may change tables. */
  void addedToBatch(String batchSql) {
    if (batchSql != null && CaptureContext.mayChangeSchema(batchSql)) {
      batchMayChangeSchema = true;
    }
  }

  /** {@code clearBatch()}: nothing of the batch ran. */
  void batchCleared() {
    batchMayChangeSchema = false;
  }

  /** The batch ran (or failed part-way): a schema change in it is noted now. */
  void afterBatch() {
    if (batchMayChangeSchema) {
      batchMayChangeSchema = false;
      ctx.forgetShapes();
    }
  }

  /** The execution threw: records it with the error, lets it trigger a bundle. */
  void failed(String method, String sqlText, long t0, Throwable error) {
    long t1 = System.nanoTime();
    List<Long> counts = NO_COUNTS;
    try {
      if (error instanceof BatchUpdateException b) {
        long[] large = b.getLargeUpdateCounts();
        if (large != null) {
          Long[] boxed = new Long[large.length];
          for (int i = 0; i < large.length; i++) {
            boxed[i] = large[i];
          }
          counts = List.of(boxed);
        } else if (b.getUpdateCounts() != null) {
          int[] small = b.getUpdateCounts();
          Long[] boxed = new Long[small.length];
          for (int i = 0; i < small.length; i++) {
            boxed[i] = (long) small[i];
          }
          counts = List.of(boxed);
        }
      }
    } catch (Throwable t) {
      ctx.fault(t);
    }
    publish(method, sqlText, t0, t1, -1, counts, error);
    if (isBatch(method)) {
      afterBatch(); // a failed batch may have run some of its DDL
    }
    ctx.sqlError(error, "SQL error in " + method);
  }

  private long publish(String method, String sqlText, long t0, long t1, long updateCount,
      List<Long> batchCounts, Throwable error) {
    boolean isBatch = isBatch(method);
    List<List<BindValue>> batch = List.of();
    if (isBatch && binds != null) {
      try {
        batch = binds.takeBatch(); // cleared even when the batch failed
      } catch (Throwable t) {
        binds.clearBatch();
        ctx.fault(t);
      }
    }
    Recorder recorder = ctx.recorder;
    try {
      if (!recorder.isEnabled()) {
        return -1;
      }
      long seq = recorder.nextSequence();
      List<BindValue> bindList = binds == null || isBatch
          ? List.of() : BindRecorder.finish(binds.snapshot());
      List<BindValue> outs = error == null && (outIndexes != null || outNames != null)
          ? readOuts() : List.of();
      long durationNanos = t1 - t0;
      List<ErrorInfo> warnings = error == null && ctx.localWarnings ? warnings() : List.of();
      recorder.record(new JdbcStatementEvent(seq,
          EventClock.wallTimeMillis(t0), t0, durationNanos,
          Thread.currentThread().getName(), recorder.currentScopeId(), connection.id, id(seq), kind,
          method, sqlText, bindList, batch, updateCount, batchCounts, outs, null, warnings,
          ErrorInfo.of(error)));
      lastSeq = seq;
      lastSql = sqlText;
      pastFirstResult = false;
      return seq;
    } catch (Throwable t) {
      ctx.fault(t);
      return -1;
    }
  }

  private static boolean isBatch(String method) {
    return method.startsWith("executeBatch") || method.startsWith("executeLargeBatch");
  }

  /** The statement's warnings, read where the driver holds them locally (no round trip). */
  private List<ErrorInfo> warnings() {
    try {
      SQLWarning w = raw.getWarnings();
      if (w == null) {
        return List.of();
      }
      List<ErrorInfo> out = new ArrayList<>(2);
      java.util.Set<SQLWarning> seen = java.util.Collections.newSetFromMap(
          new java.util.IdentityHashMap<>());
      while (w != null && out.size() < ErrorInfo.MAX_DEPTH && seen.add(w)) {
        out.add(ErrorInfo.of(w));
        w = w.getNextWarning();
      }
      return out;
    } catch (Throwable t) {
      ctx.fault(t);
      return List.of();
    }
  }

  // ---- callable OUT parameters ------------------------------------------------------------

  void registerOut(int index) {
    try {
      if (outIndexes == null) {
        outIndexes = new int[] {index};
      } else {
        for (int i : outIndexes) {
          if (i == index) {
            return;
          }
        }
        int[] grown = java.util.Arrays.copyOf(outIndexes, outIndexes.length + 1);
        grown[outIndexes.length] = index;
        outIndexes = grown;
      }
    } catch (Throwable t) {
      ctx.fault(t);
    }
  }

  void registerOut(String name) {
    try {
      if (outNames == null) {
        outNames = new ArrayList<>(2);
      }
      if (!outNames.contains(name)) {
        outNames.add(name);
      }
    } catch (Throwable t) {
      ctx.fault(t);
    }
  }

  private List<BindValue> readOuts() {
    if (!(owner instanceof ReproCallableStatement cs)) {
      return List.of();
    }
    CallableStatement raw = cs.callableDelegate;
    List<BindValue> out = new ArrayList<>();
    int cap = ctx.options.maxLobPrefixBytes();
    if (outIndexes != null) {
      for (int i : outIndexes) {
        try {
          out.add(new BindValue(i, null, "out", null, Values.copy(raw.getObject(i), cap)));
        } catch (Throwable t) {
          ctx.fault(t);
        }
      }
    }
    if (outNames != null) {
      for (String n : outNames) {
        try {
          out.add(new BindValue(0, n, "out", null, Values.copy(raw.getObject(n), cap)));
        } catch (Throwable t) {
          ctx.fault(t);
        }
      }
    }
    return out;
  }

  // ---- result sets ------------------------------------------------------------------------

  /** {@code getResultSet}: the same wrapper for the same driver result set. */
  ResultSet resultSet(ResultSet raw) {
    if (raw == null) {
      return null;
    }
    ReproResultSet rs = current;
    if (rs != null && rs.delegate == raw) {
      return rs;
    }
    if (rs != null) {
      rs.publishNow();
    }
    rs = new ReproResultSet(raw, this, lastSeq, pastFirstResult ? null : lastSql, null,
        System.nanoTime());
    current = rs;
    return rs;
  }

  ResultSet generatedKeys(ResultSet raw) {
    if (raw == null) {
      return null;
    }
    return new ReproResultSet(raw, this, lastSeq, null,
        dev.reprokit.event.JdbcResultSetEvent.GENERATED_KEYS, System.nanoTime());
  }

  /** Another result: the driver closes the current result set. */
  void moreResults() {
    pastFirstResult = true;
    beforeExecute();
  }

  void closed() {
    beforeExecute();
  }

  void resultSetClosed(ReproResultSet rs) {
    if (current == rs) {
      current = null;
    }
  }

  /** The application read warnings: puts new ones on the timeline as a log line. */
  SQLWarning warnings(SQLWarning w) {
    if (w != null && w != lastWarning) {
      lastWarning = w;
      connection.logWarning(w);
    }
    return w;
  }
}
