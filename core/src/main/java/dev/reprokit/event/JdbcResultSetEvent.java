package dev.reprokit.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The rows of one result set as the application advanced through it: every column of each
 * row it reached, up to the configured caps.
 *
 * @param connectionId id of the logical connection
 * @param statementId id of the statement that produced the result set
 * @param statementSeq {@link Event#seq()} of the {@link JdbcStatementEvent} it belongs to, or
 *     -1 for result sets from metadata calls
 * @param columns column metadata
 * @param rows captured rows, each with one value per column (JSON-friendly values:
 *     String, Number, Boolean, {@code byte[]}, temporal values, {@link Payload} for LOBs)
 * @param rowsSeen how many rows the application reached
 * @param complete {@code true} when the application read to the end, so {@code rowsSeen}
 *     is the total row count
 * @param truncated {@code true} when rows were reached but not kept because of the caps
 * @param source where the result set came from: {@code query} (an {@code execute*} or
 *     {@code getResultSet}), {@code generated-keys} ({@code getGeneratedKeys}) or
 *     {@code metadata}; {@code null} is read as {@code query}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JdbcResultSetEvent(
    long seq,
    long wallTimeMillis,
    long startNanos,
    long durationNanos,
    String thread,
    String scopeId,
    String connectionId,
    String statementId,
    long statementSeq,
    List<ColumnInfo> columns,
    List<List<Object>> rows,
    long rowsSeen,
    boolean complete,
    boolean truncated,
    String source)
    implements Event {

  /** {@link #source()} of a result set returned by {@code Statement.getGeneratedKeys()}. */
  public static final String GENERATED_KEYS = "generated-keys";

  public JdbcResultSetEvent {
    columns = columns == null ? List.of() : columns;
    rows = rows == null ? List.of() : rows;
  }

  /** A result set of a query ({@link #source()} {@code null}). */
  public JdbcResultSetEvent(long seq, long wallTimeMillis, long startNanos, long durationNanos,
      String thread, String scopeId, String connectionId, String statementId, long statementSeq,
      List<ColumnInfo> columns, List<List<Object>> rows, long rowsSeen, boolean complete,
      boolean truncated) {
    this(seq, wallTimeMillis, startNanos, durationNanos, thread, scopeId, connectionId,
        statementId, statementSeq, columns, rows, rowsSeen, complete, truncated, null);
  }

  /** {@code true} when this is the result of {@code getGeneratedKeys()}. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean generatedKeys() {
    return GENERATED_KEYS.equals(source);
  }

  @Override
  public long estimatedBytes() {
    long n = HEADER_BYTES + 48 + 96L * columns.size();
    for (int r = 0, size = rows.size(); r < size; r++) {
      List<Object> row = rows.get(r);
      n += 24;
      for (int c = 0, width = row.size(); c < width; c++) {
        Object v = row.get(c);
        if (v instanceof String s) {
          n += Event.bytesOf(s);
        } else if (v instanceof byte[] b) {
          n += 16 + b.length;
        } else if (v instanceof Payload p) {
          n += p.estimatedBytes();
        } else {
          n += 24;
        }
      }
    }
    return n;
  }
}
