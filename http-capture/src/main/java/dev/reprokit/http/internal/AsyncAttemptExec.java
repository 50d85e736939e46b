package dev.reprokit.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
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
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * Right after {@code PROTOCOL} in the async chain: one physical attempt. The request body is
 * teed through a wrapping {@link DataStreamChannel} that copies exactly the bytes each (possibly
 * partial) write accepted.
 */
final class AsyncAttemptExec implements AsyncExecChainHandler {
  private final CaptureSupport support;

  AsyncAttemptExec(CaptureSupport support) {
    this.support = support;
  }

  @Override
  public void execute(HttpRequest request, AsyncEntityProducer entityProducer,
      AsyncExecChain.Scope scope, AsyncExecChain chain, AsyncExecCallback callback)
      throws HttpException, IOException {
    ExchangeState state;
    ExchangeState.Attempt attempt;
    AsyncEntityProducer producer = entityProducer;
    AsyncExecCallback cb;
    try {
      state = CaptureSupport.current(scope.clientContext);
      if (state == null) {
        chain.proceed(request, entityProducer, scope, callback);
        return;
      }
      attempt = state.beginAttempt(request);
      if (entityProducer != null && support.options.captureRequestBody()) {
        producer = new TeeEntityProducer(entityProducer, state, attempt);
      }
      cb = new AttemptCallback(callback, state, attempt);
    } catch (Throwable t) {
      support.fault("http.attempt", t);
      chain.proceed(request, entityProducer, scope, callback);
      return;
    }
    try {
      chain.proceed(request, producer, scope, cb);
    } catch (Throwable t) {
      failed(state, attempt, t);
      throw t;
    }
  }

  private void failed(ExchangeState state, ExchangeState.Attempt attempt, Throwable t) {
    try {
      state.attemptFailed(attempt, t);
    } catch (Throwable fault) {
      support.fault("http.attempt", fault);
    }
  }

  private final class AttemptCallback implements AsyncExecCallback {
    private final AsyncExecCallback delegate;
    private final ExchangeState state;
    private final ExchangeState.Attempt attempt;

    AttemptCallback(AsyncExecCallback delegate, ExchangeState state,
        ExchangeState.Attempt attempt) {
      this.delegate = delegate;
      this.state = state;
      this.attempt = attempt;
    }

    @Override
    public AsyncDataConsumer handleResponse(HttpResponse response, EntityDetails entityDetails)
        throws HttpException, IOException {
      try {
        state.attemptHead(attempt, response);
      } catch (Throwable t) {
        support.fault("http.attempt", t);
      }
      return delegate.handleResponse(response, entityDetails);
    }

    @Override
    public void handleInformationResponse(HttpResponse response)
        throws HttpException, IOException {
      delegate.handleInformationResponse(response);
    }

    @Override
    public void completed() {
      delegate.completed();
    }

    @Override
    public void failed(Exception cause) {
      AsyncAttemptExec.this.failed(state, attempt, cause);
      delegate.failed(cause);
    }
  }

  /** Delegates everything; {@code produce} goes through a channel that copies what was written. */
  static final class TeeEntityProducer implements AsyncEntityProducer {
    private final AsyncEntityProducer delegate;
    private final ExchangeState state;
    private final ExchangeState.Attempt attempt;
    private final BodyBuffer buffer;
    private TeeChannel channel;
    /**
     * What {@link #getContentType()} last answered the client (the producers build that string
     * anew on every call), reused for the recorded body.
     */
    private volatile String contentType;

    TeeEntityProducer(AsyncEntityProducer delegate, ExchangeState state,
        ExchangeState.Attempt attempt) {
      this.delegate = delegate;
      this.state = state;
      this.attempt = attempt;
      this.buffer = new BodyBuffer(state.cap(), delegate.getContentLength());
    }

    @Override
    public boolean isRepeatable() {
      return delegate.isRepeatable();
    }

    @Override
    public void failed(Exception cause) {
      delegate.failed(cause);
    }

    @Override
    public long getContentLength() {
      return delegate.getContentLength();
    }

    @Override
    public String getContentType() {
      String contentType = delegate.getContentType();
      this.contentType = contentType;
      return contentType;
    }

    @Override
    public String getContentEncoding() {
      return delegate.getContentEncoding();
    }

    @Override
    public boolean isChunked() {
      return delegate.isChunked();
    }

    @Override
    public Set<String> getTrailerNames() {
      return delegate.getTrailerNames();
    }

    @Override
    public int available() {
      return delegate.available();
    }

    @Override
    public void produce(DataStreamChannel target) throws IOException {
      TeeChannel tee = null;
      try {
        tee = channel;
        if (tee == null || tee.target != target) {
          tee = new TeeChannel(target);
          channel = tee;
        }
      } catch (Throwable t) {
        state.support.fault("http.request.body", t);
      }
      delegate.produce(tee == null ? target : tee);
    }

    @Override
    public void releaseResources() {
      delegate.releaseResources();
    }

    private void ended() {
      try {
        String type = contentType;
        if (type == null) {
          type = delegate.getContentType();
        }
        state.attemptRequestBody(attempt, buffer.payload(type, true));
      } catch (Throwable t) {
        state.support.fault("http.request.body", t);
      }
    }

    private final class TeeChannel implements DataStreamChannel {
      final DataStreamChannel target;

      TeeChannel(DataStreamChannel target) {
        this.target = target;
      }

      @Override
      public void requestOutput() {
        target.requestOutput();
      }

      @Override
      public int write(ByteBuffer src) throws IOException {
        int from = src.position();
        int n = target.write(src);
        try {
          buffer.write(src, from, n);
        } catch (Throwable t) {
          state.support.fault("http.request.body", t);
        }
        return n;
      }

      @Override
      public void endStream(List<? extends Header> trailers) throws IOException {
        ended();
        target.endStream(trailers);
      }

      @Override
      public void endStream() throws IOException {
        ended();
        target.endStream();
      }
    }
  }
}
