package dev.reprokit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.RecorderConfig;
import org.junit.jupiter.api.Test;

/**
 * The recorder stays within its byte cap plus 10% of real heap after a flood of a million
 * events with 1 KiB payloads (a memory bound measured after full collections, not a timing).
 */
class RetainedHeapTest {

  @Test
  void aMillionEventsWithOneKibPayloadsRetainAtMostTheDefaultByteCapPlusTenPercent() {
    RetainedHeap.Result result = RetainedHeap.flood(RecorderConfig.DEFAULT, 1_000_000);
    System.out.println(result);
    assertThat(result.stats().eventsRecorded()).isEqualTo(1_000_000);
    assertThat(result.withinTarget()).as(result.toString()).isTrue();
  }

  @Test
  void whenTheByteCapBindsFirstRetainedHeapStaysWithinItPlusTenPercent() {
    RecorderConfig config = RecorderConfig.builder()
        .maxEvents(100_000)
        .maxBytes(4L * 1024 * 1024)
        .build();
    RetainedHeap.Result result = RetainedHeap.flood(config, 200_000);
    System.out.println(result);
    assertThat(result.stats().retainedEvents()).isLessThan(config.maxEvents());
    assertThat(result.stats().retainedBytes()).isLessThanOrEqualTo(config.maxBytes());
    assertThat(result.withinTarget()).as(result.toString()).isTrue();
  }
}
