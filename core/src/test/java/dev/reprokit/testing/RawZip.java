package dev.reprokit.testing;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip files byte by byte, with control over what {@code java.util.zip} will not let a
 * test write: raw name bytes, Unix file types in the external attributes, lying sizes and
 * checksums, other compression methods, flags, different names in the local header and the
 * central directory, and entries whose (deflated) data is given ready-made. For hostile-bundle
 * fixtures; no ZIP64, so at most 65,535 entries.
 */
public final class RawZip {
  /** Unix mode of a symbolic link (lrwxrwxrwx). */
  public static final int SYMLINK_MODE = 0120777;
  /** Unix mode of a regular file (rw-r--r--). */
  public static final int FILE_MODE = 0100644;

  /** One entry; adjust the public fields, then {@link RawZip#add}. */
  public static final class Entry {
    public byte[] name;
    public byte[] centralName;
    public byte[] data = new byte[0];
    /** Already-deflated data; when set, {@link #data} is ignored and sizes must be given. */
    public byte[] compressed;
    public int method = 8;
    public int flags = 0x0800; // UTF-8 names
    public int unixMode = FILE_MODE;
    public Long declaredSize;
    public Long declaredCompressedSize;
    public Long declaredCrc;
    /** A size for the central directory only (the local header keeps the true one). */
    public Long centralSize;

    Entry(String name, byte[] data) {
      this.name = name.getBytes(StandardCharsets.UTF_8);
      this.data = data;
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private byte[] prefix = new byte[0];

  /** A new entry (deflated, UTF-8 name, regular file) with these bytes. */
  public Entry add(String name, byte[] data) {
    Entry e = new Entry(name, data);
    entries.add(e);
    return e;
  }

  /** Bytes written before the first entry (as self-extracting archives have). */
  public RawZip prefix(byte[] bytes) {
    this.prefix = bytes.clone();
    return this;
  }

  /** Writes the zip to {@code file}. */
  public Path write(Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(out);
    }
    return file;
  }

  /** Writes the zip to {@code out}. */
  public void write(OutputStream raw) throws IOException {
    Counting out = new Counting(raw);
    out.write(prefix);
    List<long[]> central = new ArrayList<>(); // offset, crc, csize, size
    for (Entry e : entries) {
      byte[] body;
      long crc;
      long size;
      if (e.compressed != null) {
        body = e.compressed;
        crc = e.declaredCrc == null ? 0 : e.declaredCrc;
        size = e.declaredSize == null ? 0 : e.declaredSize;
      } else {
        CRC32 c = new CRC32();
        c.update(e.data);
        crc = c.getValue();
        size = e.data.length;
        body = e.method == 8 ? deflate(e.data) : e.data;
      }
      crc = e.declaredCrc != null ? e.declaredCrc : crc;
      size = e.declaredSize != null ? e.declaredSize : size;
      long csize = e.declaredCompressedSize != null ? e.declaredCompressedSize : body.length;
      long offset = out.count;
      out.int32(0x04034b50);
      out.int16(20);
      out.int16(e.flags);
      out.int16(e.method);
      out.int16(0); // time
      out.int16(0x5b21); // 2025-09-01
      out.int32(crc);
      out.int32(csize);
      out.int32(size);
      out.int16(e.name.length);
      out.int16(0);
      out.write(e.name);
      out.write(body);
      central.add(new long[] {offset, crc, csize, e.centralSize != null ? e.centralSize : size});
    }
    long cenStart = out.count;
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      long[] c = central.get(i);
      byte[] name = e.centralName != null ? e.centralName : e.name;
      out.int32(0x02014b50);
      out.int16((3 << 8) | 20); // made by Unix
      out.int16(20);
      out.int16(e.flags);
      out.int16(e.method);
      out.int16(0);
      out.int16(0x5b21);
      out.int32(c[1]);
      out.int32(c[2]);
      out.int32(c[3]);
      out.int16(name.length);
      out.int16(0);
      out.int16(0);
      out.int16(0);
      out.int16(0);
      out.int32(((long) e.unixMode) << 16);
      out.int32(c[0]);
      out.write(name);
    }
    long cenSize = out.count - cenStart;
    out.int32(0x06054b50);
    out.int16(0);
    out.int16(0);
    out.int16(entries.size());
    out.int16(entries.size());
    out.int32(cenSize);
    out.int32(cenStart);
    out.int16(0);
    out.flush();
  }

  /** Raw deflate (no zlib header), as zip entries hold it. */
  public static byte[] deflate(byte[] data) {
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
    byte[] buf = new byte[64 * 1024];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  /**
   * A raw deflate stream that inflates to {@code block} repeated {@code times} times, built
   * without inflating it: the block is deflated once with a full flush (so it refers to nothing
   * before it), repeated, and closed with an empty final block.
   */
  public static byte[] repeatedDeflate(byte[] block, int times) {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    d.setInput(block);
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    int n;
    while ((n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH)) > 0) {
      one.write(buf, 0, n);
      if (n < buf.length) {
        break;
      }
    }
    d.end();
    byte[] unit = one.toByteArray();
    ByteArrayOutputStream all = new ByteArrayOutputStream(unit.length * times + 8);
    for (int i = 0; i < times; i++) {
      all.write(unit, 0, unit.length);
    }
    all.write(new byte[] {0x03, 0x00}, 0, 2); // final fixed-Huffman block holding nothing
    return all.toByteArray();
  }

  private static final class Counting {
    private final OutputStream out;
    long count;

    Counting(OutputStream out) {
      this.out = out;
    }

    void write(byte[] b) throws IOException {
      out.write(b);
      count += b.length;
    }

    void int16(int v) throws IOException {
      out.write(v & 0xff);
      out.write((v >>> 8) & 0xff);
      count += 2;
    }

    void int32(long v) throws IOException {
      int16((int) (v & 0xffff));
      int16((int) ((v >>> 16) & 0xffff));
    }

    void flush() throws IOException {
      out.flush();
    }
  }
}
