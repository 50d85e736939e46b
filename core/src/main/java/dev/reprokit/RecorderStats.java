package dev.reprokit;

/**
 * Counters of a recorder since it was created. A snapshot; cheap to take.
 *
 * @param eventsRecorded events accepted into the ring
 * @param eventsEvicted events pushed out by newer ones (count or byte cap)
 * @param eventsDropped events not kept at all (e.g. recorded after close)
 * @param internalFailures faults inside ReproKit that were swallowed
 * @param bundlesWritten bundles written successfully
 * @param bundlesSuppressed automatic bundles not written because of storm control
 * @param bundlesFailed bundles that could not be written (unwritable directory, disk full)
 * @param retainedEvents events currently held
 * @param retainedBytes estimated bytes currently held
 */
public record RecorderStats(
    long eventsRecorded,
    long eventsEvicted,
    long eventsDropped,
    long internalFailures,
    long bundlesWritten,
    long bundlesSuppressed,
    long bundlesFailed,
    long retainedEvents,
    long retainedBytes) {

  /** All zero. */
  public static final RecorderStats ZERO = new RecorderStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
