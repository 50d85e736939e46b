package dev.reprokit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link BundleWriteBenchmark}'s two variants paired: every operation writes the plain zip and
 * the bundle once each, in alternating order, and adds each one's time to its own counter
 * ({@link PairedTimes}, "raw" being the plain zip). {@link Compare} judges the 1.5× target on
 * the per-iteration ratio.
 *
 * <p>Why paired: the two variants run minutes apart in {@link BundleWriteBenchmark}, and on a
 * shared two-core machine the plain zip alone moved by 5–20% between such runs; its one-fork
 * ratio carried ±0.07. Here both see the same moments of the machine. {@code AlwaysPreTouch}:
 * the bundle allocates about 46 MB per write and the plain zip little, so in a fresh JVM the
 * bundle alone paid for the first touch of every heap page (first iterations 2.5× slower).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
public class BundleWritePairedBenchmark {
  private BundleFixture fixture;

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    fixture = BundleFixture.create();
  }

  @TearDown(Level.Trial)
  public void cleanUp() throws IOException {
    fixture.close();
  }

  @Benchmark
  public long writePair(PairedTimes times) throws IOException {
    boolean zipFirst = times.rawFirst();
    long t0 = System.nanoTime();
    long size = zipFirst ? fixture.writePlainZip() : fixture.writeBundle();
    long t1 = System.nanoTime();
    size += zipFirst ? fixture.writeBundle() : fixture.writePlainZip();
    long t2 = System.nanoTime();
    times.add(zipFirst, t0, t1, t2);
    return size;
  }
}
