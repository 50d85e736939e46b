package dev.reprokit.internal.redact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reprokit.redact.RedactionConfig;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * JSON bodies are redacted on their UTF-8 bytes ({@code Bodies.json}), with a scan that skips
 * bodies no rule can touch; the decoded-characters path ({@code Bodies.jsonChars}) is the
 * behaviour that came before and still serves other charsets. For generated bodies (secret and
 * ordinary names, text-rule triggers, escapes, non-ASCII, numbers, any white space, then cut,
 * corrupted, with a BOM or a NUL), under several configurations, both give the same bytes and
 * the same counts, and a body without replacements comes back as the same array.
 */
class JsonBodyBytesProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(UTF_8);

  private static final List<RedactionConfig> CONFIGS = List.of(
      RedactionConfig.builder().pseudonymKey(KEY).build(),
      RedactionConfig.builder().pseudonymKey(KEY).secretField("iban").build(),
      RedactionConfig.builder().pseudonymKey(KEY).secretJsonPointer("/items/*/note").build(),
      RedactionConfig.builder().pseudonymKey(KEY).secretPattern("ACCT-[0-9]{4}").build(),
      RedactionConfig.builder().pseudonymKey(KEY).disableRule("body.json-field").build());

  private static final String[] NAMES = {
    "id", "kind", "city", "amount", "items", "note", "name", "value", "password", "apiKey",
    "api_key", "token", "session_id", "Authorization", "author", "keyword", "monkeypatch",
    "iban", "client_secret", "pass\\u0077ord", "na\u00efve", "TO\u212AEN", "\u4e2d\u6587",
    "credentials", "x", "", "data"};

  private static final String[] STRINGS = {
    "order", "Berlin", "EUR", "", " ", "customer@example.com", "Bearer abcdefgh12345678",
    "bearer of news", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXgxMjM",
    "https://user:pw-123@host.example/x?y=1", "jdbc:postgresql://db/app?password=pg-secret",
    "password=hunter2", "token: t-123456", "<password>xml-pw</password>",
    "-----BEGIN PRIVATE KEY-----\\nMIIEvQ\\n-----END PRIVATE KEY-----", "10:00:00",
    "2026-11-27T11:00:00Z", "\u20ac \u2603 \u4e2d", "\ud83d\ude00", "tab\\tnew\\nquote\\\"",
    "\\u0041\\u00e9", "\\ud800 lone", "\\udc00", "\u2039redacted:0123abcd\u203a", "ACCT-1234",
    "a=b&c=d", "key", "\\\\", "\u212Aey"};

  private final AtomicInteger cases = new AtomicInteger();

  @Test
  void bytePathEqualsCharPath() {
    qt().withFixedSeed(20261127L).withExamples(3_000).forAll(longs().all()).checkAssert(seed -> {
      cases.incrementAndGet();
      Random random = new Random(seed);
      byte[] body = mutate(random, document(random).getBytes(UTF_8));
      RedactionConfig config = CONFIGS.get(random.nextInt(CONFIGS.size()));
      RedactionEngine bytes = new RedactionEngine(config);
      RedactionEngine chars = new RedactionEngine(config);
      byte[] viaBytes = Bodies.json(bytes, body, UTF_8);
      byte[] viaChars = Bodies.jsonChars(chars, body, UTF_8);
      String shown = new String(body, UTF_8);
      assertThat(viaBytes).as(shown).isEqualTo(viaChars);
      assertThat(viaBytes == body).as("same array when unchanged: " + shown)
          .isEqualTo(viaChars == body);
      assertThat(bytes.summary()).as(shown).isEqualTo(chars.summary());
      // (a body with a byte order mark is read as broken JSON by both paths, as before:
      // text rules over all of it, so its output need not parse)
      if (viaBytes != null && isJson(body) && !(body.length > 0 && body[0] == (byte) 0xEF)) {
        assertThat(isJson(viaBytes)).as("still JSON: " + new String(viaBytes, UTF_8)).isTrue();
      }
    });
    assertThat(cases.get()).isGreaterThanOrEqualTo(3_000);
  }

  @Test
  void wellFormedUtf8IsWhatTheJdkDecoderAccepts() {
    qt().withFixedSeed(7L).withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      byte[] b = new byte[random.nextInt(8)];
      for (int i = 0; i < b.length; i++) {
        int kind = random.nextInt(4);
        b[i] = (byte) (kind == 0 ? random.nextInt(0x80)
            : kind == 1 ? 0x80 + random.nextInt(0x40) : 0xC0 + random.nextInt(0x40));
      }
      boolean jdk;
      try {
        UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
        jdk = true;
      } catch (CharacterCodingException e) {
        jdk = false;
      }
      assertThat(Utf8.isWellFormed(b)).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(jdk);
    });
  }

  private static boolean isJson(byte[] b) {
    try (var p = JSON.getFactory().createParser(b)) {
      while (p.nextToken() != null) {
        // read to the end
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static String document(Random r) {
    StringBuilder sb = new StringBuilder();
    value(r, sb, 0);
    if (r.nextInt(8) == 0) { // NDJSON: a second document
      sb.append('\n');
      value(r, sb, 0);
    }
    return sb.toString();
  }

  private static void value(Random r, StringBuilder sb, int depth) {
    int kind = depth > 3 ? 2 + r.nextInt(4) : r.nextInt(6);
    switch (kind) {
      case 0 -> {
        sb.append('{').append(space(r));
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(',').append(space(r));
          }
          sb.append('"').append(NAMES[r.nextInt(NAMES.length)]).append('"').append(space(r))
              .append(':').append(space(r));
          value(r, sb, depth + 1);
        }
        sb.append(space(r)).append('}');
      }
      case 1 -> {
        sb.append('[').append(space(r));
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(',').append(space(r));
          }
          value(r, sb, depth + 1);
        }
        sb.append(space(r)).append(']');
      }
      case 2, 3 -> sb.append('"').append(STRINGS[r.nextInt(STRINGS.length)]).append('"');
      case 4 -> sb.append(switch (r.nextInt(5)) {
        case 0 -> String.valueOf(r.nextInt(100_000));
        case 1 -> "-" + r.nextInt(100) + "." + r.nextInt(1000);
        case 2 -> "1.5e" + (r.nextInt(20) - 10);
        case 3 -> "0";
        default -> String.valueOf(r.nextLong());
      });
      default -> sb.append(switch (r.nextInt(3)) {
        case 0 -> "true";
        case 1 -> "false";
        default -> "null";
      });
    }
  }

  private static String space(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> " ";
      case 1 -> "\n  ";
      case 2 -> "\t";
      default -> "";
    };
  }

  /** Sometimes cut, corrupted, given a BOM or a NUL, or made invalid UTF-8. */
  private static byte[] mutate(Random r, byte[] b) {
    switch (r.nextInt(12)) {
      case 0:
        return java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
      case 1: {
        byte[] c = b.clone();
        if (c.length > 0) {
          c[r.nextInt(c.length)] = (byte) "{}[]\",:\\x".charAt(r.nextInt(9));
        }
        return c;
      }
      case 2: {
        byte[] c = new byte[b.length + 3];
        c[0] = (byte) 0xEF;
        c[1] = (byte) 0xBB;
        c[2] = (byte) 0xBF;
        System.arraycopy(b, 0, c, 3, b.length);
        return c;
      }
      case 3: {
        byte[] c = new byte[b.length + 1];
        System.arraycopy(b, 0, c, 1, b.length);
        return c; // a NUL first
      }
      case 4: {
        byte[] c = b.clone();
        if (c.length > 0) {
          c[r.nextInt(c.length)] = (byte) (0x80 + r.nextInt(0x80));
        }
        return c;
      }
      default:
        return b;
    }
  }
}
