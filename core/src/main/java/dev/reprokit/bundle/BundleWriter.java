package dev.reprokit.bundle;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reprokit.AppInfo;
import dev.reprokit.RecorderConfig;
import dev.reprokit.env.Environment;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.Payload;
import dev.reprokit.internal.json.ReproJson;
import dev.reprokit.internal.redact.BodyPrescan;
import dev.reprokit.internal.redact.RedactorInternals;
import dev.reprokit.redact.Redactor;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link Snapshot} as one reproduction bundle, {@code *.repro.zip}, atomically.
 *
 * <p>Writing a bundle redacts every event, the environment, the failure and the trigger text
 * with a fresh {@link Redactor}; then runs the leak gate over the text of every entry and
 * every text payload, replacing what still looks like a secret (PEM blocks, JWTs, bearer
 * tokens, AWS key ids, {@code password=} pairs, long random tokens in header values and query
 * strings) with a pseudonym and listing each hit in the manifest ({@link LeakGateHit}); caps payloads at {@link RecorderConfig#maxPayloadBytes()}
 * each and {@link RecorderConfig#maxBundleBytes()} in total (the newest events keep their
 * payloads first) and records each truncation in the manifest; moves payloads larger than
 * {@value #INLINE_LIMIT} bytes into their own {@code payloads/...} entries; hashes every entry;
 * and streams the zip in the documented order: {@code manifest.json}, {@code environment.json},
 * {@code events.jsonl}, payload entries, {@code failure.json} (when there is a failure) and
 * {@code README.md}. See {@code docs/bundle-format.md}.
 *
 * <p>The zip is written to a hidden temporary file ({@code .reprokit-<pid>-<random>.tmp}) in
 * the bundle directory, synced, and only then given its final, unique name
 * {@code <yyyyMMdd-HHmmss-SSS>-<trigger>-<id>.repro.zip}; no file ever has a final name
 * before it is complete. A failed write removes its temporary file; files left by a killed
 * JVM are removed by {@link #cleanStaleTemporaryFiles(Path)}.
 *
 * <p>Thread-safe: one writer may write many bundles concurrently; names never collide.
 */
public final class BundleWriter {

  /** Payloads up to this many bytes stay inline (base64) in {@code events.jsonl}. */
  public static final int INLINE_LIMIT = 1024;

  /** Suffix of every bundle file. */
  public static final String SUFFIX = ".repro.zip";

  static final String TEMP_PREFIX = ".reprokit-";
  static final String TEMP_SUFFIX = ".tmp";

  /** A temporary file of a live process is treated as stale after this long. */
  static final Duration STALE_AFTER = Duration.ofHours(1);

  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Opens the stream the zip is written to; the seam where tests inject a full disk. */
  @FunctionalInterface
  interface OutputOpener {
    OutputStream open(Path temporaryFile) throws IOException;
  }

  private final RecorderConfig config;
  private final OutputOpener opener;

  /** A writer for bundles in {@code config.bundleDirectory()}, with its caps and redaction. */
  public BundleWriter(RecorderConfig config) {
    this(config, BundleWriter::openSynced);
  }

  BundleWriter(RecorderConfig config, OutputOpener opener) {
    this.config = Objects.requireNonNull(config, "config");
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  /**
   * Redacts and writes the snapshot into the configured directory (created if missing).
   *
   * @return the bundle file
   * @throws IOException if the directory cannot be written, the disk fills, a value cannot be
   *     serialized, or the calling thread is interrupted; no file is left behind then
   */
  public Path write(Snapshot snapshot) throws IOException {
    Objects.requireNonNull(snapshot, "snapshot");
    checkInterrupt();
    Map<String, Entry> entries = prepare(snapshot);
    Path dir = config.bundleDirectory();
    Files.createDirectories(dir);
    checkInterrupt();
    Path temp = dir.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-"
        + UUID.randomUUID() + TEMP_SUFFIX);
    try {
      try (OutputStream file = opener.open(temp);
          ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 64 * 1024),
              StandardCharsets.UTF_8)) {
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        long time = snapshot.createdAt() == null
            ? System.currentTimeMillis() : snapshot.createdAt().toEpochMilli();
        for (Entry e : entries.values()) {
          ZipEntry z = new ZipEntry(e.name);
          z.setTime(time);
          zip.putNextEntry(z);
          zip.write(e.bytes, 0, e.length);
          zip.closeEntry();
        }
      }
      checkInterrupt();
      return publish(temp, dir, fileName(snapshot));
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  // ---- preparing the entries ---------------------------------------------------------------

  /** One entry's bytes (the first {@code length} of {@code bytes}). */
  private record Entry(String name, byte[] bytes, int length, String mediaType) {
    Entry(String name, byte[] bytes, String mediaType) {
      this(name, bytes, bytes.length, mediaType);
    }
  }

  private Map<String, Entry> prepare(Snapshot s) throws IOException {
    ObjectMapper mapper = ReproJson.mapper();
    Redactor redactor = Redactor.forBundle(config.redaction());
    // One scan of each JSON body serves redaction and the leak gate (the gate trusts it only
    // for arrays that redaction handed back untouched).
    BodyPrescan prescan = LeakGate.bodyPrescan();
    RedactorInternals.engine(redactor).prescanBodies(prescan);
    LeakGate gate = new LeakGate(redactor::pseudonym, redactor.enabled(), prescan);

    List<Event> events = new ArrayList<>(s.events().size());
    for (Event e : s.events()) {
      events.add(redactor.redact(e));
    }
    events = gate.payloads(events);
    Environment environment = s.environment() == null
        ? new Environment(null, null) : s.environment().redacted(redactor);
    ErrorInfo failure = s.failure() == null ? null : redactor.redact(s.failure());
    Trigger t = s.trigger();
    Trigger trigger = t == null ? null : new Trigger(t.kind(),
        gate.text(LeakGate.MANIFEST, redactor.redactText(t.reason())),
        gate.text(LeakGate.MANIFEST, t.ticket()), t.scopeId(),
        gate.text(LeakGate.MANIFEST, redactor.redactText(t.failure())), t.suppressedDuplicates());

    PayloadPlan plan = new PayloadPlan(config.maxPayloadBytes(), config.maxBundleBytes());
    List<Event> planned = plan.apply(events);
    gate.attributePayloads(planned);

    Map<String, Entry> entries = new LinkedHashMap<>();
    ObjectWriter pretty = mapper.writerWithDefaultPrettyPrinter();
    entries.put("environment.json", new Entry("environment.json",
        gate.json("environment.json", utf8(pretty, environment), true), "application/json"));

    // One generator writes every event into one buffer, line after line (the same bytes as
    // utf8() per event, without a String and a copy per event); the leak gate reads each line
    // in place and replaces it only when it finds something.
    // Sized for the usual line (400 to 600 bytes: an exchange with a few headers, a statement
    // with its binds), so that a large bundle does not copy its lines twice while growing;
    // past 64 MiB it grows as it needs.
    Utf8Buffer lines =
        new Utf8Buffer((int) Math.min(64L << 20, 64 * 1024 + planned.size() * 640L));
    Map<String, Long> counts = new LinkedHashMap<>();
    try (SequenceWriter sequence = mapper.writerFor(Event.class).withRootValueSeparator("")
        .without(SerializationFeature.CLOSE_CLOSEABLE)
        .with(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(lines)) {
      for (Event e : planned) {
        int start = lines.size();
        sequence.write(e);
        byte[] replaced = gate.json(BundleReader.EVENTS, lines.buffer(), start, lines.size(), false);
        if (replaced != null) {
          lines.truncate(start);
          lines.writeBytes(replaced, 0, replaced.length);
        }
        lines.writeByte('\n');
        counts.merge(typeName(e), 1L, Long::sum);
      }
    }
    entries.put("events.jsonl", new Entry("events.jsonl", lines.buffer(), lines.size(),
        "application/x-ndjson"));
    for (PayloadPlan.External x : plan.externals) {
      entries.put(x.name(), new Entry(x.name(), x.data(), x.mediaType()));
    }
    if (failure != null) {
      entries.put("failure.json", new Entry("failure.json",
          gate.json("failure.json", utf8(pretty, failure), true), "application/json"));
    }
    AppInfo app = s.application() == null ? AppInfo.UNKNOWN : s.application();
    String readme = Readme.text(s, trigger, app, failure, counts, planned.size(), plan);
    entries.put("README.md", new Entry("README.md",
        gate.bytes("README.md", "text/markdown", readme.getBytes(StandardCharsets.UTF_8)),
        "text/markdown"));

    List<BundleEntry> listed = new ArrayList<>(entries.size());
    // One digest per bundle: looking one up per entry cost as much as hashing 4 KiB.
    MessageDigest digest = sha256();
    for (Entry e : entries.values()) {
      listed.add(new BundleEntry(e.name, e.length, sha256(digest, e.bytes, e.length),
          e.mediaType));
    }
    Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.VERSION, s.bundleId(),
        s.createdAt(), trigger, new Manifest.Producer("reprokit", producerVersion()), app,
        redactor.summary(), counts, s.eventsEvicted(), plan.truncations, listed, gate.hits());

    Map<String, Entry> ordered = new LinkedHashMap<>();
    // Written straight into bytes: the manifest of a large bundle lists thousands of entries.
    Utf8Buffer manifestJson = new Utf8Buffer(4096 + listed.size() * 256);
    pretty.writeValue(manifestJson, manifest); // the same bytes as utf8(pretty, manifest)
    ordered.put(Manifest.ENTRY, new Entry(Manifest.ENTRY, manifestJson.buffer(),
        manifestJson.size(), "application/json"));
    ordered.putAll(entries);
    return ordered;
  }

  /**
   * JSON as valid UTF-8 even when a string holds a lone surrogate (text cut in the middle of
   * a character): such a char becomes {@code ?} instead of bytes no UTF-8 decoder accepts.
   */
  private static byte[] utf8(ObjectWriter writer, Object value) throws IOException {
    return writer.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
  }

  /** Applies the payload caps and decides which payloads become entries. */
  static final class PayloadPlan {
    private static final java.util.regex.Pattern NOT_ALPHANUMERIC =
        java.util.regex.Pattern.compile("[^A-Za-z0-9]+");
    private static final java.util.regex.Pattern TRAILING_DASHES =
        java.util.regex.Pattern.compile("-+$");

    record External(String name, byte[] data, String mediaType) {}

    final List<External> externals = new ArrayList<>();
    final List<Truncation> truncations = new ArrayList<>();
    private final int maxPayload;
    private long budget;
    private final Set<String> names = new HashSet<>();
    /** A payload field's part of an entry name (fields such as responseBody repeat). */
    private final Map<String, String> fileStems = new HashMap<>();

    PayloadPlan(int maxPayload, long maxBundle) {
      this.maxPayload = maxPayload;
      this.budget = maxBundle;
    }

    /** Newest events first get the bundle budget; returns the events in their order. */
    List<Event> apply(List<Event> events) throws IOException {
      Event[] out = new Event[events.size()];
      List<List<Truncation>> perEvent = new ArrayList<>(Collections.nCopies(events.size(), null));
      List<List<External>> extPerEvent = new ArrayList<>(Collections.nCopies(events.size(), null));
      for (int i = events.size() - 1; i >= 0; i--) {
        List<Truncation> tr = new ArrayList<>();
        List<External> ex = new ArrayList<>();
        out[i] = Payloads.map(events.get(i), (seq, field, p) -> plan(seq, field, p, tr, ex));
        perEvent.set(i, tr);
        extPerEvent.set(i, ex);
      }
      for (int i = 0; i < out.length; i++) { // manifest and zip list them in timeline order
        truncations.addAll(perEvent.get(i));
        externals.addAll(extPerEvent.get(i));
      }
      return List.of(out);
    }

    private Payload plan(long seq, String field, Payload p, List<Truncation> tr,
        List<External> ex) {
      byte[] data = p.data() == null ? new byte[0] : p.data();
      int kept = data.length;
      String reason = p.truncated() ? Truncation.CAPTURE : null;
      if (kept > maxPayload) {
        kept = maxPayload;
        reason = Truncation.PAYLOAD_CAP;
      }
      if (kept > budget) {
        kept = (int) Math.max(0, budget);
        reason = Truncation.BUNDLE_CAP;
      }
      budget -= kept;
      byte[] keptData = kept == data.length ? p.data() : java.util.Arrays.copyOf(data, kept);
      String entry = null;
      if (kept > INLINE_LIMIT) {
        entry = entryName(seq, field, p.contentType());
        ex.add(new External(entry, keptData, mediaType(p.contentType())));
      }
      if (reason != null) {
        long original = p.originalSize() >= 0 ? p.originalSize()
            : (p.abandoned() ? -1 : data.length);
        tr.add(new Truncation(seq, field, entry, reason, original, kept));
      }
      Payload result = new Payload(p.contentType(), p.originalSize(),
          entry == null ? keptData : null, entry, p.abandoned());
      return kept < data.length && p.originalSize() < 0 && !p.abandoned()
          ? new Payload(p.contentType(), data.length, result.data(), entry, false)
          : result;
    }

    private String entryName(long seq, String field, String contentType) {
      String base = "payloads/" + seq + "-" + fileStems.computeIfAbsent(field, f ->
          TRAILING_DASHES.matcher(NOT_ALPHANUMERIC.matcher(f).replaceAll("-")).replaceAll(""));
      String ext = extension(contentType);
      String name = base + ext;
      for (int n = 2; !names.add(name); n++) {
        name = base + "-" + n + ext;
      }
      return name;
    }
  }

  static String extension(String contentType) {
    String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (ct.contains("json")) {
      return ".json";
    }
    if (ct.contains("xml")) {
      return ".xml";
    }
    if (ct.contains("html")) {
      return ".html";
    }
    if (ct.startsWith("text/") || ct.contains("x-www-form-urlencoded")) {
      return ".txt";
    }
    return ".bin";
  }

  private static String mediaType(String contentType) {
    return contentType == null || contentType.isBlank()
        ? "application/octet-stream" : contentType;
  }

  private static final Map<Class<?>, String> TYPE_NAMES = typeNames();

  private static Map<Class<?>, String> typeNames() {
    Map<Class<?>, String> names = new HashMap<>();
    for (JsonSubTypes.Type t : Event.class.getAnnotation(JsonSubTypes.class).value()) {
      names.put(t.value(), t.name());
    }
    return Map.copyOf(names);
  }

  /** The JSON {@code type} name of an event. */
  static String typeName(Event e) {
    return TYPE_NAMES.getOrDefault(e.getClass(), e.getClass().getSimpleName());
  }

  static String sha256(byte[] bytes, int length) {
    return sha256(sha256(), bytes, length);
  }

  /** The hex SHA-256 of {@code bytes[0, length)}; {@code digest} is reset by it. */
  private static String sha256(MessageDigest digest, byte[] bytes, int length) {
    digest.update(bytes, 0, length);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** The ReproKit version from the core jar's manifest, else {@code dev}. */
  static String producerVersion() {
    String v = BundleWriter.class.getPackage() == null
        ? null : BundleWriter.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }

  // ---- the file --------------------------------------------------------------------------

  private static void checkInterrupt() throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException(
          "the thread was interrupted; the bundle was not written (interrupt status kept)");
    }
  }

  private static String fileName(Snapshot s) {
    String time = NAME_TIME.format(s.createdAt() == null
        ? java.time.Instant.now() : s.createdAt());
    String kind = s.trigger() == null || s.trigger().kind() == null
        ? "capture" : s.trigger().kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String id = s.bundleId() == null ? "" : s.bundleId().replaceAll("[^A-Za-z0-9]", "");
    if (id.isEmpty()) {
      id = UUID.randomUUID().toString().replace("-", "");
    }
    return time + "-" + kind + "-" + id.substring(0, Math.min(12, id.length()));
  }

  /** Gives the complete temporary file a final name that no other bundle has. */
  private static Path publish(Path temp, Path dir, String base) throws IOException {
    for (int n = 1; ; n++) {
      Path target = dir.resolve(n == 1 ? base + SUFFIX : base + "-" + n + SUFFIX);
      try {
        Files.createLink(target, temp); // atomic and never replaces an existing file
      } catch (FileAlreadyExistsException taken) {
        if (n > 1000) {
          throw taken;
        }
        continue;
      } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
        // e.g. a file system without hard links: an atomic rename, after checking the name
        if (Files.exists(target)) {
          continue;
        }
        try {
          return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          return Files.move(temp, target);
        }
      }
      try {
        Files.delete(temp);
      } catch (IOException stillThere) {
        // the bundle is complete under its final name; the temporary name is removed later
        // by cleanStaleTemporaryFiles
      }
      return target;
    }
  }

  /** A new file (never an existing one) whose data reaches the disk before close returns. */
  private static OutputStream openSynced(Path temp) throws IOException {
    Files.createFile(temp);
    FileOutputStream file = new FileOutputStream(temp.toFile());
    return new FilterOutputStream(file) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        file.write(b, off, len);
      }

      private boolean closed;

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        try (FileOutputStream closing = file) {
          closing.getFD().sync();
        }
      }
    };
  }

  /**
   * Deletes temporary files that a killed JVM left in {@code directory}: those of processes
   * that no longer run, and any older than an hour. Bundles ({@code *.repro.zip}) are never
   * touched. Missing directory: nothing to do.
   *
   * @return how many files were deleted
   */
  public static int cleanStaleTemporaryFiles(Path directory) throws IOException {
    return cleanStaleTemporaryFiles(directory, STALE_AFTER);
  }

  static int cleanStaleTemporaryFiles(Path directory, Duration staleAfter) throws IOException {
    if (directory == null || !Files.isDirectory(directory)) {
      return 0;
    }
    long self = ProcessHandle.current().pid();
    long cutoff = System.currentTimeMillis() - staleAfter.toMillis();
    int deleted = 0;
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(directory, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
      for (Path p : stream) {
        if (!Files.isRegularFile(p)) {
          continue;
        }
        long pid = pidOf(p.getFileName().toString());
        boolean ownerGone = pid > 0 && pid != self && ProcessHandle.of(pid).isEmpty();
        FileTime modified = Files.getLastModifiedTime(p);
        if (ownerGone || modified.toMillis() < cutoff) {
          if (Files.deleteIfExists(p)) {
            deleted++;
          }
        }
      }
    }
    return deleted;
  }

  private static long pidOf(String name) {
    int start = TEMP_PREFIX.length();
    int end = name.indexOf('-', start);
    if (end <= start) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(start, end));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
