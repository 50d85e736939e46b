package dev.reprokit.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One execution of a JDBC statement: {@code execute*} or {@code executeBatch}.
 * Rows the application then reads are recorded by {@link JdbcResultSetEvent}s that refer
 * back to this event's {@link #seq()}.
 *
 * @param connectionId id of the logical connection, stable across a pool's reuse
 * @param statementId id of the statement object, unique per recorder
 * @param statementKind {@code statement}, {@code prepared} or {@code callable}
 * @param method the method the application called, e.g. {@code executeQuery}
 * @param sql the SQL text
 * @param binds parameter values at execution (empty for plain statements)
 * @param batch for {@code executeBatch}: one entry per {@code addBatch} (the parameters, or
 *     for plain statements a single value holding the SQL)
 * @param updateCount update count, -1 when the execution returned a result set or nothing
 * @param batchUpdateCounts update counts of a batch, also those of a failed batch
 *     ({@code BatchUpdateException.getLargeUpdateCounts()}); empty otherwise
 * @param outParameters values of registered OUT parameters read by the application
 * @param generatedKeys generated keys the application read, or {@code null}
 * @param warnings SQL warnings reported on the statement
 * @param error the {@code SQLException} the application got, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JdbcStatementEvent(
    long seq,
    long wallTimeMillis,
    long startNanos,
    long durationNanos,
    String thread,
    String scopeId,
    String connectionId,
    String statementId,
    String statementKind,
    String method,
    String sql,
    List<BindValue> binds,
    List<List<BindValue>> batch,
    long updateCount,
    List<Long> batchUpdateCounts,
    List<BindValue> outParameters,
    JdbcResultSetEvent generatedKeys,
    List<ErrorInfo> warnings,
    ErrorInfo error)
    implements Event {

  public JdbcStatementEvent {
    binds = binds == null ? List.of() : binds;
    batch = batch == null ? List.of() : batch;
    batchUpdateCounts = batchUpdateCounts == null ? List.of() : batchUpdateCounts;
    outParameters = outParameters == null ? List.of() : outParameters;
    warnings = warnings == null ? List.of() : warnings;
  }

  @Override
  public long estimatedBytes() {
    long n = HEADER_BYTES + 96 + Event.bytesOf(sql) + BindValue.estimatedBytes(binds);
    for (int i = 0, size = batch.size(); i < size; i++) {
      n += 16 + BindValue.estimatedBytes(batch.get(i));
    }
    n += 24L * batchUpdateCounts.size();
    if (generatedKeys != null) {
      n += generatedKeys.estimatedBytes();
    }
    if (error != null) {
      n += error.estimatedBytes();
    }
    return n;
  }
}
