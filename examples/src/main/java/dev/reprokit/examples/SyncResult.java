package dev.reprokit.examples;

import java.util.List;

/**
 * What one sync run did.
 *
 * @param received customers the partner API sent
 * @param updated existing customers updated
 * @param inserted new customers inserted
 * @param skipped customers neither updated nor inserted
 */
public record SyncResult(int received, int updated, int inserted, List<Customer> skipped) {
  public SyncResult {
    skipped = List.copyOf(skipped);
  }

  /** Customers written to the database. */
  public int applied() {
    return updated + inserted;
  }

  /** {@code true} when every customer the partner sent was written. */
  public boolean consistent() {
    return applied() == received;
  }

  @Override
  public String toString() {
    return "received " + received + ", updated " + updated + ", inserted " + inserted
        + ", skipped " + skipped.size();
  }
}
