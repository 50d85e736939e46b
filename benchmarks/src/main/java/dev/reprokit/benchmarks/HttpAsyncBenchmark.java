package dev.reprokit.benchmarks;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;
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
 * HttpClient 5 async ({@code SimpleHttpRequest}, body buffered by the client) against the
 * same loopback server: GET 1 KiB, GET 64 KiB, POST 4 KiB JSON; the caller waits for each
 * response. Raw vs ReproKit.
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

  private int call(SimpleHttpRequest request)
      throws ExecutionException, InterruptedException, IOException {
    SimpleHttpResponse response = http.async.execute(request, null).get();
    if (response.getCode() >= 300) {
      throw new IOException("unexpected status " + response.getCode());
    }
    return response.getBodyBytes().length;
  }
}
