package dev.reprokit.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventClockTest {

  @Test
  void theWallTimeOfANanoTimeReadingIsTheWallClockAtThatMoment() {
    for (int i = 0; i < 1_000; i++) {
      long before = System.currentTimeMillis();
      long wall = EventClock.wallTimeMillis(System.nanoTime());
      long after = System.currentTimeMillis();
      // the anchor's two clock reads are a few microseconds apart: at most a millisecond off
      assertThat(wall).isBetween(before - 1, after + 1);
    }
  }

  @Test
  void anEarlierReadingGivesTheEarlierWallTime() {
    long now = System.nanoTime();
    long wallNow = EventClock.wallTimeMillis(now);
    assertThat(EventClock.wallTimeMillis(now - 5_000_000_000L)).isBetween(wallNow - 5_001,
        wallNow - 4_999);
    assertThat(EventClock.wallTimeMillis(now - 1_500_000L)).isBetween(wallNow - 3, wallNow - 1);
  }

  @Test
  void readingsTakenInOrderGetWallTimesInOrderAcrossReanchoring() throws InterruptedException {
    long previous = EventClock.wallTimeMillis(System.nanoTime());
    for (int i = 0; i < 30; i++) {
      long wall = EventClock.wallTimeMillis(System.nanoTime());
      assertThat(wall).isGreaterThanOrEqualTo(previous);
      previous = wall;
      Thread.sleep(50); // 1.5 s in all: the anchor is taken again at least once
    }
  }
}
