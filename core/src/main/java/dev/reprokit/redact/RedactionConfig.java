package dev.reprokit.redact;

/** Redaction settings. PLACEHOLDER until the redaction work lands. */
public final class RedactionConfig {
  /** Every default rule on, a random key per bundle. */
  public static final RedactionConfig DEFAULT = new RedactionConfig();

  private RedactionConfig() {}
}
