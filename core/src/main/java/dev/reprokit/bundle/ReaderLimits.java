package dev.reprokit.bundle;

import dev.reprokit.InvalidConfigurationException;
import dev.reprokit.internal.json.ReproJson;

/**
 * How much a {@link BundleReader} accepts from a bundle, which is untrusted input. Build one
 * with {@link #builder()} or change a few settings of {@link #DEFAULT} with
 * {@link #toBuilder()}; every setter checks its argument and names the setting in its error.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>maxEntries</td><td>100,000</td><td>entries in the zip</td></tr>
 *   <tr><td>maxEntryBytes</td><td>64 MiB</td><td>inflated bytes of one entry</td></tr>
 *   <tr><td>maxTotalBytes</td><td>128 MiB</td><td>inflated bytes of all entries</td></tr>
 *   <tr><td>maxCompressionRatio</td><td>200</td><td>inflated / compressed bytes of an entry,
 *       checked once it has inflated past 1 MiB</td></tr>
 *   <tr><td>maxJsonDepth</td><td>64</td><td>nesting of JSON objects and arrays</td></tr>
 *   <tr><td>maxJsonStringLength</td><td>16 Mi chars</td><td>length of one JSON string</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public final class ReaderLimits {

  /** The defaults in the table above. */
  public static final ReaderLimits DEFAULT = builder().build();

  /** Inflated bytes of an entry after which the compression ratio is checked. */
  public static final long RATIO_CHECK_AFTER_BYTES = 1024 * 1024;

  private final int maxEntries;
  private final long maxEntryBytes;
  private final long maxTotalBytes;
  private final int maxCompressionRatio;
  private final int maxJsonDepth;
  private final int maxJsonStringLength;

  private ReaderLimits(Builder b) {
    this.maxEntries = b.maxEntries;
    this.maxEntryBytes = b.maxEntryBytes;
    this.maxTotalBytes = b.maxTotalBytes;
    this.maxCompressionRatio = b.maxCompressionRatio;
    this.maxJsonDepth = b.maxJsonDepth;
    this.maxJsonStringLength = b.maxJsonStringLength;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxEntries = maxEntries;
    b.maxEntryBytes = maxEntryBytes;
    b.maxTotalBytes = maxTotalBytes;
    b.maxCompressionRatio = maxCompressionRatio;
    b.maxJsonDepth = maxJsonDepth;
    b.maxJsonStringLength = maxJsonStringLength;
    return b;
  }

  public int maxEntries() {
    return maxEntries;
  }

  public long maxEntryBytes() {
    return maxEntryBytes;
  }

  public long maxTotalBytes() {
    return maxTotalBytes;
  }

  public int maxCompressionRatio() {
    return maxCompressionRatio;
  }

  public int maxJsonDepth() {
    return maxJsonDepth;
  }

  public int maxJsonStringLength() {
    return maxJsonStringLength;
  }

  @Override
  public String toString() {
    return "ReaderLimits[maxEntries=" + maxEntries + ", maxEntryBytes=" + maxEntryBytes
        + ", maxTotalBytes=" + maxTotalBytes + ", maxCompressionRatio=" + maxCompressionRatio
        + ", maxJsonDepth=" + maxJsonDepth + ", maxJsonStringLength=" + maxJsonStringLength
        + "]";
  }

  /** Builds {@link ReaderLimits}. Not thread-safe. */
  public static final class Builder {
    private int maxEntries = 100_000;
    // A reader holds the whole bundle in memory: these defaults keep a hostile bundle within a
    // 256 MiB heap (the writer's own bundles stay far below them with its default caps).
    private long maxEntryBytes = 64L * 1024 * 1024;
    private long maxTotalBytes = 128L * 1024 * 1024;
    private int maxCompressionRatio = 200;
    private int maxJsonDepth = ReproJson.DEFAULT_MAX_NESTING_DEPTH;
    private int maxJsonStringLength = ReproJson.DEFAULT_MAX_STRING_LENGTH;

    private Builder() {}

    /** Entries in the zip, at least 1. Default 100,000. */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new InvalidConfigurationException("maxEntries must be >= 1, was " + maxEntries);
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /** Inflated bytes of one entry, at least 1 KiB, at most 2 GiB - 16. Default 64 MiB. */
    public Builder maxEntryBytes(long maxEntryBytes) {
      if (maxEntryBytes < 1024 || maxEntryBytes > Integer.MAX_VALUE - 16) {
        throw new InvalidConfigurationException(
            "maxEntryBytes must be between 1024 and 2147483631, was " + maxEntryBytes);
      }
      this.maxEntryBytes = maxEntryBytes;
      return this;
    }

    /** Inflated bytes of the whole bundle, at least 1 KiB. Default 128 MiB. */
    public Builder maxTotalBytes(long maxTotalBytes) {
      if (maxTotalBytes < 1024) {
        throw new InvalidConfigurationException(
            "maxTotalBytes must be >= 1024, was " + maxTotalBytes);
      }
      this.maxTotalBytes = maxTotalBytes;
      return this;
    }

    /** Inflated-to-compressed ratio of one entry, at least 2. Default 200. */
    public Builder maxCompressionRatio(int maxCompressionRatio) {
      if (maxCompressionRatio < 2) {
        throw new InvalidConfigurationException(
            "maxCompressionRatio must be >= 2, was " + maxCompressionRatio);
      }
      this.maxCompressionRatio = maxCompressionRatio;
      return this;
    }

    /** JSON nesting depth, between 16 and 1,000. Default 64. */
    public Builder maxJsonDepth(int maxJsonDepth) {
      if (maxJsonDepth < 16 || maxJsonDepth > 1000) {
        throw new InvalidConfigurationException(
            "maxJsonDepth must be between 16 and 1000, was " + maxJsonDepth);
      }
      this.maxJsonDepth = maxJsonDepth;
      return this;
    }

    /** Length of one JSON string in chars, at least 1,024. Default 16 Mi. */
    public Builder maxJsonStringLength(int maxJsonStringLength) {
      if (maxJsonStringLength < 1024) {
        throw new InvalidConfigurationException(
            "maxJsonStringLength must be >= 1024, was " + maxJsonStringLength);
      }
      this.maxJsonStringLength = maxJsonStringLength;
      return this;
    }

    public ReaderLimits build() {
      return new ReaderLimits(this);
    }
  }
}
