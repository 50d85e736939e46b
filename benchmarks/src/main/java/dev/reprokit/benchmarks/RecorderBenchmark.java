package dev.reprokit.benchmarks;

import dev.reprokit.Recorder;
import dev.reprokit.RecorderStats;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.JdbcStatementEvent;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second into the recorder's ring, from one and from two threads, under the
 * default caps. One operation is what a capture module does per call once it has its data:
 * take a sequence number and the scope id, build the event record and publish it. The ring
 * is full after the first 10,000 events, so the measurement includes overwriting (evicting)
 * the oldest event every time — the steady state of an always-on recorder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecorderBenchmark {
  static final String SQL = "SELECT id, name, qty FROM reprokit_bench_item WHERE id = ?";
  static final List<BindValue> BINDS = List.of(new BindValue(1, null, "setInt", null, 42));

  private Recorder recorder;

  @Setup(Level.Trial)
  public void open() {
    recorder = Recorder.create();
  }

  @TearDown(Level.Trial)
  public void close() {
    RecorderStats stats = recorder.stats();
    recorder.close();
    // Dropped events are expected with two threads: an event whose slot a thread more than
    // maxEvents sequence numbers ahead already took is older than everything retained.
    if (stats.internalFailures() != 0) {
      throw new IllegalStateException("the recorder failed during the run: " + stats);
    }
  }

  @Benchmark
  @Threads(1)
  public void record1Thread() {
    record(recorder);
  }

  @Benchmark
  @Threads(2)
  public void record2Threads() {
    record(recorder);
  }

  static void record(Recorder recorder) {
    recorder.record(new JdbcStatementEvent(recorder.nextSequence(), System.currentTimeMillis(),
        System.nanoTime(), 1_000, Thread.currentThread().getName(), recorder.currentScopeId(),
        "c1", "s1", "prepared", "executeQuery", SQL, BINDS, null, -1, null, null, null, null,
        null));
  }
}
