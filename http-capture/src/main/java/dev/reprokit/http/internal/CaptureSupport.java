package dev.reprokit.http.internal;

import dev.reprokit.Recorder;
import dev.reprokit.http.HttpCaptureOptions;
import dev.reprokit.http.ReproHttp;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@code ReproHttp.capture(...)} installed: the recorder, the options and the guard
 * that reports faults. Shared by the handlers of one client; thread-safe.
 */
public final class CaptureSupport {
  static final String CONTEXT_ATTRIBUTE = "dev.reprokit.http.exchange";
  private static final Logger LOG = LoggerFactory.getLogger("dev.reprokit.http");
  private static final long LOG_INTERVAL_MILLIS = 60_000;
  private static final int FALLBACK_CAP = 256 * 1024;

  final Recorder recorder;
  final HttpCaptureOptions options;
  final int cap;
  private final AtomicLong lastFallbackLog = new AtomicLong(Long.MIN_VALUE);

  CaptureSupport(Recorder recorder, HttpCaptureOptions options) {
    this.recorder = recorder;
    this.options = options;
    this.cap = options.maxBodyBytes() >= 0 ? options.maxBodyBytes() : recorderCap();
  }

  /** Adds the classic handlers to the builder. */
  public static void install(HttpClientBuilder builder, Recorder recorder,
      HttpCaptureOptions options) {
    CaptureSupport support = new CaptureSupport(recorder, options);
    builder.addExecInterceptorFirst(ReproHttp.EXCHANGE_HANDLER, new ClassicExchangeExec(support));
    builder.addExecInterceptorAfter(ChainElement.PROTOCOL.name(), ReproHttp.ATTEMPT_HANDLER,
        new ClassicAttemptExec(support));
  }

  /** Adds the async handlers to the builder. */
  public static void install(HttpAsyncClientBuilder builder, Recorder recorder,
      HttpCaptureOptions options) {
    CaptureSupport support = new CaptureSupport(recorder, options);
    builder.addExecInterceptorFirst(ReproHttp.EXCHANGE_HANDLER, new AsyncExchangeExec(support));
    builder.addExecInterceptorAfter(ChainElement.PROTOCOL.name(), ReproHttp.ATTEMPT_HANDLER,
        new AsyncAttemptExec(support));
  }

  private int recorderCap() {
    try {
      return recorder.config().maxPayloadBytes();
    } catch (Throwable t) {
      fault("http.config", t);
      return FALLBACK_CAP;
    }
  }

  /** Starts an exchange, or returns {@code null} when capture is off or failed. */
  ExchangeState start(String client, HttpRequest request, HttpContext context) {
    try {
      if (!recorder.isEnabled()) {
        return null;
      }
      ExchangeState state = new ExchangeState(this, client, request);
      state.context = context;
      if (context != null) {
        context.setAttribute(CONTEXT_ATTRIBUTE, state);
      }
      return state;
    } catch (Throwable t) {
      fault("http.exchange", t);
      return null;
    }
  }

  /** The exchange the outer handler started for this context, or {@code null}. */
  static ExchangeState current(HttpContext context) {
    Object state = context == null ? null : context.getAttribute(CONTEXT_ATTRIBUTE);
    return state instanceof ExchangeState s ? s : null;
  }

  static void detach(HttpContext context, ExchangeState state) {
    if (context != null && context.getAttribute(CONTEXT_ATTRIBUTE) == state) {
      context.removeAttribute(CONTEXT_ATTRIBUTE);
    }
  }

  /**
   * Reports a fault to the recorder; if the recorder itself fails, logs at most once a
   * minute per installation. Never throws except {@link OutOfMemoryError}.
   */
  void fault(String kind, Throwable fault) {
    if (fault instanceof OutOfMemoryError oom) {
      throw oom;
    }
    try {
      recorder.internalFailure(kind, fault);
    } catch (Throwable broken) {
      if (broken instanceof OutOfMemoryError oom) {
        throw oom;
      }
      try {
        long now = System.currentTimeMillis();
        long previous = lastFallbackLog.get();
        if ((previous == Long.MIN_VALUE || now - previous >= LOG_INTERVAL_MILLIS)
            && lastFallbackLog.compareAndSet(previous, now)) {
          LOG.warn("ReproKit HTTP capture fault '{}' was swallowed and the recorder could not"
              + " report it ({}); the application is not affected. Further faults are logged"
              + " at most once a minute.", kind, broken.toString(), fault);
        }
      } catch (Throwable ignored) {
        if (ignored instanceof OutOfMemoryError oom) {
          throw oom;
        }
      }
    }
  }
}
