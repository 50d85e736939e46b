package dev.reprokit.internal.env;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reprokit.env.Environment;
import dev.reprokit.env.EnvironmentChanges;
import dev.reprokit.env.EnvironmentChanges.Change;
import dev.reprokit.env.EnvironmentChanges.Kind;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the previous run's {@link Fingerprint} next to the bundles and compares the current
 * environment with it: one file per application name,
 * {@code reprokit-fingerprint-<application>.json}, replaced atomically.
 *
 * <p>Never throws. An unreadable or corrupt fingerprint file is reported as a fault
 * ({@code environment.fingerprint}), treated as unknown and replaced by the current run's
 * fingerprint when it is stored. A fingerprint that cannot be written (the directory is
 * missing or read-only) is only logged at debug level: the bundle writer reports the same
 * directory problem.
 */
public final class ChangeTracker {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeTracker.class);

  /** The fault kind reported for an unreadable or corrupt fingerprint. */
  public static final String FAULT_KIND = "environment.fingerprint";

  /** A fingerprint file larger than this is treated as corrupt. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path directory;
  private final BiConsumer<String, Throwable> faults;

  public ChangeTracker(Path directory, BiConsumer<String, Throwable> faults) {
    this.directory = directory;
    this.faults = faults;
  }

  /** The fingerprint file of an application. */
  public Path fileFor(String applicationName) {
    return directory.resolve("reprokit-fingerprint-" + fileKey(applicationName) + ".json");
  }

  /** The comparison with the previous run, and this run's fingerprint to store for the next. */
  public record Comparison(EnvironmentChanges changes, Fingerprint next) {}

  /**
   * Compares {@code current} with the previous run's fingerprint. Never throws; an unusable
   * fingerprint file is reported as a fault and gives {@link EnvironmentChanges.Status#UNKNOWN}.
   * {@code next} is {@code null} only when the fingerprint could not be computed.
   */
  public Comparison compare(Environment current) {
    Path file = fileFor(applicationName(current));
    Fingerprint previous = null;
    EnvironmentChanges result;
    try {
      previous = read(file);
      result = previous == null ? EnvironmentChanges.firstRun() : null;
    } catch (Exception | StackOverflowError unreadable) {
      faults.accept(FAULT_KIND, new IOException(
          "the previous run's environment fingerprint " + file + " is unreadable or corrupt;"
              + " treated as unknown and replaced", unreadable));
      result = EnvironmentChanges.unknown("the fingerprint file " + file.getFileName()
          + " could not be read (" + unreadable.getClass().getSimpleName() + ")");
    }
    try {
      String salt = previous != null ? previous.salt() : newSalt(); // same salt: hashes compare
      Fingerprint next = Fingerprint.of(current, salt);
      if (result == null) {
        List<Change> changes = diff(previous, next);
        result = new EnvironmentChanges(EnvironmentChanges.Status.COMPARED,
            message(changes.size(), previous.recordedAt()), previous.recordedAt(),
            previous.application(), changes);
      }
      return new Comparison(result, next);
    } catch (RuntimeException bug) {
      faults.accept(FAULT_KIND, bug);
      return new Comparison(
          result != null ? result : EnvironmentChanges.unknown("the comparison failed: " + bug),
          null);
    }
  }

  /**
   * Stores a run's fingerprint for the next run, replacing the file atomically. Never throws:
   * a directory that cannot be written is only logged at debug level (the bundle writer
   * reports the same directory problem); anything else is reported as a fault.
   */
  public void store(Fingerprint fingerprint) {
    Path file = fileFor(fingerprint.application() == null ? null
        : fingerprint.application().name());
    try {
      write(file, fingerprint);
    } catch (IOException notWritten) {
      LOG.debug("ReproKit could not store the environment fingerprint {}", file, notWritten);
    } catch (RuntimeException bug) {
      faults.accept(FAULT_KIND, bug);
    }
  }

  /** Compares and stores at once: one run that writes its fingerprint at once. */
  public EnvironmentChanges track(Environment current) {
    Comparison comparison = compare(current);
    if (comparison.next() != null) {
      store(comparison.next());
    }
    return comparison.changes();
  }

  private static String applicationName(Environment env) {
    return env.application() == null ? null : env.application().name();
  }

  private static String message(int n, String previousRunAt) {
    String since = previousRunAt == null ? "the previous run"
        : "the previous run at " + previousRunAt;
    return n == 0 ? "nothing changed since " + since
        : n + (n == 1 ? " change" : " changes") + " since " + since;
  }

  /** The previous fingerprint, {@code null} when there is none; throws when it is unusable. */
  Fingerprint read(Path file) throws IOException {
    if (!Files.isDirectory(directory)) {
      return null; // no bundle was ever written here; the bundle writer reports a bad directory
    }
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException none) {
      return null;
    }
    if (size > MAX_FILE_BYTES) {
      throw new IOException("the file has " + size + " bytes, more than " + MAX_FILE_BYTES);
    }
    Fingerprint f = JSON.readValue(Files.readAllBytes(file), Fingerprint.class);
    if (f == null || !Fingerprint.FORMAT.equals(f.format())) {
      throw new IOException("not a ReproKit environment fingerprint");
    }
    if (f.version() != Fingerprint.VERSION) {
      throw new IOException("fingerprint format version " + f.version() + " is not "
          + Fingerprint.VERSION);
    }
    if (!isHex(f.salt())) {
      throw new IOException("the fingerprint has no usable salt: its hashes cannot be compared");
    }
    return f;
  }

  void write(Path file, Fingerprint fingerprint) throws IOException {
    Files.createDirectories(directory);
    // Named like the bundle writer's temporary files, so that if this JVM is killed before the
    // move, the next recorder's stale-temporary cleanup removes it.
    Path tmp = Files.createFile(directory.resolve(".reprokit-" + ProcessHandle.current().pid()
        + "-" + java.util.UUID.randomUUID() + ".tmp"));
    try {
      Files.write(tmp, JSON.writeValueAsBytes(fingerprint));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException notAtomic) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static List<Change> diff(Fingerprint previous, Fingerprint current) {
    List<Change> out = new ArrayList<>();
    Map<String, Map<String, String>> before = previous.valuesCopy();
    Map<String, Map<String, String>> after = current.valuesCopy();
    TreeSet<String> categories = new TreeSet<>(before.keySet());
    categories.addAll(after.keySet());
    // keep a reading order: what the application is first, then the platform, then the rest
    List<String> order = new ArrayList<>(List.of("application", "runtime", "os", "locale",
        "resources", "container", "jvmArgument", "library", "configuration",
        "environmentVariable"));
    order.retainAll(categories);
    categories.removeAll(order);
    order.addAll(categories);
    for (String category : order) {
      boolean hashed = Fingerprint.HASHED.contains(category);
      Map<String, String> b = before.getOrDefault(category, Map.of());
      Map<String, String> a = after.getOrDefault(category, Map.of());
      TreeSet<String> names = new TreeSet<>(b.keySet());
      names.addAll(a.keySet());
      for (String name : names) {
        String was = b.get(name);
        String is = a.get(name);
        if (was == null) {
          out.add(new Change(category, name, Kind.ADDED, null, is, hashed));
        } else if (is == null) {
          out.add(new Change(category, name, Kind.REMOVED, was, null, hashed));
        } else if (!was.equals(is)) {
          out.add(new Change(category, name, Kind.CHANGED, was, is, hashed));
        }
      }
    }
    return out;
  }

  /** A file-name-safe key for an application name; unsafe names get a hash suffix. */
  static String fileKey(String applicationName) {
    if (applicationName == null || applicationName.isBlank()) {
      return "unnamed";
    }
    String safe = applicationName.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.startsWith(".")) {
      safe = "_" + safe.substring(1);
    }
    if (safe.length() > 64) {
      safe = safe.substring(0, 64);
    }
    if (!safe.equals(applicationName)) {
      safe = safe + "-" + Integer.toHexString(applicationName.hashCode());
    }
    return safe;
  }

  private static String newSalt() {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return HexFormat.of().formatHex(salt);
  }

  private static boolean isHex(String s) {
    return s != null && s.length() >= 16 && s.length() <= 128 && s.matches("[0-9a-fA-F]+")
        && s.length() % 2 == 0;
  }
}
