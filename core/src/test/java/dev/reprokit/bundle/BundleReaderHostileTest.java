package dev.reprokit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reprokit.BundleFormatException;
import dev.reprokit.RecorderConfig;
import dev.reprokit.internal.json.ReproJson;
import dev.reprokit.testing.BundleSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle is untrusted input: every kind of damage or attack is a clear BundleFormatException. */
class BundleReaderHostileTest {
  @TempDir Path dir;

  /** The entries of a real bundle, in order, to tamper with. */
  private Map<String, byte[]> genuine;

  @BeforeEach
  void writeGenuineBundle() throws IOException {
    Path bundle = new BundleWriter(RecorderConfig.builder().bundleDirectory(dir.resolve("src"))
        .build()).write(SampleSnapshots.everything());
    BundleSchemas.assertValid(bundle);
    genuine = unzip(bundle);
  }

  private static Map<String, byte[]> unzip(Path bundle) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A manifest listing {@code entries} (all but the manifest) with correct sizes and hashes. */
  private byte[] manifestListing(Map<String, byte[]> entries, String version) throws IOException {
    ObjectNode manifest = (ObjectNode) ReproJson.mapper().readTree(genuine.get("manifest.json"));
    manifest.put("version", version);
    ArrayNode listed = manifest.putArray("entries");
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (!e.getKey().equals("manifest.json")) {
        listed.addObject().put("name", e.getKey()).put("size", e.getValue().length)
            .put("sha256", BundleWriter.sha256(e.getValue(), e.getValue().length));
      }
    }
    return ReproJson.mapper().writeValueAsBytes(manifest);
  }

  /** The genuine entries with some replaced or added, and a manifest that vouches for them. */
  private Path consistentBundle(Map<String, byte[]> changes) throws IOException {
    return consistentBundle(changes, "1.0");
  }

  private Path consistentBundle(Map<String, byte[]> changes, String version) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(genuine);
    entries.putAll(changes);
    entries.put("manifest.json", manifestListing(entries, version));
    return file(zip(entries));
  }

  private Path file(byte[] bytes) throws IOException {
    return Files.write(Files.createTempFile(dir, "hostile", ".repro.zip"), bytes);
  }

  private static BundleFormatException readFails(Path bundle) {
    return readFails(BundleReader.create(), bundle);
  }

  private static BundleFormatException readFails(BundleReader reader, Path bundle) {
    Throwable t = catchThrowable(() -> reader.read(bundle));
    assertThat(t).isInstanceOf(BundleFormatException.class);
    return (BundleFormatException) t;
  }

  private static Map<String, byte[]> one(String name, byte[] data) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put(name, data);
    return m;
  }

  @Test
  void genuineBundleReads() throws IOException {
    assertThat(BundleReader.create().read(consistentBundle(Map.of())).events()).hasSize(12);
  }

  @Test
  void zipSlipEntryIsRejected() throws IOException {
    BundleFormatException e = readFails(consistentBundle(one("../evil.sh", new byte[1])));

    assertThat(e.entry()).isEqualTo("../evil.sh");
    assertThat(e).hasMessageContaining("'..'").hasMessageContaining("zip slip");
  }

  @Test
  void nestedZipSlipEntryIsRejected() throws IOException {
    assertThat(readFails(consistentBundle(one("payloads/../../evil", new byte[1]))))
        .hasMessageContaining("'..'");
  }

  @Test
  void absolutePathIsRejected() throws IOException {
    assertThat(readFails(consistentBundle(one("/etc/cron.d/evil", new byte[1]))))
        .hasMessageContaining("/etc/cron.d/evil").hasMessageContaining("absolute");
  }

  @Test
  void backslashAndDriveLetterAreRejected() throws IOException {
    assertThat(readFails(consistentBundle(one("payloads\\..\\evil", new byte[1]))))
        .hasMessageContaining("backslash");
    assertThat(readFails(consistentBundle(one("C:evil", new byte[1]))))
        .hasMessageContaining("drive letter");
  }

  @Test
  void zipBombByCompressionRatioIsRejected() throws IOException {
    byte[] zeros = new byte[8 * 1024 * 1024]; // deflates about 1000:1

    BundleFormatException e = readFails(consistentBundle(one("payloads/bomb.bin", zeros)));

    assertThat(e.entry()).isEqualTo("payloads/bomb.bin");
    assertThat(e).hasMessageContaining("compression ratio").hasMessageContaining("zip bomb");
  }

  @Test
  void zipBombByTotalSizeIsRejectedCountingRealBytes() throws IOException {
    byte[] noise = new byte[400 * 1024];
    new Random(7).nextBytes(noise); // incompressible: the ratio check cannot catch it
    Map<String, byte[]> changes = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      changes.put("payloads/part-" + i + ".bin", noise);
    }
    BundleReader reader = BundleReader.withLimits(
        ReaderLimits.builder().maxTotalBytes(1024 * 1024).build());

    BundleFormatException e = readFails(reader, consistentBundle(changes));

    assertThat(e).hasMessageContaining("maxTotalBytes").hasMessageContaining("in total");
  }

  @Test
  void entryLargerThanTheEntryCapIsRejected() throws IOException {
    byte[] noise = new byte[300 * 1024];
    new Random(8).nextBytes(noise);
    BundleReader reader = BundleReader.withLimits(
        ReaderLimits.builder().maxEntryBytes(256 * 1024).build());

    BundleFormatException e = readFails(reader, consistentBundle(one("payloads/big.bin", noise)));

    assertThat(e.entry()).isEqualTo("payloads/big.bin");
    assertThat(e).hasMessageContaining("maxEntryBytes");
  }

  @Test
  void tooManyEntriesAreRejected() throws IOException {
    BundleReader reader = BundleReader.withLimits(ReaderLimits.builder().maxEntries(5).build());

    assertThat(readFails(reader, consistentBundle(Map.of()))).hasMessageContaining("maxEntries");
  }

  @Test
  void truncatedFileIsRejected() throws IOException {
    byte[] whole = zip(genuine);

    for (int cut : new int[] {whole.length / 2, whole.length - 10, 30}) {
      assertThat(readFails(file(Arrays.copyOf(whole, cut))))
          .hasMessageContaining("truncated");
    }
  }

  @Test
  void flippedByteInEntryDataIsAHashMismatch() throws IOException {
    byte[] events = genuine.get("events.jsonl").clone();
    events[100] ^= 0x01; // still valid zip data, but not what the manifest vouches for
    Map<String, byte[]> entries = new LinkedHashMap<>(genuine);
    entries.put("events.jsonl", events);

    BundleFormatException e = readFails(file(zip(entries)));

    assertThat(e.entry()).isEqualTo("events.jsonl");
    assertThat(e).hasMessageContaining("SHA-256 mismatch");
  }

  @Test
  void flippedByteInAnyEntrysCompressedDataIsRejected() throws IOException {
    byte[] whole = zip(genuine);
    int flipped = 0;
    for (String name : genuine.keySet()) {
      for (int at : dataRegion(whole, name)) {
        byte[] damaged = whole.clone();
        damaged[at] ^= 0x10;
        Throwable t = catchThrowable(
            () -> BundleReader.create().read(file(damaged)));
        assertThat(t).as("flip in %s at %d", name, at)
            .isInstanceOf(BundleFormatException.class);
        flipped++;
      }
    }
    assertThat(flipped).isEqualTo(3 * genuine.size());
  }

  /** Three offsets inside the compressed data of entry {@code name}: first, middle, near the end. */
  private static int[] dataRegion(byte[] zip, String name) throws IOException {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 30 < zip.length; i++) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4
          && u16(zip, i + 26) == n.length
          && Arrays.equals(Arrays.copyOfRange(zip, i + 30, i + 30 + n.length), n)) {
        int start = i + 30 + n.length + u16(zip, i + 28);
        long compressed;
        Path tmp = Files.createTempFile("region", ".zip");
        try {
          Files.write(tmp, zip);
          try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(tmp.toFile())) {
            compressed = z.getEntry(name).getCompressedSize();
          }
        } finally {
          Files.delete(tmp);
        }
        // not the very last byte: its high bits may be deflate padding that no decoder reads
        int end = start + (int) compressed - 2;
        return new int[] {start, (start + end) / 2, end};
      }
    }
    throw new AssertionError("no local header for " + name);
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  @Test
  void missingManifestIsRejected() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(genuine);
    entries.remove("manifest.json");

    BundleFormatException e = readFails(file(zip(entries)));

    assertThat(e.entry()).isEqualTo("manifest.json");
    assertThat(e).hasMessageContaining("missing").hasMessageContaining("not a ReproKit bundle");
  }

  @Test
  void manifestThatIsNotFirstIsRejected() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(genuine);
    byte[] manifest = entries.remove("manifest.json");
    entries.put("manifest.json", manifest);

    assertThat(readFails(file(zip(entries)))).hasMessageContaining("not the first entry");
  }

  @Test
  void unknownMajorVersionIsRefusedWithAClearMessage() throws IOException {
    BundleFormatException e = readFails(consistentBundle(Map.of(), "2.0"));

    assertThat(e.entry()).isEqualTo("manifest.json");
    assertThat(e).hasMessageContaining("major version 2")
        .hasMessageContaining("update ReproKit");
  }

  @Test
  void notAManifestOfThisFormatIsRefused() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(genuine);
    entries.put("manifest.json",
        "{\"format\":\"other.bundle\",\"version\":\"1.0\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(readFails(file(zip(entries)))).hasMessageContaining("not a ReproKit bundle");
  }

  @Test
  void newerMinorVersionWithUnknownFieldsAndEventTypesStillReads() throws IOException {
    String events = new String(genuine.get("events.jsonl"), StandardCharsets.UTF_8)
        .replaceFirst("\"type\":\"mark\",", "\"type\":\"mark\",\"colour\":\"blue\",")
        + "{\"type\":\"kafka.send\",\"seq\":99,\"topic\":\"orders\"}\n";
    Map<String, byte[]> changes = new LinkedHashMap<>();
    changes.put("events.jsonl", events.getBytes(StandardCharsets.UTF_8));
    changes.put("extras/new-in-1.7.json", "{}".getBytes(StandardCharsets.UTF_8));

    Bundle bundle = BundleReader.create().read(consistentBundle(changes, "1.7"));

    assertThat(bundle.manifest().minorVersion()).isEqualTo(7);
    assertThat(bundle.events()).hasSize(12);
    assertThat(bundle.skippedEvents()).isEqualTo(1);
    assertThat(bundle.entryText("extras/new-in-1.7.json")).contains("{}");
  }

  @Test
  void duplicateEntryIsRejected() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(genuine);
    entries.put("events.jsonX", genuine.get("events.jsonl"));
    byte[] bytes = zip(entries);
    replaceAll(bytes, "events.jsonX", "events.jsonl"); // in local header and central directory

    BundleFormatException e = readFails(file(bytes));

    assertThat(e.entry()).isEqualTo("events.jsonl");
    assertThat(e).hasMessageContaining("twice");
  }

  private static void replaceAll(byte[] bytes, String from, String to) {
    byte[] f = from.getBytes(StandardCharsets.US_ASCII);
    byte[] t = to.getBytes(StandardCharsets.US_ASCII);
    int replaced = 0;
    outer:
    for (int i = 0; i + f.length <= bytes.length; i++) {
      for (int j = 0; j < f.length; j++) {
        if (bytes[i + j] != f[j]) {
          continue outer;
        }
      }
      System.arraycopy(t, 0, bytes, i, t.length);
      replaced++;
    }
    assertThat(replaced).isEqualTo(2);
  }

  @Test
  void entryNameThatIsNotUtf8IsRejected() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(genuine);
    entries.put("payloads/xx", new byte[1]);
    byte[] bytes = zip(entries);
    byte[] name = "payloads/xx".getBytes(StandardCharsets.US_ASCII);
    int patched = 0;
    outer:
    for (int i = 0; i + name.length <= bytes.length; i++) {
      for (int j = 0; j < name.length; j++) {
        if (bytes[i + j] != name[j]) {
          continue outer;
        }
      }
      bytes[i + name.length - 2] = (byte) 0xC3; // a lead byte followed by an ASCII byte
      bytes[i + name.length - 1] = (byte) 0x28;
      patched++;
    }
    assertThat(patched).isEqualTo(2);

    assertThat(readFails(file(bytes))).hasMessageContaining("not a readable zip");
  }

  @Test
  void manyEventsReferringToOnePayloadShareOneCopy() throws IOException {
    String events = new String(genuine.get("events.jsonl"), StandardCharsets.UTF_8);
    String http = events.lines().filter(l -> l.contains("payloads/8-responseBody.json"))
        .findFirst().orElseThrow();
    StringBuilder many = new StringBuilder(events);
    for (int i = 0; i < 200; i++) {
      many.append(http.replace("\"seq\":8,", "\"seq\":" + (1000 + i) + ",")).append('\n');
    }

    Bundle bundle = BundleReader.create().read(consistentBundle(one("events.jsonl",
        many.toString().getBytes(StandardCharsets.UTF_8))));
    List<byte[]> bodies = bundle.events().stream()
        .filter(e -> e instanceof dev.reprokit.event.HttpExchangeEvent h
            && h.responseBody() != null && h.responseBody().entry() != null)
        .map(e -> ((dev.reprokit.event.HttpExchangeEvent) e).responseBody().data()).toList();

    assertThat(bodies).hasSize(201);
    assertThat(bodies).allSatisfy(b -> assertThat(b).isSameAs(bodies.get(0)));
    assertThat(bodies.get(0)).isEqualTo(genuine.get("payloads/8-responseBody.json"));
  }

  @Test
  void localEntriesThatDisagreeWithTheCentralDirectoryAreRejected() throws IOException {
    byte[] bytes = zip(genuine);
    byte[] name = "README.md".getBytes(StandardCharsets.US_ASCII);
    int last = -1;
    outer:
    for (int i = 0; i + name.length <= bytes.length; i++) {
      for (int j = 0; j < name.length; j++) {
        if (bytes[i + j] != name[j]) {
          continue outer;
        }
      }
      last = i; // the central directory comes after the local headers
    }
    bytes[last + 5] = 'X'; // the directory now says READMX.md, the local header README.md

    assertThat(readFails(file(bytes))).hasMessageContaining("disagree with its central directory");
  }

  @Test
  void entryTheManifestDoesNotListIsRejected() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(genuine);
    entries.put("payloads/smuggled.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8));

    BundleFormatException e = readFails(file(zip(entries)));

    assertThat(e.entry()).isEqualTo("payloads/smuggled.sh");
    assertThat(e).hasMessageContaining("not listed in manifest.json");
  }

  @Test
  void listedEntryThatIsMissingIsRejected() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(genuine);
    entries.remove("failure.json");

    BundleFormatException e = readFails(file(zip(entries)));

    assertThat(e.entry()).isEqualTo("failure.json");
    assertThat(e).hasMessageContaining("listed in manifest.json but missing");
  }

  @Test
  void eventReferringToAMissingPayloadIsRejected() throws IOException {
    String events = new String(genuine.get("events.jsonl"), StandardCharsets.UTF_8)
        .replace("payloads/8-responseBody.json", "payloads/8-nowhere.json");

    BundleFormatException e = readFails(consistentBundle(one("events.jsonl",
        events.getBytes(StandardCharsets.UTF_8))));

    assertThat(e.entry()).isEqualTo("events.jsonl");
    assertThat(e).hasMessageContaining("payloads/8-nowhere.json")
        .hasMessageContaining("does not contain");
  }

  @Test
  void garbledJsonIsRejectedWithItsLine() throws IOException {
    String events = new String(genuine.get("events.jsonl"), StandardCharsets.UTF_8)
        + "{\"type\":\"log\",\"seq\": oops}\n";

    BundleFormatException e = readFails(consistentBundle(one("events.jsonl",
        events.getBytes(StandardCharsets.UTF_8))));

    assertThat(e.entry()).isEqualTo("events.jsonl");
    assertThat(e).hasMessageContaining("line 13").hasMessageContaining("not a valid event");
  }

  @Test
  void garbledManifestIsRejected() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(genuine);
    entries.put("manifest.json", "{\"format\": \"reprokit.bundle\", ".getBytes(
        StandardCharsets.UTF_8));

    BundleFormatException e = readFails(file(zip(entries)));

    assertThat(e.entry()).isEqualTo("manifest.json");
    assertThat(e).hasMessageContaining("not valid");
  }

  @Test
  void tooDeeplyNestedJsonIsRejected() throws IOException {
    String deep = "{\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";

    BundleFormatException e = readFails(consistentBundle(one("environment.json",
        deep.getBytes(StandardCharsets.UTF_8))));

    assertThat(e.entry()).isEqualTo("environment.json");
    assertThat(e).hasMessageContaining("JSON limits").hasMessageContaining("depth");
  }

  @Test
  void tooLongJsonStringIsRejected() throws IOException {
    String line = "{\"type\":\"log\",\"seq\":500,\"wallTimeMillis\":0,\"startNanos\":0,"
        + "\"durationNanos\":0,\"message\":\"" + "a".repeat(5000) + "\"}\n";
    String events = new String(genuine.get("events.jsonl"), StandardCharsets.UTF_8) + line;
    BundleReader reader = BundleReader.withLimits(
        ReaderLimits.builder().maxJsonStringLength(4096).build());

    BundleFormatException e = readFails(reader, consistentBundle(one("events.jsonl",
        events.getBytes(StandardCharsets.UTF_8))));

    assertThat(e).hasMessageContaining("line 13").hasMessageContaining("JSON limits");
  }

  @Test
  void invalidEventValueIsRejected() throws IOException {
    String events = new String(genuine.get("events.jsonl"), StandardCharsets.UTF_8)
        + "{\"type\":\"failure\",\"seq\":1,\"error\":{\"message\":\"no type\"}}\n";

    assertThat(readFails(consistentBundle(one("events.jsonl",
        events.getBytes(StandardCharsets.UTF_8))))).hasMessageContaining("line 13");
  }

  @Test
  void fileThatIsNotAZipOrNotThereIsRejected() throws IOException {
    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);

    assertThat(readFails(file(noise))).hasMessageContaining("not a readable zip");
    assertThat(readFails(dir.resolve("nope.repro.zip"))).hasMessageContaining("no bundle file");
    assertThat(readFails(file(zip(Map.of())))).hasMessageContaining("manifest.json");
  }

  @Test
  void manifestListingAnEntryTwiceOrWithABadHashIsRejected() throws IOException {
    ObjectNode manifest = (ObjectNode) ReproJson.mapper().readTree(genuine.get("manifest.json"));
    ArrayNode entries = (ArrayNode) manifest.get("entries");
    entries.add(entries.get(0).deepCopy());
    Map<String, byte[]> twice = new LinkedHashMap<>(genuine);
    twice.put("manifest.json", ReproJson.mapper().writeValueAsBytes(manifest));

    assertThat(readFails(file(zip(twice)))).hasMessageContaining("listed twice");

    entries.remove(entries.size() - 1);
    ((ObjectNode) entries.get(0)).put("sha256", "not-a-hash");
    Map<String, byte[]> badHash = new LinkedHashMap<>(genuine);
    badHash.put("manifest.json", ReproJson.mapper().writeValueAsBytes(manifest));

    assertThat(readFails(file(zip(badHash)))).hasMessageContaining("no valid SHA-256");
  }

  @Test
  void controlCharactersInNamesAreRejectedAndNotEchoed() throws IOException {
    BundleFormatException e = readFails(consistentBundle(one("payloads/a\u001b[2Jb",
        new byte[1])));

    assertThat(e).hasMessageContaining("control characters");
    assertThat(e.getMessage()).doesNotContain("\u001b");
  }

  @Test
  void everyProblemMessageSaysWhatToDo() throws IOException {
    List<BundleFormatException> problems = new ArrayList<>();
    problems.add(readFails(consistentBundle(Map.of(), "3.1")));
    problems.add(readFails(file(Arrays.copyOf(zip(genuine), 200))));
    assertThat(problems).allSatisfy(p -> assertThat(p.getMessage())
        .containsAnyOf("ask for", "update ReproKit", "refusing", "raise"));
  }
}
