package dev.reprokit;

import dev.reprokit.redact.RedactionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable settings of a {@link Recorder}. Build one with {@link #builder()}, or start from
 * {@link #DEFAULT} and change a few settings with {@link #toBuilder()}. Every setter checks
 * its argument at once and names the setting in its error.
 *
 * <pre>{@code
 * RecorderConfig config = RecorderConfig.builder()
 *     .application(new AppInfo("customer-sync", "2.4.1", null, null))
 *     .bundleDirectory(Path.of("/var/log/myapp/repro"))
 *     .maxEvents(5_000)
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>maxEvents</td><td>10,000 events in the ring</td></tr>
 *   <tr><td>maxBytes</td><td>16 MiB (estimated heap retained by events)</td></tr>
 *   <tr><td>maxPayloadBytes</td><td>256 KiB per body or LOB</td></tr>
 *   <tr><td>maxBundleBytes</td><td>50 MiB of payload per bundle</td></tr>
 *   <tr><td>bundleDirectory</td><td>{@code ${java.io.tmpdir}/reprokit}</td></tr>
 *   <tr><td>application</td><td>detected from {@code git.properties} and the main jar's manifest</td></tr>
 *   <tr><td>automaticTriggers</td><td>all but {@link TriggerKind#UNCAUGHT_EXCEPTION}</td></tr>
 *   <tr><td>maxAutomaticBundlesPerMinute</td><td>3</td></tr>
 *   <tr><td>duplicateWindow</td><td>10 minutes</td></tr>
 *   <tr><td>maxBundlesKept</td><td>20 bundles in the directory</td></tr>
 *   <tr><td>maxDirectoryBytes</td><td>512 MiB of bundles in the directory</td></tr>
 *   <tr><td>redaction</td><td>{@link RedactionConfig#DEFAULT}: every default rule on</td></tr>
 *   <tr><td>configuration</td><td>none; application settings to include (redacted)</td></tr>
 *   <tr><td>trackChanges</td><td>{@code true}: compare with the previous run's environment</td></tr>
 * </table>
 */
public final class RecorderConfig {

  /** Every setting at its default. */
  public static final RecorderConfig DEFAULT = builder().build();

  private final int maxEvents;
  private final long maxBytes;
  private final int maxPayloadBytes;
  private final long maxBundleBytes;
  private final Path bundleDirectory;
  private final AppInfo application;
  private final Set<TriggerKind> automaticTriggers;
  private final int maxAutomaticBundlesPerMinute;
  private final Duration duplicateWindow;
  private final int maxBundlesKept;
  private final long maxDirectoryBytes;
  private final RedactionConfig redaction;
  private final Map<String, String> configuration;
  private final boolean trackChanges;

  private RecorderConfig(Builder b) {
    this.maxEvents = b.maxEvents;
    this.maxBytes = b.maxBytes;
    this.maxPayloadBytes = b.maxPayloadBytes;
    this.maxBundleBytes = b.maxBundleBytes;
    this.bundleDirectory = b.bundleDirectory;
    this.application = b.application;
    this.automaticTriggers = Set.copyOf(b.automaticTriggers);
    this.maxAutomaticBundlesPerMinute = b.maxAutomaticBundlesPerMinute;
    this.duplicateWindow = b.duplicateWindow;
    this.maxBundlesKept = b.maxBundlesKept;
    this.maxDirectoryBytes = b.maxDirectoryBytes;
    this.redaction = b.redaction;
    this.configuration = Map.copyOf(b.configuration);
    this.trackChanges = b.trackChanges;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxEvents = maxEvents;
    b.maxBytes = maxBytes;
    b.maxPayloadBytes = maxPayloadBytes;
    b.maxBundleBytes = maxBundleBytes;
    b.bundleDirectory = bundleDirectory;
    b.application = application;
    b.automaticTriggers = automaticTriggers.isEmpty()
        ? EnumSet.noneOf(TriggerKind.class) : EnumSet.copyOf(automaticTriggers);
    b.maxAutomaticBundlesPerMinute = maxAutomaticBundlesPerMinute;
    b.duplicateWindow = duplicateWindow;
    b.maxBundlesKept = maxBundlesKept;
    b.maxDirectoryBytes = maxDirectoryBytes;
    b.redaction = redaction;
    b.configuration = new LinkedHashMap<>(configuration);
    b.trackChanges = trackChanges;
    return b;
  }

  public int maxEvents() {
    return maxEvents;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  public long maxBundleBytes() {
    return maxBundleBytes;
  }

  public Path bundleDirectory() {
    return bundleDirectory;
  }

  /** The application as configured; {@code null} fields are filled from detection. */
  public AppInfo application() {
    return application;
  }

  public Set<TriggerKind> automaticTriggers() {
    return automaticTriggers;
  }

  /** {@code true} when {@code kind} may write bundles. {@link TriggerKind#EXPLICIT} always may. */
  public boolean triggers(TriggerKind kind) {
    return kind == TriggerKind.EXPLICIT || automaticTriggers.contains(kind);
  }

  public int maxAutomaticBundlesPerMinute() {
    return maxAutomaticBundlesPerMinute;
  }

  public Duration duplicateWindow() {
    return duplicateWindow;
  }

  public int maxBundlesKept() {
    return maxBundlesKept;
  }

  public long maxDirectoryBytes() {
    return maxDirectoryBytes;
  }

  public RedactionConfig redaction() {
    return redaction;
  }

  public Map<String, String> configuration() {
    return configuration;
  }

  public boolean trackChanges() {
    return trackChanges;
  }

  /** Builds a {@link RecorderConfig}. Not thread-safe. */
  public static final class Builder {
    private int maxEvents = 10_000;
    private long maxBytes = 16L * 1024 * 1024;
    private int maxPayloadBytes = 256 * 1024;
    private long maxBundleBytes = 50L * 1024 * 1024;
    private Path bundleDirectory = Path.of(System.getProperty("java.io.tmpdir"), "reprokit");
    private AppInfo application = AppInfo.UNKNOWN;
    private EnumSet<TriggerKind> automaticTriggers = EnumSet.of(
        TriggerKind.SCOPE_FAILURE,
        TriggerKind.HTTP_SERVER_ERROR,
        TriggerKind.HTTP_IO_ERROR,
        TriggerKind.SQL_ERROR);
    private int maxAutomaticBundlesPerMinute = 3;
    private Duration duplicateWindow = Duration.ofMinutes(10);
    private int maxBundlesKept = 20;
    private long maxDirectoryBytes = 512L * 1024 * 1024;
    private RedactionConfig redaction = RedactionConfig.DEFAULT;
    private Map<String, String> configuration = new LinkedHashMap<>();
    private boolean trackChanges = true;

    private Builder() {}

    /** Events kept in the ring, at least 16. Default 10,000. */
    public Builder maxEvents(int maxEvents) {
      if (maxEvents < 16 || maxEvents > (1 << 24)) {
        throw new InvalidConfigurationException(
            "maxEvents must be between 16 and 16,777,216, was " + maxEvents);
      }
      this.maxEvents = maxEvents;
      return this;
    }

    /** Estimated heap the ring may retain, at least 64 KiB. Default 16 MiB. */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < 64 * 1024) {
        throw new InvalidConfigurationException(
            "maxBytes must be at least 65536 (64 KiB), was " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** Bytes kept of one body or LOB; the original size is always recorded. Default 256 KiB. */
    public Builder maxPayloadBytes(int maxPayloadBytes) {
      if (maxPayloadBytes < 0) {
        throw new InvalidConfigurationException(
            "maxPayloadBytes must be >= 0, was " + maxPayloadBytes);
      }
      this.maxPayloadBytes = maxPayloadBytes;
      return this;
    }

    /** Payload bytes one bundle may hold; beyond it payloads are truncated. Default 50 MiB. */
    public Builder maxBundleBytes(long maxBundleBytes) {
      if (maxBundleBytes < 1024) {
        throw new InvalidConfigurationException(
            "maxBundleBytes must be at least 1024, was " + maxBundleBytes);
      }
      this.maxBundleBytes = maxBundleBytes;
      return this;
    }

    /** Where bundles are written. Created when the first bundle is written. */
    public Builder bundleDirectory(Path bundleDirectory) {
      this.bundleDirectory = Objects.requireNonNull(bundleDirectory, "bundleDirectory");
      return this;
    }

    /** The application's name, version, build and commit; unknown fields are detected. */
    public Builder application(AppInfo application) {
      this.application = Objects.requireNonNull(application, "application");
      return this;
    }

    /** Shorthand for {@code application(new AppInfo(name, version, null, null))}. */
    public Builder application(String name, String version) {
      return application(new AppInfo(name, version, null, null));
    }

    /** Which automatic triggers may write bundles. {@code EXPLICIT} is ignored: it always may. */
    public Builder automaticTriggers(Set<TriggerKind> kinds) {
      Objects.requireNonNull(kinds, "automaticTriggers");
      EnumSet<TriggerKind> copy = EnumSet.noneOf(TriggerKind.class);
      copy.addAll(kinds);
      copy.remove(TriggerKind.EXPLICIT);
      this.automaticTriggers = copy;
      return this;
    }

    /** Switches one automatic trigger on or off. */
    public Builder trigger(TriggerKind kind, boolean on) {
      Objects.requireNonNull(kind, "trigger kind");
      if (kind == TriggerKind.EXPLICIT) {
        throw new InvalidConfigurationException(
            "the EXPLICIT trigger cannot be switched: capture() always writes a bundle");
      }
      if (on) {
        automaticTriggers.add(kind);
      } else {
        automaticTriggers.remove(kind);
      }
      return this;
    }

    /** Storm control: automatic bundles written per minute at most. Default 3. */
    public Builder maxAutomaticBundlesPerMinute(int max) {
      if (max < 0) {
        throw new InvalidConfigurationException(
            "maxAutomaticBundlesPerMinute must be >= 0, was " + max);
      }
      this.maxAutomaticBundlesPerMinute = max;
      return this;
    }

    /** Storm control: an identical failure within this window is written once. Default 10 min. */
    public Builder duplicateWindow(Duration window) {
      Objects.requireNonNull(window, "duplicateWindow");
      if (window.isNegative()) {
        throw new InvalidConfigurationException("duplicateWindow must not be negative, was " + window);
      }
      this.duplicateWindow = window;
      return this;
    }

    /** Retention: bundles kept in the directory; the oldest go first. Default 20. */
    public Builder maxBundlesKept(int max) {
      if (max < 1) {
        throw new InvalidConfigurationException("maxBundlesKept must be >= 1, was " + max);
      }
      this.maxBundlesKept = max;
      return this;
    }

    /** Retention: total bytes of bundles in the directory. Default 512 MiB. */
    public Builder maxDirectoryBytes(long max) {
      if (max < 1024) {
        throw new InvalidConfigurationException("maxDirectoryBytes must be >= 1024, was " + max);
      }
      this.maxDirectoryBytes = max;
      return this;
    }

    /** Redaction rules. Default {@link RedactionConfig#DEFAULT}. */
    public Builder redaction(RedactionConfig redaction) {
      this.redaction = Objects.requireNonNull(redaction, "redaction");
      return this;
    }

    /** Application settings to include in the environment (redacted). */
    public Builder configuration(Map<String, String> configuration) {
      Objects.requireNonNull(configuration, "configuration");
      configuration.forEach((k, v) -> {
        if (k == null || v == null) {
          throw new InvalidConfigurationException("configuration keys and values must not be null");
        }
      });
      this.configuration = new LinkedHashMap<>(configuration);
      return this;
    }

    /** Compare with the previous run's environment and put the changes in bundles. Default on. */
    public Builder trackChanges(boolean trackChanges) {
      this.trackChanges = trackChanges;
      return this;
    }

    public RecorderConfig build() {
      return new RecorderConfig(this);
    }
  }
}
