package dev.reprokit.event;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of headers held as one array of alternating names and values. A capture
 * module snapshots a message's headers into such an array on the application's thread (one
 * allocation per header list); the {@link Header} values are made only when the list is read,
 * which is when a bundle is written or a test inspects the event. Safe to share between
 * threads: the array is never written after construction and the list is published through the
 * event's final fields.
 */
final class HeaderList extends AbstractList<Header> implements RandomAccess {
  private final String[] namesAndValues;

  HeaderList(String[] namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  @Override
  public Header get(int index) {
    int n = size();
    if (index < 0 || index >= n) {
      throw new IndexOutOfBoundsException("index " + index + " out of bounds for size " + n);
    }
    return new Header(namesAndValues[2 * index], namesAndValues[2 * index + 1]);
  }

  @Override
  public int size() {
    return namesAndValues.length >> 1;
  }

  /** The sum of {@link Header#estimatedBytes()} over the list, without making the headers. */
  long estimatedBytes() {
    long n = 0;
    for (String s : namesAndValues) {
      n += Event.bytesOf(s);
    }
    return n + 24L * size();
  }

  /** Sums the estimate of any header list without allocating for this class's lists. */
  static long estimatedBytes(List<Header> headers) {
    if (headers instanceof HeaderList list) {
      return list.estimatedBytes();
    }
    long n = 0;
    for (Header h : headers) {
      n += h.estimatedBytes();
    }
    return n;
  }
}
