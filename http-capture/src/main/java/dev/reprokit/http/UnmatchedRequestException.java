package dev.reprokit.http;

import dev.reprokit.ReproException;
import java.util.List;

/**
 * The replay stub got a request that matches no recorded exchange. The message — and
 * {@link #nearMisses()} — list the nearest recorded requests and what differs, so the cause
 * (a changed parameter, a new field in the body, a different path) is visible at once.
 */
public class UnmatchedRequestException extends ReproException {
  private static final long serialVersionUID = 1L;

  /**
   * A recorded request close to the unmatched one.
   *
   * @param seq the recorded exchange's sequence number
   * @param method its method
   * @param uri its URI
   * @param differences what differs, one phrase each (e.g. {@code query parameter page:
   *     recorded "2", got "3"})
   */
  public record NearMiss(long seq, String method, String uri, List<String> differences) {
    public NearMiss {
      differences = List.copyOf(differences);
    }
  }

  private final String method;
  private final String uri;
  private final transient List<NearMiss> nearMisses;

  public UnmatchedRequestException(String message, String method, String uri,
      List<NearMiss> nearMisses) {
    super(message);
    this.method = method;
    this.uri = uri;
    this.nearMisses = List.copyOf(nearMisses);
  }

  /** Method of the unmatched request. */
  public String method() {
    return method;
  }

  /** URI of the unmatched request. */
  public String uri() {
    return uri;
  }

  /** The nearest recorded requests, nearest first (at most three). */
  public List<NearMiss> nearMisses() {
    return nearMisses == null ? List.of() : nearMisses;
  }
}
