package dev.reprokit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.event.Event;
import dev.reprokit.event.MarkEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRingTest {

  private static MarkEvent mark(long seq, String name) {
    return new MarkEvent(seq, 0, 0, 0, "t", null, name, Map.of());
  }

  @Test
  void keepsTheNewestEventsUpToTheCountCap() {
    EventRing ring = new EventRing(16, Long.MAX_VALUE);
    for (long seq = 1; seq <= 100; seq++) {
      ring.put(mark(seq, "m" + seq));
    }
    List<Event> kept = ring.snapshot(e -> true);
    assertThat(kept).hasSize(16);
    assertThat(kept).extracting(Event::seq).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(85, 100).boxed().toList());
    assertThat(ring.recorded()).isEqualTo(100);
    assertThat(ring.evicted()).isEqualTo(84);
    assertThat(ring.retainedEvents()).isEqualTo(16);
  }

  @Test
  void evictsTheOldestEventsWhenTheByteCapIsExceeded() {
    long oneEvent = mark(1, "x".repeat(1000)).estimatedBytes();
    EventRing ring = new EventRing(1000, oneEvent * 10);
    for (long seq = 1; seq <= 50; seq++) {
      ring.put(mark(seq, "x".repeat(1000)));
    }
    assertThat(ring.retainedBytes()).isLessThanOrEqualTo(oneEvent * 10);
    List<Event> kept = ring.snapshot(e -> true);
    assertThat(kept).hasSize(10);
    assertThat(kept.get(0).seq()).isEqualTo(41);
    assertThat(kept.get(9).seq()).isEqualTo(50);
    assertThat(ring.evicted()).isEqualTo(40);
  }

  @Test
  void retainedBytesAreTheEstimatesOfTheRetainedEventsThroughOverwritesAndByteEvictions() {
    long cap = 40_000;
    EventRing ring = new EventRing(32, cap);
    java.util.Random random = new java.util.Random(7);
    for (long seq = 1; seq <= 5_000; seq++) {
      ring.put(mark(seq, "z".repeat(random.nextInt(3_000))));
      long expected = ring.snapshot(e -> true).stream().mapToLong(Event::estimatedBytes).sum();
      assertThat(ring.retainedBytes()).as("after event %d", seq).isEqualTo(expected);
    }
    assertThat(ring.retainedBytes()).isLessThanOrEqualTo(cap + mark(0, "z".repeat(3_000))
        .estimatedBytes());
  }

  @Test
  void anEventOlderThanTheOneInItsSlotIsDropped() {
    EventRing ring = new EventRing(16, Long.MAX_VALUE);
    ring.put(mark(20, "newer"));
    ring.put(mark(4, "late and older, same slot"));
    assertThat(ring.snapshot(e -> true)).extracting(Event::seq).containsExactly(20L);
    assertThat(ring.dropped()).isEqualTo(1);
  }

  @Test
  void anEventOfTheSameSequenceAsTheOneInItsSlotIsDroppedNotCountedTwice() {
    EventRing ring = new EventRing(16, Long.MAX_VALUE);
    MarkEvent once = mark(5, "once");
    ring.put(once);
    ring.put(once);
    assertThat(ring.snapshot(e -> true)).containsExactly(once);
    assertThat(ring.recorded()).isEqualTo(1);
    assertThat(ring.dropped()).isEqualTo(1);
    assertThat(ring.retainedBytes()).isEqualTo(once.estimatedBytes());
  }

  @Test
  void laterLapsReplaceEarlierOnesInEverySlotAndTheByteTotalFollows() {
    EventRing ring = new EventRing(16, Long.MAX_VALUE);
    long expected = 0;
    for (long seq = 0; seq < 16 * 40; seq++) {
      ring.put(mark(seq, "lap " + seq / 16 + "x".repeat((int) (seq % 7))));
    }
    for (long seq = 16 * 39; seq < 16 * 40; seq++) {
      expected += mark(seq, "lap 39" + "x".repeat((int) (seq % 7))).estimatedBytes();
    }
    assertThat(ring.snapshot(e -> true)).extracting(Event::seq).containsExactlyElementsOf(
        java.util.stream.LongStream.range(16 * 39, 16 * 40).boxed().toList());
    assertThat(ring.retainedBytes()).isEqualTo(expected);
  }

  /**
   * Puts {@code stalled} on another thread, which stops between claiming its slot and storing
   * its event until {@code meanwhile} has run on this thread.
   */
  private static EventRing ringWithAStalledWriter(int capacity, long maxBytes, MarkEvent stalled,
      java.util.function.Consumer<EventRing> meanwhile) throws Exception {
    java.util.concurrent.CountDownLatch claimed = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    Thread[] writer = new Thread[1];
    EventRing ring = new EventRing(capacity, maxBytes, index -> {
      if (Thread.currentThread() == writer[0]) {
        claimed.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    writer[0] = new Thread(() -> ring.put(stalled));
    writer[0].start();
    assertThat(claimed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    meanwhile.accept(ring);
    go.countDown();
    writer[0].join();
    return ring;
  }

  @Test
  void aWriterLappedBetweenItsClaimAndItsStoreTakesItsStaleEventOutAgain() throws Exception {
    MarkEvent stale = mark(3, "stalled a whole lap");
    MarkEvent newer = mark(3 + 16, "the same slot, a lap later");
    EventRing ring = ringWithAStalledWriter(16, Long.MAX_VALUE, stale, r -> r.put(newer));
    // the stale writer overwrote the newer event, noticed, and emptied the slot: the newer
    // event is lost (recorded, no longer retained), never replaced by the older one
    assertThat(ring.snapshot(e -> true)).isEmpty();
    assertThat(ring.occupiedSlots()).isZero();
    assertThat(ring.recorded()).isEqualTo(1);
    assertThat(ring.dropped()).isEqualTo(1);
    assertThat(ring.evicted()).isEqualTo(1);
    // the lost event's estimate stays counted (the byte total errs high), and still equals
    // the cells' sum
    assertThat(ring.retainedBytes()).isEqualTo(newer.estimatedBytes())
        .isEqualTo(ring.cellEstimates());
  }

  @Test
  void anEventEvictedForTheByteCapBeforeItsWriterStoredItDoesNotStayReachable()
      throws Exception {
    MarkEvent stalled = mark(1, "claimed, not yet stored");
    MarkEvent big = mark(2, "b".repeat(5_000)); // alone over the cap: evicts everything older
    EventRing ring = ringWithAStalledWriter(16, big.estimatedBytes() / 2, stalled,
        r -> r.put(big));
    assertThat(ring.snapshot(e -> true)).containsExactly(big);
    assertThat(ring.occupiedSlots()).as("the evicted event is not kept reachable").isEqualTo(1);
    assertThat(ring.recorded()).isEqualTo(2);
    assertThat(ring.evicted()).isEqualTo(1);
    assertThat(ring.retainedBytes()).isEqualTo(big.estimatedBytes())
        .isEqualTo(ring.cellEstimates());
  }

  @Test
  void keepsTheEventJustRecordedEvenWhenItAloneExceedsTheByteCap() {
    EventRing ring = new EventRing(16, 100);
    ring.put(mark(1, "small"));
    ring.put(mark(2, "y".repeat(10_000)));
    assertThat(ring.snapshot(e -> true)).extracting(Event::seq).containsExactly(2L);
  }

  @Test
  void snapshotAppliesTheFilterAndSortsBySequence() {
    EventRing ring = new EventRing(64, Long.MAX_VALUE);
    for (long seq = 10; seq >= 1; seq--) {
      ring.put(mark(seq, seq % 2 == 0 ? "even" : "odd"));
    }
    assertThat(ring.snapshot(e -> ((MarkEvent) e).name().equals("even")))
        .extracting(Event::seq).containsExactly(2L, 4L, 6L, 8L, 10L);
  }

  @Test
  void racingWritersThatStallForLapsNeverLetAnOlderEventTakeANewerOnesPlace() throws Exception {
    // A tiny ring and writers that sometimes stall between taking a sequence number and
    // putting the event, so that others lap the ring meanwhile, and that each hold one event
    // back until every writer is done. However the puts interleave, no slot ends with an event
    // older than the newest that claimed it, and every event is counted once. (A writer that
    // stalls inside put itself, between claiming its slot and storing, can cost the newer
    // event of that slot: see EventRing. That needs a stall of a full lap within a few
    // instructions, so nearly every slot here ends with its newest event.)
    int capacity = 8;
    EventRing ring = new EventRing(capacity, Long.MAX_VALUE);
    java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    int threads = 4;
    int perThread = 50_000;
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CyclicBarrier allDone = new java.util.concurrent.CyclicBarrier(threads);
    java.util.List<Thread> writers = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = t;
      Thread w = new Thread(() -> {
        java.util.Random random = new java.util.Random(seed);
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        long heldBack = -1;
        for (int i = 0; i < perThread; i++) {
          long seq = sequence.getAndIncrement();
          if (i == perThread / 2) {
            heldBack = seq; // put when everyone is done: many laps late
            continue;
          }
          if (random.nextInt(100) == 0) {
            Thread.yield(); // let the others lap the ring
          }
          ring.put(mark(seq, "e".repeat((int) (seq % 5))));
        }
        try {
          allDone.await();
        } catch (Exception e) {
          return;
        }
        ring.put(mark(heldBack, "e".repeat((int) (heldBack % 5))));
      });
      writers.add(w);
      w.start();
    }
    start.countDown();
    for (Thread w : writers) {
      w.join();
    }
    long total = (long) threads * perThread;
    List<Event> retained = ring.snapshot(e -> true);
    assertThat(retained).extracting(Event::seq).isSubsetOf(
        java.util.stream.LongStream.range(total - capacity, total).boxed().toList());
    assertThat(retained).hasSizeGreaterThanOrEqualTo(capacity / 2);
    assertThat(ring.recorded() + ring.dropped()).isEqualTo(total);
    // every hand-over of estimates was counted once: the total is the cells' sum, and it is
    // never below what is retained (a lost newer event's estimate stays counted)
    assertThat(ring.retainedBytes()).isEqualTo(ring.cellEstimates())
        .isGreaterThanOrEqualTo(retained.stream().mapToLong(Event::estimatedBytes).sum());
  }
}
