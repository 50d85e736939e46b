package dev.reprokit.benchmarks;

import dev.reprokit.Recorder;
import dev.reprokit.RecorderStats;
import dev.reprokit.http.HttpCaptureOptions;
import dev.reprokit.http.ReproHttp;
import io.opentelemetry.instrumentation.apachehttpclient.v5_2.ApacheHttpClientTelemetry;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * One way of building an HttpClient 5 client: raw, a peer's instrumentation or a ReproKit
 * variant. The names are the values of the benchmarks' {@code variant} parameter. Every
 * variant uses the same pooling connection manager settings, so connections are kept alive
 * and reused between calls exactly alike.
 *
 * <ul>
 *   <li>{@code reprokit}: {@code ReproHttp.capture(builder, Recorder.create())} with
 *       {@code HttpCaptureOptions.DEFAULT} — headers, both bodies up to the recorder's cap;
 *   <li>{@code reprokit-noop}: the same with {@code Recorder.noop()} (capture off);
 *   <li>{@code reprokit-no-response-body} (classic): {@code reprokit} with
 *       {@code captureResponseBody(false)}, to tell an exchange's own cost from its body's;
 *   <li>{@code opentelemetry}: {@code ApacheHttpClientTelemetry.create(sdk).newHttpClientBuilder()}.
 * </ul>
 */
final class HttpVariant implements AutoCloseable {
  static final String RAW = "raw";
  static final String OPENTELEMETRY = "opentelemetry";
  static final String REPROKIT = "reprokit";
  static final String REPROKIT_NOOP = "reprokit-noop";
  static final String REPROKIT_NO_RESPONSE_BODY = "reprokit-no-response-body";

  final String name;
  final CloseableHttpClient classic;
  final CloseableHttpAsyncClient async;
  /** The recorder of a recording ReproKit variant, else {@code null}. */
  final Recorder recorder;

  private HttpVariant(String name, CloseableHttpClient classic, CloseableHttpAsyncClient async,
      Recorder recorder) {
    this.name = name;
    this.classic = classic;
    this.async = async;
    this.recorder = recorder;
  }

  private static HttpClientBuilder pooled(HttpClientBuilder builder) {
    return builder.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnPerRoute(8)
        .setMaxConnTotal(8)
        .build());
  }

  private static HttpAsyncClientBuilder pooled(HttpAsyncClientBuilder builder) {
    return builder.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
        .setMaxConnPerRoute(8)
        .setMaxConnTotal(8)
        .build());
  }

  /** A classic client. */
  static HttpVariant classic(String name) {
    switch (name) {
      case RAW:
        return new HttpVariant(name, pooled(HttpClients.custom()).build(), null, null);
      case OPENTELEMETRY:
        return new HttpVariant(name, pooled(ApacheHttpClientTelemetry
            .create(Peers.openTelemetry()).newHttpClientBuilder()).build(), null, null);
      case REPROKIT: {
        Recorder recorder = Recorder.create();
        return new HttpVariant(name,
            ReproHttp.capture(pooled(HttpClients.custom()), recorder).build(), null, recorder);
      }
      case REPROKIT_NOOP:
        return new HttpVariant(name,
            ReproHttp.capture(pooled(HttpClients.custom()), Recorder.noop()).build(), null, null);
      case REPROKIT_NO_RESPONSE_BODY: {
        Recorder recorder = Recorder.create();
        return new HttpVariant(name, ReproHttp.capture(pooled(HttpClients.custom()), recorder,
            HttpCaptureOptions.DEFAULT.toBuilder().captureResponseBody(false).build()).build(),
            null, recorder);
      }
      default:
        throw new IllegalArgumentException("unknown classic HTTP variant: " + name);
    }
  }

  /** An async client, started. */
  static HttpVariant async(String name) {
    CloseableHttpAsyncClient client;
    Recorder recorder = null;
    switch (name) {
      case RAW:
        client = pooled(HttpAsyncClients.custom()).build();
        break;
      case REPROKIT:
        recorder = Recorder.create();
        client = ReproHttp.capture(pooled(HttpAsyncClients.custom()), recorder).build();
        break;
      case REPROKIT_NOOP:
        client = ReproHttp.capture(pooled(HttpAsyncClients.custom()), Recorder.noop()).build();
        break;
      default:
        throw new IllegalArgumentException("unknown async HTTP variant: " + name);
    }
    client.start();
    return new HttpVariant(name, null, client, recorder);
  }

  /**
   * Reads a classic response's body to its end with the caller's reused {@code buffer}, as an
   * application does; fails on an unexpected status so a broken variant shows.
   */
  static long readBody(ClassicHttpResponse response, byte[] buffer) throws IOException {
    if (response.getCode() >= 300) {
      throw new IOException("unexpected status " + response.getCode());
    }
    long n = 0;
    try (InputStream in = response.getEntity().getContent()) {
      for (int r; (r = in.read(buffer)) != -1; ) {
        n += r;
      }
    }
    return n;
  }

  /** Closes the client and the recorder; fails when capture faulted during the run. */
  @Override
  public void close() throws IOException {
    if (classic != null) {
      classic.close();
    }
    if (async != null) {
      async.close();
    }
    if (recorder != null) {
      RecorderStats stats = recorder.stats();
      recorder.close();
      if (stats.internalFailures() != 0) {
        throw new IllegalStateException("ReproKit capture failed during the run: " + stats);
      }
    }
  }
}
