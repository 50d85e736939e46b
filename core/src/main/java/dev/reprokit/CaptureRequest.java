package dev.reprokit;

/**
 * A request to write a bundle, for {@link Recorder#capture(CaptureRequest)}.
 *
 * @param reason why the bundle is written, in a sentence; required
 * @param failure the throwable that triggered it, or {@code null}
 * @param ticket a ticket reference such as {@code SUP-1234}, or {@code null}
 * @param scopeId when set, the bundle holds that scope's events plus the global events
 *     (those outside any scope) recorded while it was open; else every event
 */
public record CaptureRequest(String reason, Throwable failure, String ticket, String scopeId) {
  public CaptureRequest {
    if (reason == null || reason.isBlank()) {
      throw new InvalidConfigurationException(
          "capture reason must not be blank: say in a few words why the bundle is written");
    }
  }

  public static CaptureRequest of(String reason) {
    return new CaptureRequest(reason, null, null, null);
  }

  public CaptureRequest withFailure(Throwable failure) {
    return new CaptureRequest(reason, failure, ticket, scopeId);
  }

  public CaptureRequest withTicket(String ticket) {
    return new CaptureRequest(reason, failure, ticket, scopeId);
  }

  public CaptureRequest forScope(String scopeId) {
    return new CaptureRequest(reason, failure, ticket, scopeId);
  }
}
