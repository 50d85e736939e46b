package dev.reprokit.bundle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Buffer} encodes characters written in any pieces exactly as
 * {@code String.getBytes(UTF_8)} encodes the whole string: surrogate pairs as one character,
 * lone surrogates as {@code ?}.
 */
class Utf8BufferProperties {
  private static final char[] CHARS = {'a', '"', '\n', '\u0001', '\u007f', '\u0080', '\u00e9',
    '\u07ff', '\u0800', '\u20ac', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d',
    '\ude00'};

  @Test
  void encodesLikeStringGetBytes() {
    qt().withFixedSeed(3L).withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      char[] text = new char[r.nextInt(40)];
      for (int i = 0; i < text.length; i++) {
        text[i] = CHARS[r.nextInt(CHARS.length)];
      }
      Utf8Buffer buffer = new Utf8Buffer(r.nextInt(8));
      for (int at = 0; at < text.length; ) {
        int n = 1 + r.nextInt(text.length - at);
        switch (r.nextInt(3)) {
          case 0 -> buffer.write(text, at, n);
          case 1 -> buffer.write(new String(text), at, n);
          default -> {
            n = 1;
            buffer.write(text[at]);
          }
        }
        at += n;
      }
      buffer.flush();
      byte[] expected = new String(text).getBytes(UTF_8);
      assertThat(Arrays.copyOf(buffer.buffer(), buffer.size()))
          .as(new String(text).chars().mapToObj(Integer::toHexString).toList().toString())
          .isEqualTo(expected);
    });
  }
}
