package dev.reprokit.benchmarks;

import dev.reprokit.RecorderConfig;
import dev.reprokit.bundle.BundleWriter;
import dev.reprokit.bundle.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the bundle-writing benchmarks share, as a JMH state they take as a parameter: the
 * snapshot of {@link BundleWriteBenchmark}, a writer into a temporary directory, and the
 * entries of one bundle written in the set-up, for the plain zip. Each write deletes its file
 * again.
 */
@State(Scope.Thread)
public class BundleFixture {
  private Path directory;
  private BundleWriter writer;
  private Snapshot snapshot;
  private BundleWriteBenchmark.Entries entries;

  @Setup(Level.Trial)
  public void open() throws IOException {
    directory = Files.createTempDirectory("reprokit-bench-bundle");
    writer = new BundleWriter(RecorderConfig.builder().bundleDirectory(directory).build());
    snapshot = BundleWriteBenchmark.snapshot();
    entries = BundleWriteBenchmark.Entries.takenFrom(writer.write(snapshot));
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

  @TearDown(Level.Trial)
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
