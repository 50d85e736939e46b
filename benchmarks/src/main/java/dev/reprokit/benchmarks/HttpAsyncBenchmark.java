package dev.reprokit.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
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
 * HttpClient 5 async against the same loopback server; the caller waits for each response.
 * Raw vs ReproKit.
 *
 * <ul>
 *   <li>{@code get1k}, {@code get64k}, {@code post4k}: {@code SimpleHttpRequest}, the body
 *       buffered by the client, as most applications call it.
 *   <li>{@code get1kStreamed}, {@code get64kStreamed}: the body streamed through a consumer
 *       that reads it into one reused buffer, as the classic benchmarks read theirs. The
 *       client's buffering consumer grows its buffers with the sizes in which the body happens
 *       to arrive, so raw's own allocation per 64 KiB GET moves by ±20 KB between iterations
 *       and forks, ten times the 2 KB that capture may add. Streamed, raw allocates about
 *       29.5 KB per GET within ±0.6 KB (most of it the loopback server's), and what capture
 *       adds can be judged ({@link Compare} judges the async GETs' allocation here).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HttpAsyncBenchmark {

  @Param({HttpVariant.RAW, HttpVariant.REPROKIT, HttpVariant.REPROKIT_NOOP})
  public String variant;

  private LoopbackHttpServer server;
  private HttpVariant http;
  /** What the streamed GETs read their bodies into, as an application reuses its buffer. */
  private final byte[] buffer = new byte[8192];

  @Setup(Level.Trial)
  public void open() throws IOException {
    server = LoopbackHttpServer.start();
    http = HttpVariant.async(variant);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    http.close();
    server.close();
  }

  @Benchmark
  public int get1k() throws Exception {
    return call(SimpleRequestBuilder.get(server.get1k).build());
  }

  @Benchmark
  public int get64k() throws Exception {
    return call(SimpleRequestBuilder.get(server.get64k).build());
  }

  @Benchmark
  public int post4k() throws Exception {
    return call(SimpleRequestBuilder.post(server.post)
        .setBody(LoopbackHttpServer.POST_4K, ContentType.APPLICATION_JSON)
        .build());
  }

  @Benchmark
  public long get1kStreamed() throws Exception {
    return stream(SimpleRequestBuilder.get(server.get1k).build(),
        LoopbackHttpServer.BODY_1K.length);
  }

  @Benchmark
  public long get64kStreamed() throws Exception {
    return stream(SimpleRequestBuilder.get(server.get64k).build(),
        LoopbackHttpServer.BODY_64K.length);
  }

  private long stream(SimpleHttpRequest request, int expectedLength)
      throws ExecutionException, InterruptedException, IOException {
    StreamedBody body = new StreamedBody(buffer);
    long n = http.async.execute(SimpleRequestProducer.create(request), body, null).get();
    if (body.status >= 300 || n != expectedLength) {
      throw new IOException("unexpected status " + body.status + " or length " + n);
    }
    return n;
  }

  /**
   * Reads the body into the caller's reused buffer and counts it, allocating nothing per
   * chunk. One response at a time: the caller waits for each, so the I/O thread alone
   * touches the buffer while it is in use.
   */
  private static final class StreamedBody extends AbstractBinResponseConsumer<Long> {
    private final byte[] buffer;
    private long length;
    private int status;

    StreamedBody(byte[] buffer) {
      this.buffer = buffer;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
      status = response.getCode();
    }

    @Override
    protected int capacityIncrement() {
      return Integer.MAX_VALUE;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) {
      while (src.hasRemaining()) {
        int n = Math.min(src.remaining(), buffer.length);
        src.get(buffer, 0, n);
        length += n;
      }
    }

    @Override
    protected Long buildResult() {
      return length;
    }

    @Override
    public void releaseResources() {}
  }

  private int call(SimpleHttpRequest request)
      throws ExecutionException, InterruptedException, IOException {
    SimpleHttpResponse response = http.async.execute(request, null).get();
    if (response.getCode() >= 300) {
      throw new IOException("unexpected status " + response.getCode());
    }
    return response.getBodyBytes().length;
  }
}
