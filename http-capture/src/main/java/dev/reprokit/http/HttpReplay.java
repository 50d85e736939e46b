package dev.reprokit.http;

import dev.reprokit.event.Event;
import dev.reprokit.http.internal.AsyncReplayExec;
import dev.reprokit.http.internal.ClassicReplayExec;
import dev.reprokit.http.internal.ReplayMatcher;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * In-process replay: HttpClient 5 clients answered entirely from recorded exchanges, with no
 * network. Give the application the stub instead of its real client and it sees the recorded
 * answers — including recorded I/O errors — so it fails the same way.
 *
 * <pre>{@code
 * List<Event> events = BundleReader.create().read(path).events();
 * try (CloseableHttpClient client = HttpReplay.stubClient(events, ReplayOptions.DEFAULT)) {
 *   app.run(client);   // an unexpected request throws UnmatchedRequestException
 * }
 * }</pre>
 *
 * <p>Requests match by method, path, canonicalised query (parameter order ignored) and body
 * (JSON-aware when either side is JSON; see {@link ReplayOptions}). Repeated identical requests
 * get the recorded responses in recorded order. Bodies are served decoded, as the application
 * saw them when they were recorded; a body truncated at capture is served truncated. The stub
 * is thread-safe.
 */
public final class HttpReplay {
  /** Name of the exec-chain handler that answers from the recording. */
  public static final String REPLAY_HANDLER = "reprokit-replay";

  private HttpReplay() {}

  /** A classic client answered from {@code events} with {@link ReplayOptions#DEFAULT}. */
  public static CloseableHttpClient stubClient(List<? extends Event> events) {
    return stubClient(events, ReplayOptions.DEFAULT);
  }

  /** A classic client answered from the HTTP exchanges among {@code events}. */
  public static CloseableHttpClient stubClient(List<? extends Event> events,
      ReplayOptions options) {
    return stubClientBuilder(events, options).build();
  }

  /**
   * A classic client builder with the stub installed, for an application that configures its
   * client further (its request configuration, interceptors). Redirects, retries and
   * decompression are off: the recording holds the final, decoded answers.
   */
  public static HttpClientBuilder stubClientBuilder(List<? extends Event> events,
      ReplayOptions options) {
    ReplayMatcher matcher = new ReplayMatcher(Objects.requireNonNull(events, "events"),
        Objects.requireNonNull(options, "options"));
    return HttpClients.custom()
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableContentCompression()
        .addExecInterceptorFirst(REPLAY_HANDLER, new ClassicReplayExec(matcher));
  }

  /** An async client answered from {@code events}; start it as usual. */
  public static CloseableHttpAsyncClient stubAsyncClient(List<? extends Event> events) {
    return stubAsyncClient(events, ReplayOptions.DEFAULT);
  }

  /** An async client answered from the HTTP exchanges among {@code events}; start it as usual. */
  public static CloseableHttpAsyncClient stubAsyncClient(List<? extends Event> events,
      ReplayOptions options) {
    ReplayMatcher matcher = new ReplayMatcher(Objects.requireNonNull(events, "events"),
        Objects.requireNonNull(options, "options"));
    HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .addExecInterceptorFirst(REPLAY_HANDLER, new AsyncReplayExec(matcher));
    return builder.build();
  }
}
