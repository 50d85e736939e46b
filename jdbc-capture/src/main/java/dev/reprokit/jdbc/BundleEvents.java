package dev.reprokit.jdbc;

import dev.reprokit.ReproException;
import dev.reprokit.bundle.BundleReader;
import dev.reprokit.event.Event;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** Reads the events of a bundle file for replay and re-run, with the reader's safety limits. */
final class BundleEvents {
  private BundleEvents() {}

  static List<Event> read(Path bundle) throws SQLException {
    try {
      return BundleReader.create().read(bundle).events();
    } catch (ReproException | java.io.UncheckedIOException e) {
      throw new SQLException("cannot replay " + bundle + ": " + e.getMessage(), "08001", e);
    }
  }
}
