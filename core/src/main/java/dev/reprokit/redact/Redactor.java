package dev.reprokit.redact;

import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import java.util.List;

/**
 * Applies redaction for one bundle. PLACEHOLDER until the redaction work lands: every method
 * below is the contract the bundle writer, the environment and the capture modules code
 * against; the placeholder returns its input unchanged.
 */
public final class Redactor {
  private Redactor() {}

  /** A redactor for one bundle (its own pseudonym key unless the config supplies one). */
  public static Redactor forBundle(RedactionConfig config) {
    return new Redactor();
  }

  /** The event with every secret replaced by a pseudonym (all event types). */
  public Event redact(Event event) {
    return event;
  }

  /** The error with secrets in messages replaced, recursively. */
  public ErrorInfo redact(ErrorInfo error) {
    return error;
  }

  /** {@code text} with secrets anywhere in it replaced (PEM, JWT signatures, Bearer, URI credentials, user patterns). */
  public String redactText(String text) {
    return text;
  }

  /** A URL without user info or secret query parameter values. */
  public String redactUrl(String url) {
    return url;
  }

  /** A header value, replaced whole when the header name is secret. */
  public String redactHeaderValue(String name, String value) {
    return value;
  }

  /** A JDBC URL without passwords (in the URL and in its properties). */
  public String redactJdbcUrl(String url) {
    return url;
  }

  /**
   * A named value — environment variable, system property, configuration entry, connection
   * property, column: replaced whole when the name looks secret, else text rules apply.
   */
  public String redactNamedValue(String name, String value) {
    return value;
  }

  /** {@code true} when a name (column, property, variable, field) looks like it holds a secret. */
  public boolean isSecretName(String name) {
    return false;
  }

  /** A body with secret JSON or form fields replaced; text rules for other text bodies. */
  public byte[] redactBody(String contentType, byte[] body) {
    return body;
  }

  /** The pseudonym of a secret, e.g. {@code ‹redacted:3f9a1c2e›}. */
  public String pseudonym(String secret) {
    return "‹redacted›";
  }

  /** Which rules ran and how many values each replaced, so far. */
  public RedactionSummary summary() {
    return new RedactionSummary(true, List.of());
  }
}
