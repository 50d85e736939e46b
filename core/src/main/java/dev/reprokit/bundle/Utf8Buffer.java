package dev.reprokit.bundle;

import java.io.Writer;
import java.util.Arrays;

/**
 * A growable byte buffer that is also a {@link Writer}: characters are encoded to UTF-8 as they
 * come, exactly as {@link String#getBytes(java.nio.charset.Charset) String.getBytes(UTF_8)}
 * encodes them (a surrogate pair becomes one four-byte character, a lone surrogate becomes
 * {@code ?}), so a JSON generator can write many documents into one buffer without a
 * {@code String} per document. The bytes are read in place ({@link #buffer()}, {@link #size()})
 * and the end can be cut back ({@link #truncate}) to replace the last document. Not
 * thread-safe.
 */
final class Utf8Buffer extends Writer {
  private byte[] bytes;
  private int size;
  /** A high surrogate whose low half has not come yet, or 0. */
  private char pendingHigh;

  Utf8Buffer(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  byte[] buffer() {
    return bytes;
  }

  int size() {
    return size;
  }

  void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IndexOutOfBoundsException(newSize);
    }
    size = newSize;
  }

  void writeBytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  void writeByte(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(char[] chars, int off, int len) {
    ensure(len); // ASCII: one byte per char; more is made room for as it comes
    int i = off;
    int end = off + len;
    if (pendingHigh == 0) {
      // The usual case, JSON in ASCII: a tight loop with the room already made, in locals.
      byte[] b = bytes;
      int at = size;
      while (i < end) {
        char c = chars[i];
        if (c >= 0x80) {
          break;
        }
        b[at++] = (byte) c;
        i++;
      }
      size = at;
    }
    for (; i < end; i++) {
      char c = chars[i];
      if (c < 0x80 && pendingHigh == 0) {
        if (size == bytes.length) {
          ensure(end - i);
        }
        bytes[size++] = (byte) c;
      } else {
        writeChar(c);
      }
    }
  }

  @Override
  public void write(String s, int off, int len) {
    for (int i = off, end = off + len; i < end; i++) {
      writeChar(s.charAt(i));
    }
  }

  @Override
  public void write(int c) {
    writeChar((char) c);
  }

  private void writeChar(char c) {
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(high, c);
        ensure(4);
        bytes[size++] = (byte) (0xF0 | (cp >> 18));
        bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (cp & 0x3F));
        return;
      }
      writeByte('?'); // a high surrogate without its low half
    }
    if (c < 0x80) {
      writeByte(c);
    } else if (c < 0x800) {
      ensure(2);
      bytes[size++] = (byte) (0xC0 | (c >> 6));
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      writeByte('?'); // a low surrogate without its high half
    } else {
      ensure(3);
      bytes[size++] = (byte) (0xE0 | (c >> 12));
      bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  /** Ends a document: a high surrogate still waiting for its low half becomes {@code ?}. */
  @Override
  public void flush() {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      writeByte('?');
    }
  }

  @Override
  public void close() {
    flush();
  }

  private void ensure(int more) {
    if (bytes.length - size < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
