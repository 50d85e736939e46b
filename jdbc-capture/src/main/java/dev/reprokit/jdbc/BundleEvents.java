package dev.reprokit.jdbc;

import dev.reprokit.event.Event;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** Reads the events of a bundle file for replay and re-run. */
final class BundleEvents {
  private BundleEvents() {}

  static List<Event> read(Path bundle) throws SQLException {
    throw new SQLException("replay from a bundle file needs the bundle reader (not on this"
        + " branch yet): " + bundle, "0A000");
  }
}
