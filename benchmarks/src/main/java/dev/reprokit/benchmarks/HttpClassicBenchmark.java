package dev.reprokit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
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
 * HttpClient 5 classic against a JDK {@code HttpServer} on loopback: GET of a 1 KiB and of a
 * 64 KiB JSON body, and POST of a 4 KiB JSON body, through the raw client, ReproKit and
 * OpenTelemetry's library instrumentation, in one run. The application reads each response
 * body to its end with a reused buffer, so what a variant allocates shows up as its own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HttpClassicBenchmark {

  @Param({
    HttpVariant.RAW,
    HttpVariant.REPROKIT,
    HttpVariant.REPROKIT_NOOP,
    HttpVariant.OPENTELEMETRY
  })
  public String variant;

  private LoopbackHttpServer server;
  private HttpVariant http;
  private final byte[] buffer = new byte[8192];

  @Setup(Level.Trial)
  public void open() throws IOException {
    server = LoopbackHttpServer.start();
    http = HttpVariant.classic(variant);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    http.close();
    server.close();
  }

  @Benchmark
  public long get1k() throws IOException {
    return http.classic.execute(new HttpGet(server.get1k), this::readBody);
  }

  @Benchmark
  public long get64k() throws IOException {
    return http.classic.execute(new HttpGet(server.get64k), this::readBody);
  }

  @Benchmark
  public long post4k() throws IOException {
    HttpPost post = new HttpPost(server.post);
    post.setEntity(new ByteArrayEntity(LoopbackHttpServer.POST_4K, ContentType.APPLICATION_JSON));
    return http.classic.execute(post, this::readBody);
  }

  private long readBody(ClassicHttpResponse response) throws IOException {
    return HttpVariant.readBody(response, buffer);
  }
}
