package dev.reprokit.examples;

/** The reconciliation after a sync found that not every partner record was applied. */
public class SyncMismatchException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient SyncResult result;

  public SyncMismatchException(SyncResult result) {
    super("customer sync applied " + result.applied() + " of " + result.received()
        + " partner records (" + result.skipped().size() + " skipped: "
        + result.skipped().stream().map(Customer::email).toList() + ")");
    this.result = result;
  }

  /** The sync's result. */
  public SyncResult result() {
    return result;
  }
}
