package dev.reprokit.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reprokit.AppInfo;
import dev.reprokit.RecorderConfig;
import dev.reprokit.TriggerKind;
import dev.reprokit.bundle.BundleWriter;
import dev.reprokit.bundle.Snapshot;
import dev.reprokit.bundle.Trigger;
import dev.reprokit.env.Environment;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.MarkEvent;
import dev.reprokit.event.Payload;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Hostile bundles for the reader and the CLI: each {@link Case} writes one file that a
 * {@code BundleReader} must refuse with a {@code BundleFormatException} (and the CLI with exit
 * code 3), without writing anywhere and within a 256 MiB heap. Files are made on demand, one at
 * a time; the large ones (bombs, 100,000 entries) are streamed to disk, never held in memory.
 *
 * <pre>{@code
 * for (HostileBundles.Case c : HostileBundles.all()) {
 *   Path file = c.create(dir);
 *   assertThatThrownBy(() -> BundleReader.create().read(file))
 *       .isInstanceOf(BundleFormatException.class);
 * }
 * }</pre>
 *
 * <p>Thread-safe: every case writes only the file it is asked for.
 */
public final class HostileBundles {
  private HostileBundles() {}

  /** Writes one hostile file into a directory. */
  @FunctionalInterface
  public interface Maker {
    void write(Path file) throws IOException;
  }

  /**
   * One hostile bundle.
   *
   * @param name short id, also the file name stem
   * @param attack what it tries
   * @param maker writes the file
   */
  public record Case(String name, String attack, Maker maker) {
    /** Writes the file into {@code dir} and returns it. */
    public Path create(Path dir) throws IOException {
      Path file = dir.resolve(name + ".repro.zip");
      maker.write(file);
      return file;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile Map<String, byte[]> genuine;

  /** The entries of a small genuine bundle (manifest first), written once per JVM. */
  public static Map<String, byte[]> genuineEntries() {
    Map<String, byte[]> g = genuine;
    if (g == null) {
      synchronized (HostileBundles.class) {
        if (genuine == null) {
          genuine = writeGenuine();
        }
        g = genuine;
      }
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    g.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** A genuine, readable bundle in {@code dir}: the control case. */
  public static Path genuine(Path dir) throws IOException {
    Path file = dir.resolve("genuine.repro.zip");
    writeZip(file, vouch(genuineEntries(), m -> { }));
    return file;
  }

  private static Map<String, byte[]> writeGenuine() {
    try {
      Path dir = Files.createTempDirectory("reprokit-hostile-genuine");
      byte[] big = new byte[3000];
      Arrays.fill(big, (byte) 'x');
      List<Event> events = List.of(
          new MarkEvent(1, 1_800_000_000_000L, 1, 0, "main", null, "start", Map.of("k", "v")),
          new HttpExchangeEvent(2, 1_800_000_000_001L, 2, 1_000_000, "main", null, "classic",
              "GET", "https://api.example.com/x", "HTTP/1.1",
              List.of(new Header("Accept", "application/json")), null, 200, "OK",
              List.of(new Header("Content-Type", "application/json")),
              Payload.of("application/json", big.length, big), null, 500_000, List.of(), null));
      Snapshot s = new Snapshot("hostile-genuine", Instant.parse("2026-11-27T09:00:00Z"),
          new Trigger(TriggerKind.EXPLICIT, "fixture", null, null, "IllegalStateException: x", 0),
          new AppInfo("shop", "1.0", null, null), new Environment(List.of(), Map.of()), events,
          0, ErrorInfo.of(new IllegalStateException("x")));
      Path file = new BundleWriter(RecorderConfig.builder().bundleDirectory(dir).build())
          .write(s);
      Map<String, byte[]> entries = new LinkedHashMap<>();
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
          entries.put(e.getName(), zip.readAllBytes());
        }
      }
      Files.delete(file);
      Files.delete(dir);
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- building blocks -----------------------------------------------------------------------

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The entries with a manifest that lists every other entry truthfully, then edited. */
  static Map<String, byte[]> vouch(Map<String, byte[]> entries, Consumer<ObjectNode> edit) {
    try {
      ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
      ArrayNode listed = manifest.putArray("entries");
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        if (!e.getKey().equals("manifest.json")) {
          listed.addObject().put("name", e.getKey()).put("size", e.getValue().length)
              .put("sha256", sha256(e.getValue()));
        }
      }
      edit.accept(manifest);
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put("manifest.json", JSON.writeValueAsBytes(manifest));
      entries.forEach((k, v) -> {
        if (!k.equals("manifest.json")) {
          out.put(k, v);
        }
      });
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeZip(Path file, Map<String, byte[]> entries) throws IOException {
    RawZip zip = new RawZip();
    entries.forEach(zip::add);
    zip.write(file);
  }

  /** Genuine entries plus {@code extra}, vouched for by the manifest. */
  private static Maker withEntry(String name, byte[] data) {
    return file -> {
      Map<String, byte[]> entries = genuineEntries();
      entries.put(name, data);
      writeZip(file, vouch(entries, m -> { }));
    };
  }

  /** Genuine entries with one replaced, vouched for by the manifest. */
  private static Maker replacing(String name, byte[] data) {
    return withEntry(name, data);
  }

  /** Genuine entries with the manifest edited after vouching. */
  private static Maker manifestEdit(Consumer<ObjectNode> edit) {
    return file -> writeZip(file, vouch(genuineEntries(), edit));
  }

  /** Genuine entries with the manifest's bytes replaced. */
  private static Maker manifestBytes(byte[] manifest) {
    return file -> {
      Map<String, byte[]> entries = genuineEntries();
      entries.put("manifest.json", manifest);
      writeZip(file, entries);
    };
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] nested(int depth) {
    StringBuilder b = new StringBuilder(depth * 2 + 64);
    b.append("{\"format\":\"reprokit.bundle\",\"version\":\"1.0\",\"deep\":");
    b.append("[".repeat(depth)).append("]".repeat(depth)).append('}');
    return utf8(b.toString());
  }

  /** A JSON document whose one string is {@code chars} long, random letters (compresses ~1.3:1). */
  private static void hugeStringEntry(Path file, String entry, int chars) throws IOException {
    Map<String, byte[]> entries = genuineEntries();
    byte[] prefix = utf8("{\"type\":\"mark\",\"seq\":99,\"name\":\"");
    byte[] suffix = utf8("\"}\n");
    byte[] data = new byte[prefix.length + chars + suffix.length];
    System.arraycopy(prefix, 0, data, 0, prefix.length);
    Random r = new Random(3);
    for (int i = 0; i < chars; i++) {
      data[prefix.length + i] = (byte) ('a' + r.nextInt(26));
    }
    System.arraycopy(suffix, 0, data, prefix.length + chars, suffix.length);
    entries.put(entry, data);
    writeZip(file, vouch(entries, m -> { }));
  }

  /**
   * Entries that each inflate to {@code mib} MiB at a ratio of about 50:1 (below the ratio
   * limit), listed truthfully: only the size limits can stop them.
   */
  private static void bigEntries(Path file, int count, int mib) throws IOException {
    bigEntries(file, count, mib, false);
  }

  private static void bigEntries(Path file, int count, int mib, boolean lyingDirectory)
      throws IOException {
    byte[] block = new byte[1024 * 1024];
    Random r = new Random(11);
    for (int i = 0; i < block.length; i += 64) {
      block[i] = (byte) r.nextInt(256); // one random byte in 64: ratio ~50:1
    }
    byte[] compressed = RawZip.repeatedDeflate(block, mib);
    CRC32 crc = new CRC32();
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < mib; i++) {
      crc.update(block);
      sha.update(block);
    }
    String digest = HexFormat.of().formatHex(sha.digest());
    long size = (long) mib * block.length;
    Map<String, byte[]> entries = genuineEntries();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("payloads/" + (100 + i) + "-responseBody.bin");
    }
    Map<String, byte[]> vouched = vouch(entries, m -> {
      ArrayNode listed = (ArrayNode) m.get("entries");
      for (String n : names) {
        listed.addObject().put("name", n).put("size", size).put("sha256", digest);
      }
    });
    RawZip zip = new RawZip();
    vouched.forEach(zip::add);
    for (String n : names) {
      RawZip.Entry e = zip.add(n, new byte[0]);
      e.compressed = compressed;
      e.declaredSize = size;
      e.declaredCrc = crc.getValue();
      if (lyingDirectory) {
        e.centralSize = 1024L * 1024; // passes the directory checks; the real size does not
      }
    }
    zip.write(file);
  }

  /** {@code count} tiny entries after a manifest that lists them all (written with ZIP64). */
  private static void tinyEntries(Path file, int count) throws IOException {
    Map<String, byte[]> entries = genuineEntries();
    byte[] one = {'x'};
    String oneHash = sha256(one);
    Map<String, byte[]> vouched = vouch(entries, m -> {
      ArrayNode listed = (ArrayNode) m.get("entries");
      for (int i = 0; i < count; i++) {
        listed.addObject().put("name", "payloads/t" + i + ".bin").put("size", 1)
            .put("sha256", oneHash);
      }
    });
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        ZipOutputStream zip = new ZipOutputStream(raw, StandardCharsets.UTF_8)) {
      zip.setLevel(1);
      for (Map.Entry<String, byte[]> e : vouched.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
      for (int i = 0; i < count; i++) {
        zip.putNextEntry(new ZipEntry("payloads/t" + i + ".bin"));
        zip.write(one);
        zip.closeEntry();
      }
    }
  }

  private static Maker rawEntry(String name, Consumer<RawZip.Entry> tweak) {
    return file -> {
      RawZip zip = new RawZip();
      Map<String, byte[]> entries = vouch(genuineEntries(), m -> { });
      entries.forEach(zip::add);
      tweak.accept(zip.add(name, utf8("payload")));
      zip.write(file);
    };
  }

  private static Maker rawGenuine(String entry, Consumer<RawZip.Entry> tweak) {
    return file -> {
      RawZip zip = new RawZip();
      vouch(genuineEntries(), m -> { }).forEach((k, v) -> {
        RawZip.Entry e = zip.add(k, v);
        if (k.equals(entry)) {
          tweak.accept(e);
        }
      });
      zip.write(file);
    };
  }

  private static String payloadEntryName() {
    return genuineEntries().keySet().stream().filter(n -> n.startsWith("payloads/"))
        .findFirst().orElseThrow();
  }

  // ---- the cases -----------------------------------------------------------------------------

  /** Every hostile bundle, at least 30. */
  public static List<Case> all() {
    List<Case> c = new ArrayList<>();
    // Paths that escape or mean something else on other systems
    c.add(new Case("zip-slip-dotdot", "entry ../evil.sh escapes the target directory",
        withEntry("../evil.sh", utf8("#!/bin/sh\necho pwned\n"))));
    c.add(new Case("zip-slip-nested", "entry payloads/../../evil.sh escapes through a subfolder",
        withEntry("payloads/../../evil.sh", utf8("echo pwned"))));
    c.add(new Case("absolute-unix-path", "entry /tmp/reprokit-evil.txt is absolute",
        withEntry("/tmp/reprokit-evil.txt", utf8("pwned"))));
    c.add(new Case("windows-drive-path", "entry C:/Windows/evil.dll names a drive",
        withEntry("C:/Windows/evil.dll", utf8("MZ"))));
    c.add(new Case("windows-drive-backslash", "entry C:\\evil.dll names a drive with a backslash",
        withEntry("C:\\evil.dll", utf8("MZ"))));
    c.add(new Case("backslash-traversal", "entry ..\\..\\evil.bat climbs with backslashes",
        withEntry("..\\..\\evil.bat", utf8("echo pwned"))));
    c.add(new Case("unc-path", "entry \\\\host\\share\\evil names a network share",
        withEntry("\\\\host\\share\\evil", utf8("x"))));
    c.add(new Case("symlink-entry", "a listed entry is a Unix symbolic link to /etc/passwd",
        file -> {
          RawZip zip = new RawZip();
          Map<String, byte[]> entries = genuineEntries();
          entries.put("payloads/passwd", utf8("/etc/passwd"));
          vouch(entries, m -> { }).forEach((k, v) -> {
            RawZip.Entry e = zip.add(k, v);
            if (k.equals("payloads/passwd")) {
              e.unixMode = RawZip.SYMLINK_MODE;
            }
          });
          zip.write(file);
        }));
    c.add(new Case("symlink-escape", "an unlisted symbolic link pointing at ../../../../etc",
        rawEntry("payloads/up", e -> {
          e.data = utf8("../../../../etc");
          e.unixMode = RawZip.SYMLINK_MODE;
        })));
    c.add(new Case("directory-entry", "a directory entry payloads/",
        withEntry("payloads/", new byte[0])));
    c.add(new Case("dot-segment", "entry ./events.jsonl shadows events.jsonl",
        withEntry("./events.jsonl", utf8("{}"))));
    c.add(new Case("control-character-name", "an entry name with a bell and an escape sequence",
        withEntry("payloads/a\u0007\u001b[2Jb.bin", utf8("x"))));
    c.add(new Case("nul-in-name", "an entry name with a NUL byte that truncates it in C tools",
        withEntry("payloads/a\u0000.sh", utf8("x"))));
    c.add(new Case("invalid-utf8-name", "an entry name whose bytes are not UTF-8",
        rawEntry("payloads/x", e -> e.name = e.centralName =
            new byte[] {'p', '/', (byte) 0xc3, (byte) 0x28, (byte) 0xff})));
    c.add(new Case("overlong-name", "an entry name of 4,000 characters",
        withEntry("payloads/" + "a".repeat(4000), utf8("x"))));
    // Duplicates and disagreements inside the zip
    c.add(new Case("duplicate-events", "events.jsonl twice: a second timeline hidden behind"
        + " the first", file -> {
          RawZip zip = new RawZip();
          vouch(genuineEntries(), m -> { }).forEach(zip::add);
          zip.add("events.jsonl", utf8("{\"type\":\"mark\",\"seq\":1,\"name\":\"evil\"}\n"));
          zip.write(file);
        }));
    c.add(new Case("duplicate-manifest", "two manifest.json entries",
        file -> {
          RawZip zip = new RawZip();
          Map<String, byte[]> v = vouch(genuineEntries(), m -> { });
          v.forEach(zip::add);
          zip.add("manifest.json", v.get("manifest.json"));
          zip.write(file);
        }));
    c.add(new Case("local-central-mismatch", "the local header names a different entry than"
        + " the central directory", rawGenuine("events.jsonl",
            e -> {
              e.centralName = e.name;
              e.name = utf8("events.jsonX");
            })));
    c.add(new Case("prepended-junk", "a shell script before the first entry (self-extracting)",
        file -> {
          RawZip zip = new RawZip().prefix(utf8("#!/bin/sh\nrm -rf ~\nexit 0\n"));
          vouch(genuineEntries(), m -> { }).forEach(zip::add);
          zip.write(file);
        }));
    c.add(new Case("encrypted-entry", "an entry flagged as encrypted",
        rawGenuine("events.jsonl", e -> e.flags |= 1)));
    c.add(new Case("unknown-compression", "an entry compressed with method 99 (AES)",
        rawGenuine("events.jsonl", e -> e.method = 99)));
    // Bombs and sizes
    c.add(new Case("zip-bomb-ratio", "16 MiB of zeros deflated about 1000:1",
        withEntry("payloads/bomb.bin", new byte[16 * 1024 * 1024])));
    c.add(new Case("zip-bomb-total", "three listed entries of 60 MiB each at 50:1: 180 MiB in"
        + " total", file -> bigEntries(file, 3, 60)));
    c.add(new Case("zip-bomb-entry", "one listed entry of 100 MiB at 50:1",
        file -> bigEntries(file, 1, 100)));
    c.add(new Case("zip-bomb-total-lying-directory", "three entries of 60 MiB whose central"
        + " directory declares 1 MiB each: only counting real bytes can stop them",
        file -> bigEntries(file, 3, 60, true)));
    c.add(new Case("zip-bomb-entry-lying-directory", "an entry of 100 MiB whose central"
        + " directory declares 1 MiB", file -> bigEntries(file, 1, 100, true)));
    c.add(new Case("declared-size-lie", "an entry whose headers say 10 bytes but inflates to"
        + " 3,000", rawGenuine(payloadEntryName(), e -> e.declaredSize = 10L)));
    c.add(new Case("declared-size-huge", "an entry declaring 2 GiB (hundreds of MiB) for a"
        + " few bytes", rawGenuine("events.jsonl", e -> e.declaredSize = 0x7fffffffL)));
    c.add(new Case("crc-mismatch", "an entry with a wrong CRC-32",
        rawGenuine("events.jsonl", e -> e.declaredCrc = 0xdeadbeefL)));
    c.add(new Case("many-tiny-entries", "100,000 one-byte entries, all listed",
        file -> tinyEntries(file, 100_000)));
    c.add(new Case("huge-json-string", "an event line with a 20-million-character string",
        file -> hugeStringEntry(file, "events.jsonl", 20_000_000)));
    // Listing and hashes
    c.add(new Case("hash-mismatch", "events.jsonl changed after the manifest was written",
        file -> {
          Map<String, byte[]> v = vouch(genuineEntries(), m -> { });
          v.put("events.jsonl", utf8("{\"type\":\"mark\",\"seq\":1,\"name\":\"swapped\"}\n"));
          writeZip(file, v);
        }));
    c.add(new Case("size-mismatch", "the manifest lists a wrong size for environment.json",
        manifestEdit(m -> ((ObjectNode) m.get("entries").get(0)).put("size", 1))));
    c.add(new Case("bad-hash-format", "the manifest gives a hash that is not SHA-256 hex",
        manifestEdit(m -> ((ObjectNode) m.get("entries").get(0)).put("sha256", "zz"))));
    c.add(new Case("unlisted-entry", "an entry the manifest does not list",
        file -> {
          Map<String, byte[]> v = vouch(genuineEntries(), m -> { });
          v.put("payloads/extra.sh", utf8("echo pwned"));
          writeZip(file, v);
        }));
    c.add(new Case("listed-but-missing", "the manifest lists payloads/ghost.bin, which is absent",
        manifestEdit(m -> ((ArrayNode) m.get("entries")).addObject()
            .put("name", "payloads/ghost.bin").put("size", 3)
            .put("sha256", sha256(utf8("abc"))))));
    c.add(new Case("manifest-lists-itself", "the manifest lists manifest.json",
        manifestEdit(m -> ((ArrayNode) m.get("entries")).addObject()
            .put("name", "manifest.json").put("size", 3).put("sha256", sha256(utf8("abc"))))));
    c.add(new Case("manifest-lists-traversal", "the manifest lists ../../etc/passwd",
        manifestEdit(m -> ((ArrayNode) m.get("entries")).addObject()
            .put("name", "../../etc/passwd").put("size", 3).put("sha256", sha256(utf8("abc"))))));
    // The manifest itself
    c.add(new Case("manifest-missing", "no manifest.json at all", file -> {
      Map<String, byte[]> v = genuineEntries();
      v.remove("manifest.json");
      writeZip(file, v);
    }));
    c.add(new Case("manifest-not-first", "manifest.json is the last entry", file -> {
      Map<String, byte[]> v = vouch(genuineEntries(), m -> { });
      byte[] manifest = v.remove("manifest.json");
      v.put("manifest.json", manifest);
      writeZip(file, v);
    }));
    c.add(new Case("manifest-garbled", "manifest.json is not JSON",
        manifestBytes(utf8("{\"format\": \"reprokit.bundle\", \"version\": \"1.0\", \"entr"))));
    c.add(new Case("manifest-empty", "manifest.json is empty", manifestBytes(new byte[0])));
    c.add(new Case("manifest-null", "manifest.json is the JSON literal null",
        manifestBytes(utf8("null"))));
    c.add(new Case("manifest-array", "manifest.json is a JSON array", manifestBytes(utf8("[]"))));
    c.add(new Case("manifest-deeply-nested", "manifest.json nested 100,000 arrays deep",
        manifestBytes(nested(100_000))));
    c.add(new Case("manifest-huge", "a 20-million-character string in manifest.json",
        file -> {
          byte[] head = utf8("{\"format\":\"reprokit.bundle\",\"version\":\"1.0\",\"bundleId\":\"");
          byte[] data = new byte[head.length + 20_000_000 + 2];
          System.arraycopy(head, 0, data, 0, head.length);
          Random r = new Random(5);
          for (int i = head.length; i < data.length - 2; i++) {
            data[i] = (byte) ('a' + r.nextInt(26));
          }
          data[data.length - 2] = '"';
          data[data.length - 1] = '}';
          manifestBytes(data).write(file);
        }));
    c.add(new Case("manifest-invalid-utf8", "manifest.json holds bytes that are not UTF-8",
        manifestBytes(new byte[] {'{', '"', 'f', (byte) 0xc3, (byte) 0x28, '"', ':', '1', '}'})));
    c.add(new Case("unknown-major-version", "format version 2.0",
        manifestEdit(m -> m.put("version", "2.0"))));
    c.add(new Case("garbage-version", "format version 'latest'",
        manifestEdit(m -> m.put("version", "latest"))));
    c.add(new Case("wrong-format", "format 'evil.bundle'",
        manifestEdit(m -> m.put("format", "evil.bundle"))));
    // Entries the reader parses
    c.add(new Case("events-invalid-utf8", "events.jsonl holds bytes that are not UTF-8",
        replacing("events.jsonl", new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"',
            (byte) 0xff, (byte) 0xfe, '"', '}', '\n'})));
    c.add(new Case("events-garbled", "an events.jsonl line that is not JSON",
        replacing("events.jsonl", utf8("{\"type\":\"mark\",\"seq\":1}\nnot json at all\n"))));
    c.add(new Case("events-deeply-nested", "an event nested 5,000 objects deep",
        replacing("events.jsonl", utf8("{\"type\":\"mark\",\"seq\":1,\"unknown\":"
            + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}\n"))));
    c.add(new Case("missing-payload", "an event refers to payloads/999-responseBody.bin, which"
        + " the bundle lacks", replacing("events.jsonl", utf8("{\"type\":\"http\",\"seq\":2,"
            + "\"method\":\"GET\",\"uri\":\"https://x\",\"status\":200,\"responseBody\":"
            + "{\"contentType\":\"text/plain\",\"originalSize\":5,"
            + "\"entry\":\"payloads/999-responseBody.bin\"}}\n"))));
    c.add(new Case("payload-is-manifest", "an event claims manifest.json as its payload",
        replacing("events.jsonl", utf8("{\"type\":\"http\",\"seq\":2,"
            + "\"method\":\"GET\",\"uri\":\"https://x\",\"status\":200,\"responseBody\":"
            + "{\"contentType\":\"text/plain\",\"originalSize\":5,"
            + "\"entry\":\"manifest.json\"}}\n"))));
    c.add(new Case("events-missing", "no events.jsonl, manifest consistent", file -> {
      Map<String, byte[]> v = genuineEntries();
      v.remove("events.jsonl");
      writeZip(file, vouch(v, m -> { }));
    }));
    c.add(new Case("environment-garbled", "environment.json is a JSON string",
        replacing("environment.json", utf8("\"hello\""))));
    c.add(new Case("failure-garbled", "failure.json is not JSON",
        replacing("failure.json", utf8("<html>"))));
    // Not a zip
    c.add(new Case("empty-file", "a zero-byte file", file -> Files.write(file, new byte[0])));
    c.add(new Case("not-a-zip", "4 KiB of random bytes", file -> {
      byte[] b = new byte[4096];
      new Random(9).nextBytes(b);
      Files.write(file, b);
    }));
    c.add(new Case("truncated", "a genuine bundle cut in half", file -> {
      Path whole = Files.createTempFile("reprokit-whole", ".zip");
      try {
        writeZip(whole, vouch(genuineEntries(), m -> { }));
        byte[] b = Files.readAllBytes(whole);
        Files.write(file, Arrays.copyOf(b, b.length / 2));
      } finally {
        Files.deleteIfExists(whole);
      }
    }));
    c.add(new Case("empty-zip", "a zip with no entries", file -> new RawZip().write(file)));
    return List.copyOf(c);
  }
}
