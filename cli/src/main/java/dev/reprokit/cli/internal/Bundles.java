package dev.reprokit.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reprokit.BundleFormatException;
import dev.reprokit.bundle.Bundle;
import dev.reprokit.bundle.BundleReader;
import dev.reprokit.cli.ReproCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads bundles for the commands, through the core's validating {@link BundleReader} only. */
final class Bundles {
  private Bundles() {}

  /**
   * Reads and verifies a bundle. A damaged or hostile bundle surfaces as the reader's
   * {@link BundleFormatException} (exit 3); a missing file as exit 3 with one sentence.
   */
  static LoadedBundle load(Path path) {
    return of(read(path));
  }

  /** Reads and verifies a bundle, keeping the core's {@link Bundle}. */
  static Bundle read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new CliException(ReproCli.INVALID_BUNDLE, "cannot read bundle " + path + ": "
          + (Files.exists(path) ? "not a regular file" : "no such file"));
    }
    if (!Files.isReadable(path)) {
      throw new CliException(ReproCli.INVALID_BUNDLE, "cannot read bundle " + path
          + ": permission denied");
    }
    return BundleReader.create().read(path);
  }

  /** The commands' view of a bundle the reader verified. */
  static LoadedBundle of(Bundle bundle) {
    return new LoadedBundle(bundle.source(), entryTree(bundle, "manifest.json"),
        entryTree(bundle, "environment.json"), bundle.events(), bundle.failure());
  }

  private static JsonNode entryTree(Bundle bundle, String entry) {
    byte[] bytes = bundle.entry(entry).orElse(null);
    if (bytes == null) {
      return Json.tree(null);
    }
    try {
      return Json.MAPPER.readTree(bytes);
    } catch (IOException e) { // the reader parsed it already; this cannot really happen
      throw new BundleFormatException(entry, "not valid JSON: " + e.getMessage(), e);
    }
  }
}
