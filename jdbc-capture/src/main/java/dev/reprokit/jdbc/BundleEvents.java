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
    return open(bundle).events();
  }

  /** A replay engine for the bundle, with the database its environment names. */
  static dev.reprokit.jdbc.internal.ReplayEngine engine(Path bundle, String url)
      throws SQLException {
    dev.reprokit.bundle.Bundle b = open(bundle);
    List<dev.reprokit.env.DatabaseInfo> dbs = b.environment() == null
        ? List.of() : b.environment().databases();
    return new dev.reprokit.jdbc.internal.ReplayEngine(b.events(), url,
        dbs.isEmpty() ? null : dbs.get(0));
  }

  private static dev.reprokit.bundle.Bundle open(Path bundle) throws SQLException {
    try {
      return BundleReader.create().read(bundle);
    } catch (ReproException | java.io.UncheckedIOException e) {
      throw new SQLException("cannot replay " + bundle + ": " + e.getMessage(), "08001", e);
    }
  }
}
