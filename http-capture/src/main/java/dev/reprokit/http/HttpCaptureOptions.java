package dev.reprokit.http;

import dev.reprokit.InvalidConfigurationException;

/**
 * Immutable settings of HTTP capture, for {@link ReproHttp#capture}. Start from
 * {@link #DEFAULT} or {@link #builder()}; change a few settings with {@link #toBuilder()}.
 * Every setter checks its argument at once and names the setting in its error.
 *
 * <pre>{@code
 * HttpCaptureOptions options = HttpCaptureOptions.builder()
 *     .maxBodyBytes(64 * 1024)
 *     .triggerOnServerError(false)
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>maxBodyBytes</td><td>the recorder's {@code maxPayloadBytes} (256 KiB)</td>
 *       <td>bytes kept of each request and response body; the original size is always
 *       counted</td></tr>
 *   <tr><td>captureRequestBody</td><td>{@code true}</td><td>tee request bodies while they
 *       are written</td></tr>
 *   <tr><td>captureResponseBody</td><td>{@code true}</td><td>tee response bodies while the
 *       application reads them</td></tr>
 *   <tr><td>triggerOnServerError</td><td>{@code true}</td><td>a 5xx response fires
 *       {@code TriggerKind.HTTP_SERVER_ERROR} (the recorder's trigger settings and storm
 *       control still apply)</td></tr>
 *   <tr><td>triggerOnIoError</td><td>{@code true}</td><td>an I/O error fires
 *       {@code TriggerKind.HTTP_IO_ERROR}</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe; the builder is not thread-safe.
 */
public final class HttpCaptureOptions {

  /** Every setting at its default. */
  public static final HttpCaptureOptions DEFAULT = builder().build();

  /** Value of {@link #maxBodyBytes()} meaning "the recorder's {@code maxPayloadBytes}". */
  public static final int RECORDER_DEFAULT = -1;

  private final int maxBodyBytes;
  private final boolean captureRequestBody;
  private final boolean captureResponseBody;
  private final boolean triggerOnServerError;
  private final boolean triggerOnIoError;

  private HttpCaptureOptions(Builder b) {
    this.maxBodyBytes = b.maxBodyBytes;
    this.captureRequestBody = b.captureRequestBody;
    this.captureResponseBody = b.captureResponseBody;
    this.triggerOnServerError = b.triggerOnServerError;
    this.triggerOnIoError = b.triggerOnIoError;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxBodyBytes = maxBodyBytes;
    b.captureRequestBody = captureRequestBody;
    b.captureResponseBody = captureResponseBody;
    b.triggerOnServerError = triggerOnServerError;
    b.triggerOnIoError = triggerOnIoError;
    return b;
  }

  /** Bytes kept per body, or {@link #RECORDER_DEFAULT} for the recorder's payload cap. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  public boolean captureRequestBody() {
    return captureRequestBody;
  }

  public boolean captureResponseBody() {
    return captureResponseBody;
  }

  public boolean triggerOnServerError() {
    return triggerOnServerError;
  }

  public boolean triggerOnIoError() {
    return triggerOnIoError;
  }

  @Override
  public String toString() {
    return "HttpCaptureOptions[maxBodyBytes=" + maxBodyBytes
        + ", captureRequestBody=" + captureRequestBody
        + ", captureResponseBody=" + captureResponseBody
        + ", triggerOnServerError=" + triggerOnServerError
        + ", triggerOnIoError=" + triggerOnIoError + "]";
  }

  /** Builds {@link HttpCaptureOptions}. Not thread-safe. */
  public static final class Builder {
    private int maxBodyBytes = RECORDER_DEFAULT;
    private boolean captureRequestBody = true;
    private boolean captureResponseBody = true;
    private boolean triggerOnServerError = true;
    private boolean triggerOnIoError = true;

    private Builder() {}

    /**
     * Bytes kept of each body, {@code >= 0}, or {@link #RECORDER_DEFAULT} (the default) for
     * the recorder's {@code maxPayloadBytes}.
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < RECORDER_DEFAULT) {
        throw new InvalidConfigurationException(
            "maxBodyBytes must be >= 0 (or -1 for the recorder's maxPayloadBytes), was "
                + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Tee request bodies while they are written. Default {@code true}. */
    public Builder captureRequestBody(boolean on) {
      this.captureRequestBody = on;
      return this;
    }

    /** Tee response bodies while the application reads them. Default {@code true}. */
    public Builder captureResponseBody(boolean on) {
      this.captureResponseBody = on;
      return this;
    }

    /** Fire {@code HTTP_SERVER_ERROR} on a 5xx response. Default {@code true}. */
    public Builder triggerOnServerError(boolean on) {
      this.triggerOnServerError = on;
      return this;
    }

    /** Fire {@code HTTP_IO_ERROR} on an I/O error. Default {@code true}. */
    public Builder triggerOnIoError(boolean on) {
      this.triggerOnIoError = on;
      return this;
    }

    public HttpCaptureOptions build() {
      return new HttpCaptureOptions(this);
    }
  }
}
