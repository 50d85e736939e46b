package dev.reprokit.internal.redact;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BodyPrescan}: redaction gets the answer of its own scan, and the later check trusts
 * only arrays in which neither set of words occurred.
 */
class BodyPrescanTest {
  /** A later check's words, as the leak gate registers its own (bits other than 61). */
  private static final BodyPrescan.Words WORDS =
      BodyPrescan.Words.of(b -> b.word("akia", 3).word("ghp_", 2).pair("?&", "abc", 62));

  private static BodyPrescan prescan() {
    return new BodyPrescan(WORDS);
  }

  private static final AsciiAnchors REDACTION_ALONE = redactionAlone();

  private static AsciiAnchors redactionAlone() {
    AsciiAnchors.Builder b = AsciiAnchors.builder().stopAtNonAscii().stopAt('\\');
    for (String w : Bodies.REDACTION_WORDS) {
      b.word(w, 0);
    }
    return b.build();
  }

  @Test
  void aBodyWithNeitherSetOfWordsIsCleanByIdentityOnly() {
    BodyPrescan p = prescan();
    byte[] body = "{\"id\":7,\"city\":\"Lyon\"}".getBytes(ISO_8859_1);
    assertThat(p.nothingToRedact(body)).isTrue();
    assertThat(p.clean(body)).isTrue();
    assertThat(p.clean(body.clone())).as("an equal array that was not scanned").isFalse();
    assertThat(p.clean(null)).isFalse();
  }

  @Test
  void laterWordsLeaveRedactionAloneButTheArrayIsNotClean() {
    BodyPrescan p = prescan();
    byte[] key = "{\"note\":\"AKIAABCDEFGHIJKLMNOP\"}".getBytes(ISO_8859_1);
    byte[] query = "{\"next\":\"/f?a=1\"}".getBytes(ISO_8859_1);
    assertThat(p.nothingToRedact(key)).isTrue();
    assertThat(p.nothingToRedact(query)).isTrue();
    assertThat(p.clean(key)).isFalse();
    assertThat(p.clean(query)).isFalse();
  }

  @Test
  void redactionWordsAndStopsAreNeitherRedactionFreeNorClean() {
    BodyPrescan p = prescan();
    for (String body : List.of("{\"password\":\"x\"}", "{\"city\":\"Z\u00fcrich\"}",
        "{\"a\":\"\\u0070ass\"}", "{\"Authorization\":\"x\"}")) {
      byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.nothingToRedact(bytes)).as(body).isFalse();
      assertThat(p.clean(bytes)).as(body).isFalse();
    }
  }

  /** Adding the later check's words never changes redaction's answer. */
  @Test
  void redactionsAnswerIsItsOwnScansAnswer() {
    String alphabet = "pasSwdkeyKEYtoknAUTHsecrt-begin:/jdbc_gh?&abcAKIA\"{}:,\\ \u00e9";
    BodyPrescan p = prescan();
    qt().withFixedSeed(61L).withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      for (int i = 0, n = r.nextInt(40); i < n; i++) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      byte[] body = sb.toString().getBytes(ISO_8859_1);
      boolean expected = REDACTION_ALONE.find(body) == 0;
      assertThat(p.nothingToRedact(body)).as(sb.toString()).isEqualTo(expected);
      if (p.clean(body)) {
        assertThat(expected).isTrue();
        assertThat(sb.toString().toLowerCase(java.util.Locale.ROOT))
            .doesNotContain("akia").doesNotContain("ghp_");
      }
    });
  }
}
