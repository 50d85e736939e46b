package dev.reprokit.http.internal;

import dev.reprokit.event.Payload;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The first {@code cap} bytes of a body plus the count of all bytes that went by. Used by one
 * thread at a time (the thread writing or reading the body); handed over to the thread that
 * records the event under the exchange's lock.
 */
final class BodyBuffer {
  private static final byte[] NONE = new byte[0];
  private final int cap;
  private byte[] buf = NONE;
  private int len;
  private long total;

  BodyBuffer(int cap) {
    this.cap = cap;
  }

  /**
   * A buffer sized for a body of {@code expectedLength} bytes (its {@code Content-Length}; -1
   * when unknown), so that a body of the announced size is copied once, into an array of
   * exactly the kept size, instead of through doubling arrays and a final trim.
   */
  BodyBuffer(int cap, long expectedLength) {
    this.cap = cap;
    if (expectedLength > 0 && cap > 0) {
      buf = new byte[(int) Math.min(cap, expectedLength)];
    }
  }

  void write(int b) {
    total++;
    if (len < cap) {
      ensure(len + 1);
      buf[len++] = (byte) b;
    }
  }

  void write(byte[] b, int off, int n) {
    if (n <= 0) {
      return;
    }
    total += n;
    int keep = Math.min(n, cap - len);
    if (keep > 0) {
      ensure(len + keep);
      System.arraycopy(b, off, buf, len, keep);
      len += keep;
    }
  }

  /** Copies {@code n} bytes of {@code src} starting at {@code from}; never moves its position. */
  void write(ByteBuffer src, int from, int n) {
    if (n <= 0) {
      return;
    }
    total += n;
    int keep = Math.min(n, cap - len);
    if (keep > 0) {
      ensure(len + keep);
      src.get(from, buf, len, keep);
      len += keep;
    }
  }

  long total() {
    return total;
  }

  private void ensure(int needed) {
    if (needed > buf.length) {
      int size = Math.max(needed, Math.min(cap, Math.max(512, buf.length * 2)));
      buf = Arrays.copyOf(buf, size);
    }
  }

  /** A payload of what was seen; {@code complete} says whether the body ended. */
  Payload payload(String contentType, boolean complete) {
    byte[] kept = len == buf.length ? buf : Arrays.copyOf(buf, len);
    buf = kept;
    return complete
        ? Payload.of(contentType, total, kept)
        : new Payload(contentType, -1, kept, null, true);
  }
}
