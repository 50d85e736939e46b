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
  /**
   * The classic exchange whose chain is running on this thread. The classic chain runs its
   * handlers nested on the caller's thread, so the attempt handler finds its exchange here;
   * that spares each exchange the context's attribute map (a {@code HashMap}, about 160 B),
   * which the async client, whose attempts can run on other threads, still uses.
   */
  private static final ThreadLocal<ExchangeState> CLASSIC_EXCHANGE = new ThreadLocal<>();
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

  /**
   * Starts an async exchange and attaches it to the context, or returns {@code null} when
   * capture is off or failed.
   */
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

  /**
   * Starts a classic exchange, or returns {@code null} when capture is off or failed; the
   * caller makes it {@linkplain #enterClassic current} while its chain runs.
   */
  ExchangeState startClassic(HttpRequest request) {
    try {
      if (!recorder.isEnabled()) {
        return null;
      }
      return new ExchangeState(this, "classic", request);
    } catch (Throwable t) {
      fault("http.exchange", t);
      return null;
    }
  }

  /** Makes {@code state} this thread's classic exchange; returns the one to restore. */
  ExchangeState enterClassic(ExchangeState state) {
    try {
      ExchangeState outer = CLASSIC_EXCHANGE.get();
      CLASSIC_EXCHANGE.set(state);
      return outer;
    } catch (Throwable t) {
      fault("http.exchange", t);
      return null;
    }
  }

  /** Restores the exchange that was current before (an outer client's, usually none). */
  void exitClassic(ExchangeState outer) {
    try {
      CLASSIC_EXCHANGE.set(outer);
    } catch (Throwable t) {
      fault("http.exchange", t);
    }
  }

  /** The classic exchange whose chain runs on this thread, or {@code null}. */
  static ExchangeState currentClassic() {
    return CLASSIC_EXCHANGE.get();
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
