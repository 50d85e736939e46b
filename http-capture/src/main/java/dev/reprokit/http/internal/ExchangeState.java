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
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.ProtocolVersion;

/**
 * The state of one logical exchange between the application's {@code execute} and the end of
 * its response body. Lives in the exchange's {@code HttpContext}; its methods are called by the
 * application thread and, for the async client, by I/O reactor threads, so they synchronize on
 * the instance (uncontended in practice). Recorded exactly once.
 */
final class ExchangeState {
  final CaptureSupport support;
  private final String client;
  private final long seq;
  private final long wallTimeMillis;
  private final long startNanos;
  private final String thread;
  private final String scopeId;
  private final String method;
  private final String uri;
  private final org.apache.hc.core5.http.Header[] appHeaders;

  private final List<Attempt> attempts = new ArrayList<>(2);
  private int finalStatus = -1;
  private String finalReason;
  private ProtocolVersion finalVersion;
  private org.apache.hc.core5.http.Header[] finalHeaders;
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
    this.uri = uriOf(request);
    this.appHeaders = request.getHeaders();
  }

  static String uriOf(HttpRequest request) {
    try {
      return request.getUri().toString();
    } catch (Exception e) {
      return request.getRequestUri();
    }
  }

  org.apache.hc.core5.http.protocol.HttpContext contextHolder() {
    return context;
  }

  int cap() {
    return support.cap;
  }

  /** A physical attempt starts; the request headers are as they go on the wire. */
  synchronized Attempt beginAttempt(HttpRequest request) {
    Attempt a = new Attempt(attempts.size() + 1, request, uriOf(request), System.nanoTime());
    attempts.add(a);
    return a;
  }

  synchronized void attemptHead(Attempt a, HttpResponse response) {
    a.headNanos = System.nanoTime();
    a.requestHeaders = a.request.getHeaders(); // the transport adds Host, User-Agent, ... in place
    a.status = response.getCode();
    a.reason = response.getReasonPhrase();
    a.version = response.getVersion();
    a.headers = response.getHeaders();
  }

  synchronized void attemptFailed(Attempt a, Throwable error) {
    if (a.headNanos < 0) {
      a.headNanos = System.nanoTime();
      a.requestHeaders = a.request.getHeaders();
    }
    a.error = error;
  }

  synchronized void attemptRequestBody(Attempt a, Payload body) {
    a.requestBody = body;
  }

  /** The response as the application gets it (after redirects, retries, decompression). */
  synchronized void finalHead(HttpResponse response) {
    this.finalStatus = response.getCode();
    this.finalReason = response.getReasonPhrase();
    this.finalVersion = response.getVersion();
    this.finalHeaders = response.getHeaders();
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
    List<HttpAttempt> list = new ArrayList<>(attempts.size());
    Attempt previous = null;
    Payload requestBody = null;
    for (Attempt a : attempts) {
      String kind = previous == null ? "initial"
          : previous.status() >= 300 && previous.status() < 400 ? "redirect" : "retry";
      long end = a.headNanos >= 0 ? a.headNanos : endNanos;
      list.add(new HttpAttempt(a.number, kind, a.method, a.uri, a.startNanos,
          end - a.startNanos, a.status(), ErrorInfo.of(a.error)));
      if (requestBody == null) {
        requestBody = a.requestBody;
      }
      previous = a;
    }
    Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    List<Header> requestHeaders = headers(attempts.isEmpty() ? appHeaders : attempts.get(0).requestHeaders);
    org.apache.hc.core5.http.Header[] wireHeaders = finalHeaders;
    int status = Math.max(finalStatus, 0);
    String reason = finalReason;
    ProtocolVersion version = finalVersion;
    long ttfb = -1;
    if (last != null && last.status > 0 && (finalStatus < 0 || finalStatus == last.status)) {
      wireHeaders = last.headers;
      ttfb = last.headNanos - startNanos;
      status = last.status;
      reason = last.reason;
      version = version == null ? last.version : version;
    }
    reason = emptyToNull(reason);
    String contentEncoding = null;
    if (wireHeaders != null) {
      for (org.apache.hc.core5.http.Header h : wireHeaders) {
        if ("Content-Encoding".equalsIgnoreCase(h.getName())) {
          contentEncoding = h.getValue();
        }
      }
    }
    if (contentEncoding != null && (contentEncoding.isBlank()
        || "identity".equalsIgnoreCase(contentEncoding.trim()))) {
      contentEncoding = null;
    }
    return new HttpExchangeEvent(seq, wallTimeMillis, startNanos, endNanos - startNanos, thread,
        scopeId, client, method, uri, version == null ? null : version.toString(),
        requestHeaders, requestBody, status, reason, headers(wireHeaders), responseBody,
        contentEncoding, ttfb, list, ErrorInfo.of(error));
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static List<Header> headers(org.apache.hc.core5.http.Header[] headers) {
    if (headers == null || headers.length == 0) {
      return List.of();
    }
    List<Header> list = new ArrayList<>(headers.length);
    for (org.apache.hc.core5.http.Header h : headers) {
      list.add(new Header(h.getName(), h.getValue()));
    }
    return list;
  }

  /** One physical attempt; fields guarded by the exchange's lock. */
  static final class Attempt {
    final int number;
    final HttpRequest request;
    final String method;
    final String uri;
    org.apache.hc.core5.http.Header[] requestHeaders;
    final long startNanos;
    long headNanos = -1;
    int status;
    String reason;
    ProtocolVersion version;
    org.apache.hc.core5.http.Header[] headers;
    Throwable error;
    Payload requestBody;

    Attempt(int number, HttpRequest request, String uri, long startNanos) {
      this.number = number;
      this.request = request;
      this.method = request.getMethod();
      this.uri = uri;
      this.requestHeaders = request.getHeaders();
      this.startNanos = startNanos;
    }

    int status() {
      return status;
    }
  }
}
