package dev.reprokit.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One physical attempt within a logical HTTP exchange: the first request, a redirect hop or
 * a retry.
 *
 * @param number 1 for the first attempt, increasing
 * @param kind {@code "initial"}, {@code "redirect"} or {@code "retry"}
 * @param method request method of this attempt (a 303 redirect may turn POST into GET)
 * @param uri absolute request URI of this attempt
 * @param startNanos {@link System#nanoTime()} when the attempt started
 * @param durationNanos how long the attempt took
 * @param status response status, or 0 when no response arrived
 * @param error the I/O error of this attempt, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpAttempt(
    int number,
    String kind,
    String method,
    String uri,
    long startNanos,
    long durationNanos,
    int status,
    ErrorInfo error) {

  long estimatedBytes() {
    return 64 + Event.bytesOf(uri) + (error == null ? 0 : error.estimatedBytes());
  }
}
