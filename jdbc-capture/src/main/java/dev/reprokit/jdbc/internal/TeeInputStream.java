package dev.reprokit.jdbc.internal;

import dev.reprokit.event.Payload;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hands the driver the application's stream unchanged while keeping the first bytes it
 * reads, up to a cap, so that the bind value can be recorded without consuming the stream.
 * Read by one thread (the driver's) at a time; {@link #toPayload()} may see a prefix that is
 * still growing, which is fine for a record of what was sent.
 */
final class TeeInputStream extends FilterInputStream {
  private final byte[] prefix;
  private final long declaredLength;
  private int kept;
  private long total;
  private boolean ended;

  TeeInputStream(InputStream in, int cap, long declaredLength) {
    super(in);
    this.prefix = new byte[Math.max(0, cap)];
    this.declaredLength = declaredLength;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      ended = true;
    } else {
      if (kept < prefix.length) {
        prefix[kept++] = (byte) b;
      }
      total++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      ended = true;
    } else if (n > 0) {
      int copy = Math.min(n, prefix.length - kept);
      if (copy > 0) {
        System.arraycopy(b, off, prefix, kept, copy);
        kept += copy;
      }
      total += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(n);
    if (skipped > 0) {
      total += skipped;
    }
    return skipped;
  }

  /** The bytes read so far, with the declared length or the length seen at the end. */
  Payload toPayload() {
    long size = declaredLength >= 0 ? declaredLength : ended ? total : -1;
    byte[] copy = java.util.Arrays.copyOf(prefix, kept);
    return new Payload("application/octet-stream", size, copy, null, !ended && declaredLength < 0);
  }
}
