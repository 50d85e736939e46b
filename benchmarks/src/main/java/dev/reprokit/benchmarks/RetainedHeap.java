package dev.reprokit.benchmarks;

import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.RecorderStats;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;

/**
 * Heap retained by a recorder after a flood of events with 1 KiB payloads, measured with
 * {@link MemoryMXBean} after full collections (not a JMH benchmark: JMH measures time and
 * allocation, not what stays reachable).
 *
 * <p>Method: collect until the used heap is stable, note it; create a recorder, record
 * {@code events} HTTP exchanges, each with its own 1 KiB response body (a private copy, as
 * capture makes), a URI and three headers; collect again and note the used heap while the
 * recorder is still reachable. The difference is what the recorder retains: the ring, the
 * events it holds and their payloads. The target: at most the configured byte cap
 * ({@code maxBytes}) plus 10%.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.reprokit.benchmarks.RetainedHeap
 * [events] [maxBytes]} — by default one million events under {@link RecorderConfig#DEFAULT}.
 */
public final class RetainedHeap {
  private RetainedHeap() {}

  /** The outcome of one flood. */
  public record Result(long events, long maxEvents, long maxBytes, long retainedHeapBytes,
      RecorderStats stats) {

    /** The target: retained heap within the byte cap plus 10%. */
    public boolean withinTarget() {
      return retainedHeapBytes <= maxBytes + maxBytes / 10;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%,d events of 1 KiB payload; caps %,d events / %,d bytes; retained heap %,d bytes"
              + " (%.1f%% of the byte cap; target <= 110%%: %s); recorder's own estimate"
              + " %,d bytes in %,d events",
          events, maxEvents, maxBytes, retainedHeapBytes,
          100.0 * retainedHeapBytes / maxBytes, withinTarget() ? "MET" : "MISSED",
          stats.retainedBytes(), stats.retainedEvents());
    }
  }

  public static void main(String[] args) {
    long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    RecorderConfig config = args.length > 1
        ? RecorderConfig.builder().maxBytes(Long.parseLong(args[1].replace("_", ""))).build()
        : RecorderConfig.DEFAULT;
    Result result = flood(config, events);
    System.out.println(result);
    if (!result.withinTarget()) {
      System.exit(1);
    }
  }

  /** Floods a new recorder with {@code events} events and measures what it retains. */
  public static Result flood(RecorderConfig config, long events) {
    long before = usedHeapAfterGc();
    Recorder recorder = Recorder.create(config);
    List<Header> requestHeaders = List.of(
        new Header("Accept", "application/json"), new Header("User-Agent", "bench/1.0"));
    List<Header> responseHeaders = List.of(new Header("Content-Type", "application/json"));
    byte[] body = Bodies.json(1024, 7);
    String thread = Thread.currentThread().getName();
    for (long i = 0; i < events; i++) {
      recorder.record(new HttpExchangeEvent(recorder.nextSequence(), System.currentTimeMillis(),
          System.nanoTime(), 1_000, thread, null, "classic", "GET",
          "http://127.0.0.1:8080/orders/" + i, "HTTP/1.1", requestHeaders, null, 200, "OK",
          responseHeaders, Payload.of("application/json", body.length, body.clone()), null, 500,
          List.of(), null));
    }
    long after = usedHeapAfterGc();
    RecorderStats stats = recorder.stats();
    Reference.reachabilityFence(recorder);
    recorder.close();
    return new Result(events, config.maxEvents(), config.maxBytes(), after - before, stats);
  }

  /** Used heap after full collections, once two readings in a row agree within 64 KiB. */
  static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < 64 * 1024) {
        return used;
      }
      previous = used;
    }
    return previous;
  }
}
