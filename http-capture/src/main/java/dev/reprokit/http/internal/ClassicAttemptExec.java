package dev.reprokit.http.internal;

import java.io.IOException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;

/**
 * Right after {@code PROTOCOL} in the classic chain: one physical attempt (the first request,
 * a redirect hop, a retry). Sees the request headers and the response head as on the wire.
 * The request entity is swapped for a teeing wrapper for the duration of the attempt only (the
 * classic transport writes it before the response head returns) and restored afterwards, so
 * the application's request object is left as it was.
 */
final class ClassicAttemptExec implements ExecChainHandler {
  private final CaptureSupport support;

  ClassicAttemptExec(CaptureSupport support) {
    this.support = support;
  }

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope,
      ExecChain chain) throws IOException, HttpException {
    ExchangeState state = null;
    ExchangeState.Attempt attempt = null;
    HttpEntity original = null;
    TeeRequestEntity tee = null;
    try {
      state = CaptureSupport.currentClassic();
      if (state != null && state.support != support) {
        state = null; // another installation's exchange: this client's own did not start
      }
      if (state != null) {
        attempt = state.beginAttempt(request);
        original = request.getEntity();
        if (original != null && support.options.captureRequestBody()) {
          tee = new TeeRequestEntity(original, state.cap());
          request.setEntity(tee);
        }
      }
    } catch (Throwable t) {
      support.fault("http.attempt", t);
      state = null;
    }
    if (state == null) {
      return chain.proceed(request, scope);
    }
    ClassicHttpResponse response;
    try {
      response = chain.proceed(request, scope);
    } catch (Throwable t) {
      after(state, attempt, request, original, tee, null, t);
      throw t;
    }
    after(state, attempt, request, original, tee, response, null);
    return response;
  }

  private void after(ExchangeState state, ExchangeState.Attempt attempt,
      ClassicHttpRequest request, HttpEntity original, TeeRequestEntity tee,
      ClassicHttpResponse response, Throwable error) {
    try {
      if (tee != null && request.getEntity() == tee) {
        request.setEntity(original);
      }
      if (tee != null && tee.written()) {
        state.attemptRequestBody(attempt, tee.payload());
      }
      if (response != null) {
        state.attemptHead(attempt, response);
      } else {
        state.attemptFailed(attempt, error);
      }
    } catch (Throwable t) {
      support.fault("http.attempt", t);
    }
  }
}
