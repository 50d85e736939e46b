package dev.reprokit.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HttpClient 5 classic GETs of 1 KiB and 64 KiB against the loopback server, raw and with
 * ReproKit, paired: every operation makes the same GET once through the raw client and once
 * through ReproKit's, in alternating order, and adds each one's time to its own counter
 * ({@link PairedTimes}).
 *
 * <p>Why paired: a loopback call on two cores takes 70–100 µs, and that time moves by ±20%
 * between runs with where the scheduler puts the server's dispatcher thread relative to the
 * client. {@link HttpClassicBenchmark} runs the variants one after the other, so that drift
 * lands on one of them; its ratios spread 0.94–1.20 over eight rounds, too wide to judge 3%
 * and 5% targets. Here both clients (each with its own kept-alive connection) talk to the
 * same server in the same moments, so the drift cancels out of each iteration's ratio, which
 * {@link Compare} judges. Allocation is judged on {@link HttpClassicBenchmark}.
 *
 * <p>{@code variant} is {@code reprokit}, which {@link Compare} judges. To take the cost
 * apart, {@code -p variant=reprokit,reprokit-no-response-body} also runs capture without the
 * response body (see {@link HttpVariant}): what an exchange costs besides copying its body.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 8, time = 1)
public class HttpClassicPairedBenchmark {
  @Param({HttpVariant.REPROKIT})
  public String variant;

  private LoopbackHttpServer server;
  private HttpVariant raw;
  /** The capturing client: the {@code variant}. */
  private HttpVariant capturing;
  private final byte[] buffer = new byte[8192];

  @Setup(Level.Trial)
  public void open() throws IOException {
    if (!variant.equals(HttpVariant.REPROKIT)
        && !variant.equals(HttpVariant.REPROKIT_NO_RESPONSE_BODY)) {
      throw new IllegalArgumentException("HttpClassicPairedBenchmark pairs raw with a capturing"
          + " variant (" + HttpVariant.REPROKIT + " or " + HttpVariant.REPROKIT_NO_RESPONSE_BODY
          + "), not with " + variant);
    }
    server = LoopbackHttpServer.start();
    raw = HttpVariant.classic(HttpVariant.RAW);
    capturing = HttpVariant.classic(variant);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    raw.close();
    capturing.close(); // fails the run when capture faulted
    server.close();
  }

  @Benchmark
  public long get1kPair(PairedTimes times) throws IOException {
    return pair(times, server.get1k);
  }

  @Benchmark
  public long get64kPair(PairedTimes times) throws IOException {
    return pair(times, server.get64k);
  }

  private long pair(PairedTimes times, URI uri) throws IOException {
    boolean rawFirst = times.rawFirst();
    CloseableHttpClient first = rawFirst ? raw.classic : capturing.classic;
    CloseableHttpClient second = rawFirst ? capturing.classic : raw.classic;
    long t0 = System.nanoTime();
    long n = first.execute(new HttpGet(uri), this::readBody);
    long t1 = System.nanoTime();
    n += second.execute(new HttpGet(uri), this::readBody);
    long t2 = System.nanoTime();
    times.add(rawFirst, t0, t1, t2);
    return n;
  }

  private long readBody(ClassicHttpResponse response) throws IOException {
    return HttpVariant.readBody(response, buffer);
  }
}
