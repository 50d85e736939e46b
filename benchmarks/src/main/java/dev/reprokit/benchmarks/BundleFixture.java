package dev.reprokit.benchmarks;

import dev.reprokit.RecorderConfig;
import dev.reprokit.bundle.BundleWriter;
import dev.reprokit.bundle.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the bundle-writing benchmarks share: the snapshot of {@link BundleWriteBenchmark}, a
 * writer into a temporary directory, and the entries of one bundle written in the set-up, for
 * the plain zip. Each write deletes its file again.
 */
final class BundleFixture implements AutoCloseable {
  private final Path directory;
  private final BundleWriter writer;
  private final Snapshot snapshot;
  private final BundleWriteBenchmark.Entries entries;

  private BundleFixture(Path directory) throws IOException {
    this.directory = directory;
    this.writer = new BundleWriter(RecorderConfig.builder().bundleDirectory(directory).build());
    this.snapshot = BundleWriteBenchmark.snapshot();
    this.entries = BundleWriteBenchmark.Entries.takenFrom(writer.write(snapshot));
  }

  static BundleFixture create() throws IOException {
    return new BundleFixture(Files.createTempDirectory("reprokit-bench-bundle"));
  }

  /** Writes the bundle (redaction, leak gate, hashes, zip, sync, rename); its size. */
  long writeBundle() throws IOException {
    return sizeAndDelete(writer.write(snapshot));
  }

  /** Writes the bundle's entries to a plain zip (no redaction, no hashes, no sync); its size. */
  long writePlainZip() throws IOException {
    Path file = directory.resolve("plain.zip");
    entries.writePlainZip(file);
    return sizeAndDelete(file);
  }

  private static long sizeAndDelete(Path file) throws IOException {
    long size = Files.size(file);
    Files.delete(file);
    return size;
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
