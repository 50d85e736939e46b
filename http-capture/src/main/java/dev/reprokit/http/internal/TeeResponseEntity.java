package dev.reprokit.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * The response entity the application gets: the wrapped (decoded) entity, with the first
 * {@code getContent()} stream teed as the application reads it. The exchange is recorded when
 * the stream reaches its end, when the stream or the entity is closed (before the end: recorded
 * as abandoned with what was seen) or when reading fails. Closing and releasing the connection
 * is left entirely to the wrapped entity.
 */
final class TeeResponseEntity extends HttpEntityWrapper {
  private final ExchangeState state;
  private final BodyBuffer buffer;
  private boolean teed;
  private boolean eof;
  private boolean broken;

  TeeResponseEntity(HttpEntity wrapped, ExchangeState state) {
    super(wrapped);
    this.state = state;
    this.buffer = new BodyBuffer(state.cap(), wrapped.getContentLength());
  }

  @Override
  public InputStream getContent() throws IOException {
    InputStream content = super.getContent();
    if (teed || content == null) {
      return content;
    }
    teed = true;
    return new TeeInputStream(content);
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    if (out == null) {
      super.writeTo(null); // the wrapped entity's own argument check
      return;
    }
    try (InputStream in = getContent()) {
      if (in != null) {
        in.transferTo(out);
      }
    }
  }

  @Override
  public void close() throws IOException {
    finish(null);
    super.close();
  }

  private void finish(Throwable error) {
    if (state.done()) {
      return;
    }
    try {
      long length = getContentLength();
      boolean complete = eof || (length >= 0 && buffer.total() >= length);
      state.finish(buffer.payload(getContentType(), complete), error);
    } catch (Throwable t) {
      state.support.fault("http.response.body", t);
      state.finish(null, error);
    }
  }

  private void copy(int b) {
    if (broken) {
      return;
    }
    try {
      buffer.write(b);
    } catch (Throwable t) {
      broken = true;
      state.support.fault("http.response.body", t);
    }
  }

  /** Copies into the buffer; a fault stops the copying, never the application's read. */
  private void copy(byte[] b, int off, int n) {
    if (broken) {
      return;
    }
    try {
      buffer.write(b, off, n);
    } catch (Throwable t) {
      broken = true;
      state.support.fault("http.response.body", t);
    }
  }

  /** Copies what the application reads; reads and their results are the wrapped stream's. */
  private final class TeeInputStream extends FilterInputStream {
    TeeInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b;
      try {
        b = in.read();
      } catch (Throwable t) {
        finish(t);
        throw t;
      }
      if (b >= 0) {
        copy(b);
      } else {
        ended();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = in.read(b, off, len);
      } catch (Throwable t) {
        finish(t);
        throw t;
      }
      if (n > 0) {
        copy(b, off, n);
      } else if (n < 0) {
        ended();
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Read what is skipped so the capture stays byte-faithful; the result is the same.
      if (n <= 0) {
        return 0;
      }
      byte[] scratch = new byte[(int) Math.min(n, 8192)];
      long skipped = 0;
      while (skipped < n) {
        int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() throws IOException {
      finish(null);
      in.close();
    }

    private void ended() {
      eof = true;
      finish(null);
    }
  }
}
