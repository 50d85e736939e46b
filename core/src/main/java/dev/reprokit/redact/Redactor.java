package dev.reprokit.redact;

import dev.reprokit.event.Event;

/** Applies redaction for one bundle. PLACEHOLDER until the redaction work lands. */
public final class Redactor {
  private Redactor() {}

  /** A redactor for one bundle (its own pseudonym key unless the config supplies one). */
  public static Redactor forBundle(RedactionConfig config) {
    return new Redactor();
  }

  /** The event with every secret replaced by a pseudonym. */
  public Event redact(Event event) {
    return event;
  }

  /** {@code text} with secrets anywhere in it replaced. */
  public String redactText(String text) {
    return text;
  }
}
