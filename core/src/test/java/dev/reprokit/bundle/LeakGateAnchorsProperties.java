package dev.reprokit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.reprokit.internal.redact.BodyPrescan;
import dev.reprokit.internal.redact.RedactorInternals;
import dev.reprokit.redact.RedactionConfig;
import dev.reprokit.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The leak gate skips text, payloads and event lines in which none of its anchors occurs; that
 * is sound only if every rule's pattern needs one. For text built from pieces of every kind of
 * secret, in any ASCII case, with look-alike characters ({@code K} Kelvin, long {@code s},
 * dotless {@code i}) and noise: whenever a pattern matches (or a name looks secret), its
 * anchors were found, in the text and in its UTF-8 bytes.
 */
class LeakGateAnchorsProperties {
  private static final List<String> PIECES = List.of(
      "-----BEGIN PRIVATE KEY-----", "MIIEvQIBADANBg", "-----END PRIVATE KEY-----",
      "eyJhbGciOiJIUzI1NiJ9", ".", "eyJzdWIiOiIxMjM0In0", "c2lnbmF0dXJlLXNpZ25hdHVyZQ",
      "ghp_", "gho_", "github_pat_", "xoxb-", "sk_live_", "rk_test_", "AIza", "glpat-",
      "AKIA", "ASIA", "ABCDEFGHIJKLMNOP", "0123456789abcdefABCDEF0123456789", "Bearer ",
      "basic ", "dXNlcjpwYXNzd29yZA==", "https://", "user", ":", "pa55", "@host", "password",
      "passwd", "pwd", "secret", "api_key", "access-token", "auth_token", "private.key", "=",
      "\"", "'", " ", "?", "&", ";", "token", "x", "credentials", "Authorization", "cookie",
      "COOKIE", "session_token", "refresh.token", "x-api-token", "\u212A", "\u017F",
      "\u0131", "\u00e9", "\u20ac", "data:", "base64,", "%41", "_", "-", "~");

  @Test
  void everyMatchHasItsAnchors() {
    qt().withFixedSeed(31L).withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(10);
      for (int i = 0; i < n; i++) {
        String piece = PIECES.get(r.nextInt(PIECES.size()));
        for (char c : piece.toCharArray()) {
          sb.append(r.nextInt(4) == 0 ? flipAsciiCase(c) : c);
        }
      }
      String text = sb.toString();
      assertThat(LeakGate.uncoveredMatch(text)).as(text).isNull();
    });
  }

  /**
   * The gate trusts the bundle redactor's shared scan of JSON bodies: for the same pieces, in
   * any ASCII case, a gate that trusts it replaces and counts exactly what a gate that scans
   * every payload itself does.
   */
  @Test
  void trustingTheSharedBodyScanChangesNothingTheGateDoes() {
    Redactor redactor = Redactor.forBundle(RedactionConfig.DEFAULT);
    BodyPrescan prescan = LeakGate.bodyPrescan();
    RedactorInternals.engine(redactor).prescanBodies(prescan);
    qt().withFixedSeed(37L).withExamples(5_000).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder("{\"v\":\"");
      for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
        for (char c : PIECES.get(r.nextInt(PIECES.size())).toCharArray()) {
          sb.append(r.nextInt(4) == 0 ? flipAsciiCase(c) : c);
        }
      }
      byte[] body = sb.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
      byte[] redacted = redactor.redactBody("application/json", body);
      LeakGate trusting = new LeakGate(redactor::pseudonym, true, prescan);
      LeakGate alone = new LeakGate(redactor::pseudonym, true);
      assertThat(trusting.bytes("e", "application/json", redacted)).as(sb.toString())
          .isEqualTo(alone.bytes("e", "application/json", redacted));
      assertThat(trusting.hits()).as(sb.toString()).isEqualTo(alone.hits());
    });
  }

  private static char flipAsciiCase(char c) {
    if (c >= 'a' && c <= 'z') {
      return (char) (c - 32);
    }
    if (c >= 'A' && c <= 'Z') {
      return (char) (c + 32);
    }
    return c;
  }
}
