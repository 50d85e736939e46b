package dev.reprokit.redact;

import java.util.List;

/**
 * What redaction did to one bundle, recorded in its manifest: whether it was on, and every
 * rule that ran with how many values it replaced (rules that replaced nothing are listed with
 * 0, so a reader can tell "ran, found nothing" from "did not run"). Rules switched off by name
 * and user rules with nothing configured are not listed. A {@code redaction.fault} entry, only
 * present when non-zero, counts values replaced whole because a rule failed on them.
 * Immutable and thread-safe.
 *
 * @param enabled {@code false} only when the user switched redaction off explicitly
 * @param rules every rule that ran, with how many values it replaced, in a stable order
 */
public record RedactionSummary(boolean enabled, List<RuleCount> rules) {
  public RedactionSummary {
    rules = List.copyOf(rules);
  }

  /** How many values the named rule replaced, 0 when it did not run or replaced nothing. */
  public long replaced(String rule) {
    for (RuleCount r : rules) {
      if (r.rule().equals(rule)) {
        return r.replaced();
      }
    }
    return 0;
  }

  /** The total number of values replaced. */
  public long totalReplaced() {
    long n = 0;
    for (RuleCount r : rules) {
      n += r.replaced();
    }
    return n;
  }

  /**
   * One rule and its count.
   *
   * @param rule the rule's stable name, e.g. {@code header.authorization}
   * @param replaced how many values it replaced
   */
  public record RuleCount(String rule, long replaced) {}
}
