package dev.reprokit.redact;

import java.util.List;

/**
 * What redaction did to one bundle, recorded in its manifest.
 *
 * @param enabled {@code false} only when the user switched redaction off explicitly
 * @param rules every rule that ran, with how many values it replaced
 */
public record RedactionSummary(boolean enabled, List<RuleCount> rules) {
  public RedactionSummary {
    rules = List.copyOf(rules);
  }

  /**
   * One rule and its count.
   *
   * @param rule the rule's name, e.g. {@code header.authorization}
   * @param replaced how many values it replaced
   */
  public record RuleCount(String rule, long replaced) {}
}
