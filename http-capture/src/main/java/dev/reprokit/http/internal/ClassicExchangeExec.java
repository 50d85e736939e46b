package dev.reprokit.http.internal;

import java.io.IOException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;

/**
 * First in the classic chain: one logical exchange per {@code execute}. Wraps the response
 * entity (as the application sees it, decoded) so that the body is teed as it is read and the
 * exchange is recorded when the body ends, is closed or fails. While the chain runs, the
 * exchange is this thread's current one, where the attempt handler finds it.
 */
final class ClassicExchangeExec implements ExecChainHandler {
  private final CaptureSupport support;

  ClassicExchangeExec(CaptureSupport support) {
    this.support = support;
  }

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope,
      ExecChain chain) throws IOException, HttpException {
    ExchangeState state = support.startClassic(request);
    // Entered even when this exchange could not start: a client called from inside another
    // client's chain (an interceptor fetching a token) must not see the outer exchange.
    ExchangeState outer = support.enterClassic(state);
    if (state == null) {
      try {
        return chain.proceed(request, scope);
      } finally {
        support.exitClassic(outer);
      }
    }
    ClassicHttpResponse response;
    try {
      response = chain.proceed(request, scope);
    } catch (Throwable t) {
      support.exitClassic(outer);
      state.finish(null, t);
      throw t;
    }
    support.exitClassic(outer);
    return wrap(state, response);
  }

  private ClassicHttpResponse wrap(ExchangeState state, ClassicHttpResponse response) {
    try {
      state.finalHead(response);
      HttpEntity entity = response.getEntity();
      if (entity == null) {
        state.finish(null, null);
      } else if (!support.options.captureResponseBody()) {
        state.finish(null, null);
      } else {
        response.setEntity(new TeeResponseEntity(entity, state));
      }
    } catch (Throwable t) {
      support.fault("http.response", t);
      state.finish(null, null);
    }
    return response;
  }
}
