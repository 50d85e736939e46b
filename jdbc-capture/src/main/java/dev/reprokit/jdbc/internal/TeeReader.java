package dev.reprokit.jdbc.internal;

import dev.reprokit.event.Payload;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Hands the driver the application's reader unchanged while keeping the first characters
 * it reads, up to a cap; the character counterpart of {@link TeeInputStream}.
 */
final class TeeReader extends FilterReader {
  private final char[] prefix;
  private final long declaredLength;
  private int kept;
  private long total;
  private boolean ended;

  TeeReader(Reader in, int cap, long declaredLength) {
    super(in);
    this.prefix = new char[Math.max(0, cap)];
    this.declaredLength = declaredLength;
  }

  @Override
  public int read() throws IOException {
    int c = in.read();
    if (c < 0) {
      ended = true;
    } else {
      if (kept < prefix.length) {
        prefix[kept++] = (char) c;
      }
      total++;
    }
    return c;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    int n = in.read(cbuf, off, len);
    if (n < 0) {
      ended = true;
    } else if (n > 0) {
      int copy = Math.min(n, prefix.length - kept);
      if (copy > 0) {
        System.arraycopy(cbuf, off, prefix, kept, copy);
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

  /** The characters read so far as UTF-8, with the declared or seen length in characters. */
  Payload toPayload() {
    long size = declaredLength >= 0 ? declaredLength : ended ? total : -1;
    byte[] bytes = new String(prefix, 0, kept).getBytes(StandardCharsets.UTF_8);
    return new Payload("text/plain; charset=UTF-8", size, bytes, null,
        !ended && declaredLength < 0);
  }
}
