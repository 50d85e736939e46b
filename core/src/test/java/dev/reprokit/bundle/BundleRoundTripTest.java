package dev.reprokit.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.RecorderConfig;
import dev.reprokit.TriggerKind;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.testing.BundleSchemas;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleRoundTripTest {
  @TempDir Path dir;

  private RecorderConfig config() {
    return RecorderConfig.builder().bundleDirectory(dir).maxPayloadBytes(1024 * 1024).build();
  }

  private Path write(Snapshot snapshot) throws IOException {
    Path bundle = new BundleWriter(config()).write(snapshot);
    BundleSchemas.assertValid(bundle);
    return bundle;
  }

  /** The event with every payload's entry name cleared, for comparing with what was recorded. */
  static Event withoutEntries(Event e) throws IOException {
    return Payloads.map(e, (seq, field, p) -> new Payload(p.contentType(), p.originalSize(),
        p.data(), null, p.abandoned()));
  }

  static List<Event> withoutEntries(List<Event> events) throws IOException {
    List<Event> out = new ArrayList<>();
    for (Event e : events) {
      out.add(withoutEntries(e));
    }
    return out;
  }

  static List<String> zipOrder(Path bundle) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  void everyEventTypeReadsBackEqualIncludingPayloadData() throws IOException {
    Snapshot snapshot = SampleSnapshots.everything();
    Bundle bundle = BundleReader.create().read(write(snapshot));

    assertThat(bundle.events()).hasSize(snapshot.events().size());
    assertThat(withoutEntries(bundle.events())).usingRecursiveComparison()
        .withEqualsForType(java.util.Arrays::equals, byte[].class)
        .isEqualTo(snapshot.events());
    assertThat(bundle.failure()).usingRecursiveComparison().isEqualTo(snapshot.failure());
    assertThat(bundle.environment()).isEqualTo(snapshot.environment());
    assertThat(bundle.skippedEvents()).isZero();
  }

  @Test
  void largePayloadsLiveInTheirOwnEntriesAndSmallOnesInline() throws IOException {
    Bundle bundle = BundleReader.create().read(write(SampleSnapshots.everything()));
    HttpExchangeEvent post = (HttpExchangeEvent) bundle.events().stream()
        .filter(e -> e instanceof HttpExchangeEvent h && h.method().equals("POST"))
        .findFirst().orElseThrow();

    assertThat(post.requestBody().entry()).isNull();
    assertThat(post.responseBody().entry()).isEqualTo("payloads/8-responseBody.json");
    assertThat(bundle.entry("payloads/8-responseBody.json")).get()
        .isEqualTo(post.responseBody().data());
    assertThat(post.responseBody().data()).hasSize(300_000);
  }

  @Test
  void entriesAreWrittenInTheDocumentedOrder() throws IOException {
    Path bundle = write(SampleSnapshots.everything());

    assertThat(zipOrder(bundle)).containsExactly("manifest.json", "environment.json",
        "events.jsonl", "payloads/4-binds-6.bin", "payloads/6-rows-0-5.txt",
        "payloads/8-responseBody.json", "failure.json", "README.md");
  }

  @Test
  void manifestListsEveryOtherEntryWithItsSizeAndSha256() throws Exception {
    Bundle bundle = BundleReader.create().read(write(SampleSnapshots.everything()));
    Manifest m = bundle.manifest();

    assertThat(m.entries()).extracting(BundleEntry::name)
        .containsExactlyElementsOf(bundle.entryNames().subList(1, bundle.entryNames().size()));
    for (BundleEntry e : m.entries()) {
      byte[] data = bundle.entry(e.name()).orElseThrow();
      assertThat(e.size()).isEqualTo(data.length);
      assertThat(e.sha256()).isEqualTo(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
    }
  }

  @Test
  void manifestDescribesTriggerProducerApplicationAndCounts() throws IOException {
    Snapshot snapshot = SampleSnapshots.everything();
    Manifest m = BundleReader.create().read(write(snapshot)).manifest();

    assertThat(m.format()).isEqualTo("reprokit.bundle");
    assertThat(m.version()).isEqualTo("1.0");
    assertThat(m.bundleId()).isEqualTo(snapshot.bundleId());
    assertThat(m.createdAt()).isEqualTo(snapshot.createdAt());
    assertThat(m.trigger()).isEqualTo(snapshot.trigger());
    assertThat(m.producer().name()).isEqualTo("reprokit");
    assertThat(m.producer().version()).isNotBlank();
    assertThat(m.application()).isEqualTo(snapshot.application());
    assertThat(m.redaction()).isNotNull();
    assertThat(m.eventsEvicted()).isEqualTo(3);
    assertThat(m.eventCounts()).containsEntry("http", 2L).containsEntry("jdbc.statement", 3L)
        .containsEntry("jdbc.resultset", 1L).containsEntry("jdbc.transaction", 1L)
        .containsEntry("jdbc.connection", 1L).containsEntry("log", 1L)
        .containsEntry("mark", 2L).containsEntry("failure", 1L);
  }

  @Test
  void readmeSummarisesTriggerFailureApplicationAndCounts() throws IOException {
    Bundle bundle = BundleReader.create().read(write(SampleSnapshots.everything()));

    assertThat(bundle.readme())
        .contains("checkout failed for order A-17")
        .contains("SUP-1234")
        .contains("java.lang.IllegalStateException: no stock")
        .contains("shop 2.4.1")
        .contains("| Events | 12 (");
  }

  @Test
  void bundleWithoutFailureHasNoFailureEntry() throws IOException {
    Path path = write(SampleSnapshots.snapshot(SampleSnapshots.everyEventType(10), null));
    Bundle bundle = BundleReader.create().read(path);

    assertThat(bundle.failure()).isNull();
    assertThat(bundle.entryNames()).doesNotContain("failure.json");
  }

  @Test
  void emptySnapshotWritesAValidBundle() throws IOException {
    Snapshot empty = new Snapshot("e", Instant.EPOCH,
        new Trigger(TriggerKind.EXPLICIT, "nothing", null, null, null, 0), null, null,
        List.of(), 0, null);
    Bundle bundle = BundleReader.create().read(write(empty));

    assertThat(bundle.events()).isEmpty();
    assertThat(bundle.manifest().eventCounts()).isEmpty();
  }

  @Test
  void looseValuesKeepBytesPayloadsAndExactDecimalsAndWriteTemporalsAsIsoStrings()
      throws IOException {
    List<BindValue> binds = List.of(
        new BindValue(1, null, "setDate", Types.DATE, java.sql.Date.valueOf("2024-02-29")),
        new BindValue(2, null, "setTimestamp", Types.TIMESTAMP,
            Timestamp.valueOf("2024-02-29 23:59:58.123456789")),
        new BindValue(3, null, "setObject", Types.DATE, LocalDate.of(2024, 1, 31)),
        new BindValue(4, null, "setObject", Types.TIMESTAMP_WITH_TIMEZONE,
            OffsetDateTime.of(2024, 1, 31, 8, 0, 0, 0, ZoneOffset.ofHours(2))),
        new BindValue(5, null, "setObject", Types.OTHER,
            UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")),
        new BindValue(6, null, "setBigDecimal", Types.DECIMAL,
            new BigDecimal("0.100000000000000000000000000001")),
        new BindValue(7, null, "setDouble", Types.DOUBLE, 0.1d),
        new BindValue(8, null, "setBytes", Types.BINARY, new byte[] {0, -1, 127}),
        new BindValue(9, null, "setInt", Types.INTEGER, 7));
    JdbcStatementEvent statement = new JdbcStatementEvent(1, 0, 0, 0, "t", null, "c", "s",
        "prepared", "executeUpdate", "update t set a = ?", binds, null, 1, null, null, null,
        null, null);
    Bundle bundle = BundleReader.create().read(write(SampleSnapshots.snapshot(
        List.of(statement), null)));
    List<Object> values = ((JdbcStatementEvent) bundle.events().get(0)).binds().stream()
        .map(BindValue::value).toList();

    assertThat(values.subList(0, 5)).containsExactly("2024-02-29",
        "2024-02-29T23:59:58.123456789", "2024-01-31", "2024-01-31T08:00+02:00",
        "0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(values.get(5)).isEqualTo(new BigDecimal("0.100000000000000000000000000001"));
    assertThat(values.get(6)).isEqualTo(new BigDecimal("0.1"));
    assertThat((byte[]) values.get(7)).containsExactly(0, -1, 127);
    assertThat(values.get(8)).isEqualTo(7L);
  }

  @Test
  void secondBundleOfTheSameSnapshotGetsItsOwnName() throws IOException {
    Snapshot snapshot = SampleSnapshots.everything();
    Path first = write(snapshot);
    Path second = write(snapshot);

    assertThat(second).isNotEqualTo(first);
    assertThat(first.getFileName().toString()).endsWith(".repro.zip")
        .startsWith("20240501-101530-123-explicit-");
    assertThat(second.getFileName().toString()).endsWith("-2.repro.zip");
  }

  @Test
  void noFileHasTheFinalNameUntilTheBundleIsComplete() throws IOException {
    AtomicBoolean sawBundleDuringWrite = new AtomicBoolean();
    AtomicBoolean sawTemporaryFile = new AtomicBoolean();
    BundleWriter writer = new BundleWriter(config(), temp -> {
      OutputStream real = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
      return new FilterOutputStream(real) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          real.write(b, off, len);
          sawTemporaryFile.compareAndSet(false, Files.exists(temp));
          try (DirectoryStream<Path> bundles = Files.newDirectoryStream(dir, "*.repro.zip")) {
            if (bundles.iterator().hasNext()) {
              sawBundleDuringWrite.set(true);
            }
          }
        }
      };
    });

    Path bundle = writer.write(SampleSnapshots.everything());

    assertThat(sawTemporaryFile).isTrue();
    assertThat(sawBundleDuringWrite).isFalse();
    assertThat(bundle).exists();
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(bundle);
    }
    BundleSchemas.assertValid(bundle);
  }

  @Test
  void eightConcurrentWritersOfTheSameMillisecondGetDistinctNamesThatAllRead()
      throws Exception {
    Snapshot snapshot = SampleSnapshots.everything(); // same id and time: same base name
    BundleWriter writer = new BundleWriter(config());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Path>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Callable<Path> task = () -> {
          start.await();
          return writer.write(snapshot);
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      Set<Path> paths = ConcurrentHashMap.newKeySet();
      for (Future<Path> f : futures) {
        paths.add(f.get(60, TimeUnit.SECONDS));
      }

      assertThat(paths).hasSize(8);
      for (Path p : paths) {
        BundleSchemas.assertValid(p);
        assertThat(BundleReader.create().read(p).events()).hasSize(snapshot.events().size());
      }
      try (var files = Files.list(dir)) {
        assertThat(files.toList()).hasSize(8); // no temporary file left
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void staleTemporaryFilesOfDeadProcessesAndOldOnesAreCleanedButNotBundles()
      throws IOException {
    Path bundle = write(SampleSnapshots.everything());
    long self = ProcessHandle.current().pid();
    Path deadOwner = Files.writeString(dir.resolve(".reprokit-999999999-a.tmp"), "partial");
    Path oldOwnFile = Files.writeString(dir.resolve(".reprokit-" + self + "-b.tmp"), "partial");
    Files.setLastModifiedTime(oldOwnFile, FileTime.from(Instant.now().minusSeconds(7200)));
    Path liveOwnFile = Files.writeString(dir.resolve(".reprokit-" + self + "-c.tmp"), "partial");

    int deleted = BundleWriter.cleanStaleTemporaryFiles(dir);

    assertThat(deleted).isEqualTo(2);
    assertThat(deadOwner).doesNotExist();
    assertThat(oldOwnFile).doesNotExist();
    assertThat(liveOwnFile).exists();
    assertThat(bundle).exists();
    assertThat(BundleWriter.cleanStaleTemporaryFiles(dir.resolve("missing"))).isZero();
  }

  @Test
  void generatedKeysAndRowsKeepTheirPayloads() throws IOException {
    Bundle bundle = BundleReader.create().read(write(SampleSnapshots.everything()));
    JdbcResultSetEvent rs = (JdbcResultSetEvent) bundle.events().stream()
        .filter(e -> e instanceof JdbcResultSetEvent).findFirst().orElseThrow();
    Payload clob = (Payload) rs.rows().get(0).get(5);

    assertThat(clob.entry()).isEqualTo("payloads/6-rows-0-5.txt");
    assertThat(clob.data()).isEqualTo(SampleSnapshots.bytes(3000, 'k'));
    assertThat(((Payload) rs.rows().get(1).get(5)).data())
        .isEqualTo(SampleSnapshots.utf8("short clob"));
    assertThat(rs.rows().get(0).get(3)).isNull();
  }

  @Test
  void errorInfoWithSqlDetailsRoundTrips() throws IOException {
    ErrorInfo error = SampleSnapshots.sqlError();
    Bundle bundle = BundleReader.create().read(write(SampleSnapshots.snapshot(List.of(), error)));

    assertThat(bundle.failure()).isEqualTo(error);
    assertThat(bundle.failure().next()).hasSize(1);
    assertThat(bundle.failure().sqlState()).isEqualTo("40001");
  }

  @Test
  void loneSurrogatesBecomeQuestionMarksAndTheBundleStaysValidUtf8() throws IOException {
    Event log = new dev.reprokit.event.LogEvent(1, 0, 0, 0, "t\uD800", null, "WARN", "app",
        "cut in the middle of \uD83D", null);
    Path path = write(SampleSnapshots.snapshot(List.of(log), null));
    Bundle bundle = BundleReader.create().read(path);

    byte[] events = bundle.entry("events.jsonl").orElseThrow();
    java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .decode(java.nio.ByteBuffer.wrap(events)); // throws on malformed UTF-8
    assertThat(((dev.reprokit.event.LogEvent) bundle.events().get(0)).message())
        .isEqualTo("cut in the middle of ?");
    assertThat(bundle.events().get(0).thread()).isEqualTo("t?");
  }

  @Test
  void supplementaryCharactersRoundTrip() throws IOException {
    Event log = new dev.reprokit.event.LogEvent(1, 0, 0, 0, "main", null, "WARN", "app",
        "naïve café 😀 𝄞 日本", null);
    Bundle bundle = BundleReader.create().read(write(SampleSnapshots.snapshot(List.of(log),
        null)));

    assertThat(bundle.events()).containsExactly(log);
  }

  @Test
  void plainUnzipToolTestsTheBundleAsIntact() throws Exception {
    Path bundle = write(SampleSnapshots.everything());
    Process unzip;
    try {
      unzip = new ProcessBuilder("unzip", "-t", bundle.toString()).redirectErrorStream(true)
          .start();
    } catch (IOException notInstalled) {
      System.out.println("SKIPPED: no 'unzip' command on this machine: " + notInstalled);
      org.junit.jupiter.api.Assumptions.abort("no 'unzip' command on this machine");
      return;
    }
    String output = new String(unzip.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);

    assertThat(unzip.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(unzip.exitValue()).as(output).isZero();
    assertThat(output).contains("No errors detected").contains("manifest.json");
  }

  @Test
  void markAttributesRoundTrip() throws IOException {
    Event mark = new dev.reprokit.event.MarkEvent(1, 2, 3, 0, "t", "s",
        "checkout", Map.of("k", "v", "empty", ""));
    Bundle bundle = BundleReader.create().read(write(SampleSnapshots.snapshot(
        List.of(mark), null)));

    assertThat(bundle.events()).containsExactly(mark);
  }
}
