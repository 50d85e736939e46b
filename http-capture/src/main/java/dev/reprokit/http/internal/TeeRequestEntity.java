package dev.reprokit.http.internal;

import dev.reprokit.event.Payload;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * A request entity that copies the first bytes written to the wire. Everything else —
 * {@code isRepeatable}, {@code isChunked}, {@code getContentLength}, the content itself — is
 * the wrapped entity's, so retries and redirects behave as without capture.
 */
final class TeeRequestEntity extends HttpEntityWrapper {
  private final int cap;
  private volatile BodyBuffer last;

  TeeRequestEntity(HttpEntity wrapped, int cap) {
    super(wrapped);
    this.cap = cap;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    BodyBuffer buffer = null;
    OutputStream target = out;
    try {
      buffer = new BodyBuffer(cap, getContentLength());
      target = new TeeOutputStream(out, buffer);
      last = buffer;
    } catch (Throwable t) {
      if (t instanceof OutOfMemoryError oom) {
        throw oom;
      }
      target = out; // capture is best effort; the write goes on untouched
    }
    super.writeTo(target);
  }

  boolean written() {
    return last != null;
  }

  Payload payload() {
    return last.payload(getContentType(), true);
  }

  /** Copies what goes by; the bytes and the calls reach {@code out} unchanged. */
  private static final class TeeOutputStream extends FilterOutputStream {
    private final BodyBuffer buffer;

    TeeOutputStream(OutputStream out, BodyBuffer buffer) {
      super(out);
      this.buffer = buffer;
    }

    private boolean broken;

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      if (!broken) {
        try {
          buffer.write(b);
        } catch (Throwable t) {
          if (t instanceof OutOfMemoryError oom) {
            throw oom;
          }
          broken = true;
        }
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      copy(b, off, len);
    }

    /** A fault stops the copying (the body is then recorded as far as it got), never the write. */
    private void copy(byte[] b, int off, int len) {
      if (broken) {
        return;
      }
      try {
        buffer.write(b, off, len);
      } catch (Throwable t) {
        if (t instanceof OutOfMemoryError oom) {
          throw oom;
        }
        broken = true;
      }
    }
  }
}
