package dev.reprokit.benchmarks;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import dev.reprokit.RecorderConfig;
import dev.reprokit.bundle.BundleWriter;
import dev.reprokit.bundle.Snapshot;
import dev.reprokit.event.Event;
import dev.reprokit.internal.json.ReproJson;
import dev.reprokit.internal.redact.AsciiAnchors;
import java.io.FileOutputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The floor under {@link BundleWriteBenchmark}'s ratio: the CPU time of the work any writer
 * with the bundle's duties must do besides zipping, each part alone, against the plain zip of
 * the same entries (not a JMH benchmark: it times parts of one operation, in one thread, by
 * thread CPU time, which another process on the machine does not inflate).
 *
 * <p>Parts: serialising the 10,000 events to JSON as the bundle's lines hold them (Jackson, as
 * the writer does; payloads in their own entries are references there), SHA-256 of
 * every entry (the manifest's hashes), one scan of every entry's bytes for ASCII words (the
 * least any redaction or leak check can do), and the wall time of writing and syncing a file
 * (crash safety). Each is run {@code rounds} times after four warm-up rounds; the minimum is
 * reported as a share of the plain zip's minimum.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.reprokit.benchmarks.BundleWriteParts [rounds]}.
 */
public final class BundleWriteParts {
  private BundleWriteParts() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    Path dir = Files.createTempDirectory("reprokit-bundle-parts");
    Snapshot snapshot = BundleWriteBenchmark.snapshot();
    BundleWriteBenchmark.Entries written = BundleWriteBenchmark.Entries.takenFrom(
        new BundleWriter(RecorderConfig.builder().bundleDirectory(dir).build()).write(snapshot));
    List<byte[]> entries = written.bytes();
    ObjectWriter eventWriter = ReproJson.mapper().writerFor(Event.class);
    // The events as the writer serialises them: payloads over the inline limit are entry
    // references by then, so read them back from the bundle's events.jsonl.
    List<Event> lines = ReproJson.mapper().readerFor(Event.class).<Event>readValues(
        written.bytes().get(written.names().indexOf("events.jsonl"))).readAll();
    AsciiAnchors words = AsciiAnchors.builder().word("pass", 0).word("token", 1)
        .word("secret", 2).word("bearer", 3).word("key", 4).build();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] parts = {"plain zip of the entries", "JSON of the 10,000 event lines (Jackson)",
        "SHA-256 of every entry", "one ASCII word scan of every entry",
        "write + fsync of a file (wall time)"};
    long[][] nanos = new long[parts.length][rounds];
    long sink = 0;
    for (int round = -4; round < rounds; round++) {
      for (int part = 0; part < parts.length; part++) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        switch (part) {
          case 0 -> {
            Path file = dir.resolve("plain.zip");
            written.writePlainZip(file);
            Files.delete(file);
          }
          case 1 -> {
            StringWriter out = new StringWriter(1 << 23);
            try (SequenceWriter seq = eventWriter.writeValues(out)) {
              for (Event e : lines) {
                seq.write(e);
              }
            }
            sink += out.getBuffer().length();
          }
          case 2 -> {
            for (byte[] entry : entries) {
              sink += MessageDigest.getInstance("SHA-256").digest(entry)[0];
            }
          }
          case 3 -> {
            for (byte[] entry : entries) {
              sink += words.find(entry);
            }
          }
          default -> {
            Path file = dir.resolve("synced.bin");
            try (FileOutputStream out = new FileOutputStream(file.toFile())) {
              for (byte[] entry : entries) {
                out.write(entry, 0, Math.min(entry.length, 1500)); // about the zip's size
              }
              out.getFD().sync();
            }
            Files.delete(file);
          }
        }
        if (round >= 0) {
          nanos[part][round] = part == parts.length - 1 ? System.nanoTime() - wall0
              : threads.getCurrentThreadCpuTime() - cpu0;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d entries, %,d bytes uncompressed; %d rounds (checksum %d)%n",
        entries.size(), written.totalBytes(), rounds, sink & 1);
    double zipMin = Arrays.stream(nanos[0]).min().orElseThrow();
    double floor = 1;
    for (int part = 0; part < parts.length; part++) {
      long[] sorted = nanos[part].clone();
      Arrays.sort(sorted);
      double share = sorted[0] / zipMin;
      if (part > 0) {
        floor += share;
      }
      System.out.printf(Locale.ROOT, "%-40s min %7.1f ms  median %7.1f ms  %.2f x plain zip%n",
          parts[part], sorted[0] / 1e6, sorted[rounds / 2] / 1e6, share);
    }
    System.out.printf(Locale.ROOT, "floor (plain zip + the parts): %.2f x plain zip%n", floor);
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }
}
