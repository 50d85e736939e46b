package dev.reprokit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under capturing a response body: what copying one body of {@code size} bytes
 * costs when it arrives as the application reads it, in 8 KiB reads, into a new array of the
 * body's size (what HTTP capture does, sized from {@code Content-Length}), and when the
 * copies stay alive for a while, as the recorder keeps its last bodies ({@code copyRetained}:
 * the last 256 copies are kept, 16 MiB of 64 KiB bodies, the recorder's default byte cap).
 * Nothing else of HTTP capture runs here; compare with the time
 * {@link HttpClassicPairedBenchmark} finds capture adding to a GET.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BodyCopyBenchmark {
  private static final int READ = 8192;
  private static final int KEPT = 256;

  @Param({"1024", "65536"})
  public int size;

  private final byte[] readBuffer = Bodies.json(READ, 5);
  private final byte[][] kept = new byte[KEPT][];
  private int next;

  @Benchmark
  public byte[] copy() {
    return copyOnce();
  }

  @Benchmark
  public byte[] copyRetained() {
    byte[] body = copyOnce();
    kept[next] = body;
    next = (next + 1) % KEPT;
    return body;
  }

  private byte[] copyOnce() {
    byte[] body = new byte[size];
    for (int off = 0; off < size; off += READ) {
      System.arraycopy(readBuffer, 0, body, off, Math.min(READ, size - off));
    }
    return body;
  }
}
