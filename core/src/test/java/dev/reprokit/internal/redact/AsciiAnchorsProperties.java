package dev.reprokit.internal.redact;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link AsciiAnchors} against the obvious search, on bytes, ranges and text. */
class AsciiAnchorsProperties {
  private static final List<String> WORDS = List.of("pass", "key", "-----begin ", "eyj", "://",
      "k_live_", "to", "xox");
  private static final String ALPHABET = "paSsKEYkeyj-begin:/_livtoxXO?&;=\\ \u00e9\u212A\u20ac";

  private static AsciiAnchors anchors(boolean stops) {
    AsciiAnchors.Builder b = AsciiAnchors.builder();
    for (int i = 0; i < WORDS.size(); i++) {
      b.word(WORDS.get(i), i);
    }
    b.pair("?&", "ab", 20);
    if (stops) {
      b.stopAt('\\').stopAtNonAscii();
    }
    return b.build();
  }

  /** The expected bits by brute force; text as ISO-8859-1 chars for bytes. */
  private static long expected(String text, boolean stops) {
    long found = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (stops && (c == '\\' || c >= 0x80)) {
        return found | AsciiAnchors.STOP;
      }
      for (int w = 0; w < WORDS.size(); w++) {
        String word = WORDS.get(w);
        if (i + word.length() <= text.length()
            && asciiLower(text.substring(i, i + word.length())).equals(word)) {
          found |= 1L << w;
        }
      }
      if (i + 1 < text.length() && "?&".indexOf(c) >= 0 && "ab".indexOf(text.charAt(i + 1)) >= 0) {
        found |= 1L << 20;
      }
    }
    return found;
  }

  private static String asciiLower(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return sb.toString();
  }

  @Test
  void findsExactlyWhatABruteForceSearchFinds() {
    AsciiAnchors plain = anchors(false);
    AsciiAnchors stopping = anchors(true);
    qt().withFixedSeed(5L).withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(48); // long enough for the two-pairs-a-turn loop and its tail
      for (int i = 0; i < n; i++) {
        if (r.nextInt(5) == 0) {
          String w = WORDS.get(r.nextInt(WORDS.size()));
          sb.append(r.nextBoolean() ? w : w.toUpperCase(Locale.ROOT));
        } else {
          sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
      }
      String text = sb.toString();
      String latin = text.chars().allMatch(c -> c < 256) ? text : null;
      // text: a character outside ASCII is never part of a word
      assertThat(plain.find(text)).as(text).isEqualTo(expected(text, false));
      assertThat(stopping.find(text) < 0).as(text).isEqualTo(expected(text, true) < 0);
      if (latin != null) {
        byte[] bytes = latin.getBytes(ISO_8859_1);
        assertThat(plain.find(bytes)).as(text).isEqualTo(expected(latin, false));
        long stopped = expected(latin, true);
        if (stopped >= 0) {
          assertThat(stopping.find(bytes)).as(text).isEqualTo(stopped);
        } else {
          assertThat(stopping.find(bytes)).as(text).isNegative();
        }
        int from = bytes.length == 0 ? 0 : r.nextInt(bytes.length + 1);
        int to = from + r.nextInt(bytes.length - from + 1);
        assertThat(plain.find(bytes, from, to)).as(text + " [" + from + ", " + to + ")")
            .isEqualTo(expected(latin.substring(from, to), false));
      }
    });
  }
}
