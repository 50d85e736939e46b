package dev.reprokit.jdbc.internal;

import dev.reprokit.event.ColumnInfo;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * The columns of a query's result as the driver described them, with what capture derives
 * from them once: which columns hold secrets and which hold cursors (never read). Immutable;
 * shared by every execution of the same SQL (see {@link CaptureContext#shapeOf}).
 *
 * @param columns the column metadata, immutable
 * @param secret by column index, {@code true} for a column whose value is replaced; or
 *     {@code null} when no column is secret
 * @param cursor by column index, {@code true} for a REF CURSOR column; or {@code null}
 */
record ResultShape(List<ColumnInfo> columns, boolean[] secret, boolean[] cursor) {
  static final ResultShape UNKNOWN = new ResultShape(List.of(), null, null);

  int width() {
    return columns.size();
  }

  /**
   * Whether this description still fits a result: the same column count, and each column's
   * label and name as the driver reports them now (two cheap calls per column, against the
   * eight a full description takes). Types are not compared: a type change needs DDL, which
   * the context notices when it runs through the capture.
   */
  boolean fits(ResultSetMetaData md, int columnCount) throws SQLException {
    if (columnCount != columns.size()) {
      return false;
    }
    for (int i = 0; i < columnCount; i++) {
      ColumnInfo known = columns.get(i);
      if (!Objects.equals(known.label(), md.getColumnLabel(i + 1))
          || !Objects.equals(known.name(), md.getColumnName(i + 1))) {
        return false;
      }
    }
    return true;
  }

  boolean isSecret(int column) {
    return secret != null && secret[column];
  }

  boolean isCursor(int column) {
    return cursor != null && cursor[column];
  }
}
