package dev.reprokit.examples;

import java.util.Objects;

/**
 * A customer as the partner API sends it and as the customer table holds it.
 *
 * @param name full name, in whatever Unicode normalisation form the source uses
 * @param email e-mail address; unique in the customer table
 * @param tier loyalty tier, e.g. {@code GOLD}
 */
public record Customer(String name, String email, String tier) {
  public Customer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(tier, "tier");
  }
}
