package dev.reprokit.http;

import dev.reprokit.Recorder;
import dev.reprokit.http.internal.CaptureSupport;
import java.util.Objects;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The entry point of HTTP capture: one line on the application's client builder and every
 * exchange lands in the {@link Recorder}.
 *
 * <pre>{@code
 * CloseableHttpClient client = ReproHttp.capture(HttpClients.custom(), recorder).build();
 * CloseableHttpAsyncClient async = ReproHttp.capture(HttpAsyncClients.custom(), recorder).build();
 * }</pre>
 *
 * <p>Two exec-chain handlers are registered under stable names: {@value #EXCHANGE_HANDLER}
 * first in the chain (one logical exchange per {@code execute}, before redirects, retries and
 * decompression: the body as the application sees it) and {@value #ATTEMPT_HANDLER} right
 * after the {@code PROTOCOL} element (each physical attempt: redirect hops, retries, the
 * request headers and the response head as on the wire, the wire {@code Content-Encoding}).
 *
 * <p>Capture never changes what the application sees and never throws into it: every
 * capture step is guarded, faults are reported to {@link Recorder#internalFailure} (or, if
 * the recorder itself fails, logged at most once a minute). Thread-safe: a captured client
 * may be used from many threads, as the client itself allows.
 */
public final class ReproHttp {

  /** Name of the exec-chain handler that records the logical exchange. */
  public static final String EXCHANGE_HANDLER = "reprokit-exchange";

  /** Name of the exec-chain handler that records each physical attempt. */
  public static final String ATTEMPT_HANDLER = "reprokit-attempt";

  private ReproHttp() {}

  /** Registers capture on a classic client builder with {@link HttpCaptureOptions#DEFAULT}. */
  public static HttpClientBuilder capture(HttpClientBuilder builder, Recorder recorder) {
    return capture(builder, recorder, HttpCaptureOptions.DEFAULT);
  }

  /**
   * Registers capture on a classic client builder; returns the same builder. With
   * {@link Recorder#noop()} nothing is registered.
   */
  public static HttpClientBuilder capture(HttpClientBuilder builder, Recorder recorder,
      HttpCaptureOptions options) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(recorder, "recorder");
    Objects.requireNonNull(options, "options");
    if (recorder != Recorder.noop()) { // capture off: leave the client exactly as it was
      CaptureSupport.install(builder, recorder, options);
    }
    return builder;
  }

  /** Registers capture on an async client builder with {@link HttpCaptureOptions#DEFAULT}. */
  public static HttpAsyncClientBuilder capture(HttpAsyncClientBuilder builder, Recorder recorder) {
    return capture(builder, recorder, HttpCaptureOptions.DEFAULT);
  }

  /**
   * Registers capture on an async client builder; returns the same builder. With
   * {@link Recorder#noop()} nothing is registered.
   */
  public static HttpAsyncClientBuilder capture(HttpAsyncClientBuilder builder, Recorder recorder,
      HttpCaptureOptions options) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(recorder, "recorder");
    Objects.requireNonNull(options, "options");
    if (recorder != Recorder.noop()) { // capture off: leave the client exactly as it was
      CaptureSupport.install(builder, recorder, options);
    }
    return builder;
  }
}
