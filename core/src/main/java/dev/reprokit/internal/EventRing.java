package dev.reprokit.internal;

import dev.reprokit.event.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * The recorder's ring buffer, bounded by event count and by estimated bytes, with no lock.
 *
 * <p>An event's slot is its sequence number modulo the capacity; its lap is the sequence
 * number divided by the capacity. Beside each slot, one {@code long} cell in {@link #cells}
 * holds the lap of the event that claimed the slot (high 32 bits) and that event's byte
 * estimate (low 32 bits). A writer claims its slot with one compare-and-set on that cell, which
 * also hands it the evicted event's estimate, stores its event into the slot with a volatile
 * store, and reads the cell again to check that its claim still stands (the volatile store
 * keeps that read from being answered before the store is visible). A writer whose lap is not
 * newer than the slot's is dropped.
 *
 * <p>Why the cell, and no compare-and-set on the slot: that needs the evicted event's
 * reference, and loading it was the most expensive thing the recorder did. On the benchmark
 * machine, reading that reference before replacing it cost about 150 ns per event in a full
 * 10,000-event ring and nothing in a 64-event ring, while reading the {@code long} beside it
 * cost nothing in either (docs/performance.md, fifth round). Evicting an event never walks its
 * object graph either: its estimate is in the cell.
 *
 * <p>The price is one race that the old design did not have. A writer that stalls between
 * claiming its slot and storing its event, for as long as other writers need to go a full lap
 * round the ring and one of them claims the same slot and stores, overwrites that newer event.
 * It notices (the cell is no longer its own), takes its own event out again and counts itself
 * dropped; the newer event is then lost and counts as evicted, and its estimate stays counted
 * until the slot is claimed again or evicted for the byte cap, so the byte total errs on the
 * high side. With the default 10,000 slots that needs a thread descheduled inside a few
 * instructions while others record 10,000 events; the smaller the ring and the more threads
 * per core, the likelier it is.
 *
 * <p>When the byte estimate exceeds the cap, the oldest events are removed by advancing an
 * eviction cursor with compare-and-set; eviction zeroes the cell's estimate and, unlike a put,
 * loads the evicted reference, to release it for the collector without racing a newer writer.
 * An event evicted between its writer's claim and store is taken out by that writer. When no
 * put is in flight, {@link #bytes} equals the sum of the cells' estimates.
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
  /** Runs between a put's claim and its store; {@code null} but in tests of the races there. */
  private final IntConsumer afterClaim;

  EventRing(int capacity, long maxBytes) {
    this(capacity, maxBytes, null);
  }

  /** For tests: {@code afterClaim} gets the slot index between a put's claim and its store. */
  EventRing(int capacity, long maxBytes, IntConsumer afterClaim) {
    this.slots = new AtomicReferenceArray<>(capacity);
    this.cells = new AtomicLongArray(capacity);
    this.capacity = capacity;
    this.maxBytes = maxBytes;
    this.afterClaim = afterClaim;
  }

  void put(Event event) {
    long seq = event.seq();
    long lap = Math.floorDiv(seq, (long) capacity);
    int index = (int) (seq - lap * capacity);
    int stamp = stampOf(lap);
    // at least 1: a claimed cell's estimate is 0 only once eviction has zeroed it
    long size = Math.max(1, Math.min(event.estimatedBytes(), SIZE_MASK));
    long claimed = ((long) stamp << 32) | size;
    long evictedSize;
    for (;;) {
      long cell = cells.get(index);
      // Laps compared by difference, so the stamps' wrap-around after 2^32 laps keeps their
      // order; a never-claimed cell (0) has stamp 0, older than the first lap's 1.
      if (stamp - (int) (cell >>> 32) <= 0) {
        dropped.increment(); // an event of this lap or a newer one already took the slot
        return;
      }
      if (cells.compareAndSet(index, cell, claimed)) {
        evictedSize = cell & SIZE_MASK;
        break;
      }
    }
    if (afterClaim != null) {
      afterClaim.accept(index);
    }
    slots.set(index, event); // volatile: the read below must not be answered before this store
    long now = cells.get(index);
    // the claim's hand-over of estimates happened whatever comes next
    long total = bytes.addAndGet(size - evictedSize);
    if (now != claimed) {
      // A writer a lap ahead claimed the slot meanwhile (this event is stale), or eviction for
      // the byte cap zeroed this claim's estimate before the event was stored: either way the
      // event must not stay in the slot.
      slots.compareAndSet(index, event, null);
      if ((int) (now >>> 32) != stamp) {
        dropped.increment();
      } else {
        recorded.increment(); // recorded, then evicted
      }
      return;
    }
    recorded.increment();
    if (total > maxBytes) {
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

  /** The sum of the cells' estimates: equal to {@link #retainedBytes()} with no put in flight. */
  long cellEstimates() {
    long sum = 0;
    for (int i = 0; i < capacity; i++) {
      sum += cells.get(i) & SIZE_MASK;
    }
    return sum;
  }

  /** Slots that hold an event, retained or already evicted (for tests of what stays reachable). */
  long occupiedSlots() {
    long n = 0;
    for (int i = 0; i < capacity; i++) {
      if (slots.get(i) != null) {
        n++;
      }
    }
    return n;
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
