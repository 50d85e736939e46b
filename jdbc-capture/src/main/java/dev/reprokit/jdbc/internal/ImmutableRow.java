package dev.reprokit.jdbc.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * One kept row: an unmodifiable list over the array of its values, which may hold nulls (so
 * {@code List.of} cannot). One small object per row, where {@code unmodifiableList(asList(..))}
 * takes two: rows are kept on the application's thread, so every allocation counts.
 */
final class ImmutableRow extends AbstractList<Object> implements RandomAccess {
  private final Object[] values;

  /** Takes over {@code values}: the caller must not change the array afterwards. */
  ImmutableRow(Object[] values) {
    this.values = values;
  }

  @Override
  public Object get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}
