package dev.reprokit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Deterministic, realistic-looking JSON bodies of an exact size. */
final class Bodies {
  private Bodies() {}

  private static final String[] WORDS = {
    "order", "customer", "shipped", "pending", "invoice", "total", "currency", "EUR",
    "address", "Berlin", "Lyon", "quantity", "sku", "discount", "note", "express"
  };

  /** A JSON array of small objects, padded with spaces to exactly {@code size} bytes. */
  static byte[] json(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(size + 128);
    sb.append('[');
    int i = 0;
    while (sb.length() < size - 96) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"id\":").append(i++)
          .append(",\"kind\":\"").append(WORDS[random.nextInt(WORDS.length)])
          .append("\",\"city\":\"").append(WORDS[random.nextInt(WORDS.length)])
          .append("\",\"amount\":").append(random.nextInt(100_000) / 100.0)
          .append('}');
    }
    sb.append(']');
    while (sb.length() < size) {
      sb.append(' ');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
    if (bytes.length != size) {
      throw new IllegalStateException("body of " + bytes.length + " bytes, wanted " + size);
    }
    return bytes;
  }
}
