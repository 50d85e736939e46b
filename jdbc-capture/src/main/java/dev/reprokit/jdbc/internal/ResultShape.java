package dev.reprokit.jdbc.internal;

import dev.reprokit.event.ColumnInfo;
import java.util.List;

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

  boolean isSecret(int column) {
    return secret != null && secret[column];
  }

  boolean isCursor(int column) {
    return cursor != null && cursor[column];
  }
}
