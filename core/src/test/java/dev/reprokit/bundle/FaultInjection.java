package dev.reprokit.bundle;

import dev.reprokit.CaptureRequest;
import dev.reprokit.CaptureResult;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.RecorderStats;
import dev.reprokit.Scope;
import dev.reprokit.TriggerKind;
import dev.reprokit.env.DatabaseInfo;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.Event;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.internal.DefaultRecorder;
import dev.reprokit.internal.FaultReporter;
import dev.reprokit.testing.CapturedLogs;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Faults injected inside ReproKit, for the fault matrices of the capture modules: a
 * {@link Recorder} backed by a real {@link DefaultRecorder} (real ring, real fault reporter,
 * real bundle writer) with one {@link Fault} built in. The application's calls must behave
 * exactly as without ReproKit whatever the fault; {@link #stats()} counts the faults and each
 * fault kind is logged at most once a minute.
 *
 * <p>Shared with the other modules through the core test-jar. Thread-safe like the recorder.
 */
public final class FaultInjection implements Recorder {

  /** One fault inside ReproKit. */
  public enum Fault {
    RECORD_THROWS("Recorder.record throws IllegalStateException"),
    RECORD_THROWS_ERROR("Recorder.record throws NoClassDefFoundError (an Error, not OOM)"),
    SEQUENCE_THROWS("Recorder.nextSequence and currentScopeId throw"),
    TRIGGER_THROWS("Recorder.trigger throws StackOverflowError"),
    SERIALIZER_THROWS("serializing the bundle throws (a value's toString explodes)"),
    CLOCK_MISBEHAVES("the wall clock jumps to Long.MIN_VALUE, 0 and Long.MAX_VALUE"),
    DIRECTORY_UNWRITABLE("the bundle directory is below a regular file"),
    DIRECTORY_VANISHES("the bundle directory is deleted while a bundle is written"),
    DISK_FULL("the disk fills after 512 bytes of a bundle"),
    WRITER_INTERRUPTED("the thread writing the bundle is interrupted");

    private final String description;

    Fault(String description) {
      this.description = description;
    }

    /** One line for the matrix in docs/reliability.md. */
    public String description() {
      return description;
    }

    /** Whether the fault shows only when a bundle is written. */
    public boolean inWriter() {
      return ordinal() >= SERIALIZER_THROWS.ordinal() && this != CLOCK_MISBEHAVES;
    }
  }

  private final Fault fault;
  private final DefaultRecorder delegate;
  private final AtomicLong clockCalls = new AtomicLong();

  private FaultInjection(Fault fault, Path dir) {
    this.fault = fault;
    Path bundles = dir.resolve("bundles");
    if (fault == Fault.DIRECTORY_UNWRITABLE) {
      try {
        Files.createDirectories(dir);
        Path file = Files.write(dir.resolve("a-file"), new byte[] {1});
        bundles = file.resolve("bundles");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    RecorderConfig config = RecorderConfig.builder().bundleDirectory(bundles)
        .maxAutomaticBundlesPerMinute(1000).build();
    Path target = bundles;
    BundleWriter writer = switch (fault) {
      case DISK_FULL -> new BundleWriter(config, temp -> fillsAfter(temp, 512));
      case DIRECTORY_VANISHES -> new BundleWriter(config, temp -> vanishes(temp, target));
      default -> new BundleWriter(config);
    };
    DefaultRecorder.BundleSink sink = switch (fault) {
      case SERIALIZER_THROWS -> s -> writer.write(withExplodingValue(s));
      case WRITER_INTERRUPTED -> s -> {
        Thread.currentThread().interrupt();
        try {
          return writer.write(s);
        } finally {
          Thread.interrupted(); // the writer keeps the status; clear what this fault set
        }
      };
      default -> writer::write;
    };
    this.delegate = new DefaultRecorder(config, sink, new FaultReporter(),
        fault == Fault.CLOCK_MISBEHAVES ? this::badClock : System::currentTimeMillis);
  }

  /** A recorder with {@code fault} built in, writing bundles below {@code dir}. */
  public static FaultInjection create(Fault fault, Path dir) {
    return new FaultInjection(fault, dir);
  }

  /** The fault. */
  public Fault fault() {
    return fault;
  }

  private long badClock() {
    long n = clockCalls.incrementAndGet();
    return switch ((int) (n % 4)) {
      case 0 -> Long.MIN_VALUE;
      case 1 -> 0;
      case 2 -> Long.MAX_VALUE;
      default -> System.currentTimeMillis() - 86_400_000L * (n % 1000);
    };
  }

  private static OutputStream fillsAfter(Path temp, int bytes) throws IOException {
    Files.createFile(temp);
    OutputStream file = Files.newOutputStream(temp);
    return new FilterOutputStream(file) {
      private long written;

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (written + len > bytes) {
          throw new IOException("No space left on device");
        }
        written += len;
        file.write(b, off, len);
      }

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }
    };
  }

  private static OutputStream vanishes(Path temp, Path directory) throws IOException {
    Files.createFile(temp);
    OutputStream file = Files.newOutputStream(temp);
    return new FilterOutputStream(file) {
      private boolean gone;

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        file.write(b, off, len);
        if (!gone) {
          gone = true;
          deleteTree(directory);
        }
      }
    };
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A value that cannot be serialized: the bundle's serializer calls its toString. */
  static final class Exploding {
    @Override
    public String toString() {
      throw new IllegalStateException("toString exploded (injected serializer fault)");
    }
  }

  private static Snapshot withExplodingValue(Snapshot s) {
    List<Event> events = new ArrayList<>(s.events());
    events.add(new JdbcStatementEvent(Long.MAX_VALUE - 1, 0, 0, 0, "injected", null, "c",
        "s", "prepared", "execute", "select ?",
        List.of(new BindValue(1, null, "setObject", Types.OTHER, new Exploding())), null, -1,
        null, null, null, null, null));
    return new Snapshot(s.bundleId(), s.createdAt(), s.trigger(), s.application(),
        s.environment(), events, s.eventsEvicted(), s.failure());
  }

  // ---- what the tests look at ----------------------------------------------------------------

  /** Waits for bundles queued by automatic triggers. */
  public boolean awaitWrites() {
    return delegate.awaitBackgroundWrites(30, TimeUnit.SECONDS);
  }

  /** The events the recorder kept (what capture recorded despite the fault). */
  public long eventsRecorded() {
    return delegate.stats().eventsRecorded();
  }

  private static final Pattern KIND = Pattern.compile("fault '([^']+)'");

  /**
   * How many WARN lines each fault kind produced among {@link CapturedLogs} (the kind is the
   * quoted name in the fault reporter's line).
   */
  public static Map<String, Long> warningsPerKind() {
    Map<String, Long> out = new TreeMap<>();
    for (CapturedLogs.Line line : CapturedLogs.warnings()) {
      Matcher m = KIND.matcher(line.message() == null ? "" : line.message());
      if (line.logger().startsWith("dev.reprokit") && m.find()) {
        out.merge(m.group(1), 1L, Long::sum);
      }
    }
    return out;
  }

  // ---- Recorder ------------------------------------------------------------------------------

  @Override
  public boolean isEnabled() {
    return delegate.isEnabled();
  }

  @Override
  public RecorderConfig config() {
    return delegate.config();
  }

  @Override
  public long nextSequence() {
    if (fault == Fault.SEQUENCE_THROWS) {
      throw new IllegalStateException("nextSequence failed (injected)");
    }
    return delegate.nextSequence();
  }

  @Override
  public String currentScopeId() {
    if (fault == Fault.SEQUENCE_THROWS) {
      throw new IllegalStateException("currentScopeId failed (injected)");
    }
    return delegate.currentScopeId();
  }

  @Override
  public void record(Event event) {
    if (fault == Fault.RECORD_THROWS) {
      throw new IllegalStateException("record failed (injected)");
    }
    if (fault == Fault.RECORD_THROWS_ERROR) {
      throw new NoClassDefFoundError("dev/reprokit/Injected (injected)");
    }
    delegate.record(event);
  }

  @Override
  public void internalFailure(String faultKind, Throwable fault) {
    delegate.internalFailure(faultKind, fault);
  }

  @Override
  public void noteDatabase(DatabaseInfo database) {
    delegate.noteDatabase(database);
  }

  @Override
  public Scope scope(String name, Map<String, String> attributes) {
    return delegate.scope(name, attributes);
  }

  @Override
  public void mark(String name, Map<String, String> attributes) {
    delegate.mark(name, attributes);
  }

  @Override
  public void log(String level, String logger, String message, Throwable error) {
    delegate.log(level, logger, message, error);
  }

  @Override
  public CaptureResult capture(CaptureRequest request) {
    return delegate.capture(request);
  }

  @Override
  public CaptureResult trigger(TriggerKind kind, String reason, Throwable failure) {
    if (fault == Fault.TRIGGER_THROWS) {
      throw new StackOverflowError("trigger failed (injected)");
    }
    return delegate.trigger(kind, reason, failure);
  }

  @Override
  public void installUncaughtExceptionHandler() {
    delegate.installUncaughtExceptionHandler();
  }

  @Override
  public RecorderStats stats() {
    return delegate.stats();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "FaultInjection[" + fault + "]";
  }
}
