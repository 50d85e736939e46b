package dev.reprokit.env;

import dev.reprokit.AppInfo;
import dev.reprokit.RecorderConfig;
import dev.reprokit.internal.FaultReporter;
import dev.reprokit.internal.env.Allowlists;
import dev.reprokit.internal.env.ApplicationDetector;
import dev.reprokit.internal.env.CgroupReader;
import dev.reprokit.internal.env.ChangeTracker;
import dev.reprokit.internal.env.ClassPathScanner;
import dev.reprokit.internal.env.EnvironmentSources;
import dev.reprokit.internal.env.Fingerprint;
import dev.reprokit.internal.env.SystemProbe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the {@link Environment} for a recorder, when a bundle is written — never on the
 * application's request path.
 *
 * <p>What is expensive or fixed for the life of the process is worked out once and cached:
 * the class path scan, the application detection, the host name, and the comparison with
 * the previous run (made at the first collection; {@link #storeFingerprint()} then keeps
 * this run's fingerprint in the bundle directory for the next run, see
 * {@link EnvironmentChanges}). What moves — heap, uptime, properties, databases seen — is
 * read at every collection.
 *
 * <p>{@link #collect(List)} never throws: a section that fails is left {@code null} and the
 * fault is reported to the fault handler given at construction (the recorder counts and
 * logs it). Thread-safe.
 *
 * <pre>{@code
 * EnvironmentCollector collector = new EnvironmentCollector(config);
 * Environment env = collector.collect(List.of());
 * ... // write the bundle
 * collector.storeFingerprint();
 * }</pre>
 */
public final class EnvironmentCollector {
  private static final Logger LOG = LoggerFactory.getLogger(EnvironmentCollector.class);

  private final RecorderConfig config;
  private final BiConsumer<String, Throwable> faults;
  private final Supplier<EnvironmentSources> sources;

  private final Object lock = new Object();
  private boolean staticCollected; // guarded by lock
  private AppInfo application; // guarded by lock
  private List<Library> libraries; // guarded by lock
  private String hostName; // guarded by lock
  private EnvironmentChanges changes; // guarded by lock
  private Fingerprint pendingFingerprint; // guarded by lock; this run's, until stored

  /** A collector whose faults are logged (at most once per minute per kind) but not counted. */
  public EnvironmentCollector(RecorderConfig config) {
    this(config, null);
  }

  /**
   * A collector that reports its faults to {@code faults} (fault kind, throwable); the
   * recorder passes its own fault reporter.
   */
  public EnvironmentCollector(RecorderConfig config, BiConsumer<String, Throwable> faults) {
    // git.properties is looked up with the class loader of the thread creating the recorder
    // (the application's); properties and variables are read afresh at each collection.
    this(config, faults, liveSources(EnvironmentSources.currentLoader()));
  }

  /** For tests: fixed sources. */
  EnvironmentCollector(RecorderConfig config, BiConsumer<String, Throwable> faults,
      EnvironmentSources sources) {
    this(config, faults, fixed(Objects.requireNonNull(sources, "sources")));
  }

  private EnvironmentCollector(RecorderConfig config, BiConsumer<String, Throwable> faults,
      Supplier<EnvironmentSources> sources) {
    this.config = Objects.requireNonNull(config, "config");
    this.faults = faults != null ? faults : new FaultReporter()::report;
    this.sources = sources;
  }

  private static Supplier<EnvironmentSources> liveSources(ClassLoader loader) {
    return () -> EnvironmentSources.live(loader);
  }

  private static Supplier<EnvironmentSources> fixed(EnvironmentSources sources) {
    return () -> sources;
  }

  /**
   * The application as configured, with unknown fields detected ({@code git.properties},
   * then the main jar's manifest, then the main jar's or main class' name). Cached.
   */
  public AppInfo application() {
    synchronized (lock) {
      if (application == null) {
        AppInfo configured = config.application() == null ? AppInfo.UNKNOWN : config.application();
        AppInfo detected = guard("environment.application", () -> {
          EnvironmentSources now = sources.get();
          return ApplicationDetector.detect(now.systemProperties(), now.resourceLoader());
        });
        application = detected == null ? configured : configured.orElse(detected);
      }
      return application;
    }
  }

  /** Collects the environment now, with the databases seen so far. Never throws. */
  public Environment collect(List<DatabaseInfo> databases) {
    try {
      EnvironmentSources sources = this.sources.get();
      Map<String, String> props = sources.systemProperties();
      Instant now = sources.clock().instant();
      AppInfo app = application();
      List<Library> libs;
      String host;
      synchronized (lock) {
        if (!staticCollected) {
          staticCollected = true;
          libraries = guard("environment.libraries", () -> List.copyOf(ClassPathScanner.scan(
              props.get("java.class.path"), props.get("jdk.module.path"))));
          hostName = guard("environment.host",
              () -> SystemProbe.hostName(sources.environmentVariables(), sources.hostNameFile()));
        }
        libs = libraries;
        host = hostName;
      }
      Allowlists.Split properties = guard("environment.properties",
          () -> Allowlists.systemProperties(props));
      Allowlists.Split variables = guard("environment.variables",
          () -> Allowlists.environmentVariables(sources.environmentVariables()));
      Environment env = new Environment(
          now.toString(),
          app,
          guard("environment.runtime", () -> SystemProbe.runtime(props)),
          guard("environment.os", () -> SystemProbe.os(props)),
          guard("environment.locale", () -> SystemProbe.locale(props, now)),
          guard("environment.host", () -> SystemProbe.host(props, host, now)),
          guard("environment.container",
              () -> new CgroupReader(sources.cgroupRoot(), sources.selfCgroup()).read()),
          libs,
          properties == null ? null : properties.listed(),
          properties == null ? null : properties.otherNames(),
          variables == null ? null : variables.listed(),
          variables == null ? null : variables.otherNames(),
          databases,
          config.configuration(),
          null);
      return env.withChanges(changes(env));
    } catch (Throwable t) {
      report("environment", t);
      return new Environment(databases, config.configuration());
    }
  }

  /** At the first collection: compare with the previous run. */
  private EnvironmentChanges changes(Environment env) {
    synchronized (lock) {
      if (changes == null) {
        if (!config.trackChanges()) {
          changes = EnvironmentChanges.disabled();
        } else {
          ChangeTracker.Comparison comparison = guard("environment.changes",
              () -> new ChangeTracker(config.bundleDirectory(), faults).compare(env));
          changes = comparison != null ? comparison.changes()
              : EnvironmentChanges.unknown("the comparison failed");
          pendingFingerprint = comparison != null ? comparison.next() : null;
        }
      }
      return changes;
    }
  }

  /**
   * Stores this run's environment fingerprint in the bundle directory, for the next run of
   * the application to compare with. The recorder calls it after it has written a bundle, so
   * that only a run that left a bundle becomes "the previous run", and a directory where no
   * bundle can be written gets no fingerprint either. Does something only once, after the
   * first {@link #collect(List)}, and only when change tracking is on. Never throws.
   */
  public void storeFingerprint() {
    Fingerprint fingerprint;
    synchronized (lock) {
      fingerprint = pendingFingerprint;
      pendingFingerprint = null;
    }
    if (fingerprint != null) {
      Fingerprint f = fingerprint;
      guard("environment.changes", () -> {
        new ChangeTracker(config.bundleDirectory(), faults).store(f);
        return null;
      });
    }
  }

  private <T> T guard(String faultKind, Supplier<T> step) {
    try {
      return step.get();
    } catch (Throwable t) {
      report(faultKind, t);
      return null;
    }
  }

  private void report(String faultKind, Throwable t) {
    if (t instanceof OutOfMemoryError oom) {
      throw oom;
    }
    try {
      faults.accept(faultKind, t);
    } catch (OutOfMemoryError oom) {
      throw oom;
    } catch (Throwable reporterFailed) {
      LOG.debug("ReproKit fault reporter failed for {}", faultKind, reporterFailed);
    }
  }
}
