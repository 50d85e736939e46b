package dev.reprokit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link BundleWriteBenchmark}'s two variants paired: every operation writes the plain zip and
 * the bundle once each, in alternating order, and adds each one's time to its own counter
 * ({@link PairedTimes}, "raw" being the plain zip). {@link Compare} prints the per-iteration
 * ratio, per fork; it judges the 1.5× target on {@link BundleWriteBenchmark}, unpaired.
 *
 * <p>A cross-check, not the judge: it takes out the drift between the unpaired variants' runs
 * (the plain zip moved by 5–20% between such runs on a shared two-core machine), but the
 * interleaving has an effect of its own. Half of the plain zip's writes follow a bundle and
 * inherit its 28 MB of garbage and evicted caches: in the sixth round the plain zip took 3–5%
 * longer here than alone, which flattered this ratio by about its own error.
 * {@code AlwaysPreTouch}: the bundle allocates far more than the plain zip, so in a fresh JVM
 * it alone paid for the first touch of each heap page (first iterations 2.5× slower).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
public class BundleWritePairedBenchmark {

  @Benchmark
  public long writePair(BundleFixture fixture, PairedTimes times) throws IOException {
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
