package dev.reprokit.benchmarks;

import io.opentelemetry.instrumentation.apachehttpclient.v5_2.ApacheHttpClientTelemetry;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;

/**
 * One way of building an HttpClient 5 client: raw, a peer's instrumentation or a ReproKit
 * variant. The names are the values of the benchmarks' {@code variant} parameter. Every
 * variant uses the same pooling connection manager settings, so connections are kept alive
 * and reused between calls exactly alike.
 */
final class HttpVariant implements AutoCloseable {
  static final String RAW = "raw";
  static final String OPENTELEMETRY = "opentelemetry";

  final String name;
  final CloseableHttpClient classic;
  private final AutoCloseable resources;

  private HttpVariant(String name, CloseableHttpClient classic, AutoCloseable resources) {
    this.name = name;
    this.classic = classic;
    this.resources = resources;
  }

  private static HttpClientBuilder configure(HttpClientBuilder builder) {
    return builder.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnPerRoute(8)
        .setMaxConnTotal(8)
        .build());
  }

  static HttpVariant classic(String name) {
    switch (name) {
      case RAW:
        return new HttpVariant(name, configure(HttpClients.custom()).build(), () -> {});
      case OPENTELEMETRY:
        return new HttpVariant(name,
            configure(ApacheHttpClientTelemetry.create(Peers.openTelemetry())
                .newHttpClientBuilder()).build(),
            () -> {});
      default:
        throw new IllegalArgumentException("unknown classic HTTP variant: " + name);
    }
  }

  /** An async client, started. */
  static Async async(String name) {
    HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnPerRoute(8)
            .setMaxConnTotal(8)
            .build());
    switch (name) {
      case RAW: {
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return new Async(name, client, () -> {});
      }
      default:
        throw new IllegalArgumentException("unknown async HTTP variant: " + name);
    }
  }

  @Override
  public void close() throws Exception {
    classic.close();
    resources.close();
  }

  /** An async client and what to release with it. */
  static final class Async implements AutoCloseable {
    final String name;
    final CloseableHttpAsyncClient client;
    private final AutoCloseable resources;

    Async(String name, CloseableHttpAsyncClient client, AutoCloseable resources) {
      this.name = name;
      this.client = client;
      this.resources = resources;
    }

    @Override
    public void close() throws Exception {
      client.close();
      resources.close();
    }
  }
}
