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
 * <p>An event's slot is its sequence number modulo the capacity; its lap is the sequence
 * number divided by the capacity. Beside each slot, one {@code long} cell in {@link #cells}
 * holds the lap of the event that claimed the slot (high 32 bits) and that event's byte
 * estimate (low 32 bits). A writer claims its slot with one compare-and-set on that cell, which
 * also hands it the evicted event's estimate, and then stores its event into the slot with a
 * plain release store. A writer whose lap is not newer than the slot's is dropped.
 *
 * <p>Why the cell, and no compare-and-set on the slot: that needs the evicted event's
 * reference, and loading it was the most expensive thing the recorder did. On the benchmark
 * machine, reading that reference before replacing it cost about 150 ns per event in a full
 * 10,000-event ring and nothing in a 64-event ring, while reading the {@code long} beside it
 * cost nothing in either (docs/performance.md, fifth round). Evicting an event never walks its
 * object graph either: its estimate is in the cell.
 *
 * <p>The price is one race that the old design did not have. A writer that stalls between
 * claiming its slot and storing its event, for as long as another writer needs to claim the
 * same slot a lap later and store, overwrites that newer event. It notices (the cell is no
 * longer its own), takes its own event out again and counts itself dropped; the newer event
 * is then lost and counts as evicted, and its estimate stays counted until the slot's next
 * lap, so the byte total errs on the high side. It needs a thread stalled for a full lap of
 * the ring inside a few instructions.
 *
 * <p>When the byte estimate exceeds the cap, the oldest events are removed by advancing an
 * eviction cursor with compare-and-set. {@link #bytes} always equals the sum of the cells'
 * estimates.
 */
final class EventRing {
  private static final long SIZE_MASK = 0xFFFF_FFFFL;

  private final AtomicReferenceArray<Event> slots;
  /** Per slot: the claiming event's lap stamp (high 32 bits) and byte estimate (low 32 bits). */
  private final AtomicLongArray cells;
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
    this.cells = new AtomicLongArray(capacity);
    this.capacity = capacity;
    this.maxBytes = maxBytes;
  }

  void put(Event event) {
    long seq = event.seq();
    long lap = Math.floorDiv(seq, (long) capacity);
    int index = (int) (seq - lap * capacity);
    int stamp = stampOf(lap);
    // at least 1, so that a claimed cell is never 0 (the never-claimed cell)
    long size = Math.max(1, Math.min(event.estimatedBytes(), SIZE_MASK));
    long claimed = ((long) stamp << 32) | size;
    long evictedSize;
    for (;;) {
      long cell = cells.get(index);
      // laps compared by difference, so that a stamp's wrap-around after 2^32 laps is harmless
      if (cell != 0 && stamp - (int) (cell >>> 32) <= 0) {
        dropped.increment(); // an event of this lap or a newer one already took the slot
        return;
      }
      if (cells.compareAndSet(index, cell, claimed)) {
        evictedSize = cell & SIZE_MASK;
        break;
      }
    }
    slots.set(index, event); // volatile: the check below must not be read before this store is visible
    if ((int) (cells.get(index) >>> 32) != stamp) {
      // a writer a lap ahead claimed the slot while this one stored: take this event out again
      slots.compareAndSet(index, event, null);
      bytes.addAndGet(size - evictedSize); // the claim's hand-over still happened
      dropped.increment();
      return;
    }
    recorded.increment();
    if (bytes.addAndGet(size - evictedSize) > maxBytes) {
      evictOldestUntilUnderCap(seq);
    }
  }

  private static int stampOf(long lap) {
    return (int) (lap + 1);
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
      long lap = Math.floorDiv(oldest, (long) capacity);
      int index = (int) (oldest - lap * capacity);
      long cell = cells.get(index);
      long size = cell & SIZE_MASK;
      if (size != 0 && (int) (cell >>> 32) == stampOf(lap)
          && cells.compareAndSet(index, cell, cell & ~SIZE_MASK)) {
        bytes.addAndGet(-size);
        // let the collector have it, unless a newer event has taken the slot meanwhile
        Event current = slots.get(index);
        if (current != null && current.seq() == oldest) {
          slots.compareAndSet(index, current, null);
        }
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
