package dev.reprokit.cli.internal;

import dev.reprokit.CaptureResult;
import dev.reprokit.Recorder;
import dev.reprokit.RecorderConfig;
import dev.reprokit.event.Event;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Writes real bundles through the core recorder and bundle writer, for command tests. */
final class RealBundles {
  private RealBundles() {}

  /** A bundle holding the fixture's events, written under the given default locale. */
  static Path write(Path dir, String locale) {
    Locale original = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag(locale));
    try (Recorder recorder = Recorder.create(RecorderConfig.builder()
        .application("customer-sync", "2.4.1")
        .bundleDirectory(dir)
        .configuration(Map.of("partner.apiKey", "pk_live_never_in_a_bundle"))
        .build())) {
      for (Event e : Fixtures.syncBundle(locale).events()) {
        recorder.record(withSeq(e, recorder.nextSequence()));
      }
      CaptureResult result = recorder.capture("customer sync dropped partner records",
          new IllegalStateException("customer sync applied 9 of 12 partner records"));
      return result.bundle().orElseThrow(() -> new AssertionError(result.message()));
    } finally {
      Locale.setDefault(original);
    }
  }

  private static Event withSeq(Event e, long seq) {
    return e; // the fixture's sequence numbers already increase from 1
  }
}
