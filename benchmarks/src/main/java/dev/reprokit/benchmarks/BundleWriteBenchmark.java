package dev.reprokit.benchmarks;

import dev.reprokit.AppInfo;
import dev.reprokit.TriggerKind;
import dev.reprokit.bundle.BundleWriter;
import dev.reprokit.bundle.Snapshot;
import dev.reprokit.bundle.Trigger;
import dev.reprokit.event.BindValue;
import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.Payload;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing a bundle of 10,000 events with 10 MiB of bodies, against writing the same bytes to
 * a plain zip.
 *
 * <p>The snapshot: 2,560 HTTP exchanges, each with a distinct 4 KiB JSON response body
 * (10 MiB in all) and an {@code Authorization} header for the redactor to replace, and 7,440
 * JDBC statements with bind values. Variants:
 * <ul>
 *   <li>{@code reprokit}: {@link BundleWriter#write} — redaction, payload caps, JSON,
 *       SHA-256 of every entry, manifest, README, zip, fsync and atomic rename;
 *   <li>{@code raw-zip}: the entries of a bundle the writer produced once in the setup, byte
 *       for byte, written to a plain zip file at the same compression level: no JSON, no
 *       redaction, no hashing, no fsync.
 * </ul>
 * Both write into the same temporary directory and delete their file after each operation
 * ({@link BundleFixture}). The heap is touched before the run ({@code AlwaysPreTouch}): the
 * bundle allocates about 46 MB per write and the plain zip little, so otherwise the bundle alone
 * pays for the first touch of each heap page in a fresh JVM. {@link Compare} judges the 1.5×
 * target on this benchmark; {@link BundleWritePairedBenchmark} is a cross-check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BundleWriteBenchmark {
  static final int EVENTS = 10_000;
  static final int HTTP_EVENTS = 2_560;
  static final int BODY_BYTES = 4 * 1024;

  @Param({"raw-zip", "reprokit"})
  public String variant;

  @Benchmark
  public long write(BundleFixture fixture) throws IOException {
    return variant.equals("reprokit") ? fixture.writeBundle() : fixture.writePlainZip();
  }

  /**
   * The entries of a written bundle, name and bytes, in order: what the plain zip writes again
   * (the same bytes, no redaction, no hashes, no sync).
   */
  record Entries(List<String> names, List<byte[]> bytes) {

    /** Reads every entry of {@code bundle}, then deletes it. */
    static Entries takenFrom(Path bundle) throws IOException {
      List<String> names = new ArrayList<>();
      List<byte[]> bytes = new ArrayList<>();
      try (ZipFile zip = new ZipFile(bundle.toFile())) {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
          ZipEntry entry = e.nextElement();
          names.add(entry.getName());
          bytes.add(zip.getInputStream(entry).readAllBytes());
        }
      }
      Files.delete(bundle);
      return new Entries(names, bytes);
    }

    /** The plain zip of the benchmark: the entries deflated at the default level. */
    void writePlainZip(Path file) throws IOException {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
          ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        for (int i = 0; i < names.size(); i++) {
          zip.putNextEntry(new ZipEntry(names.get(i)));
          zip.write(bytes.get(i));
          zip.closeEntry();
        }
      }
    }

    long totalBytes() {
      return bytes.stream().mapToLong(b -> b.length).sum();
    }
  }

  static Snapshot snapshot() {
    List<Event> events = new ArrayList<>(EVENTS);
    long start = System.nanoTime();
    long wall = System.currentTimeMillis();
    List<BindValue> binds = List.of(
        new BindValue(1, null, "setLong", null, 4711L),
        new BindValue(2, null, "setString", null, "customer@example.com"));
    for (int i = 0; i < EVENTS; i++) {
      long seq = i + 1;
      boolean http = i < 2 * HTTP_EVENTS && i % 2 == 0; // 2,560 exchanges among the first 5,120
      if (http) {
        byte[] body = Bodies.json(BODY_BYTES, seq);
        events.add(new HttpExchangeEvent(seq, wall + i, start + i * 1000L, 250_000, "main",
            null, "classic", "GET", "https://api.example.com/orders/" + i + "?page=1",
            "HTTP/1.1",
            List.of(new Header("Accept", "application/json"),
                new Header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.secret." + i)),
            null, 200, "OK", List.of(new Header("Content-Type", "application/json")),
            Payload.of("application/json", body.length, body), null, 120_000, List.of(),
            null));
      } else {
        events.add(new JdbcStatementEvent(seq, wall + i, start + i * 1000L, 40_000, "main",
            null, "c1", "s" + i, "prepared", "executeQuery",
            "SELECT id, email, total FROM orders WHERE customer_id = ? AND email = ?", binds,
            null, -1, null, null, null, null, null));
      }
    }
    return new Snapshot("bench-bundle", Instant.now(),
        new Trigger(TriggerKind.EXPLICIT, "benchmark", null, null, null, 0),
        new AppInfo("bench", "1.0", null, null), null, events, 0, null);
  }
}
