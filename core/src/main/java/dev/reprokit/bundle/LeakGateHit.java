package dev.reprokit.bundle;

/**
 * One finding of the leak gate, recorded in the manifest: after the redaction rules ran, the
 * gate still found {@code count} values that looked like secrets of kind {@code rule} in
 * {@code entry}, and replaced each with a keyed pseudonym before the bundle was written.
 *
 * <p>A bundle whose manifest lists leak-gate hits is safe to send (the values are gone), but
 * each hit says a redaction rule is missing: add one (a secret header, query parameter, field
 * or pattern in {@code RedactionConfig}) so the value is redacted where it is captured.
 * Immutable.
 *
 * @param entry the bundle entry the values were found in, e.g. {@code events.jsonl}
 * @param rule the gate's rule, one of {@code pem-block}, {@code jwt}, {@code bearer-token},
 *     {@code basic-credentials}, {@code aws-access-key-id}, {@code known-token},
 *     {@code url-credentials}, {@code password-pair}, {@code high-entropy-header},
 *     {@code high-entropy-query}
 * @param count how many values it replaced there
 */
public record LeakGateHit(String entry, String rule, long count) {
  public LeakGateHit {
    if (entry == null || entry.isEmpty()) {
      throw new IllegalArgumentException("entry must not be empty");
    }
    if (rule == null || rule.isEmpty()) {
      throw new IllegalArgumentException("rule must not be empty");
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
  }
}
