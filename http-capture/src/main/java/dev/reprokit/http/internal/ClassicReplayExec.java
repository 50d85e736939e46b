package dev.reprokit.http.internal;

import dev.reprokit.event.HttpExchangeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;

/** Answers every request from the recording; never proceeds down the chain (no network). */
public final class ClassicReplayExec implements ExecChainHandler {
  private final ReplayMatcher matcher;

  public ClassicReplayExec(ReplayMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope,
      ExecChain chain) throws IOException, HttpException {
    HttpEntity entity = request.getEntity();
    byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
    URI uri;
    try {
      uri = request.getUri();
    } catch (URISyntaxException e) {
      throw new ProtocolException("request URI does not parse: " + e.getMessage(), e);
    }
    HttpExchangeEvent recorded = matcher.match(request.getMethod(), uri, body,
        entity == null ? null : entity.getContentType());
    if (recorded.status() == 0 && recorded.error() != null) {
      throw ReplayResponses.error(recorded);
    }
    BasicClassicHttpResponse response =
        new BasicClassicHttpResponse(recorded.status(), recorded.reason());
    ReplayResponses.copyHeaders(recorded, response);
    if (recorded.responseBody() != null) {
      ContentType contentType = ReplayResponses.parsedContentType(recorded);
      response.setEntity(new ByteArrayEntity(ReplayResponses.body(recorded), contentType));
    }
    return response;
  }
}
