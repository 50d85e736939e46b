package dev.reprokit.bundle;

import dev.reprokit.AppInfo;
import dev.reprokit.RecorderConfig;
import dev.reprokit.TriggerKind;
import dev.reprokit.event.Event;
import dev.reprokit.event.HttpExchangeEvent;
import dev.reprokit.event.JdbcResultSetEvent;
import dev.reprokit.event.JdbcStatementEvent;
import dev.reprokit.event.Payload;
import dev.reprokit.redact.RedactionConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Secrets, ordinary look-alikes and a fast bundle round trip for the leak-gate tests. */
final class LeakGateFixtures {
  private LeakGateFixtures() {}

  private static final String B64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  static String random(Random r, String alphabet, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** A random token as API gateways hand them out: base64url, 32 to 64 chars. */
  static String token(Random r) {
    return random(r, B64URL, 32 + r.nextInt(33));
  }

  static String jwt(Random r) {
    String header = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String body = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("{\"sub\":\"" + r.nextInt(100000) + "\",\"exp\":" + (1700000000 + r.nextInt(1000000))
            + "}").getBytes(StandardCharsets.UTF_8));
    return header + "." + body + "." + random(r, B64URL, 43);
  }

  static String awsKeyId(Random r) {
    return "AKIA" + random(r, UPPER_DIGITS, 16);
  }

  static String pem(Random r) {
    StringBuilder b = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
    for (int i = 0; i < 4; i++) {
      b.append(random(r, B64, 64)).append('\n');
    }
    return b.append("-----END PRIVATE KEY-----").toString();
  }

  /** The kinds of secret a property plants; {@link Planted#secret} must not survive. */
  enum Kind { JWT, AWS_KEY_ID, PEM, BEARER, PASSWORD_PAIR, GITHUB_TOKEN, URL_PASSWORD }

  /**
   * A planted secret.
   *
   * @param text the text that carries it (e.g. {@code Authorization: Bearer <token>})
   * @param secret the part that must never reach a bundle
   */
  record Planted(String text, String secret) {}

  static Planted plant(Kind kind, Random r) {
    switch (kind) {
      case JWT -> {
        String jwt = jwt(r);
        return new Planted("session " + jwt + " expired", jwt);
      }
      case AWS_KEY_ID -> {
        String key = awsKeyId(r);
        return new Planted("using access key " + key + " for s3", key);
      }
      case PEM -> {
        String pem = pem(r);
        return new Planted("loaded key:\n" + pem + "\n", pem.split("\n")[2]);
      }
      case BEARER -> {
        String token = token(r);
        return new Planted("retrying with Bearer " + token, token);
      }
      case PASSWORD_PAIR -> {
        String pw = random(r, B64URL, 10 + r.nextInt(10));
        return new Planted("connect host=db1 user=app password=" + pw + " sslmode=require", pw);
      }
      case GITHUB_TOKEN -> {
        String t = "ghp_" + random(r, B64URL.replace("-", "").replace("_", ""), 36);
        return new Planted("cloning with " + t, t);
      }
      case URL_PASSWORD -> {
        String pw = random(r, B64URL, 12 + r.nextInt(8));
        return new Planted("fetching https://deploy:" + pw + "@repo.example.com/x.tgz", pw);
      }
      default -> throw new IllegalArgumentException(kind.toString());
    }
  }

  /**
   * Redaction on, but every default rule switched off: the leak gate is the only defence, so
   * whatever is caught was caught by the gate ("places no named rule covers").
   */
  static RedactionConfig gateOnly() {
    RedactionConfig.Builder b = RedactionConfig.builder();
    RedactionConfig.ruleNames().stream()
        .filter(rule -> !rule.startsWith("user."))
        .forEach(b::disableRule);
    return b.build();
  }

  static RecorderConfig config(Path dir) {
    return config(dir, gateOnly());
  }

  static RecorderConfig config(Path dir, RedactionConfig redaction) {
    return RecorderConfig.builder().bundleDirectory(dir).redaction(redaction).build();
  }

  /** A writer that skips fsync, so that properties can write hundreds of bundles quickly. */
  static BundleWriter fastWriter(Path dir) {
    return fastWriter(config(dir));
  }

  static BundleWriter fastWriter(RecorderConfig config) {
    return new BundleWriter(config, temp -> Files.newOutputStream(temp,
        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE));
  }

  static Snapshot snapshot(List<Event> events, String reason) {
    return new Snapshot(UUID.randomUUID().toString(), Instant.parse("2026-11-27T09:00:00Z"),
        new Trigger(TriggerKind.EXPLICIT, reason, null, null, null, 0),
        new AppInfo("shop", "1.0", null, null), SampleSnapshots.environment(), events, 0, null);
  }

  /** Writes and reads back a bundle. */
  static Bundle roundTrip(Path dir, Snapshot snapshot) throws IOException {
    return BundleReader.create().read(fastWriter(dir).write(snapshot));
  }

  /** Every entry's text and every payload's bytes (decoded) of a bundle, joined. */
  static String everything(Bundle bundle) throws IOException {
    StringBuilder b = new StringBuilder();
    for (String name : bundle.entryNames()) {
      b.append(bundle.entryText(name).orElseThrow()).append('\n');
    }
    for (Event e : bundle.events()) {
      Payloads.map(e, (seq, field, p) -> {
        if (p.data() != null) {
          b.append(new String(p.data(), StandardCharsets.UTF_8)).append('\n');
        }
        return p;
      });
    }
    return b.toString();
  }

  static HttpExchangeEvent http(long seq, String uri, List<dev.reprokit.event.Header> request,
      Payload requestBody, List<dev.reprokit.event.Header> response, Payload responseBody) {
    return new HttpExchangeEvent(seq, 1_800_000_000_000L, 1000, 5_000_000, "main", null,
        "classic", "POST", uri, "HTTP/1.1", request, requestBody, 200, "OK", response,
        responseBody, null, 1_000_000, List.of(), null);
  }

  static JdbcStatementEvent sql(long seq, String sql, List<dev.reprokit.event.BindValue> binds) {
    return new JdbcStatementEvent(seq, 1_800_000_000_000L, 2000, 1_000_000, "main", null, "c1",
        "s1", "prepared", "executeQuery", sql, binds, null, -1, null, null, null, null, null);
  }

  static JdbcResultSetEvent rows(long seq, List<List<Object>> rows) {
    return new JdbcResultSetEvent(seq, 1_800_000_000_000L, 3000, 0, "main", null, "c1", "s1",
        seq - 1, List.of(), rows, rows.size(), true, false);
  }
}
