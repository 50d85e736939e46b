package dev.reprokit.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One logical HTTP exchange: what the application asked for with one {@code execute} and
 * what it got back, after redirects and retries, which are listed as {@link #attempts()}.
 *
 * @param client {@code "classic"} or {@code "async"}
 * @param method request method
 * @param uri absolute request URI as the application sent it
 * @param protocol protocol version of the response (e.g. {@code HTTP/1.1}), or of the request
 *     when no response arrived
 * @param requestHeaders request headers in wire order
 * @param requestBody request body, or {@code null} when there was none
 * @param status final response status, 0 when no response arrived
 * @param reason reason phrase, or {@code null}
 * @param responseHeaders response headers as received
 * @param responseBody the decoded response body as the application saw it, or {@code null}
 * @param contentEncoding the {@code Content-Encoding} on the wire (e.g. {@code gzip}), or
 *     {@code null} when the body was not encoded
 * @param timeToFirstByteNanos nanoseconds from start to the response head, or -1 if unknown
 * @param attempts the physical attempts, first to last
 * @param error the exception the application got, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpExchangeEvent(
    long seq,
    long wallTimeMillis,
    long startNanos,
    long durationNanos,
    String thread,
    String scopeId,
    String client,
    String method,
    String uri,
    String protocol,
    List<Header> requestHeaders,
    Payload requestBody,
    int status,
    String reason,
    List<Header> responseHeaders,
    Payload responseBody,
    String contentEncoding,
    long timeToFirstByteNanos,
    List<HttpAttempt> attempts,
    ErrorInfo error)
    implements Event {

  public HttpExchangeEvent {
    requestHeaders = immutable(requestHeaders);
    responseHeaders = immutable(responseHeaders);
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** Lists from {@link Header#listOwning} are immutable already; any other list is copied. */
  private static List<Header> immutable(List<Header> headers) {
    if (headers == null) {
      return List.of();
    }
    return headers instanceof HeaderList ? headers : List.copyOf(headers);
  }

  /** {@code true} when the exchange ended with an exception or a 5xx status. */
  public boolean failed() {
    return error != null || status >= 500;
  }

  @Override
  public long estimatedBytes() {
    long n = HEADER_BYTES + 64 + Event.bytesOf(method) + Event.bytesOf(uri);
    n += HeaderList.estimatedBytes(requestHeaders);
    n += HeaderList.estimatedBytes(responseHeaders);
    for (int i = 0; i < attempts.size(); i++) { // indexed: the estimate must not allocate
      n += attempts.get(i).estimatedBytes();
    }
    if (requestBody != null) {
      n += requestBody.estimatedBytes();
    }
    if (responseBody != null) {
      n += responseBody.estimatedBytes();
    }
    if (error != null) {
      n += error.estimatedBytes();
    }
    return n;
  }
}
