package dev.reprokit.bundle;

import dev.reprokit.BundleFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a zip's central directory record by record, before {@code java.util.zip} sees the
 * file, for what that API hides: the declared entry count, Unix file types in the external
 * attributes (symbolic links, devices, directories), encryption, the compression method and
 * names that are not valid UTF-8. A bundle holds only regular files, stored or deflated, with
 * UTF-8 names; anything else is refused with a {@link BundleFormatException}.
 *
 * <p>Stateless and thread-safe.
 */
final class ZipDirectory {
  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int CEN = 0x02014b50;
  private static final int EOCD_SIZE = 22;
  private static final int MAX_COMMENT = 0xffff;
  private static final int UNIX = 3;
  private static final int S_IFMT = 0xf000;
  private static final int S_IFREG = 0x8000;
  private static final int S_IFLNK = 0xa000;
  private static final int S_IFDIR = 0x4000;

  private ZipDirectory() {}

  /** Checks every central directory record of {@code file}. */
  static void check(Path file, ReaderLimits limits) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < EOCD_SIZE) {
        throw damaged("the file is " + size + " bytes, too short for a zip");
      }
      int tailLength = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
      ByteBuffer tail = read(ch, size - tailLength, tailLength);
      int at = -1;
      for (int i = tailLength - EOCD_SIZE; i >= 0; i--) {
        if (tail.getInt(i) == EOCD) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        throw damaged("no end of central directory record");
      }
      long eocdOffset = size - tailLength + at;
      long entries = tail.getShort(at + 10) & 0xffff;
      long cenSize = tail.getInt(at + 12) & 0xffffffffL;
      long cenOffset = tail.getInt(at + 16) & 0xffffffffL;
      if (entries == 0xffff || cenSize == 0xffffffffL || cenOffset == 0xffffffffL) {
        if (eocdOffset < 20) {
          throw damaged("a ZIP64 directory without its locator");
        }
        ByteBuffer locator = read(ch, eocdOffset - 20, 20);
        if (locator.getInt(0) == ZIP64_LOCATOR) {
          long zip64At = locator.getLong(8);
          if (zip64At < 0 || zip64At > size - 56) {
            throw damaged("the ZIP64 directory record lies outside the file");
          }
          ByteBuffer z = read(ch, zip64At, 56);
          if (z.getInt(0) != ZIP64_EOCD) {
            throw damaged("a broken ZIP64 directory record");
          }
          entries = z.getLong(32);
          cenSize = z.getLong(40);
          cenOffset = z.getLong(48);
        }
      }
      if (entries < 0 || entries > limits.maxEntries()) {
        throw new BundleFormatException(null, "the zip declares " + Long.toUnsignedString(
            entries) + " entries, more than " + limits.maxEntries() + " (maxEntries):"
            + " refusing a bundle this large");
      }
      if (cenOffset < 0 || cenSize < 0 || cenOffset + cenSize > size) {
        throw damaged("the central directory lies outside the file");
      }
      walk(ch, cenOffset, cenSize, entries, limits);
    } catch (BundleFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new BundleFormatException(null, "cannot read " + file + ": " + e, e);
    }
  }

  private static void walk(FileChannel ch, long offset, long length, long entries,
      ReaderLimits limits) throws IOException {
    long pos = offset;
    long end = offset + length;
    long declaredTotal = 0;
    for (long n = 0; n < entries; n++) {
      if (pos + 46 > end) {
        throw damaged("the central directory ends early");
      }
      ByteBuffer h = read(ch, pos, 46);
      if (h.getInt(0) != CEN) {
        throw damaged("a broken central directory record");
      }
      int madeBy = h.getShort(4) & 0xffff;
      int flags = h.getShort(8) & 0xffff;
      int method = h.getShort(10) & 0xffff;
      int nameLength = h.getShort(28) & 0xffff;
      int extraLength = h.getShort(30) & 0xffff;
      int commentLength = h.getShort(32) & 0xffff;
      long external = h.getInt(38) & 0xffffffffL;
      long compressedSize = h.getInt(20) & 0xffffffffL;
      long size = h.getInt(24) & 0xffffffffL;
      if (pos + 46 + nameLength > end) {
        throw damaged("the central directory ends early");
      }
      String name = name(read(ch, pos + 46, nameLength));
      BundleReader.checkName(name);
      String shown = BundleReader.printable(name);
      if ((flags & 1) != 0) {
        throw new BundleFormatException(shown, "is encrypted; bundles are never encrypted"
            + " (send the file itself, not a password-protected zip)");
      }
      if (method != 0 && method != 8) {
        throw new BundleFormatException(shown, "uses compression method " + method
            + "; bundles use only stored (0) or deflated (8) entries");
      }
      if ((madeBy >>> 8) == UNIX) {
        int type = (int) (external >>> 16) & S_IFMT;
        if (type == S_IFLNK) {
          throw new BundleFormatException(shown, "is a symbolic link; bundles hold only"
              + " regular files (a link could point outside any target directory)");
        }
        if (type == S_IFDIR) {
          throw new BundleFormatException(shown, "is a directory entry; bundles hold only"
              + " regular files");
        }
        if (type != 0 && type != S_IFREG) {
          throw new BundleFormatException(shown, "is a special file (Unix type "
              + Integer.toOctalString(type) + "); bundles hold only regular files");
        }
      } else if ((external & 0x10) != 0) {
        throw new BundleFormatException(shown, "is a directory entry; bundles hold only"
            + " regular files");
      }
      if (size == 0xffffffffL || compressedSize == 0xffffffffL) {
        long[] sizes = zip64Sizes(read(ch, pos + 46 + nameLength, extraLength), size,
            compressedSize);
        size = sizes[0];
        compressedSize = sizes[1];
      }
      // Declared sizes are checked here, before anything is inflated, so that an honest bomb
      // costs no memory; the reader still counts real bytes while inflating (headers can lie).
      if (size < 0 || size > limits.maxEntryBytes()) {
        throw new BundleFormatException(shown, "declares " + Long.toUnsignedString(size)
            + " bytes, more than " + limits.maxEntryBytes() + " (maxEntryBytes): a zip bomb or"
            + " an unexpectedly large bundle; raise ReaderLimits.maxEntryBytes if you trust it");
      }
      declaredTotal += size;
      if (declaredTotal > limits.maxTotalBytes()) {
        throw new BundleFormatException(shown, "the zip declares more than "
            + limits.maxTotalBytes() + " bytes in total (maxTotalBytes): a zip bomb or an"
            + " unexpectedly large bundle; raise ReaderLimits.maxTotalBytes if you trust it");
      }
      if (size > ReaderLimits.RATIO_CHECK_AFTER_BYTES
          && size / Math.max(1, compressedSize) > limits.maxCompressionRatio()) {
        throw new BundleFormatException(shown, "declares a compression ratio above "
            + limits.maxCompressionRatio() + ":1 (maxCompressionRatio): looks like a zip bomb;"
            + " refusing it");
      }
      pos += 46L + nameLength + extraLength + commentLength;
    }
  }

  /** Sizes from the ZIP64 extended information extra field (id 1), in its order. */
  private static long[] zip64Sizes(ByteBuffer extra, long size, long compressedSize) {
    int i = 0;
    while (i + 4 <= extra.limit()) {
      int id = extra.getShort(i) & 0xffff;
      int length = extra.getShort(i + 2) & 0xffff;
      if (id == 1) {
        int at = i + 4;
        long s = size;
        long c = compressedSize;
        if (size == 0xffffffffL && at + 8 <= extra.limit()) {
          s = extra.getLong(at);
          at += 8;
        }
        if (compressedSize == 0xffffffffL && at + 8 <= extra.limit()) {
          c = extra.getLong(at);
        }
        return new long[] {s, c};
      }
      i += 4 + length;
    }
    return new long[] {size, compressedSize};
  }

  private static String name(ByteBuffer bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new BundleFormatException(null, "not a readable zip file (an entry name is not"
          + " valid UTF-8): bundles always use UTF-8 names, so ReproKit did not write this one");
    }
  }

  private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        throw damaged("unexpected end of file");
      }
    }
    return b.flip();
  }

  private static BundleFormatException damaged(String what) {
    return new BundleFormatException(null, "not a readable zip file (" + what + "): the file"
        + " is truncated or damaged; ask for it again");
  }
}
