package dev.reprokit;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What became of a request to write a bundle. Capture never throws into the application;
 * this says where the bundle went or why there is none.
 *
 * @param outcome what happened
 * @param path the bundle file when {@code outcome} is {@link Outcome#WRITTEN}, else {@code null}
 * @param message a human explanation, e.g. why the bundle was not written
 */
public record CaptureResult(Outcome outcome, Path path, String message) {

  /** The possible outcomes. */
  public enum Outcome {
    /** The bundle was written to {@link #path()}. */
    WRITTEN,
    /** The bundle will be written by the background writer; automatic triggers only. */
    QUEUED,
    /** Storm control: too many automatic bundles in the last minute. */
    SUPPRESSED_RATE_LIMIT,
    /** Storm control: the same failure was captured recently. */
    SUPPRESSED_DUPLICATE,
    /** This trigger kind is switched off, or the recorder is the no-op recorder or closed. */
    DISABLED,
    /** Writing failed; {@link #message()} says why. */
    FAILED
  }

  public static CaptureResult written(Path path) {
    return new CaptureResult(Outcome.WRITTEN, path, "written to " + path);
  }

  public static CaptureResult of(Outcome outcome, String message) {
    return new CaptureResult(outcome, null, message);
  }

  /** The bundle file, when one was written. */
  public Optional<Path> bundle() {
    return Optional.ofNullable(path);
  }

  /** {@code true} when a bundle was written. */
  public boolean written() {
    return outcome == Outcome.WRITTEN;
  }
}
