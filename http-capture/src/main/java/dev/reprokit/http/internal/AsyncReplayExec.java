package dev.reprokit.http.internal;

import dev.reprokit.event.HttpExchangeEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.impl.BasicEntityDetails;

/** The async stub: drains the request body, answers from the recording, no network. */
public final class AsyncReplayExec implements AsyncExecChainHandler {
  private final ReplayMatcher matcher;

  public AsyncReplayExec(ReplayMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public void execute(HttpRequest request, AsyncEntityProducer entityProducer,
      AsyncExecChain.Scope scope, AsyncExecChain chain, AsyncExecCallback callback)
      throws HttpException, IOException {
    try {
      byte[] body = entityProducer == null ? new byte[0] : drain(entityProducer);
      URI uri = request.getUri();
      HttpExchangeEvent recorded = matcher.match(request.getMethod(), uri, body,
          entityProducer == null ? null : entityProducer.getContentType());
      if (recorded.status() == 0 && recorded.error() != null) {
        callback.failed(ReplayResponses.error(recorded));
        return;
      }
      BasicHttpResponse response = new BasicHttpResponse(recorded.status(), recorded.reason());
      ReplayResponses.copyHeaders(recorded, response);
      byte[] data = ReplayResponses.body(recorded);
      boolean hasBody = recorded.responseBody() != null;
      AsyncDataConsumer consumer = callback.handleResponse(response, hasBody
          ? new BasicEntityDetails(data.length, ReplayResponses.parsedContentType(recorded)) : null);
      if (consumer != null) {
        consumer.updateCapacity(increment -> {});
        if (data.length > 0) {
          consumer.consume(ByteBuffer.wrap(data));
        }
        consumer.streamEnd(null);
      }
      callback.completed();
    } catch (Exception e) {
      callback.failed(e);
    } finally {
      if (entityProducer != null) {
        entityProducer.releaseResources();
      }
    }
  }

  private static byte[] drain(AsyncEntityProducer producer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean[] ended = {false};
    DataStreamChannel channel = new DataStreamChannel() {
      @Override
      public void requestOutput() {}

      @Override
      public int write(ByteBuffer src) {
        int n = src.remaining();
        byte[] b = new byte[n];
        src.get(b);
        out.write(b, 0, n);
        return n;
      }

      @Override
      public void endStream(List<? extends Header> trailers) {
        ended[0] = true;
      }

      @Override
      public void endStream() {
        ended[0] = true;
      }
    };
    for (int i = 0; i < 100_000 && !ended[0]; i++) {
      producer.produce(channel);
    }
    if (!ended[0]) {
      throw new IOException("the request body producer did not end its stream");
    }
    return out.toByteArray();
  }
}
