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
    boolean truncated)
    implements Event {

  public JdbcResultSetEvent {
    columns = columns == null ? List.of() : columns;
    rows = rows == null ? List.of() : rows;
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
