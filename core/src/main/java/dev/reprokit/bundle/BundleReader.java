package dev.reprokit.bundle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.reprokit.BundleFormatException;
import dev.reprokit.env.Environment;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.internal.json.ReproJson;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads a bundle safely. A bundle is untrusted input: the reader never writes anywhere,
 * holds at most {@link ReaderLimits#maxTotalBytes()} in memory, and reports every problem
 * as a {@link BundleFormatException} naming the entry, the problem and what to do.
 *
 * <pre>{@code
 * List<Event> events = BundleReader.create().read(path).events();
 * }</pre>
 *
 * <p>What it checks: the zip's central directory and its local entries agree (same names,
 * same order); {@code manifest.json} is the first entry, of format {@value Manifest#FORMAT}
 * and a known major version (newer minor versions are read); entry names are relative,
 * without {@code ..}, backslashes, drive letters or control characters, and unique; every
 * entry is listed in the manifest and every listed entry is present, with the listed size
 * and SHA-256; entry count, entry size, total inflated size (counted while inflating, never
 * taken from the zip's headers) and compression ratio stay within the {@link ReaderLimits};
 * JSON nesting depth and string length are bounded; every payload an event refers to exists.
 *
 * <p>Thread-safe: one reader may read many bundles concurrently.
 */
public final class BundleReader {
  static final String ENVIRONMENT = "environment.json";
  static final String EVENTS = "events.jsonl";
  static final String FAILURE = "failure.json";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private final ReaderLimits limits;
  private final ObjectMapper mapper;

  private BundleReader(ReaderLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.mapper = ReproJson.boundedMapper(limits.maxJsonDepth(), limits.maxJsonStringLength());
  }

  /** A reader with {@link ReaderLimits#DEFAULT}. */
  public static BundleReader create() {
    return new BundleReader(ReaderLimits.DEFAULT);
  }

  /** A reader with other limits. */
  public static BundleReader withLimits(ReaderLimits limits) {
    return new BundleReader(limits);
  }

  /** The limits. */
  public ReaderLimits limits() {
    return limits;
  }

  /**
   * Reads and verifies a bundle.
   *
   * @throws BundleFormatException if the file is missing, damaged, hostile or of an unknown
   *     major version; the message names the entry and the problem
   */
  public Bundle read(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new BundleFormatException(null,
          "no bundle file at " + file + ": check the path (bundles end in .repro.zip)");
    }
    ZipDirectory.check(file, limits);
    Map<String, Long> declared = new java.util.HashMap<>();
    List<String> directory = centralDirectory(file, declared);
    if (!directory.contains(Manifest.ENTRY)) {
      throw new BundleFormatException(Manifest.ENTRY,
          "missing: this zip is not a ReproKit bundle (every bundle starts with manifest.json)");
    }
    if (!directory.get(0).equals(Manifest.ENTRY)) {
      throw new BundleFormatException(Manifest.ENTRY, "is not the first entry (the first is '"
          + printable(directory.get(0)) + "'): the bundle was not written by ReproKit or was"
          + " repacked; ask for the original file");
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    Manifest manifest = readEntries(file, directory, declared, entries);
    for (BundleEntry listed : manifest.entries()) {
      if (!entries.containsKey(listed.name())) {
        throw new BundleFormatException(printable(listed.name()),
            "listed in manifest.json but missing from the zip: the bundle is incomplete;"
                + " ask for the file again");
      }
    }
    for (String required : List.of(ENVIRONMENT, EVENTS)) {
      if (!entries.containsKey(required)) {
        throw new BundleFormatException(required,
            "missing: every bundle has one; the bundle is incomplete");
      }
    }
    Environment environment = parse(ENVIRONMENT, entries.get(ENVIRONMENT), Environment.class);
    ErrorInfo failure = entries.containsKey(FAILURE)
        ? parse(FAILURE, entries.get(FAILURE), ErrorInfo.class) : null;
    List<Event> events = new ArrayList<>();
    int skipped = readEvents(entries, events);
    return new Bundle(file, manifest, environment, events, skipped, failure, entries);
  }

  // ---- the zip -----------------------------------------------------------------------------

  /** Entry names from the central directory, checked, in order. */
  private List<String> centralDirectory(Path file, Map<String, Long> declared) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        String name = entry.getName();
        declared.put(name, entry.getSize());
        if (names.size() >= limits.maxEntries()) {
          throw new BundleFormatException(null, "more than " + limits.maxEntries()
              + " entries (maxEntries): refusing a bundle this large");
        }
        checkName(name);
        if (!seen.add(name)) {
          throw new BundleFormatException(printable(name),
              "appears twice in the zip: a duplicate entry can hide content; refusing it");
        }
        names.add(name);
      }
    } catch (ZipException | IllegalArgumentException e) { // IAE: names that are not UTF-8
      throw new BundleFormatException(null, "not a readable zip file (" + e.getMessage()
          + "): the file is truncated or damaged; ask for it again", e);
    } catch (IOException e) {
      throw new BundleFormatException(null, "cannot read " + file + ": " + e, e);
    }
    if (names.isEmpty()) {
      throw new BundleFormatException(Manifest.ENTRY,
          "missing: the zip is empty, not a ReproKit bundle");
    }
    return names;
  }

  /** Streams the local entries, verifying them against the directory and the manifest. */
  private Manifest readEntries(Path file, List<String> directory, Map<String, Long> declared,
      Map<String, byte[]> out) {
    Manifest manifest = null;
    Map<String, BundleEntry> listed = Map.of();
    long[] total = {0};
    String current = null;
    try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
        ZipInputStream zip = new ZipInputStream(counted, StandardCharsets.UTF_8)) {
      ZipEntry ze;
      int index = 0;
      while ((ze = zip.getNextEntry()) != null) {
        String name = ze.getName();
        current = name;
        checkName(name);
        if (index >= directory.size() || !directory.get(index).equals(name)) {
          throw new BundleFormatException(printable(name), "the zip's local entries disagree"
              + " with its central directory (a tampered or repacked zip); refusing it");
        }
        if (out.containsKey(name)) {
          throw new BundleFormatException(printable(name), "appears twice in the zip");
        }
        long size = ze.getSize() >= 0 ? ze.getSize() : declared.getOrDefault(name, -1L);
        byte[] data = size >= 0 ? inflateExactly(zip, counted, name, total, size)
            : inflate(zip, counted, name, total);
        if (index == 0) {
          manifest = parseManifest(data);
          listed = listing(manifest);
        } else {
          BundleEntry expected = listed.get(name);
          if (expected == null) {
            throw new BundleFormatException(printable(name), "is not listed in manifest.json:"
                + " something was added to the bundle after it was written; refusing it");
          }
          if (expected.size() != data.length) {
            throw new BundleFormatException(name, "has " + data.length + " bytes but"
                + " manifest.json lists " + expected.size() + ": the bundle was changed or"
                + " damaged; ask for the original file");
          }
          String actual = BundleWriter.sha256(data, data.length);
          if (!actual.equals(expected.sha256())) {
            throw new BundleFormatException(name, "SHA-256 mismatch (expected "
                + expected.sha256() + ", found " + actual + "): the bundle was changed or"
                + " damaged; ask for the original file");
          }
        }
        out.put(name, data);
        index++;
        current = null;
      }
      if (index < directory.size()) {
        throw new BundleFormatException(printable(directory.get(index)), "is in the zip's"
            + " directory but its data could not be read: the file is truncated or damaged");
      }
    } catch (BundleFormatException e) {
      throw e;
    } catch (ZipException | EOFException | IllegalArgumentException e) {
      throw new BundleFormatException(current == null ? null : printable(current),
          "damaged zip data (" + e.getMessage() + "): the file is truncated or corrupted;"
              + " ask for it again", e);
    } catch (IOException e) {
      throw new BundleFormatException(current == null ? null : printable(current),
          "cannot read " + file + ": " + e, e);
    }
    if (manifest == null) {
      throw new BundleFormatException(Manifest.ENTRY, "missing");
    }
    return manifest;
  }

  /**
   * Inflates an entry into an array of the size its headers declare, allocated once: no
   * growing buffer and no final copy, so a bundle at the limits needs about
   * {@link ReaderLimits#maxTotalBytes()} of heap, not two or three times an entry more. An
   * entry that inflates to more or fewer bytes than declared is refused.
   */
  private byte[] inflateExactly(ZipInputStream zip, CountingInputStream counted, String name,
      long[] total, long size) throws IOException {
    if (size > limits.maxEntryBytes()) {
      throw new BundleFormatException(printable(name), "declares " + size + " bytes, more"
          + " than " + limits.maxEntryBytes() + " (maxEntryBytes): a zip bomb or an"
          + " unexpectedly large bundle; raise ReaderLimits.maxEntryBytes if you trust it");
    }
    if (total[0] + size > limits.maxTotalBytes()) {
      throw new BundleFormatException(printable(name), "the bundle inflates to more than "
          + limits.maxTotalBytes() + " bytes in total (maxTotalBytes): a zip bomb or an"
          + " unexpectedly large bundle; raise ReaderLimits.maxTotalBytes if you trust it");
    }
    long compressedStart = counted.count;
    byte[] data = new byte[(int) size];
    byte[] buf = new byte[16 * 1024];
    int filled = 0;
    int n;
    while ((n = zip.read(buf)) > 0) {
      if (filled + (long) n > size) {
        throw new BundleFormatException(printable(name), "inflates to more than the " + size
            + " bytes its headers declare: the zip is damaged or was tampered with; refusing"
            + " it");
      }
      System.arraycopy(buf, 0, data, filled, n);
      filled += n;
      total[0] += n;
      long compressed = Math.max(1, counted.count - compressedStart);
      if (filled > ReaderLimits.RATIO_CHECK_AFTER_BYTES
          && filled / compressed > limits.maxCompressionRatio()) {
        throw new BundleFormatException(printable(name), "compression ratio above "
            + limits.maxCompressionRatio() + ":1 (maxCompressionRatio): looks like a zip bomb;"
            + " refusing it");
      }
    }
    if (filled != size) {
      throw new BundleFormatException(printable(name), "inflates to " + filled + " bytes but"
          + " its headers declare " + size + ": the file is truncated or damaged; ask for it"
          + " again");
    }
    return data;
  }

  private byte[] inflate(ZipInputStream zip, CountingInputStream counted, String name,
      long[] total) throws IOException {
    long compressedStart = counted.count;
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[16 * 1024];
    long inflated = 0;
    int n;
    while ((n = zip.read(buf)) > 0) {
      inflated += n;
      total[0] += n;
      if (inflated > limits.maxEntryBytes()) {
        throw new BundleFormatException(printable(name), "inflates to more than "
            + limits.maxEntryBytes() + " bytes (maxEntryBytes): a zip bomb or an"
            + " unexpectedly large bundle; raise ReaderLimits.maxEntryBytes if you trust it");
      }
      if (total[0] > limits.maxTotalBytes()) {
        throw new BundleFormatException(printable(name), "the bundle inflates to more than "
            + limits.maxTotalBytes() + " bytes in total (maxTotalBytes): a zip bomb or an"
            + " unexpectedly large bundle; raise ReaderLimits.maxTotalBytes if you trust it");
      }
      long compressed = Math.max(1, counted.count - compressedStart);
      if (inflated > ReaderLimits.RATIO_CHECK_AFTER_BYTES
          && inflated / compressed > limits.maxCompressionRatio()) {
        throw new BundleFormatException(printable(name), "compression ratio above "
            + limits.maxCompressionRatio() + ":1 (maxCompressionRatio): looks like a zip bomb;"
            + " refusing it");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** Counts the compressed bytes the inflater has consumed (to within one buffer). */
  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += Math.max(0, s);
      return s;
    }
  }

  /** Rejects names that could escape a directory or mean different files on other systems. */
  static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new BundleFormatException(null, "an entry has an empty name; refusing the bundle");
    }
    String shown = printable(name);
    if (name.length() > 255) {
      throw new BundleFormatException(shown.substring(0, 64) + "…",
          "entry name longer than 255 characters; refusing it");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new BundleFormatException(shown, "entry name contains control characters;"
            + " refusing it");
      }
    }
    if (name.indexOf('\\') >= 0) {
      throw new BundleFormatException(shown, "entry name contains a backslash, which some"
          + " systems read as a directory separator; refusing it");
    }
    if (name.startsWith("/")) {
      throw new BundleFormatException(shown, "absolute entry path; bundles hold only relative"
          + " names; refusing it");
    }
    if (DRIVE.matcher(name).matches() || name.indexOf(':') >= 0) {
      throw new BundleFormatException(shown, "entry name contains ':' (a drive letter or"
          + " stream name); refusing it");
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..")) {
        throw new BundleFormatException(shown, "entry path contains '..' and could escape"
            + " its directory (zip slip); refusing it");
      }
      if (segment.isEmpty() || segment.equals(".")) {
        throw new BundleFormatException(shown, "entry path has an empty or '.' segment"
            + " (directories are not part of a bundle); refusing it");
      }
    }
  }

  static String printable(String name) {
    if (name == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(Math.min(name.length(), 300));
    for (int i = 0; i < name.length() && i < 300; i++) {
      char c = name.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return b.toString();
  }

  // ---- JSON --------------------------------------------------------------------------------

  private Manifest parseManifest(byte[] data) {
    JsonNode tree = parse(Manifest.ENTRY, data, JsonNode.class);
    if (tree == null || !tree.isObject()) {
      throw new BundleFormatException(Manifest.ENTRY, "is not a JSON object");
    }
    JsonNode format = tree.get("format");
    if (format == null || !Manifest.FORMAT.equals(format.asText())) {
      throw new BundleFormatException(Manifest.ENTRY, "format is "
          + (format == null ? "missing" : "'" + printable(format.asText()) + "'")
          + ", not '" + Manifest.FORMAT + "': this is not a ReproKit bundle");
    }
    JsonNode version = tree.get("version");
    String v = version == null ? "" : version.asText();
    if (!v.matches("\\d{1,4}\\.\\d{1,4}")) {
      throw new BundleFormatException(Manifest.ENTRY, "version '" + printable(v)
          + "' is not major.minor such as " + Manifest.VERSION);
    }
    int major = Integer.parseInt(v.substring(0, v.indexOf('.')));
    if (major != Manifest.MAJOR_VERSION) {
      throw new BundleFormatException(Manifest.ENTRY, "format version " + v + " has major"
          + " version " + major + ", but this reader understands only major version "
          + Manifest.MAJOR_VERSION + ": " + (major > Manifest.MAJOR_VERSION
              ? "update ReproKit to read it" : "read it with the ReproKit release that wrote it"));
    }
    Manifest manifest;
    try {
      manifest = mapper.treeToValue(tree, Manifest.class);
    } catch (JsonProcessingException e) {
      throw new BundleFormatException(Manifest.ENTRY, "does not describe a bundle: "
          + describe(e), e);
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException(Manifest.ENTRY, "does not describe a bundle: "
          + e.getMessage(), e);
    }
    if (manifest.entries() == null) {
      throw new BundleFormatException(Manifest.ENTRY, "lists no entries");
    }
    return manifest;
  }

  private static Map<String, BundleEntry> listing(Manifest manifest) {
    Map<String, BundleEntry> listed = new LinkedHashMap<>();
    for (BundleEntry e : manifest.entries()) {
      if (e == null) {
        throw new BundleFormatException(Manifest.ENTRY, "lists a null entry");
      }
      checkName(e.name());
      if (e.name().equals(Manifest.ENTRY)) {
        throw new BundleFormatException(Manifest.ENTRY, "lists itself as an entry");
      }
      if (e.sha256() == null || !SHA256.matcher(e.sha256()).matches()) {
        throw new BundleFormatException(printable(e.name()), "manifest.json gives no valid"
            + " SHA-256 (64 lowercase hex digits) for it");
      }
      if (listed.put(e.name(), e) != null) {
        throw new BundleFormatException(printable(e.name()), "is listed twice in manifest.json");
      }
    }
    return listed;
  }

  private <T> T parse(String entry, byte[] data, Class<T> type) {
    try {
      T value = mapper.readValue(data, type);
      if (value == null) {
        throw new BundleFormatException(entry, "is empty or JSON null");
      }
      return value;
    } catch (JsonProcessingException e) {
      StreamConstraintsException limit = limitExceeded(e);
      if (limit != null) {
        throw new BundleFormatException(entry, "exceeds the JSON limits ("
            + limit.getOriginalMessage() + "): refusing it; raise ReaderLimits.maxJsonDepth or"
            + " maxJsonStringLength if you trust the bundle", e);
      }
      throw new BundleFormatException(entry, "is not valid: " + describe(e), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new BundleFormatException(entry, "is not valid: " + e.getMessage(), e);
    }
  }

  private int readEvents(Map<String, byte[]> entries, List<Event> events) {
    byte[] data = entries.get(EVENTS);
    ObjectReader reader = mapper.readerFor(Event.class);
    Map<String, byte[]> copies = new java.util.HashMap<>();
    int skipped = 0;
    int line = 0;
    int start = 0;
    while (start < data.length) {
      int end = start;
      while (end < data.length && data[end] != '\n') {
        end++;
      }
      line++;
      if (end > start && !(end == start + 1 && data[start] == '\r')) {
        Event event;
        try {
          event = reader.readValue(data, start, end - start);
        } catch (JsonProcessingException e) {
          StreamConstraintsException limit = limitExceeded(e);
          if (limit != null) {
            throw new BundleFormatException(EVENTS, "line " + line + " exceeds the JSON limits ("
                + limit.getOriginalMessage() + "): refusing it; raise ReaderLimits.maxJsonDepth"
                + " or maxJsonStringLength if you trust the bundle", e);
          }
          throw new BundleFormatException(EVENTS, "line " + line + " is not a valid event: "
              + describe(e), e);
        } catch (IOException | IllegalArgumentException e) {
          throw new BundleFormatException(EVENTS, "line " + line + " is not a valid event: "
              + e.getMessage(), e);
        }
        if (event == null) {
          skipped++; // an event type of a newer minor version
        } else {
          events.add(resolvePayloads(event, line, entries, copies));
        }
      }
      start = end + 1;
    }
    return skipped;
  }

  /**
   * Puts each payload's bytes back from its entry. Events share one copy per entry (never the
   * raw entry), so that many references to one entry cannot multiply memory.
   */
  private static Event resolvePayloads(Event event, int line, Map<String, byte[]> entries,
      Map<String, byte[]> copies) {
    try {
      return Payloads.map(event, (seq, field, p) -> {
        if (p.entry() == null) {
          return p;
        }
        byte[] data = entries.get(p.entry());
        if (data == null || p.entry().equals(Manifest.ENTRY)) {
          throw new BundleFormatException(EVENTS, "line " + line + ": event " + seq + " ("
              + field + ") refers to payload entry '" + printable(p.entry()) + "', which the"
              + " bundle does not contain: the bundle is incomplete");
        }
        return p.withData(copies.computeIfAbsent(p.entry(), name -> data.clone()));
      });
    } catch (IOException e) {
      throw new BundleFormatException(EVENTS, "line " + line + ": " + e.getMessage(), e);
    }
  }

  /** The stream limit behind a parse failure, also when data binding wrapped it. */
  private static StreamConstraintsException limitExceeded(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StreamConstraintsException limit) {
        return limit;
      }
    }
    return null;
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return e.getOriginalMessage() + where;
  }
}
