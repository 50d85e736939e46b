package dev.reprokit.redact;

import dev.reprokit.event.ErrorInfo;
import dev.reprokit.event.Event;
import dev.reprokit.event.Header;
import dev.reprokit.event.Payload;
import dev.reprokit.internal.redact.EventRedaction;
import dev.reprokit.internal.redact.RedactionEngine;
import dev.reprokit.internal.redact.RedactorInternals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies redaction to everything that goes into one bundle, and counts what each rule
 * replaced for the bundle's manifest.
 *
 * <p>The bundle writer creates one redactor per bundle with {@link #forBundle(RedactionConfig)},
 * passes every event, the environment and the failure through it, and writes
 * {@link #summary()} into the manifest. A replaced value becomes a keyed pseudonym such as
 * {@code ‹redacted:3f9a1c2e›}: HMAC-SHA256 of the secret under a random key per bundle, or
 * under {@link RedactionConfig.Builder#pseudonymKey(byte[]) the key the application supplies},
 * so equal secrets get equal pseudonyms (within a bundle, or across bundles with a supplied
 * key) and nothing about the secret is revealed.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.forBundle(config.redaction());
 * List<Event> safe = snapshot.events().stream().map(redactor::redact).toList();
 * Environment env = snapshot.environment().redacted(redactor);
 * manifest.redaction = redactor.summary();
 * }</pre>
 *
 * <p>Redaction runs when a bundle is written, never on the application's call path. No method
 * throws (other than {@link OutOfMemoryError}): a rule that fails on a value replaces the value
 * whole and is counted as {@code redaction.fault} in the summary, so a bug can cost
 * information but never leak a secret. With {@link RedactionConfig#disabled()} every method
 * returns its input unchanged and the summary says redaction was off.
 *
 * <p>Thread-safe: a redactor may be shared by the threads writing one bundle.
 */
public final class Redactor {
  static {
    RedactorInternals.install(r -> r.engine);
  }

  private final RedactionEngine engine;
  private final EventRedaction events;

  private Redactor(RedactionConfig config) {
    this.engine = new RedactionEngine(config);
    this.events = new EventRedaction(engine);
  }

  /**
   * A redactor for one bundle: its own random pseudonym key unless the configuration supplies
   * one, and its own counts.
   */
  public static Redactor forBundle(RedactionConfig config) {
    return new Redactor(Objects.requireNonNull(config, "config"));
  }

  /** {@code false} when redaction was switched off explicitly. */
  public boolean enabled() {
    return engine.enabled();
  }

  /** The event with every secret replaced by a pseudonym (all event types). */
  public Event redact(Event event) {
    return events.redact(event);
  }

  /** The error with secrets in messages replaced, recursively (causes, suppressed, next). */
  public ErrorInfo redact(ErrorInfo error) {
    try {
      return events.error(error);
    } catch (Throwable t) {
      engine.fault(error.type(), t);
      return new ErrorInfo(error.type(), null, error.sqlState(), error.vendorCode(),
          error.stack(), null, null, null);
    }
  }

  /**
   * {@code text} with secrets anywhere in it replaced: PEM blocks, Bearer tokens, JWT
   * signatures, URI credentials, {@code name=value} pairs with secret names, user patterns.
   */
  public String redactText(String text) {
    return engine.text(text);
  }

  /**
   * A URL without the password of its user info (a lone user info, which is usually a
   * token, is replaced whole), without secret query parameter or fragment parameter values,
   * and with the text rules applied. Pseudonyms are written as they are
   * ({@code ?token=‹redacted:3f9a1c2e›}); {@link java.net.URI} still parses the result.
   */
  public String redactUrl(String url) {
    return engine.url(url);
  }

  /**
   * A header value: credentials of {@code Authorization} (the scheme kept), cookie values of
   * {@code Cookie} and {@code Set-Cookie} (names and attributes kept), the whole value of
   * secret headers; URLs in {@code Location} and {@code Referer}; text rules otherwise.
   */
  public String redactHeaderValue(String name, String value) {
    return engine.headerValue(name, value);
  }

  /** Headers in their order, values redacted with {@link #redactHeaderValue}. */
  public List<Header> redactHeaders(List<Header> headers) {
    if (headers == null) {
      return null;
    }
    List<Header> out = new ArrayList<>(headers.size());
    for (Header h : headers) {
      out.add(h == null ? null : new Header(h.name(), redactHeaderValue(h.name(), h.value())));
    }
    return out;
  }

  /**
   * A JDBC URL without passwords: {@code user:pass@} forms, Oracle's {@code user/pass@}, and
   * every URL property whose name looks secret ({@code ?password=}, {@code ;PASSWORD=},
   * {@code &sslpassword=}, SQL Server's {@code password={...}}).
   */
  public String redactJdbcUrl(String url) {
    return engine.jdbcUrl(url);
  }

  /**
   * A named value — environment variable, system property, configuration entry, connection
   * property, mark attribute: replaced whole when the name looks secret (see
   * {@link #isSecretName}); otherwise URL, JDBC URL or text rules apply to it.
   */
  public String redactNamedValue(String name, String value) {
    return engine.namedValue(name, value);
  }

  /** Every entry of a map of named values, in its order, redacted with {@link #redactNamedValue}. */
  public Map<String, String> redactNamedValues(Map<String, String> values) {
    if (values == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, redactNamedValue(k, v)));
    return out;
  }

  /**
   * A command-line argument: {@code -Dname=value} and {@code --name=value} as named values,
   * anything else through the text rules. For the JVM's input arguments.
   */
  public String redactArgument(String argument) {
    if (argument == null || !engine.enabled()) {
      return argument;
    }
    int eq = argument.indexOf('=');
    if (eq > 0 && (argument.startsWith("-D") || argument.startsWith("--"))) {
      String name = argument.substring(2, eq); // after "-D" or "--"
      return argument.substring(0, eq + 1) + redactNamedValue(name, argument.substring(eq + 1));
    }
    return redactText(argument);
  }

  /**
   * SQL text: string and number literals bound to secret-named columns
   * ({@code INSERT ... VALUES}, {@code SET a = 'x'}, {@code WHERE a = 'x'}), literals after
   * {@code PASSWORD} or {@code IDENTIFIED BY}, then the text rules (parameters and the rest
   * of the statement are kept, so it can still be replayed).
   */
  public String redactSql(String sql) {
    return engine.sql(sql);
  }

  /**
   * {@code true} when a name (column, property, variable, field, bind target) looks like it
   * holds a secret: it contains {@code password}, {@code passwd}, {@code pwd}, {@code secret},
   * {@code token}, {@code credential}, {@code session}, {@code passphrase}, or one of its
   * words is or ends with {@code key}, is {@code private}, or contains {@code auth} (but not
   * {@code author}/{@code authority}); or the configuration added it as a secret field.
   * Case-insensitive. The name test alone: it does not consult disabled rules.
   */
  public boolean isSecretName(String name) {
    return engine.isSecretName(name);
  }

  /**
   * A body with secret JSON fields (any depth, arrays too, JSON pointers), form fields or
   * multipart parts replaced and the text rules applied to every other string; text rules for
   * other text bodies; binary bodies untouched. Unchanged bytes are kept byte for byte; a body that does
   * not parse as its content type falls back to the text rules.
   *
   * @param contentType the media type with parameters, or {@code null} to sniff the bytes
   */
  public byte[] redactBody(String contentType, byte[] body) {
    return engine.body(contentType, body);
  }

  /** A payload with its bytes redacted by {@link #redactBody}; its original size is kept. */
  public Payload redactPayload(Payload payload) {
    return events.payload(payload, null);
  }

  /** The pseudonym of a secret under this bundle's key, e.g. {@code ‹redacted:3f9a1c2e›}. Not counted. */
  public String pseudonym(String secret) {
    return engine.pseudonym(secret);
  }

  /** Which rules ran and how many values each replaced, so far. */
  public RedactionSummary summary() {
    return engine.summary();
  }

  /** How many values were replaced whole because a rule failed on them (also in the summary). */
  public long faults() {
    return engine.faults();
  }
}
