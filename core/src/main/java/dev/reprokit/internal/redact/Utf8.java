package dev.reprokit.internal.redact;

/**
 * Well-formed UTF-8 (Unicode 15, table 3-7): exactly the byte sequences that the JDK's UTF-8
 * decoder accepts with {@code CodingErrorAction.REPORT}; no overlong forms, no surrogates, nothing
 * above U+10FFFF. Checks without decoding.
 */
final class Utf8 {
  private Utf8() {}

  static boolean isWellFormed(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i];
      if (c >= 0) { // ASCII, the common case
        i++;
        continue;
      }
      c &= 0xFF;
      if (c >= 0xC2 && c <= 0xDF) {
        if (i + 1 >= n || !continuation(b[i + 1], 0x80, 0xBF)) {
          return false;
        }
        i += 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        int lo = c == 0xE0 ? 0xA0 : 0x80;
        int hi = c == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
        if (i + 2 >= n || !continuation(b[i + 1], lo, hi) || !continuation(b[i + 2], 0x80, 0xBF)) {
          return false;
        }
        i += 3;
      } else if (c >= 0xF0 && c <= 0xF4) {
        int lo = c == 0xF0 ? 0x90 : 0x80;
        int hi = c == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
        if (i + 3 >= n || !continuation(b[i + 1], lo, hi) || !continuation(b[i + 2], 0x80, 0xBF)
            || !continuation(b[i + 3], 0x80, 0xBF)) {
          return false;
        }
        i += 4;
      } else {
        return false; // a continuation byte without a lead, C0, C1 or F5..FF
      }
    }
    return true;
  }

  private static boolean continuation(byte b, int lo, int hi) {
    int c = b & 0xFF;
    return c >= lo && c <= hi;
  }
}
