package dev.reprokit.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Keeps the bundle directory within its count and byte limits by deleting the oldest bundles. */
final class BundleRetention {
  private BundleRetention() {}

  private record Found(Path path, long modified, long size) {}

  /** Deletes the oldest bundles beyond the limits, never {@code keep}. Returns how many went. */
  static int enforce(Path directory, int maxBundles, long maxBytes, Path keep) throws IOException {
    List<Found> bundles = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.repro.zip")) {
      for (Path p : stream) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (a.isRegularFile()) {
          bundles.add(new Found(p, a.lastModifiedTime().toMillis(), a.size()));
        }
      }
    }
    bundles.sort(Comparator.comparingLong(Found::modified).reversed()); // newest first
    long total = 0;
    int kept = 0;
    int deleted = 0;
    for (Found f : bundles) {
      boolean protectedFile = f.path.equals(keep);
      if (protectedFile || (kept < maxBundles && total + f.size <= maxBytes)) {
        kept++;
        total += f.size;
      } else {
        Files.deleteIfExists(f.path);
        deleted++;
      }
    }
    return deleted;
  }
}
