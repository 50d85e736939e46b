package dev.reprokit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.reprokit.RecorderConfig;
import dev.reprokit.RecorderStats;
import dev.reprokit.event.Event;
import dev.reprokit.event.LogEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Eight threads flood one recorder; the caps hold, sequence numbers stay unique, nothing locks up. */
class RecorderBoundsTest {
  private static final int THREADS = 8;
  private static final int EVENTS_PER_THREAD = 100_000;
  private static final int MAX_EVENTS = 10_000;
  private static final long MAX_BYTES = 1024 * 1024;

  @Test
  void eightThreadsOfOneHundredThousandEventsStayWithinTheCaps() throws Exception {
    RecorderConfig config = RecorderConfig.builder().maxEvents(MAX_EVENTS).maxBytes(MAX_BYTES).build();
    DefaultRecorder recorder = new DefaultRecorder(config, s -> {
      throw new AssertionError("no bundle is written here");
    }, new FaultReporter(), System::currentTimeMillis);
    long[][] sequences = new long[THREADS][EVENTS_PER_THREAD];
    AtomicLong largestEvent = new AtomicLong();

    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      CountDownLatch start = new CountDownLatch(1);
      Thread[] threads = new Thread[THREADS];
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        threads[t] = new Thread(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            return;
          }
          String message = "x".repeat(50 + thread * 40); // events of different sizes
          for (int i = 0; i < EVENTS_PER_THREAD; i++) {
            long seq = recorder.nextSequence();
            sequences[thread][i] = seq;
            LogEvent event = new LogEvent(seq, 0, System.nanoTime(), 0, "t" + thread, null,
                "INFO", "flood", message, null);
            largestEvent.accumulateAndGet(event.estimatedBytes(), Math::max);
            recorder.record(event);
          }
        }, "flood-" + t);
        threads[t].start();
      }
      start.countDown();
      for (Thread t : threads) {
        t.join();
      }
    });

    RecorderStats stats = recorder.stats();
    assertThat(stats.retainedEvents()).isLessThanOrEqualTo(MAX_EVENTS);
    assertThat(stats.retainedBytes()).isLessThanOrEqualTo(MAX_BYTES + largestEvent.get());
    assertThat(stats.eventsRecorded() + stats.eventsDropped())
        .isEqualTo((long) THREADS * EVENTS_PER_THREAD);
    assertThat(stats.eventsEvicted()).isGreaterThan(0);

    long[] all = Arrays.stream(sequences).flatMapToLong(Arrays::stream).sorted().toArray();
    for (int i = 1; i < all.length; i++) {
      assertThat(all[i]).as("sequence numbers are unique").isGreaterThan(all[i - 1]);
    }

    List<Event> retained = recorder.retainedEvents();
    assertThat(retained).hasSizeLessThanOrEqualTo(MAX_EVENTS);
    long retainedBytes = retained.stream().mapToLong(Event::estimatedBytes).sum();
    assertThat(retainedBytes).isLessThanOrEqualTo(MAX_BYTES + largestEvent.get());
    for (int i = 1; i < retained.size(); i++) {
      assertThat(retained.get(i).seq()).isGreaterThan(retained.get(i - 1).seq());
    }
    // the newest events survive: the highest sequence number handed out is retained
    assertThat(retained.get(retained.size() - 1).seq()).isEqualTo(all[all.length - 1]);
  }
}
