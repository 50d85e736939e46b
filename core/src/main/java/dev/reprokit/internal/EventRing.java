package dev.reprokit.internal;

import dev.reprokit.event.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The recorder's ring buffer, bounded by event count and by estimated bytes, with no lock.
 *
 * <p>An event's slot is its sequence number modulo the capacity, so claiming a slot is the
 * sequence counter the caller already incremented; publishing is one compare-and-set. A
 * newer event overwrites an older one in its slot (the older one is evicted); an event that
 * arrives after a newer one took its slot is dropped. When the byte estimate exceeds the
 * cap, the oldest events are removed by advancing an eviction cursor with compare-and-set.
 *
 * <p>Each slot's byte estimate is kept beside it in {@link #sizes}, so evicting an event
 * never walks its object graph: in a full ring the evicted event is the coldest memory the
 * recorder touches, and estimating it again cost more than the rest of {@code put}. The
 * estimate is swapped in with {@code getAndSet} after the slot's compare-and-set, so
 * {@link #bytes} always equals the sum of {@code sizes}; two writers racing for one slot
 * (a full lap of the ring apart) can at worst pair a slot with the other's estimate.
 */
final class EventRing {
  private final AtomicReferenceArray<Event> slots;
  /** Estimated bytes of the event in each slot (0 for an empty slot). */
  private final AtomicLongArray sizes;
  private final int capacity;
  private final long maxBytes;
  private final AtomicLong bytes = new AtomicLong();
  /** No event with a smaller sequence number is retained. */
  private final AtomicLong evictCursor = new AtomicLong();
  private final LongAdder recorded = new LongAdder();
  // No counter of evicted events: every recorded event is retained or evicted, so evictions
  // are counted by subtraction when asked, which saves the full ring an atomic update on
  // every put (its steady state evicts once per event).
  private final LongAdder dropped = new LongAdder();

  EventRing(int capacity, long maxBytes) {
    this.slots = new AtomicReferenceArray<>(capacity);
    this.sizes = new AtomicLongArray(capacity);
    this.capacity = capacity;
    this.maxBytes = maxBytes;
  }

  void put(Event event) {
    long seq = event.seq();
    int index = (int) Math.floorMod(seq, (long) capacity);
    long size = event.estimatedBytes();
    for (;;) {
      Event current = slots.get(index);
      if (current != null && current.seq() >= seq) {
        dropped.increment(); // a newer event already took the slot
        return;
      }
      if (slots.compareAndSet(index, current, event)) {
        long delta = size - sizes.getAndSet(index, size);
        recorded.increment();
        if (bytes.addAndGet(delta) > maxBytes) {
          evictOldestUntilUnderCap(seq);
        }
        return;
      }
    }
  }

  private void evictOldestUntilUnderCap(long newestSeq) {
    long floor = newestSeq - capacity + 1; // everything older was overwritten already
    long cursor = evictCursor.get();
    while (cursor < floor && !evictCursor.compareAndSet(cursor, floor)) {
      cursor = evictCursor.get();
    }
    while (bytes.get() > maxBytes) {
      long oldest = evictCursor.get();
      if (oldest >= newestSeq) {
        return; // keep at least the event just recorded
      }
      if (!evictCursor.compareAndSet(oldest, oldest + 1)) {
        continue;
      }
      int index = (int) Math.floorMod(oldest, (long) capacity);
      Event current = slots.get(index);
      if (current != null && current.seq() == oldest && slots.compareAndSet(index, current, null)) {
        bytes.addAndGet(-sizes.getAndSet(index, 0));
      }
    }
  }

  /** The retained events that match, in sequence order. */
  List<Event> snapshot(Predicate<Event> filter) {
    long oldest = evictCursor.get();
    List<Event> events = new ArrayList<>(Math.min(capacity, 1024));
    for (int i = 0; i < capacity; i++) {
      Event e = slots.get(i);
      if (e != null && e.seq() >= oldest && filter.test(e)) {
        events.add(e);
      }
    }
    events.sort(Comparator.comparingLong(Event::seq));
    return events;
  }

  long recorded() {
    return recorded.sum();
  }

  /**
   * Events recorded and no longer retained (overwritten or evicted for the byte cap). Exact
   * when no put is in flight; a put that is under way may be missing from it.
   */
  long evicted() {
    return Math.max(0, recorded.sum() - retainedEvents());
  }

  long dropped() {
    return dropped.sum();
  }

  void countDropped() {
    dropped.increment();
  }

  long retainedBytes() {
    return bytes.get();
  }

  long retainedEvents() {
    long oldest = evictCursor.get();
    long n = 0;
    for (int i = 0; i < capacity; i++) {
      Event e = slots.get(i);
      if (e != null && e.seq() >= oldest) {
        n++;
      }
    }
    return n;
  }
}
