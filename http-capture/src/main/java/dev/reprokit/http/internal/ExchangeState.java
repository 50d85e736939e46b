package dev.reprokit.http.internal;

import dev.reprokit.Recorder;
import dev.reprokit.TriggerKind;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpAttempt;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.Payload;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.MessageHeaders;
import org.apache.hc.core5.http.ProtocolVersion;

/**
 * The state of one logical exchange between the application's {@code execute} and the end of
 * its response body. The attempt handler finds it in a thread-local (classic: the chain runs
 * nested on the caller's thread) or in the exchange's {@code HttpContext} (async); its methods
 * are called by the application thread and, for the async client, by I/O reactor threads, so
 * they synchronize on the instance (uncontended in practice). Recorded exactly once.
 *
 * <p>This runs on the application's request path, so it keeps references and primitives and
 * copies only what the client would otherwise change: each header list is snapshotted once, as
 * the names and values that go into the event ({@link Header#listOwning}), and only the lists
 * the event records (the first attempt's request headers, the response headers of each
 * attempt, as one of them becomes the event's wire headers).
 */
final class ExchangeState {
  private static final String HTTP_1_1 = HttpVersion.HTTP_1_1.toString();
  private static final String HTTP_1_0 = HttpVersion.HTTP_1_0.toString();
  private static final String HTTP_2 = HttpVersion.HTTP_2.toString();

  final CaptureSupport support;
  private final String client;
  private final long seq;
  private final long wallTimeMillis;
  private final long startNanos;
  private final String thread;
  private final String scopeId;
  private final String method;
  private final String uri;
  /** {@code uri} is what {@link RequestUris#uriOf} gave (not the relative request URI). */
  private final boolean uriFromGetUri;
  private final org.apache.hc.core5.http.Header[] appHeaders;

  private Attempt firstAttempt;
  private Attempt lastAttempt;
  private int attemptCount;
  private int finalStatus = -1;
  private String finalReason;
  private ProtocolVersion finalVersion;
  /** The final response's headers; {@code null} when they are {@code finalHeadAttempt}'s. */
  private List<Header> finalHeaders;
  private String finalContentEncoding;
  /** The attempt that produced the final response, when its headers stand for the final's. */
  private Attempt finalHeadAttempt;
  private boolean done;
  volatile org.apache.hc.core5.http.protocol.HttpContext context;

  ExchangeState(CaptureSupport support, String client, HttpRequest request) throws Exception {
    Recorder recorder = support.recorder;
    this.support = support;
    this.client = client;
    this.startNanos = System.nanoTime();
    this.wallTimeMillis = System.currentTimeMillis();
    this.seq = recorder.nextSequence();
    this.scopeId = recorder.currentScopeId();
    this.thread = Thread.currentThread().getName();
    this.method = request.getMethod();
    String fromGetUri = RequestUris.uriOf(request);
    this.uriFromGetUri = fromGetUri != null;
    this.uri = fromGetUri != null ? fromGetUri : request.getRequestUri();
    this.appHeaders = request.getHeaders();
  }

  org.apache.hc.core5.http.protocol.HttpContext contextHolder() {
    return context;
  }

  int cap() {
    return support.cap;
  }

  /** A physical attempt starts; the request headers are taken when it ends (as on the wire). */
  synchronized Attempt beginAttempt(HttpRequest request) {
    String attemptUri = RequestUris.attemptUri(request, uriFromGetUri ? uri : null);
    if (attemptUri == null) {
      attemptUri = request.getRequestUri();
    }
    Attempt a = new Attempt(attemptCount + 1, request, attemptUri, System.nanoTime());
    if (lastAttempt == null) {
      firstAttempt = a;
    } else {
      lastAttempt.next = a;
    }
    lastAttempt = a;
    attemptCount++;
    return a;
  }

  synchronized void attemptHead(Attempt a, HttpResponse response) {
    a.headNanos = System.nanoTime();
    snapshotRequestHeaders(a); // the transport adds Host, User-Agent, ... in place
    a.status = response.getCode();
    a.reason = response.getReasonPhrase();
    a.version = response.getVersion();
    org.apache.hc.core5.http.Header[] headers = response.getHeaders();
    a.headers = headerList(headers);
    a.contentEncoding = contentEncoding(headers);
  }

  synchronized void attemptFailed(Attempt a, Throwable error) {
    if (a.headNanos < 0) {
      a.headNanos = System.nanoTime();
      snapshotRequestHeaders(a);
    }
    a.error = error;
  }

  /** Only the first attempt's request headers are recorded (as the event's request headers). */
  private static void snapshotRequestHeaders(Attempt a) {
    if (a.number == 1) {
      a.requestHeaders = headerList(a.request);
    }
  }

  synchronized void attemptRequestBody(Attempt a, Payload body) {
    a.requestBody = body;
  }

  /** The response as the application gets it (after redirects, retries, decompression). */
  synchronized void finalHead(HttpResponse response) {
    this.finalStatus = response.getCode();
    this.finalReason = response.getReasonPhrase();
    this.finalVersion = response.getVersion();
    // The event records the last attempt's (wire) headers when that attempt produced this
    // response, which is the rule in toEvent; only otherwise are these headers needed.
    Attempt last = lastAttempt;
    if (last == null || last.status <= 0 || last.status != finalStatus) {
      org.apache.hc.core5.http.Header[] headers = response.getHeaders();
      this.finalHeaders = headerList(headers);
      this.finalContentEncoding = contentEncoding(headers);
    } else {
      this.finalHeadAttempt = last;
    }
  }

  /** Records the exchange once; later calls do nothing. Guarded: never throws. */
  void finish(Payload responseBody, Throwable error) {
    try {
      HttpExchangeEvent event;
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
        event = toEvent(responseBody, error, System.nanoTime());
      }
      support.recorder.record(event);
      trigger(event, error);
    } catch (Throwable t) {
      support.fault("http.record", t);
    }
  }

  synchronized boolean done() {
    return done;
  }

  private void trigger(HttpExchangeEvent event, Throwable error) {
    if (error != null) {
      if (error instanceof IOException && support.options.triggerOnIoError()) {
        support.recorder.trigger(TriggerKind.HTTP_IO_ERROR,
            "HTTP I/O error: " + method + " " + withoutQuery(uri), error);
      }
    } else if (event.status() >= 500 && support.options.triggerOnServerError()) {
      support.recorder.trigger(TriggerKind.HTTP_SERVER_ERROR,
          "HTTP " + event.status() + ": " + method + " " + withoutQuery(uri), null);
    }
  }

  static String withoutQuery(String uri) {
    try {
      URI u = URI.create(uri);
      return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null)
          .toString();
    } catch (Exception e) {
      int q = uri.indexOf('?');
      return q < 0 ? uri : uri.substring(0, q);
    }
  }

  private HttpExchangeEvent toEvent(Payload responseBody, Throwable error, long endNanos) {
    Payload requestBody = null;
    List<HttpAttempt> attempts;
    if (attemptCount == 1) { // the common case, without an array to collect them
      attempts = List.of(recorded(firstAttempt, null, endNanos));
      requestBody = firstAttempt.requestBody;
    } else {
      HttpAttempt[] recorded = new HttpAttempt[attemptCount];
      int i = 0;
      Attempt previous = null;
      for (Attempt a = firstAttempt; a != null; a = a.next) {
        recorded[i++] = recorded(a, previous, endNanos);
        if (requestBody == null) {
          requestBody = a.requestBody;
        }
        previous = a;
      }
      attempts = List.of(recorded); // immutable: the event's constructor keeps it as it is
    }
    Attempt last = lastAttempt;
    List<Header> requestHeaders;
    if (firstAttempt == null) {
      requestHeaders = headerList(appHeaders);
    } else if (firstAttempt.requestHeaders != null) {
      requestHeaders = firstAttempt.requestHeaders;
    } else { // the attempt neither got a head nor failed (not seen with HttpClient 5)
      requestHeaders = headerList(firstAttempt.request);
    }
    List<Header> wireHeaders = finalHeaders;
    String contentEncoding = finalContentEncoding;
    if (finalHeadAttempt != null) {
      wireHeaders = finalHeadAttempt.headers;
      contentEncoding = finalHeadAttempt.contentEncoding;
    }
    int status = Math.max(finalStatus, 0);
    String reason = finalReason;
    ProtocolVersion version = finalVersion;
    long ttfb = -1;
    if (last != null && last.status > 0 && (finalStatus < 0 || finalStatus == last.status)) {
      wireHeaders = last.headers;
      contentEncoding = last.contentEncoding;
      ttfb = last.headNanos - startNanos;
      status = last.status;
      reason = last.reason;
      version = version == null ? last.version : version;
    }
    reason = emptyToNull(reason);
    return new HttpExchangeEvent(seq, wallTimeMillis, startNanos, endNanos - startNanos, thread,
        scopeId, client, method, uri, protocolText(version), requestHeaders, requestBody, status,
        reason, wireHeaders, responseBody, contentEncoding, ttfb, attempts, ErrorInfo.of(error));
  }

  private static HttpAttempt recorded(Attempt a, Attempt previous, long endNanos) {
    String kind = previous == null ? "initial"
        : previous.status >= 300 && previous.status < 400 ? "redirect" : "retry";
    long end = a.headNanos >= 0 ? a.headNanos : endNanos;
    return new HttpAttempt(a.number, kind, a.method, a.uri, a.startNanos, end - a.startNanos,
        a.status, ErrorInfo.of(a.error));
  }

  /** {@code ProtocolVersion.toString()} builds a new string each time; these are constants. */
  static String protocolText(ProtocolVersion version) {
    if (version == null) {
      return null;
    }
    if (version.getClass() == HttpVersion.class || version.getClass() == ProtocolVersion.class) {
      if (version.equals(HttpVersion.HTTP_1_1)) {
        return HTTP_1_1;
      }
      if (version.equals(HttpVersion.HTTP_1_0)) {
        return HTTP_1_0;
      }
      if (version.equals(HttpVersion.HTTP_2)) {
        return HTTP_2;
      }
    }
    return version.toString();
  }

  /**
   * The last {@code Content-Encoding} of the headers, or {@code null} when there is none or it
   * says the body is not encoded.
   */
  private static String contentEncoding(org.apache.hc.core5.http.Header[] headers) {
    String contentEncoding = null;
    for (org.apache.hc.core5.http.Header h : headers) {
      if ("Content-Encoding".equalsIgnoreCase(h.getName())) {
        contentEncoding = h.getValue();
      }
    }
    if (contentEncoding != null && (contentEncoding.isBlank()
        || "identity".equalsIgnoreCase(contentEncoding.trim()))) {
      return null;
    }
    return contentEncoding;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static List<Header> headerList(MessageHeaders message) {
    return headerList(message.getHeaders());
  }

  /** One snapshot of the names and values, which the event's list then owns. */
  private static List<Header> headerList(org.apache.hc.core5.http.Header[] headers) {
    if (headers == null || headers.length == 0) {
      return List.of();
    }
    String[] namesAndValues = new String[2 * headers.length];
    for (int i = 0; i < headers.length; i++) {
      org.apache.hc.core5.http.Header h = headers[i];
      namesAndValues[2 * i] = h.getName();
      namesAndValues[2 * i + 1] = h.getValue();
    }
    return Header.listOwning(namesAndValues);
  }

  /** One physical attempt; fields guarded by the exchange's lock. */
  static final class Attempt {
    final int number;
    final HttpRequest request;
    final String method;
    final String uri;
    final long startNanos;
    Attempt next;
    List<Header> requestHeaders;
    long headNanos = -1;
    int status;
    String reason;
    ProtocolVersion version;
    List<Header> headers;
    String contentEncoding;
    Throwable error;
    Payload requestBody;

    Attempt(int number, HttpRequest request, String uri, long startNanos) {
      this.number = number;
      this.request = request;
      this.method = request.getMethod();
      this.uri = uri;
      this.startNanos = startNanos;
    }
  }
}
