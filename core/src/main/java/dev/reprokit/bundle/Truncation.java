package dev.reprokit.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One payload that a bundle holds only in part, as the {@link Manifest} records it.
 *
 * @param seq the {@code seq} of the event holding the payload
 * @param field where in the event, e.g. {@code responseBody}, {@code binds[2]} or
 *     {@code rows[10][3]}
 * @param entry the bundle entry holding the kept bytes, or {@code null} when they are
 *     inline in {@code events.jsonl}
 * @param reason which cap cut it last: {@link #CAPTURE} (the capture module's cap or the
 *     application abandoned the stream), {@link #PAYLOAD_CAP} ({@code maxPayloadBytes}) or
 *     {@link #BUNDLE_CAP} ({@code maxBundleBytes})
 * @param originalSize the size of the original body, or -1 when unknown
 * @param keptSize the bytes the bundle holds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Truncation(
    long seq, String field, String entry, String reason, long originalSize, long keptSize) {

  /** Cut when captured: the capture module's cap, or the application stopped reading. */
  public static final String CAPTURE = "capture";

  /** Cut by the per-payload cap {@code maxPayloadBytes} when the bundle was written. */
  public static final String PAYLOAD_CAP = "payload-cap";

  /** Cut by the per-bundle cap {@code maxBundleBytes} when the bundle was written. */
  public static final String BUNDLE_CAP = "bundle-cap";
}
