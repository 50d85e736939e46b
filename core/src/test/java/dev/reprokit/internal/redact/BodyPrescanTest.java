package dev.reprokit.internal.redact;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BodyPrescan}: redaction gets the answer of its own scan, and the later check trusts
 * only payload arrays in which neither set of words occurred.
 */
class BodyPrescanTest {
  /** A later check's words, as the leak gate registers its own (bits other than 61). */
  private static final BodyPrescan.Words WORDS =
      BodyPrescan.Words.of(b -> b.word("akia", 3).word("ghp_", 2).pair("?&", "abc", 62));

  private static BodyPrescan prescan() {
    return new BodyPrescan(WORDS);
  }

  @Test
  void aPayloadWithNeitherSetOfWordsIsCleanByIdentityOnly() {
    BodyPrescan p = prescan();
    byte[] body = "{\"id\":7,\"city\":\"Lyon\"}".getBytes(ISO_8859_1);
    assertThat(p.nothingToRedact(body, true)).isTrue();
    assertThat(p.clean(body)).isTrue();
    assertThat(p.clean(body.clone())).as("an equal array that was not scanned").isFalse();
    assertThat(p.clean(null)).isFalse();
  }

  @Test
  void anArrayMadeWhileRedactingIsNotRemembered() {
    BodyPrescan p = prescan();
    byte[] inflated = "{\"id\":7}".getBytes(ISO_8859_1);
    assertThat(p.nothingToRedact(inflated, false)).isTrue();
    assertThat(p.clean(inflated)).isFalse();
  }

  @Test
  void laterWordsLeaveRedactionAloneButTheArrayIsNotClean() {
    BodyPrescan p = prescan();
    byte[] key = "{\"note\":\"AKIAABCDEFGHIJKLMNOP\"}".getBytes(ISO_8859_1);
    byte[] query = "{\"next\":\"/f?a=1\"}".getBytes(ISO_8859_1);
    assertThat(p.nothingToRedact(key, true)).isTrue();
    assertThat(p.nothingToRedact(query, true)).isTrue();
    assertThat(p.clean(key)).isFalse();
    assertThat(p.clean(query)).isFalse();
  }

  @Test
  void redactionWordsAndStopsAreNeitherRedactionFreeNorClean() {
    BodyPrescan p = prescan();
    for (String body : List.of("{\"password\":\"x\"}", "{\"city\":\"Z\u00fcrich\"}",
        "{\"a\":\"\\u0070ass\"}", "{\"Authorization\":\"x\"}")) {
      byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.nothingToRedact(bytes, true)).as(body).isFalse();
      assertThat(p.clean(bytes)).as(body).isFalse();
    }
  }

  /**
   * Adding the later check's words never changes redaction's answer (that of the scanner
   * {@link Bodies} uses without a prescan), and a clean array holds no word of either set.
   * Texts are built from whole words of both sets, in any ASCII case, and noise.
   */
  @Test
  void redactionsAnswerIsItsOwnScansAnswer() {
    List<String> pieces = new ArrayList<>(List.of(Bodies.REDACTION_WORDS));
    pieces.addAll(List.of("akia", "ghp_", "?a", "&c", "?", "&", "\"", "{", "}", ":", ",", " ",
        "city", "amount", "x", "\\", "\u00e9", "pas", "tok", "eyx", "jdbc", "-----"));
    BodyPrescan p = prescan();
    qt().withFixedSeed(61L).withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      for (int i = 0, n = r.nextInt(8); i < n; i++) {
        for (char c : pieces.get(r.nextInt(pieces.size())).toCharArray()) {
          sb.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
        }
      }
      byte[] body = sb.toString().getBytes(ISO_8859_1);
      boolean expected = Bodies.REDACTION_ANCHORS.find(body) == 0;
      assertThat(p.nothingToRedact(body, true)).as(sb.toString()).isEqualTo(expected);
      if (p.clean(body)) {
        assertThat(expected).isTrue();
        assertThat(sb.toString().toLowerCase(java.util.Locale.ROOT)) // words: any case
            .doesNotContain("akia").doesNotContain("ghp_");
        assertThat(sb.toString()) // pairs: as given
            .doesNotContain("?a").doesNotContain("?b").doesNotContain("?c")
            .doesNotContain("&a").doesNotContain("&b").doesNotContain("&c");
      }
    });
  }
}
