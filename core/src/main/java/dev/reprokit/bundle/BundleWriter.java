package dev.reprokit.bundle;

import dev.reprokit.RecorderConfig;
import java.io.IOException;
import java.nio.file.Path;

/** Writes bundles atomically. PLACEHOLDER until the bundle work lands. */
public final class BundleWriter {
  private final RecorderConfig config;

  public BundleWriter(RecorderConfig config) {
    this.config = config;
  }

  /** Redacts and writes the snapshot into the configured directory; returns the bundle file. */
  public Path write(Snapshot snapshot) throws IOException {
    throw new IOException("bundle writing not implemented yet (" + config.bundleDirectory() + ")");
  }
}
