package dev.reprokit;

/**
 * A bundle could not be read because it is damaged, hostile or of an unsupported version.
 * {@link #entry()} names the zip entry at fault, or is {@code null} when the problem is the
 * file as a whole.
 */
public class BundleFormatException extends ReproException {
  private static final long serialVersionUID = 1L;

  private final String entry;

  public BundleFormatException(String entry, String problem) {
    super(entry == null ? problem : entry + ": " + problem);
    this.entry = entry;
  }

  public BundleFormatException(String entry, String problem, Throwable cause) {
    super(entry == null ? problem : entry + ": " + problem, cause);
    this.entry = entry;
  }

  /** The zip entry at fault, or {@code null}. */
  public String entry() {
    return entry;
  }
}
