package dev.reprokit.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.CapacityChannel;

/**
 * First in the async chain: one logical exchange per {@code execute}. The start (sequence,
 * clock, thread, scope) is taken on the calling thread; the response body is teed chunk by
 * chunk on the I/O reactor thread, copying only what is kept, and the exchange is recorded
 * before the application's consumer sees the end of the stream (or the failure).
 */
final class AsyncExchangeExec implements AsyncExecChainHandler {
  private final CaptureSupport support;

  AsyncExchangeExec(CaptureSupport support) {
    this.support = support;
  }

  @Override
  public void execute(HttpRequest request, AsyncEntityProducer entityProducer,
      AsyncExecChain.Scope scope, AsyncExecChain chain, AsyncExecCallback callback)
      throws HttpException, IOException {
    ExchangeState state = support.start("async", request, scope.clientContext);
    if (state == null) {
      chain.proceed(request, entityProducer, scope, callback);
      return;
    }
    try {
      chain.proceed(request, entityProducer, scope, new ExchangeCallback(callback, state));
    } catch (Throwable t) {
      state.finish(null, t);
      throw t;
    }
  }

  private final class ExchangeCallback implements AsyncExecCallback {
    private final AsyncExecCallback delegate;
    private final ExchangeState state;
    private TeeDataConsumer tee;

    ExchangeCallback(AsyncExecCallback delegate, ExchangeState state) {
      this.delegate = delegate;
      this.state = state;
    }

    @Override
    public AsyncDataConsumer handleResponse(HttpResponse response, EntityDetails entityDetails)
        throws HttpException, IOException {
      AsyncDataConsumer consumer = delegate.handleResponse(response, entityDetails);
      try {
        state.finalHead(response);
        if (consumer != null && entityDetails != null && support.options.captureResponseBody()) {
          tee = new TeeDataConsumer(consumer, state, entityDetails.getContentType(),
              entityDetails.getContentLength());
          return tee;
        }
      } catch (Throwable t) {
        support.fault("http.response", t);
      }
      return consumer;
    }

    @Override
    public void handleInformationResponse(HttpResponse response)
        throws HttpException, IOException {
      delegate.handleInformationResponse(response);
    }

    @Override
    public void completed() {
      try {
        CaptureSupport.detach(state.contextHolder(), state);
        if (tee != null) {
          tee.finish(true, null);
        } else {
          state.finish(null, null);
        }
      } catch (Throwable t) {
        support.fault("http.record", t);
      }
      delegate.completed();
    }

    @Override
    public void failed(Exception cause) {
      try {
        CaptureSupport.detach(state.contextHolder(), state);
        if (tee != null) {
          tee.finish(false, cause);
        } else {
          state.finish(null, cause);
        }
      } catch (Throwable t) {
        support.fault("http.record", t);
      }
      delegate.failed(cause);
    }
  }

  /** Copies each chunk before the application's consumer gets (and may reuse) the buffer. */
  static final class TeeDataConsumer implements AsyncDataConsumer {
    private final AsyncDataConsumer delegate;
    private final ExchangeState state;
    private final String contentType;
    private final BodyBuffer buffer;

    TeeDataConsumer(AsyncDataConsumer delegate, ExchangeState state, String contentType,
        long contentLength) {
      this.delegate = delegate;
      this.state = state;
      this.contentType = contentType;
      this.buffer = new BodyBuffer(state.cap(), contentLength);
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
      delegate.updateCapacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
      try {
        synchronized (this) {
          buffer.write(src, src.position(), src.remaining());
        }
      } catch (Throwable t) {
        state.support.fault("http.response.body", t);
      }
      delegate.consume(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
      finish(true, null);
      delegate.streamEnd(trailers);
    }

    @Override
    public void releaseResources() {
      delegate.releaseResources();
    }

    void finish(boolean complete, Throwable error) {
      if (state.done()) {
        return;
      }
      try {
        synchronized (this) {
          state.finish(buffer.payload(contentType, complete), error);
        }
      } catch (Throwable t) {
        state.support.fault("http.response.body", t);
        state.finish(null, error);
      }
    }
  }
}
