package dev.reprokit.cli.internal;

import dev.reprokit.cli.ReproCli;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads bundles for the commands, through the core's validating bundle reader only. */
final class Bundles {
  private Bundles() {}

  /**
   * Reads and verifies a bundle. A damaged or hostile bundle surfaces as the reader's
   * {@code BundleFormatException}; a missing file as exit code 3 with one sentence.
   */
  static LoadedBundle load(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new CliException(ReproCli.INVALID_BUNDLE, "cannot read bundle " + path + ": "
          + (Files.exists(path) ? "not a regular file" : "no such file"));
    }
    throw new CliException(ReproCli.FAILED, "reading bundles is not available in this build");
  }
}
